import { z } from 'zod'

import { WRITE_TASKS_SCOPE } from '../../shared/connection/profile'
import { AppError } from '../../shared/errors/appError'
import type { Capabilities } from '../../shared/mpath/capabilities'
import {
  taskCreateSchema,
  taskSchema,
  taskUpdateSchema,
  type Task,
  type TaskCreate,
  type TaskUpdate,
} from '../../shared/mpath/tasks'
import type { RequestPath } from './request'

/** Whether task editing can be offered, and if not, why, in words for the person. */
export type WriteAvailability =
  | { available: true }
  | { available: false; reason: 'server' | 'scope'; message: string }

/** The task-write extension's operations. */
export interface TaskWrites {
  writeAvailability(): Promise<WriteAvailability>
  createTask(body: TaskCreate): Promise<Task>
  updateTask(id: string, patch: TaskUpdate): Promise<Task>
  deleteTask(id: string): Promise<void>
  /** Records what the server announced, when `capabilities()` learned it afresh. */
  noteCapabilities(capabilities: Capabilities): void
}

const NO_SERVER_WRITES = 'Your mpath server does not offer task editing yet.'
const NO_WRITE_SCOPE =
  'Editing needs the write:tasks permission; turn on editing and sign in again.'
const TASK_NOT_FOUND = 'That task no longer exists, or you can no longer see it.'

// The extension answers with the task itself; a `{ task }` wrapper is read the same way.
const writtenTaskSchema = z.union([
  z.looseObject({ task: taskSchema }).transform((wrapped) => wrapped.task),
  taskSchema,
])

/**
 * Task writes, offered only where the server announces them (`GET /api/capabilities`) and the
 * token carries `write:tasks`; otherwise each write throws WRITES_UNAVAILABLE with the reason.
 */
export function createTaskWrites(
  request: RequestPath,
  grantedScopes: () => readonly string[],
  loadCapabilities: () => Promise<Capabilities>,
): TaskWrites {
  let known: Capabilities | null = null

  async function writeAvailability(): Promise<WriteAvailability> {
    known ??= await loadCapabilities()

    if (!known.taskWrites) {
      return { available: false, reason: 'server', message: NO_SERVER_WRITES }
    }

    if (!grantedScopes().includes(WRITE_TASKS_SCOPE)) {
      return { available: false, reason: 'scope', message: NO_WRITE_SCOPE }
    }

    return { available: true }
  }

  async function ensureWritable(): Promise<void> {
    const availability = await writeAvailability()

    if (!availability.available) {
      throw new AppError('WRITES_UNAVAILABLE', availability.message, {
        details: { reason: availability.reason },
      })
    }
  }

  async function createTask(body: TaskCreate): Promise<Task> {
    const valid = validate(taskCreateSchema, body, 'task')
    await ensureWritable()

    try {
      return await request.send({
        method: 'POST',
        path: '/api/tasks',
        body: valid,
        schema: writtenTaskSchema,
        scope: WRITE_TASKS_SCOPE,
        authFailure: 'bare-500',
      })
    } catch (error) {
      // The announcement said yes but the route is gone: believe the route.
      if (error instanceof AppError && error.code === 'API_NOT_FOUND') {
        known = { taskWrites: false }
        throw new AppError('WRITES_UNAVAILABLE', NO_SERVER_WRITES, {
          details: { reason: 'server' },
          cause: error,
        })
      }

      throw error
    }
  }

  async function updateTask(id: string, patch: TaskUpdate): Promise<Task> {
    const path = taskPath(id)
    const valid = validate(taskUpdateSchema, patch, 'change')
    await ensureWritable()

    return request.send({
      method: 'PATCH',
      path,
      body: valid,
      schema: writtenTaskSchema,
      scope: WRITE_TASKS_SCOPE,
      authFailure: 'bare-500',
      notFoundMessage: TASK_NOT_FOUND,
    })
  }

  async function deleteTask(id: string): Promise<void> {
    const path = taskPath(id)
    await ensureWritable()

    await request.send({
      method: 'DELETE',
      path,
      schema: null,
      scope: WRITE_TASKS_SCOPE,
      authFailure: 'bare-500',
      notFoundMessage: TASK_NOT_FOUND,
    })
  }

  return {
    writeAvailability,
    createTask,
    updateTask,
    deleteTask,
    noteCapabilities(capabilities) {
      known = capabilities
    },
  }
}

function taskPath(id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new AppError('API_BAD_REQUEST', 'The task id is empty.')
  }

  return `/api/tasks/${encodeURIComponent(id.trim())}`
}

function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string) {
  const parsed = schema.safeParse(value)

  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.map(String).join('.')
    const message = field ? `The ${what}'s ${field} is not valid.` : `The ${what} is not valid.`
    throw new AppError('API_BAD_REQUEST', message, { cause: parsed.error })
  }

  return parsed.data as z.infer<Schema>
}
