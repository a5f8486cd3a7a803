import type { Caller } from '../auth/caller'
import type { ProtectedRoute } from '../auth/routeAccess'
import { errorReply, jsonReply, type Reply } from '../http/reply'
import type { ApiRequest } from '../http/router'
import { newId } from '../ids'
import { findDelivery, listReminders, syncDeliveries } from './reminderDeliveries'
import type { ApiRoute, RouteContext } from './routeContext'

const NOT_FOUND = 'Reminder not found or access denied'

/** The reminder routes: due-now and upcoming (both write first), acknowledge and snooze. */
export function createTaskReminderRoutes(context: RouteContext): ApiRoute[] {
  const { db } = context

  const route = (
    method: string,
    path: string,
    handle: (request: ApiRequest, caller: Caller, now: Date) => Promise<Reply>,
  ): ProtectedRoute => ({
    method,
    path,
    scope: 'read:tasks',
    realAuthFailure: 'json500',
    async handle(request, caller) {
      if (!caller.organizationId) {
        return errorReply(403, 'User must belong to an organization')
      }

      try {
        return await handle(request, caller, context.now())
      } catch (error) {
        return errorReply(500, error instanceof Error ? error.message : 'Internal server error')
      }
    },
  })

  const readBody = async (request: ApiRequest): Promise<Record<string, unknown>> => {
    const body = await request.readJson()

    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  }

  return [
    route('GET', '/api/task-reminders/due-now', async (_request, caller, now) => {
      await syncDeliveries(db, caller, now)

      return jsonReply(200, {
        reminders: await listReminders(db, caller, { until: now, onlyUnpushed: true }),
      })
    }),
    route('GET', '/api/task-reminders/upcoming', async (_request, caller, now) => {
      await syncDeliveries(db, caller, now)
      const until = new Date(now.getTime() + 86_400_000)

      return jsonReply(200, {
        reminders: await listReminders(db, caller, { until, onlyUnpushed: false }),
      })
    }),
    route('POST', '/api/task-reminders/acknowledge', async (request, caller) => {
      const { deliveryId } = await readBody(request)

      if (typeof deliveryId !== 'string' || deliveryId === '') {
        return errorReply(400, 'deliveryId is required')
      }

      const delivery = await findDelivery(db, caller, deliveryId)

      if (!delivery) {
        throw new Error(NOT_FOUND)
      }

      await db.query(`update task_reminder_delivery set status = 'ACKNOWLEDGED' where id = $1`, [
        delivery.id,
      ])

      return jsonReply(200, { success: true })
    }),
    route('POST', '/api/task-reminders/snooze', async (request, caller, now) => {
      const { deliveryId, snoozeMinutes } = await readBody(request)

      if (
        typeof deliveryId !== 'string' ||
        deliveryId === '' ||
        typeof snoozeMinutes !== 'number'
      ) {
        return errorReply(400, 'deliveryId and snoozeMinutes are required')
      }

      if (!(snoozeMinutes > 0)) {
        return errorReply(400, 'snoozeMinutes must be greater than 0')
      }

      const delivery = await findDelivery(db, caller, deliveryId)

      if (!delivery || delivery.status !== 'PENDING') {
        throw new Error(NOT_FOUND)
      }

      const remindAt = new Date(now.getTime() + snoozeMinutes * 60_000)

      if (delivery.task_due_date.getTime() <= now.getTime()) {
        return errorReply(400, 'Task is already overdue and cannot be snoozed')
      }

      if (remindAt.getTime() > delivery.task_due_date.getTime()) {
        return errorReply(400, 'Snooze time cannot be later than the task due date')
      }

      await db.transaction(async (transaction) => {
        await transaction.query(
          `update task_reminder_delivery set status = 'SNOOZED' where id = $1`,
          [delivery.id],
        )
        await transaction.query(
          `insert into task_reminder_delivery
             (id, task_id, user_id, task_due_date, remind_at, status, created_at)
           values ($1, $2, $3, $4, $5, 'PENDING', $6)`,
          [newId(), delivery.task_id, caller.userId, delivery.task_due_date, remindAt, now],
        )
      })

      return jsonReply(200, { success: true })
    }),
  ]
}
