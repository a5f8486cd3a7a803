import { AppError } from '../../shared/errors/appError'

/** Matches tasks with no assignee (mixable with person ids). */
export const UNASSIGNED = 'unassigned'
/** Matches tasks with no initiative (mixable with initiative ids). */
export const NO_INITIATIVE = 'no-initiative'
/** Matches people or initiatives with no team. */
export const NO_TEAM = 'no-team'
/** Matches people with no manager. */
export const NO_MANAGER = 'no-manager'
/** Matches people with no job role. */
export const NO_ROLE = 'no-role'
/** Matches top-level teams. */
export const NO_PARENT = 'no-parent'

/** One sort key; the server ignores names it does not know. */
export interface SortKey<Field extends string> {
  field: Field
  direction?: 'asc' | 'desc'
}

/** Paging shared by every list; `limit` must be at least 1 (0 breaks the server's maths). */
export interface PageQuery {
  page?: number
  limit?: number
}

/** Filters of `GET /api/people`. */
export interface PeopleQuery extends PageQuery {
  search?: string
  /** A team id or `NO_TEAM`. */
  teamId?: string
  /** A person id or `NO_MANAGER`. */
  managerId?: string
  /** A job role id or `NO_ROLE`. */
  jobRoleId?: string
  /** Person statuses; omitted means every status, inactive people included. */
  status?: readonly string[]
  sort?: ReadonlyArray<
    SortKey<'name' | 'email' | 'role' | 'team' | 'manager' | 'status' | 'createdAt'>
  >
}

/** Filters of `GET /api/teams`. */
export interface TeamsQuery extends PageQuery {
  search?: string
  /** A team id or `NO_PARENT`. */
  parentId?: string
  sort?: ReadonlyArray<SortKey<'name' | 'createdAt' | 'updatedAt'>>
}

/** Filters of `GET /api/tasks`; every filter narrows (AND). */
export interface TasksQuery extends PageQuery {
  /** Substring of the title. */
  search?: string
  status?: readonly string[]
  /** Person ids, optionally with `UNASSIGNED`. */
  assigneeId?: readonly string[]
  /** Initiative ids, optionally with `NO_INITIATIVE`. */
  initiativeId?: readonly string[]
  priority?: readonly number[]
  /** Inclusive; a bare date means UTC midnight. */
  dueDateFrom?: string
  dueDateTo?: string
  sort?: ReadonlyArray<
    SortKey<'status' | 'dueDate' | 'priority' | 'assignee' | 'title' | 'createdAt'>
  >
}

/** Filters of `GET /api/initiatives`. */
export interface InitiativesQuery extends PageQuery {
  search?: string
  /** A team id or `NO_TEAM`. */
  teamId?: string
  /** A person who owns, sponsors or collaborates on the initiative. */
  ownerId?: string
  rag?: readonly string[]
  status?: readonly string[]
  /** Inclusive bounds on the target date. */
  dateFrom?: string
  dateTo?: string
  sort?: ReadonlyArray<
    SortKey<
      'title' | 'status' | 'rag' | 'team' | 'targetDate' | 'createdAt' | 'updatedAt' | 'priority'
    >
  >
}

/** Filters of `GET /api/oneonones`. */
export interface OneOnOnesQuery extends PageQuery {
  search?: string
  scheduledFrom?: string
  scheduledTo?: string
  sort?: ReadonlyArray<SortKey<'scheduledAt' | 'manager' | 'report'>>
}

/** The server's "no filter" word; sending it is never needed, so it is never sent. */
const ALL = 'all'

/** Query string for `GET /api/people`. */
export function peopleParams(query: PeopleQuery = {}): URLSearchParams {
  const params = pageParams(query)
  setText(params, 'search', query.search)
  setSingle(params, 'teamId', query.teamId)
  setSingle(params, 'managerId', query.managerId)
  setSingle(params, 'jobRoleId', query.jobRoleId)
  setList(params, 'status', query.status)
  setSort(params, query.sort)

  return params
}

/** Query string for `GET /api/teams`. */
export function teamsParams(query: TeamsQuery = {}): URLSearchParams {
  const params = pageParams(query)
  setText(params, 'search', query.search)
  setSingle(params, 'parentId', query.parentId)
  setSort(params, query.sort)

  return params
}

/**
 * Query string for `GET /api/tasks`. `all` in `assigneeId` or `initiativeId` drops the filter
 * instead: the server's row query would look for an id literally equal to `all`.
 */
export function tasksParams(query: TasksQuery = {}): URLSearchParams {
  const params = pageParams(query)
  setText(params, 'search', query.search)
  setList(params, 'status', query.status)
  setList(params, 'assigneeId', query.assigneeId)
  setList(params, 'initiativeId', query.initiativeId)
  setList(
    params,
    'priority',
    query.priority?.filter((value) => Number.isInteger(value)).map(String),
  )
  setText(params, 'dueDateFrom', query.dueDateFrom)
  setText(params, 'dueDateTo', query.dueDateTo)
  setSort(params, query.sort)

  return params
}

/** Query string for `GET /api/initiatives`. */
export function initiativesParams(query: InitiativesQuery = {}): URLSearchParams {
  const params = pageParams(query)
  setText(params, 'search', query.search)
  setSingle(params, 'teamId', query.teamId)
  setSingle(params, 'ownerId', query.ownerId)
  setList(params, 'rag', query.rag)
  setList(params, 'status', query.status)
  setText(params, 'dateFrom', query.dateFrom)
  setText(params, 'dateTo', query.dateTo)
  setSort(params, query.sort)

  return params
}

/** Query string for `GET /api/oneonones`. */
export function oneOnOnesParams(query: OneOnOnesQuery = {}): URLSearchParams {
  const params = pageParams(query)
  setText(params, 'search', query.search)
  setText(params, 'scheduledFrom', query.scheduledFrom)
  setText(params, 'scheduledTo', query.scheduledTo)
  setSort(params, query.sort)

  return params
}

function pageParams(query: PageQuery): URLSearchParams {
  const params = new URLSearchParams()

  if (query.page !== undefined) {
    params.set('page', String(requireCount('page', query.page)))
  }

  if (query.limit !== undefined) {
    params.set('limit', String(requireCount('limit', query.limit)))
  }

  return params
}

// The server parses these with parseInt and no bounds: 0, negatives or fractions make it
// divide by zero or fail with a database error.
function requireCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AppError('API_BAD_REQUEST', `The ${name} must be a whole number of at least 1.`)
  }

  return value
}

function setText(params: URLSearchParams, name: string, value: string | undefined): void {
  const trimmed = value?.trim()

  if (trimmed) {
    params.set(name, trimmed)
  }
}

function setSingle(params: URLSearchParams, name: string, value: string | undefined): void {
  const trimmed = value?.trim()

  if (trimmed && trimmed.toLowerCase() !== ALL) {
    params.set(name, trimmed)
  }
}

// The server splits on commas and trims, so a piece containing a comma cannot be expressed;
// such pieces are dropped rather than silently split into two different filters.
function setList(
  params: URLSearchParams,
  name: string,
  values: readonly string[] | undefined,
): void {
  const pieces = (values ?? [])
    .map((value) => value.trim())
    .filter((value) => value !== '' && !value.includes(','))

  if (pieces.length === 0 || pieces.some((value) => value.toLowerCase() === ALL)) {
    return
  }

  params.set(name, [...new Set(pieces)].join(','))
}

function setSort<Field extends string>(
  params: URLSearchParams,
  keys: ReadonlyArray<SortKey<Field>> | undefined,
): void {
  if (!keys || keys.length === 0) {
    return
  }

  params.set('sort', keys.map((key) => `${key.field}:${key.direction ?? 'asc'}`).join(','))
}
