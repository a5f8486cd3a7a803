import { z } from 'zod'

import type { Caller } from '../auth/caller'
import type { ProtectedRoute } from '../auth/routeAccess'
import { emptyReply, errorReply, jsonReply, type Reply } from '../http/reply'
import type { ApiRequest } from '../http/router'
import { newId } from '../ids'
import { SqlParams } from '../query/sqlParams'
import type { ApiRoute, RouteContext } from './routeContext'
import {
  findVisibleTask,
  TASK_ITEM_COLUMNS,
  TASK_ITEM_FROM,
  toTaskItem,
  type TaskItemRow,
} from './taskAccess'

const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(new Date(value).getTime()), 'must be an ISO 8601 date')

/** Writable fields, named as in the task list items; anything else is refused. */
const TASK_FIELDS = z
  .object({
    title: z.string().trim().min(1).max(1500),
    description: z.string().nullable(),
    status: z.enum(['todo', 'doing', 'blocked', 'done', 'dropped']),
    priority: z.number().int().min(1).max(5),
    dueDate: isoDate.nullable(),
    assigneeId: z.string().min(1).nullable(),
    initiativeId: z.string().min(1).nullable(),
    objectiveId: z.string().min(1).nullable(),
  })
  .partial()
  .strict()

type TaskFields = z.infer<typeof TASK_FIELDS>

const COLUMNS: Record<keyof TaskFields, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  dueDate: 'due_date',
  assigneeId: 'assignee_id',
  initiativeId: 'initiative_id',
  objectiveId: 'objective_id',
}

/**
 * The task-write extension (not on the real server): `POST /api/tasks`, `PATCH` and `DELETE
 * /api/tasks/:id`, announced by `GET /api/capabilities` and all absent under `--no-writes`.
 */
export function createTaskWriteRoutes(context: RouteContext): ApiRoute[] {
  const { db, faults } = context
  const isEnabled = () => !faults.noWrites

  const readFields = async (request: ApiRequest): Promise<TaskFields | Reply> => {
    let body: unknown

    try {
      body = await request.readJson()
    } catch (_error) {
      return errorReply(400, 'The request body must be JSON')
    }

    const parsed = TASK_FIELDS.safeParse(body)

    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = issue?.path.join('.') || 'body'

      return errorReply(400, `Invalid task field ${field}: ${issue?.message ?? 'invalid value'}`)
    }

    return parsed.data
  }

  /** References must point into the caller's organization; an objective into its initiative. */
  const checkReferences = async (
    caller: Caller,
    fields: TaskFields,
    current?: TaskItemRow,
  ): Promise<Reply | null> => {
    if (fields.assigneeId) {
      const found = await db.query('select 1 from person where id = $1 and organization_id = $2', [
        fields.assigneeId,
        caller.organizationId,
      ])

      if (found.rows.length === 0) {
        return errorReply(400, 'assigneeId does not name a person in your organization')
      }
    }

    if (fields.initiativeId) {
      const found = await db.query(
        'select 1 from initiative where id = $1 and organization_id = $2',
        [fields.initiativeId, caller.organizationId],
      )

      if (found.rows.length === 0) {
        return errorReply(400, 'initiativeId does not name an initiative in your organization')
      }
    }

    if (fields.objectiveId) {
      const initiativeId =
        fields.initiativeId !== undefined ? fields.initiativeId : current?.initiative_id
      const found = await db.query<{ initiative_id: string }>(
        `select o.initiative_id from objective o join initiative i on i.id = o.initiative_id
          where o.id = $1 and i.organization_id = $2`,
        [fields.objectiveId, caller.organizationId],
      )
      const objective = found.rows[0]

      if (!objective || (initiativeId && objective.initiative_id !== initiativeId)) {
        return errorReply(400, 'objectiveId does not name an objective of the task initiative')
      }
    }

    return null
  }

  const loadItem = async (id: string) =>
    (
      await db.query<TaskItemRow>(`select ${TASK_ITEM_COLUMNS} ${TASK_ITEM_FROM} where t.id = $1`, [
        id,
      ])
    ).rows[0]

  /** mpath's task.edit/task.delete rule: admin, creator, or assignee of an initiative task. */
  const mayChange = (caller: Caller, task: TaskItemRow) =>
    caller.isAdmin ||
    task.created_by_id === caller.userId ||
    (caller.personId !== null &&
      task.assignee_id === caller.personId &&
      (task.initiative_id !== null || task.objective_id !== null))

  const findForChange = async (caller: Caller, id: string): Promise<TaskItemRow | Reply> => {
    if (!caller.organizationId) {
      return errorReply(403, 'User must belong to an organization to change tasks')
    }

    const task = await findVisibleTask(db, caller, id, new SqlParams())

    if (!task) {
      return errorReply(404, 'Task not found')
    }

    return mayChange(caller, task)
      ? task
      : errorReply(403, 'You do not have permission to change this task')
  }

  const write = (method: string, path: string, handle: ProtectedRoute['handle']): ApiRoute => ({
    method,
    path,
    scope: 'write:tasks',
    realAuthFailure: 'bare500',
    isEnabled,
    handle,
  })

  return [
    {
      method: 'GET',
      path: '/api/capabilities',
      scope: 'none',
      isEnabled,
      async handle() {
        return jsonReply(200, { taskWrites: true })
      },
    },
    write('POST', '/api/tasks', async (request, caller) => {
      if (!caller.organizationId) {
        return errorReply(403, 'User must belong to an organization to create tasks')
      }

      if (!caller.isAdmin && !caller.personId) {
        return errorReply(403, 'You do not have permission to create tasks')
      }

      const fields = await readFields(request)

      if (isReply(fields)) {
        return fields
      }

      if (fields.title === undefined) {
        return errorReply(400, 'Invalid task field title: required')
      }

      const invalid = await checkReferences(caller, fields)

      if (invalid) {
        return invalid
      }

      const id = newId()
      const now = context.now()
      const status = fields.status ?? 'todo'
      await db.transaction(async (transaction) => {
        await transaction.query(
          `insert into task (id, title, description, status, priority, due_date, completed_at,
                             assignee_id,
                             created_by_id, initiative_id, objective_id, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
          [
            id,
            fields.title,
            fields.description ?? null,
            status,
            fields.priority ?? 2,
            fields.dueDate ? new Date(fields.dueDate) : null,
            status === 'done' ? now : null,
            fields.assigneeId ?? null,
            caller.userId,
            fields.initiativeId ?? null,
            fields.objectiveId ?? null,
            now,
          ],
        )

        // As in mpath, a new task with a due date reminds its creator 5 minutes before.
        if (fields.dueDate) {
          await transaction.query(
            `insert into task_reminder_preference (task_id, user_id, reminder_minutes_before_due)
             values ($1, $2, 5)`,
            [id, caller.userId],
          )
        }
      })

      const created = await loadItem(id)

      return created
        ? jsonReply(201, toTaskItem(created))
        : errorReply(500, 'Failed to create task')
    }),
    write('PATCH', '/api/tasks/:id', async (request, caller) => {
      const task = await findForChange(caller, request.params.id ?? '')

      if (isReply(task)) {
        return task
      }

      const fields = await readFields(request)

      if (isReply(fields)) {
        return fields
      }

      const invalid = await checkReferences(caller, fields, task)

      if (invalid) {
        return invalid
      }

      const now = context.now()
      const params = new SqlParams()
      const assignments = (Object.keys(fields) as Array<keyof TaskFields>).map((key) => {
        const value = key === 'dueDate' && fields.dueDate ? new Date(fields.dueDate) : fields[key]

        return `${COLUMNS[key]} = ${params.add(value ?? null)}`
      })

      // Done stamps completedAt; any other status clears it.
      if (fields.status !== undefined) {
        assignments.push(`completed_at = ${params.add(fields.status === 'done' ? now : null)}`)
      }

      assignments.push(`updated_at = ${params.add(now)}`)
      await db.query(
        `update task set ${assignments.join(', ')} where id = ${params.add(task.id)}`,
        params.values,
      )
      const updated = await loadItem(task.id)

      return updated ? jsonReply(200, toTaskItem(updated)) : errorReply(404, 'Task not found')
    }),
    write('DELETE', '/api/tasks/:id', async (request, caller) => {
      const task = await findForChange(caller, request.params.id ?? '')

      if (isReply(task)) {
        return task
      }

      await db.query('delete from task where id = $1', [task.id])

      return emptyReply(204)
    }),
  ]
}

function isReply(value: object): value is Reply {
  return 'status' in value && typeof value.status === 'number' && 'headers' in value
}
