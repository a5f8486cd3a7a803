import type { Caller } from '../auth/caller'
import type { SandboxDatabase } from '../database'
import { newId } from '../ids'
import { SqlParams } from '../query/sqlParams'
import { taskVisibility } from './taskAccess'

const DAY_MS = 86_400_000

const OPEN_TASK = `t.status not in ('done', 'dropped') and t.completed_at is null`

/** A reminder as both reminder GETs list it. */
export interface ReminderItem {
  id: string
  taskId: string
  taskTitle: string
  taskDueDate: Date
  remindAt: Date
}

/**
 * What mpath does before either reminder GET answers: for every visible, open task due within
 * 24 hours (or overdue) that the caller has a reminder preference for, make sure a PENDING
 * delivery exists for its current due date (remindAt = due − minutes, never before now), and
 * drop PENDING deliveries left over from an older due date. Only PENDING rows count, so an
 * acknowledged reminder comes back on the next call while the task stays open.
 */
export async function syncDeliveries(
  db: SandboxDatabase,
  caller: Caller,
  now: Date,
): Promise<void> {
  const params = new SqlParams()
  const user = params.add(caller.userId)
  const horizon = params.add(new Date(now.getTime() + DAY_MS))
  const candidates = await db.query<{
    id: string
    due_date: Date
    minutes: number
    has_pending: boolean
  }>(
    `select t.id, t.due_date, p.reminder_minutes_before_due as minutes,
            exists (select 1 from task_reminder_delivery d
                     where d.task_id = t.id and d.user_id = ${user} and d.status = 'PENDING'
                       and d.task_due_date = t.due_date) as has_pending
       from task t join task_reminder_preference p on p.task_id = t.id and p.user_id = ${user}
      where p.reminder_minutes_before_due is not null and t.due_date is not null
        and t.due_date <= ${horizon} and ${OPEN_TASK} and ${taskVisibility(params, caller)}`,
    params.values,
  )

  await db.transaction(async (transaction) => {
    await transaction.query(
      `delete from task_reminder_delivery d using task t
        where d.task_id = t.id and d.user_id = $1 and d.status = 'PENDING'
          and d.task_due_date is distinct from t.due_date`,
      [caller.userId],
    )

    for (const candidate of candidates.rows.filter((row) => !row.has_pending)) {
      const remindAt = Math.max(
        candidate.due_date.getTime() - candidate.minutes * 60_000,
        now.getTime(),
      )
      await transaction.query(
        `insert into task_reminder_delivery
             (id, task_id, user_id, task_due_date, remind_at, status, created_at)
         values ($1, $2, $3, $4, $5, 'PENDING', $6)`,
        [newId(), candidate.id, caller.userId, candidate.due_date, new Date(remindAt), now],
      )
    }
  })
}

/** PENDING deliveries of open tasks due to remind by `until`, oldest first. */
export async function listReminders(
  db: SandboxDatabase,
  caller: Caller,
  input: { until: Date; onlyUnpushed: boolean },
): Promise<ReminderItem[]> {
  const result = await db.query<ReminderItem>(
    `select d.id, d.task_id as "taskId", t.title as "taskTitle", d.task_due_date as "taskDueDate",
            d.remind_at as "remindAt"
       from task_reminder_delivery d join task t on t.id = d.task_id
      where d.user_id = $1 and d.status = 'PENDING' and d.remind_at <= $2 and ${OPEN_TASK}
        ${input.onlyUnpushed ? 'and d.push_sent_at is null' : ''}
      order by d.remind_at asc`,
    [caller.userId, input.until],
  )

  return result.rows
}

/** The caller's delivery, if its task is still visible to them. */
export async function findDelivery(
  db: SandboxDatabase,
  caller: Caller,
  deliveryId: string,
): Promise<{ id: string; status: string; task_id: string; task_due_date: Date } | undefined> {
  const params = new SqlParams()
  const result = await db.query<{
    id: string
    status: string
    task_id: string
    task_due_date: Date
  }>(
    `select d.id, d.status, d.task_id, d.task_due_date
       from task_reminder_delivery d join task t on t.id = d.task_id
      where d.id = ${params.add(deliveryId)} and d.user_id = ${params.add(caller.userId)}
        and ${taskVisibility(params, caller)}`,
    params.values,
  )

  return result.rows[0]
}
