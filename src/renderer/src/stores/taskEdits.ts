import type { ErrorData } from '../../../shared/errors/appError'
import type { Task } from '../../../shared/mpath/tasks'
import { asErrorData, logProblem } from './mpathBridge'
import type { TaskPages } from './taskPageCache'

/** The part of the Tasks view an edit touches: every copy of the task, and how the save went. */
export interface TaskEditState {
  pages: TaskPages
  /** The task shown in the detail panel. */
  detail: Task | null
  isSaving: boolean
  /** Why the last edit failed; the edit has been undone. */
  writeError: ErrorData | null
}

type SetEditState = (
  change: Partial<TaskEditState> | ((state: TaskEditState) => Partial<TaskEditState>),
) => void

/** Replaces one task wherever it is cached (rows and detail). */
export function replaceTask(
  state: Pick<TaskEditState, 'pages' | 'detail'>,
  task: Task,
): Pick<TaskEditState, 'pages' | 'detail'> {
  const pages = new Map<number, Task[]>()

  for (const [page, items] of state.pages) {
    pages.set(
      page,
      items.map((item) => (item.id === task.id ? task : item)),
    )
  }

  return { pages, detail: state.detail?.id === task.id ? task : state.detail }
}

/** The cached copy of a task, from the detail panel or any cached page. */
export function findTask(
  state: Pick<TaskEditState, 'pages' | 'detail'>,
  id: string,
): Task | undefined {
  if (state.detail?.id === id) {
    return state.detail
  }

  for (const items of state.pages.values()) {
    const task = items.find((item) => item.id === id)

    if (task) {
      return task
    }
  }

  return undefined
}

/**
 * Returns a function that shows an edit at once, sends it, then keeps the saved task or, when
 * the save fails, puts the task back as it was and records why.
 */
export function createOptimisticWriter(set: SetEditState, get: () => TaskEditState) {
  return async (
    id: string,
    optimistic: Partial<Task>,
    send: () => Promise<Task>,
  ): Promise<boolean> => {
    const before = findTask(get(), id)
    set({ isSaving: true, writeError: null })

    if (before) {
      set((state) => replaceTask(state, { ...before, ...optimistic }))
    }

    try {
      const saved = await send()
      set((state) => ({ ...replaceTask(state, saved), isSaving: false }))

      return true
    } catch (error) {
      logProblem('[tasks] A task change failed', error)
      set((state) => ({
        ...(before ? replaceTask(state, before) : {}),
        isSaving: false,
        writeError: asErrorData(error),
      }))

      return false
    }
  }
}
