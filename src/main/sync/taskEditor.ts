import { AppError } from '../../shared/errors/appError'
import type { TaskDraft, TaskPatch } from '../../shared/ipc/queries'
import type { WriteAvailability } from '../../shared/ipc/views'
import type { Task, TaskCreate, TaskUpdate } from '../../shared/mpath/tasks'
import type { ApiClient } from '../api/apiClient'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'
import type { DataStore } from './dataStore'

/** The part of the API client task edits go through. */
export type TaskWriteApi = Pick<
  ApiClient,
  'writeAvailability' | 'createTask' | 'updateTask' | 'deleteTask'
>

/** What the editor is built from. */
export interface TaskEditorOptions {
  /** The API client of the moment, or null when no profile is set. */
  api: () => TaskWriteApi | null
  data: DataStore
  /** Writes the tasks cache after a confirmed change. */
  persist: () => void
  clock: Pick<Clock, 'now'>
  logger: Logger
}

/**
 * Task edits, applied to the cache at once (so every view updates without waiting) and sent
 * to the server; when the server refuses, the cache is put back as it was and the error says
 * that the change was undone.
 */
export interface TaskEditor {
  availability(): Promise<WriteAvailability>
  create(draft: TaskDraft): Promise<Task>
  update(request: TaskPatch): Promise<Task>
  complete(id: string): Promise<Task>
  remove(id: string): Promise<void>
}

const NO_CONNECTION = 'Connect mpath Desktop to your organization first.'

/** Builds the {@link TaskEditor}. */
export function createTaskEditor(options: TaskEditorOptions): TaskEditor {
  const log = options.logger.child('sync/tasks')
  let localIds = 0

  async function writableApi(): Promise<TaskWriteApi> {
    const api = options.api()

    if (api === null) {
      throw new AppError('WRITES_UNAVAILABLE', NO_CONNECTION, { details: { reason: 'profile' } })
    }

    const availability = await api.writeAvailability()

    if (!availability.available) {
      throw new AppError('WRITES_UNAVAILABLE', availability.message, {
        details: { reason: availability.reason },
        action:
          availability.reason === 'scope'
            ? 'Turn on editing in Settings, then sign in again.'
            : undefined,
      })
    }

    return api
  }

  const undone = (error: unknown, what: string): AppError => {
    const code = error instanceof AppError ? error.code : 'INTERNAL'
    const reason = error instanceof AppError ? ` ${error.message}` : ''

    if (!(error instanceof AppError)) {
      log.error('A task write failed unexpectedly', { error })
    }

    return new AppError(code, `${what} was not saved and has been undone.${reason}`, {
      action: error instanceof AppError ? error.action : undefined,
      details: error instanceof AppError ? error.details : undefined,
      cause: error,
    })
  }

  /** Fills the names the list shows from the cache, so an optimistic task looks complete. */
  const withReferences = (task: Task): Task => {
    const assignee =
      task.assigneeId === null ? undefined : options.data.get('people').byId.get(task.assigneeId)
    const initiative =
      task.initiativeId === null
        ? undefined
        : options.data.get('initiatives').byId.get(task.initiativeId)

    return {
      ...task,
      assignee:
        task.assigneeId === null
          ? null
          : { id: task.assigneeId, name: assignee?.name ?? task.assignee?.name ?? '' },
      initiative:
        task.initiativeId === null
          ? null
          : {
              id: task.initiativeId,
              title: initiative?.title ?? task.initiative?.title ?? '',
            },
    }
  }

  const existing = (id: string): Task => {
    const task = options.data.get('tasks').byId.get(id)

    if (task === undefined) {
      throw new AppError('API_NOT_FOUND', 'That task is not in your synced data any more.', {
        action: 'Refresh, then try again.',
      })
    }

    return task
  }

  async function update(request: TaskPatch): Promise<Task> {
    const api = await writableApi()
    const before = existing(request.id)
    const now = new Date(options.clock.now()).toISOString()
    options.data.put('tasks', withReferences({ ...before, ...request.patch, updatedAt: now }))

    try {
      const saved = await api.updateTask(request.id, request.patch as TaskUpdate)
      options.data.put('tasks', saved)
      options.persist()

      return saved
    } catch (error) {
      options.data.put('tasks', before)
      throw undone(error, 'Your change')
    }
  }

  return {
    async availability() {
      const api = options.api()

      if (api === null) {
        return { available: false, reason: NO_CONNECTION }
      }

      const availability = await api.writeAvailability()

      return availability.available
        ? { available: true }
        : { available: false, reason: availability.message }
    },

    async create(draft) {
      const api = await writableApi()
      const now = new Date(options.clock.now()).toISOString()
      localIds += 1
      const localId = `local-${localIds}`
      const optimistic = withReferences({
        id: localId,
        title: draft.title,
        description: draft.description ?? null,
        status: draft.status ?? 'todo',
        priority: draft.priority ?? 2,
        estimate: null,
        dueDate: draft.dueDate ?? null,
        createdAt: now,
        updatedAt: now,
        assigneeId: draft.assigneeId ?? null,
        initiativeId: draft.initiativeId ?? null,
        objectiveId: null,
      })
      options.data.put('tasks', optimistic)

      try {
        const saved = await api.createTask(draft as TaskCreate)
        options.data.put('tasks', saved, localId)
        options.persist()

        return saved
      } catch (error) {
        options.data.remove('tasks', localId)
        throw undone(error, 'Your new task')
      }
    },

    update,

    complete: (id) => update({ id, patch: { status: 'done' } }),

    async remove(id) {
      const api = await writableApi()
      existing(id)
      const removed = options.data.remove('tasks', id)

      try {
        await api.deleteTask(id)
        options.persist()
      } catch (error) {
        if (removed !== undefined) {
          options.data.restore('tasks', removed.item, removed.index)
        }

        throw undone(error, 'Deleting the task')
      }
    },
  }
}
