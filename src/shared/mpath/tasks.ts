import { z } from 'zod'

import { paginationSchema } from './pagination'
import { alwaysNull, idSchema, isoDateTimeSchema } from './primitives'

/** Task statuses in workflow order; `done` and `dropped` count as completed. */
export const TASK_STATUSES = ['todo', 'doing', 'blocked', 'done', 'dropped'] as const

/** A task status as mpath's forms accept it. */
export const taskStatusSchema = z.enum(TASK_STATUSES)

/** One of mpath's task statuses. */
export type TaskStatus = z.infer<typeof taskStatusSchema>

/** Priority 1 (critical) to 5 (very low); lower is more urgent, 2 is the default. */
export const prioritySchema = z.number().int().min(1).max(5)

/** A task or initiative priority, 1 (critical) to 5 (very low). */
export type Priority = z.infer<typeof prioritySchema>

export { PRIORITY_LABELS } from './taskLabels'

const namedRefSchema = z.looseObject({ id: idSchema, name: z.string() })

/**
 * A task as `GET /api/tasks` lists it (and as the write extension returns it). `estimate` and
 * `objective` are always `null` on the server today; `completedAt` is never sent by the list
 * but kept optional for servers that add it. `status` stays an open string so a status added
 * upstream does not make the whole list unreadable.
 */
export const taskSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  priority: z.number().int(),
  estimate: alwaysNull(z.number()),
  dueDate: isoDateTimeSchema.nullable(),
  completedAt: isoDateTimeSchema.nullable().optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  assigneeId: z.string().nullable(),
  initiativeId: z.string().nullable(),
  objectiveId: z.string().nullable(),
  /** A user id, not a person id. */
  createdById: z.string().nullable().optional(),
  assignee: namedRefSchema.nullable().optional(),
  initiative: z.looseObject({ id: idSchema, title: z.string() }).nullable().optional(),
  objective: alwaysNull(z.looseObject({ id: idSchema, title: z.string() })),
  createdBy: namedRefSchema.nullable().optional(),
})

/** A task visible to the caller. */
export type Task = z.infer<typeof taskSchema>

/** `GET /api/tasks`. */
export const tasksResponseSchema = z.looseObject({
  tasks: z.array(taskSchema),
  pagination: paginationSchema,
})

/** The body of `GET /api/tasks`. */
export type TasksResponse = z.infer<typeof tasksResponseSchema>

/**
 * The body of `POST /api/tasks` (the sandbox's task-write extension). Field names are those of
 * the task list items; unknown fields are refused so a typo never passes silently.
 */
export const taskCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(1500),
  description: z.string().max(100_000).nullable().optional(),
  status: taskStatusSchema.optional(),
  priority: prioritySchema.optional(),
  dueDate: isoDateTimeSchema.nullable().optional(),
  assigneeId: idSchema.nullable().optional(),
  initiativeId: idSchema.nullable().optional(),
  objectiveId: idSchema.nullable().optional(),
})

/** A new task. */
export type TaskCreate = z.infer<typeof taskCreateSchema>

/** The body of `PATCH /api/tasks/:id`: any of the create fields, at least one. */
export const taskUpdateSchema = taskCreateSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one field.' })

/** A change to an existing task. */
export type TaskUpdate = z.infer<typeof taskUpdateSchema>
