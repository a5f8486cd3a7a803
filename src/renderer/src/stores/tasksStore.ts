import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { TaskDraft, TaskQuery } from '../../../shared/ipc/queries'
import type { WriteAvailability } from '../../../shared/ipc/views'
import type { Task, TaskStatus } from '../../../shared/mpath/tasks'
import { asErrorData, logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** Rows asked of main at a time. */
export const TASK_PAGE_SIZE = 100

/** Pages kept in memory; the ones farthest from where the person is looking go first. */
export const MAX_CACHED_TASK_PAGES = 12

/** What the Tasks list is filtered by; an empty list means "any". */
export interface TaskFilters {
  statuses: TaskStatus[]
  priorities: number[]
  /** Person ids, or `unassigned`. */
  assigneeIds: string[]
  /** Initiative ids, or `none` for tasks without an initiative. */
  initiativeIds: string[]
  /** `YYYY-MM-DD`, or empty for no bound. */
  dueFrom: string
  dueTo: string
}

/** The order of the Tasks list; `null` is the server's order (status, then due date). */
export type TaskSort = NonNullable<TaskQuery['sort']> | null

/** A person or initiative a filter can choose. */
export interface FilterChoice {
  id: string
  name: string
}

/** The Tasks view: the query, the cached windows of its answer, the open task and edits. */
export interface TasksStore {
  search: string
  filters: TaskFilters
  sort: TaskSort
  /** How many tasks match, or null before the first answer. */
  total: number | null
  /** Cached pages of rows by page number (rows `page * TASK_PAGE_SIZE …`). */
  pages: ReadonlyMap<number, Task[]>
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

/** No filter at all. */
export const NO_TASK_FILTERS: TaskFilters = {
  statuses: [],
  priorities: [],
  assigneeIds: [],
  initiativeIds: [],
  dueFrom: '',
  dueTo: '',
}

/** True when any filter or the search narrows the list. */
export function hasTaskFilters(state: Pick<TasksStore, 'filters' | 'search'>): boolean {
  const { filters } = state

  return (
    state.search.trim() !== '' ||
    filters.statuses.length > 0 ||
    filters.priorities.length > 0 ||
    filters.assigneeIds.length > 0 ||
    filters.initiativeIds.length > 0 ||
    filters.dueFrom !== '' ||
    filters.dueTo !== ''
  )
}

/** The `tasks.query` request for the store's search, filters and sort, without a window. */
export function taskQueryOf(
  state: Pick<TasksStore, 'filters' | 'search' | 'sort'>,
): Omit<TaskQuery, 'offset' | 'limit'> {
  const { filters } = state
  const search = state.search.trim()

  return {
    ...(search ? { search } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.priorities.length ? { priorities: filters.priorities } : {}),
    ...(filters.assigneeIds.length ? { assigneeIds: filters.assigneeIds } : {}),
    ...(filters.initiativeIds.length ? { initiativeIds: filters.initiativeIds } : {}),
    ...(filters.dueFrom ? { dueFrom: filters.dueFrom } : {}),
    ...(filters.dueTo ? { dueTo: filters.dueTo } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
  }
}

/** The task at a row, if its page is cached. */
export function taskAt(state: Pick<TasksStore, 'pages'>, index: number): Task | undefined {
  return state.pages.get(Math.floor(index / TASK_PAGE_SIZE))?.[index % TASK_PAGE_SIZE]
}

function withoutPage(pages: ReadonlySet<number>, page: number): Set<number> {
  const next = new Set(pages)
  next.delete(page)

  return next
}

/** Adds a page and drops the pages farthest from it beyond the cache size. */
function cachePage(pages: ReadonlyMap<number, Task[]>, page: number, items: Task[]) {
  const next = new Map(pages).set(page, items)
  const byDistance = [...next.keys()].sort(
    (left, right) => Math.abs(right - page) - Math.abs(left - page),
  )

  for (const far of byDistance.slice(0, Math.max(0, next.size - MAX_CACHED_TASK_PAGES))) {
    next.delete(far)
  }

  return next
}

/** Replaces one task wherever it is cached (rows and detail). */
function replaceTask(state: TasksStore, task: Task): Partial<TasksStore> {
  const pages = new Map<number, Task[]>()

  for (const [page, items] of state.pages) {
    pages.set(
      page,
      items.map((item) => (item.id === task.id ? task : item)),
    )
  }

  return { pages, detail: state.detail?.id === task.id ? task : state.detail }
}

function findTask(state: TasksStore, id: string): Task | undefined {
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

  const applyOptimistically = async (
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
      const first = Math.max(0, Math.floor(start / TASK_PAGE_SIZE))
      const last = Math.max(first, Math.floor(Math.max(start, end) / TASK_PAGE_SIZE))
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
