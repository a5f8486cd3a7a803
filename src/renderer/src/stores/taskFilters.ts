import type { TaskQuery } from '../../../shared/ipc/queries'
import type { TaskStatus } from '../../../shared/mpath/tasks'

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

/** The part of the Tasks view that decides which tasks are asked for. */
export interface TaskQueryState {
  search: string
  filters: TaskFilters
  sort: TaskSort
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
export function hasTaskFilters(state: Pick<TaskQueryState, 'filters' | 'search'>): boolean {
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
export function taskQueryOf(state: TaskQueryState): Omit<TaskQuery, 'offset' | 'limit'> {
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
