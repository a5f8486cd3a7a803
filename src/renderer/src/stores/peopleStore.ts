import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { PersonQuery, QueryPage } from '../../../shared/ipc/queries'
import type { OrgChartNode } from '../../../shared/ipc/views'
import type { Person } from '../../../shared/mpath/people'
import type { Task } from '../../../shared/mpath/tasks'
import type { Team } from '../../../shared/mpath/teams'
import { asErrorData, logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** People asked of main at a time; "Show more" asks for the next batch. */
export const PEOPLE_PAGE_SIZE = 200

/** Tasks shown on a person's page; the Tasks view shows them all. */
export const PERSON_TASKS_LIMIT = 50

/** What the people list is filtered by: an id, `none`, or empty for any. */
export interface PeopleFilters {
  teamId: string
  managerId: string
  status: string
}

/** The people list, the org chart and the open person's page. */
export interface PeopleStore {
  search: string
  filters: PeopleFilters
  people: Person[]
  /** How many people match, or null before the first answer. */
  total: number | null
  isLoading: boolean
  error: ErrorData | null
  version: number
  teams: Team[]
  orgChart: OrgChartNode[] | null
  orgChartError: ErrorData | null
  mode: 'list' | 'chart'
  /** The person the org chart centres on and highlights. */
  chartFocusId: string | null
  person: Person | null
  reports: Person[]
  personTasks: QueryPage<Task> | null
  personError: ErrorData | null

  setSearch: (search: string) => void
  setFilters: (patch: Partial<PeopleFilters>) => void
  clearFilters: () => void
  loadPeople: () => Promise<void>
  loadMore: () => Promise<void>
  loadTeams: () => Promise<void>
  loadOrgChart: () => Promise<void>
  setMode: (mode: 'list' | 'chart') => void
  /** Switches to the org chart centred on one person. */
  showInChart: (id: string | null) => void
  loadPerson: (id: string | null) => Promise<void>
  /** Reloads on `data:did-change` for people or tasks; returns the function that stops. */
  listenForChanges: () => () => void
}

/** No filter at all. */
export const NO_PEOPLE_FILTERS: PeopleFilters = { teamId: '', managerId: '', status: '' }

/** The `people.query` request for the store's search and filters, without a window. */
export function personQueryOf(
  state: Pick<PeopleStore, 'search' | 'filters'>,
): Omit<PersonQuery, 'offset' | 'limit'> {
  const search = state.search.trim()
  const { teamId, managerId, status } = state.filters

  return {
    ...(search ? { search } : {}),
    ...(teamId ? { teamIds: [teamId] } : {}),
    ...(managerId ? { managerIds: [managerId] } : {}),
    ...(status ? { statuses: [status] } : {}),
    sort: { field: 'name', direction: 'asc' },
  }
}

export const usePeopleStore = create<PeopleStore>()((set, get) => {
  const query = async (offset: number): Promise<void> => {
    const version = get().version
    set({ isLoading: true, error: null })

    try {
      const answer = await mpath().people.query({
        ...personQueryOf(get()),
        offset,
        limit: PEOPLE_PAGE_SIZE,
      })

      if (get().version === version) {
        set((state) => ({
          people: offset === 0 ? answer.items : [...state.people, ...answer.items],
          total: answer.total,
          isLoading: false,
        }))
      }
    } catch (error) {
      if (get().version === version) {
        set({ error: asErrorData(error), isLoading: false })
      }
    }
  }

  const requery = (change: Partial<PeopleStore>): void => {
    set({ ...change, version: get().version + 1 })
    void query(0)
  }

  return {
    search: '',
    filters: NO_PEOPLE_FILTERS,
    people: [],
    total: null,
    isLoading: false,
    error: null,
    version: 0,
    teams: [],
    orgChart: null,
    orgChartError: null,
    mode: 'list',
    chartFocusId: null,
    person: null,
    reports: [],
    personTasks: null,
    personError: null,

    setSearch: (search) => requery({ search }),
    setFilters: (patch) => requery({ filters: { ...get().filters, ...patch } }),
    clearFilters: () => requery({ search: '', filters: NO_PEOPLE_FILTERS }),
    loadPeople: async () => {
      set({ version: get().version + 1 })
      await query(0)
    },
    loadMore: () => query(get().people.length),
    loadTeams: async () => {
      try {
        set({ teams: await mpath().teams.list() })
      } catch (error) {
        // The team filter then offers only "No team"; the list itself still works.
        logProblem('[people] Could not load teams', error)
      }
    },
    loadOrgChart: async () => {
      try {
        set({ orgChart: await mpath().people.getOrgChart(), orgChartError: null })
      } catch (error) {
        set({ orgChartError: asErrorData(error) })
      }
    },
    setMode: (mode) => set({ mode }),
    showInChart: (id) => set({ mode: 'chart', chartFocusId: id }),
    loadPerson: async (id) => {
      if (id === null) {
        set({ person: null, reports: [], personTasks: null, personError: null })

        return
      }

      if (get().person?.id !== id) {
        set({ person: null, reports: [], personTasks: null, personError: null })
      }

      try {
        const [person, reports, tasks] = await Promise.all([
          mpath().people.get({ id }),
          mpath().people.query({
            managerIds: [id],
            sort: { field: 'name', direction: 'asc' },
            limit: 1000,
          }),
          mpath().tasks.query({ assigneeIds: [id], limit: PERSON_TASKS_LIMIT }),
        ])

        if (!person) {
          set({
            personError: {
              code: 'API_NOT_FOUND',
              message: 'That person is no longer in your organization.',
              action: 'Go back to the list and choose someone else.',
            },
          })

          return
        }

        set({ person, reports: reports.items, personTasks: tasks, personError: null })
      } catch (error) {
        set({ personError: asErrorData(error) })
      }
    },
    listenForChanges: () =>
      mpath().data.onDidChange(({ collections }) => {
        const state = get()

        if (collections.includes('people')) {
          void state.loadPeople()
          void state.loadOrgChart()
        }

        if (collections.includes('teams')) {
          void state.loadTeams()
        }

        if (state.person && (collections.includes('people') || collections.includes('tasks'))) {
          void state.loadPerson(state.person.id)
        }
      }),
  }
})

registerStoreReset(usePeopleStore)
