import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { InitiativeQuery, QueryPage } from '../../../shared/ipc/queries'
import type { Initiative, Rag } from '../../../shared/mpath/initiatives'
import type { Task } from '../../../shared/mpath/tasks'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** Initiatives asked of main at once; organizations have tens to hundreds. */
export const INITIATIVES_LIMIT = 1000

/** Tasks shown on an initiative's page; the Tasks view shows them all. */
export const INITIATIVE_TASKS_LIMIT = 50

/** What the initiatives list is filtered by; empty means any. */
export interface InitiativeFilters {
  rag: Rag | ''
  status: string
}

/** The initiatives list and the open initiative's page. */
export interface InitiativesStore {
  search: string
  filters: InitiativeFilters
  initiatives: Initiative[]
  /** How many initiatives match, or null before the first answer. */
  total: number | null
  error: ErrorData | null
  version: number
  initiative: Initiative | null
  initiativeTasks: QueryPage<Task> | null
  detailError: ErrorData | null

  setSearch: (search: string) => void
  setFilters: (patch: Partial<InitiativeFilters>) => void
  clearFilters: () => void
  loadInitiatives: () => Promise<void>
  loadInitiative: (id: string | null) => Promise<void>
  /** Reloads on `data:did-change` for initiatives or tasks; returns the function that stops. */
  listenForChanges: () => () => void
}

/** No filter at all. */
export const NO_INITIATIVE_FILTERS: InitiativeFilters = { rag: '', status: '' }

/** The `initiatives.query` request for the store's search and filters. */
export function initiativeQueryOf(
  state: Pick<InitiativesStore, 'search' | 'filters'>,
): InitiativeQuery {
  const search = state.search.trim()

  return {
    ...(search ? { search } : {}),
    ...(state.filters.rag ? { rags: [state.filters.rag] } : {}),
    ...(state.filters.status ? { statuses: [state.filters.status] } : {}),
    sort: { field: 'title', direction: 'asc' },
    offset: 0,
    limit: INITIATIVES_LIMIT,
  }
}

export const useInitiativesStore = create<InitiativesStore>()((set, get) => {
  const requery = (change: Partial<InitiativesStore>): void => {
    set({ ...change, version: get().version + 1 })
    void get().loadInitiatives()
  }

  return {
    search: '',
    filters: NO_INITIATIVE_FILTERS,
    initiatives: [],
    total: null,
    error: null,
    version: 0,
    initiative: null,
    initiativeTasks: null,
    detailError: null,

    setSearch: (search) => requery({ search }),
    setFilters: (patch) => requery({ filters: { ...get().filters, ...patch } }),
    clearFilters: () => requery({ search: '', filters: NO_INITIATIVE_FILTERS }),
    loadInitiatives: async () => {
      const version = get().version
      set({ error: null })

      try {
        const answer = await mpath().initiatives.query(initiativeQueryOf(get()))

        if (get().version === version) {
          set({ initiatives: answer.items, total: answer.total })
        }
      } catch (error) {
        if (get().version === version) {
          set({ error: asErrorData(error) })
        }
      }
    },
    loadInitiative: async (id) => {
      if (id === null) {
        set({ initiative: null, initiativeTasks: null, detailError: null })

        return
      }

      if (get().initiative?.id !== id) {
        set({ initiative: null, initiativeTasks: null, detailError: null })
      }

      try {
        const [initiative, tasks] = await Promise.all([
          mpath().initiatives.get({ id }),
          mpath().tasks.query({ initiativeIds: [id], limit: INITIATIVE_TASKS_LIMIT }),
        ])

        if (!initiative) {
          set({
            detailError: {
              code: 'API_NOT_FOUND',
              message: 'That initiative is no longer in your organization.',
              action: 'Go back to the list and choose another.',
            },
          })

          return
        }

        set({ initiative, initiativeTasks: tasks, detailError: null })
      } catch (error) {
        set({ detailError: asErrorData(error) })
      }
    },
    listenForChanges: () =>
      mpath().data.onDidChange(({ collections }) => {
        const state = get()

        if (collections.includes('initiatives')) {
          void state.loadInitiatives()
        }

        if (
          state.initiative &&
          (collections.includes('initiatives') || collections.includes('tasks'))
        ) {
          void state.loadInitiative(state.initiative.id)
        }
      }),
  }
})

registerStoreReset(useInitiativesStore)
