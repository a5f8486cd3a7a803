import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { TaskDraft } from '../../../shared/ipc/queries'
import type { WriteAvailability } from '../../../shared/ipc/views'
import type { Task } from '../../../shared/mpath/tasks'
import { asErrorData, logProblem, mpath } from './mpathBridge'
import { createOptimisticWriter, findTask } from './taskEdits'
import {
  NO_TASK_FILTERS,
  taskQueryOf,
  type FilterChoice,
  type TaskFilters,
  type TaskSort,
} from './taskFilters'
import {
  TASK_PAGE_SIZE,
  cachePage,
  pagesOfRange,
  withoutPage,
  type TaskPages,
} from './taskPageCache'
import { registerStoreReset } from './testing/resetStores'

export {
  NO_TASK_FILTERS,
  hasTaskFilters,
  taskQueryOf,
  type FilterChoice,
  type TaskFilters,
  type TaskSort,
} from './taskFilters'
export { MAX_CACHED_TASK_PAGES, TASK_PAGE_SIZE, taskAt } from './taskPageCache'

/** The Tasks view: the query, the cached windows of its answer, the open task and edits. */
export interface TasksStore {
  search: string
  filters: TaskFilters
  sort: TaskSort
  /** How many tasks match, or null before the first answer. */
  total: number | null
  /** Cached pages of rows by page number (rows `page * TASK_PAGE_SIZE …`). */
  pages: TaskPages
  /** Bumped whenever the query changes; answers to an older query are dropped. */
  version: number
  /** The query version the cached pages belong to. */
  pagesVersion: number
  /** Pages asked for under the current version and not answered yet. */
  pendingPages: ReadonlySet<number>
  error: ErrorData | null
  /** The row the keyboard is on. */
  activeIndex: number
  assigneeChoices: FilterChoice[]
  initiativeChoices: FilterChoice[]
  writeAvailability: WriteAvailability | null
  /** The task shown in the detail panel. */
  detail: Task | null
  detailError: ErrorData | null
  isSaving: boolean
  /** Why the last edit failed; the edit has been undone. */
  writeError: ErrorData | null

  setSearch: (search: string) => void
  setFilters: (patch: Partial<TaskFilters>) => void
  clearFilters: () => void
  /** Replaces search and filters with exactly these filters, e.g. "this person's tasks". */
  showOnly: (filters: Partial<TaskFilters>) => void
  setSort: (sort: TaskSort) => void
  /** Makes sure the rows `start…end` are cached or on their way. */
  loadRange: (start: number, end: number) => void
  /** Asks again for every cached page, keeping the rows on screen until the answers land. */
  reload: () => void
  setActiveIndex: (index: number) => void
  loadChoices: () => Promise<void>
  loadWriteAvailability: () => Promise<void>
  loadDetail: (id: string | null) => Promise<void>
  completeTask: (id: string) => Promise<boolean>
  updateTask: (id: string, patch: Partial<TaskDraft>) => Promise<boolean>
  dismissWriteError: () => void
  /** Reloads on `data:did-change` for tasks; returns the function that stops listening. */
  listenForChanges: () => () => void
}

export const useTasksStore = create<TasksStore>()((set, get) => {
  const fetchPage = async (version: number, page: number): Promise<void> => {
    try {
      const answer = await mpath().tasks.query({
        ...taskQueryOf(get()),
        offset: page * TASK_PAGE_SIZE,
        limit: TASK_PAGE_SIZE,
      })

      if (get().version !== version) {
        return
      }

      set((state) => ({
        // The first answer to a new query replaces every page of the old one at once, so the
        // list never mixes rows of two queries.
        pages:
          state.pagesVersion === version
            ? cachePage(state.pages, page, answer.items)
            : new Map([[page, answer.items]]),
        pagesVersion: version,
        total: answer.total,
        pendingPages: withoutPage(state.pendingPages, page),
        error: null,
      }))
    } catch (error) {
      if (get().version === version) {
        set((state) => ({
          error: asErrorData(error),
          pendingPages: withoutPage(state.pendingPages, page),
        }))
      }
    }
  }

  /** Starts a new query version and asks for the given pages under it. */
  const requery = (change: Partial<TasksStore>, pagesToLoad: number[]): void => {
    const version = get().version + 1
    set({ ...change, version, pendingPages: new Set(pagesToLoad), error: null })

    for (const page of pagesToLoad) {
      void fetchPage(version, page)
    }
  }

  const applyOptimistically = createOptimisticWriter(set, get)

  return {
    search: '',
    filters: NO_TASK_FILTERS,
    sort: null,
    total: null,
    pages: new Map(),
    version: 0,
    pagesVersion: 0,
    pendingPages: new Set(),
    error: null,
    activeIndex: 0,
    assigneeChoices: [],
    initiativeChoices: [],
    writeAvailability: null,
    detail: null,
    detailError: null,
    isSaving: false,
    writeError: null,

    setSearch: (search) => requery({ search, activeIndex: 0 }, [0]),
    setFilters: (patch) =>
      requery({ filters: { ...get().filters, ...patch }, activeIndex: 0 }, [0]),
    clearFilters: () => requery({ filters: NO_TASK_FILTERS, search: '', activeIndex: 0 }, [0]),
    showOnly: (filters) =>
      requery({ filters: { ...NO_TASK_FILTERS, ...filters }, search: '', activeIndex: 0 }, [0]),
    setSort: (sort) => requery({ sort, activeIndex: 0 }, [0]),
    loadRange: (start, end) => {
      const state = get()
      const { first, last } = pagesOfRange(start, end)
      const missing: number[] = []

      for (let page = first; page <= last; page++) {
        const isCached = state.pagesVersion === state.version && state.pages.has(page)

        if (!isCached && !state.pendingPages.has(page)) {
          missing.push(page)
        }
      }

      if (missing.length === 0) {
        return
      }

      set({ pendingPages: new Set([...state.pendingPages, ...missing]) })

      for (const page of missing) {
        void fetchPage(state.version, page)
      }
    },
    reload: () => {
      const cached = [...get().pages.keys()]
      requery({}, cached.length > 0 ? cached : [0])
    },
    setActiveIndex: (index) => {
      const total = get().total ?? 0
      set({ activeIndex: Math.min(Math.max(0, index), Math.max(0, total - 1)) })
    },
    loadChoices: async () => {
      try {
        const [people, initiatives] = await Promise.all([
          mpath().people.query({ sort: { field: 'name', direction: 'asc' }, limit: 1000 }),
          mpath().initiatives.query({ sort: { field: 'title', direction: 'asc' }, limit: 1000 }),
        ])
        set({
          assigneeChoices: people.items.map((person) => ({ id: person.id, name: person.name })),
          initiativeChoices: initiatives.items.map((initiative) => ({
            id: initiative.id,
            name: initiative.title,
          })),
        })
      } catch (error) {
        // Without choices the filters still offer "Unassigned" and "No initiative".
        logProblem('[tasks] Could not load filter choices', error)
      }
    },
    loadWriteAvailability: async () => {
      try {
        set({ writeAvailability: await mpath().tasks.getWriteAvailability() })
      } catch (error) {
        set({ writeAvailability: { available: false, reason: asErrorData(error).message } })
      }
    },
    loadDetail: async (id) => {
      if (id === null) {
        set({ detail: null, detailError: null, writeError: null })

        return
      }

      const cached = findTask(get(), id)
      set({ detail: cached ?? null, detailError: null, writeError: null })

      try {
        const task = await mpath().tasks.get({ id })

        if (task) {
          set({ detail: task })
        } else {
          set({
            detail: null,
            detailError: {
              code: 'API_NOT_FOUND',
              message: 'That task is no longer in your organization.',
              action: 'Choose another task from the list.',
            },
          })
        }
      } catch (error) {
        set({ detailError: asErrorData(error) })
      }
    },
    completeTask: (id) =>
      applyOptimistically(id, { status: 'done' }, () => mpath().tasks.complete({ id })),
    updateTask: (id, patch) =>
      applyOptimistically(id, patch as Partial<Task>, () => mpath().tasks.update({ id, patch })),
    dismissWriteError: () => set({ writeError: null }),
    listenForChanges: () =>
      mpath().data.onDidChange(({ collections }) => {
        if (!collections.includes('tasks')) {
          return
        }

        get().reload()
        const openId = get().detail?.id

        if (openId && !get().isSaving) {
          void get().loadDetail(openId)
        }
      }),
  }
})

registerStoreReset(useTasksStore)
