/**
 * The list routes' shared query-string rules, as mpath parses them: `page`/`limit` with
 * `parseInt` and no clamping, comma lists with `all`, and `sort=field[:dir],…`.
 */

export interface PageRequest {
  page: number
  limit: number
  offset: number
}

/**
 * `page` (default 1) and `limit` (default 20), unvalidated: a non-number or negative value
 * reaches the database and fails there, which the routes answer with their 500.
 */
export function readPage(url: URL): PageRequest {
  const page = Number.parseInt(url.searchParams.get('page') || '1')
  const limit = Number.parseInt(url.searchParams.get('limit') || '20')

  return { page, limit, offset: (page - 1) * limit }
}

/** The `pagination` object of tasks, teams, initiatives and one-on-ones. */
export function pageInfo(request: PageRequest, totalCount: number) {
  const totalPages = Math.ceil(totalCount / request.limit)

  return {
    page: request.page,
    limit: request.limit,
    totalCount,
    totalPages,
    hasNextPage: request.page < totalPages,
    hasPreviousPage: request.page > 1,
  }
}

/** The `pagination` object of people (the `hasMore` flavour). */
export function pageInfoWithHasMore(request: PageRequest, totalCount: number) {
  const totalPages = Math.ceil(totalCount / request.limit)

  return {
    page: request.page,
    limit: request.limit,
    totalCount,
    totalPages,
    hasMore: request.page < totalPages,
  }
}

/** A comma list: pieces trimmed, empty pieces dropped; `null` when the parameter is absent. */
export function readList(url: URL, name: string): string[] | null {
  const value = url.searchParams.get(name)

  if (value === null) {
    return null
  }

  return value
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
}

/** A comma list that is skipped (null) when absent, empty or containing `all`. */
export function readFilterList(url: URL, name: string): string[] | null {
  const list = readList(url, name)

  return !list || list.length === 0 || list.includes('all') ? null : list
}

/** A single-value filter, skipped when absent, empty or `all`. */
export function readSingle(url: URL, name: string): string | null {
  const value = url.searchParams.get(name)

  return !value || value === 'all' ? null : value
}

/** A date bound parsed as JavaScript does; an unparseable one fails in the database. */
export function readDate(url: URL, name: string): Date | string | null {
  const value = url.searchParams.get(name)

  if (!value) {
    return null
  }

  const date = new Date(value)

  return Number.isNaN(date.getTime()) ? value : date
}

/** Per sort name (lower case), the ORDER BY terms for ascending and descending. */
export type SortColumns = Record<string, (direction: 'asc' | 'desc') => string>

/**
 * Turns `sort=name[:dir],…` into ORDER BY terms: names match case-insensitively, `desc`
 * (any case) sorts descending, anything else ascending; unknown names are dropped and the
 * route default applies when none remain.
 */
export function readSort(url: URL, columns: SortColumns, defaultOrder: string): string {
  const terms = (readList(url, 'sort') ?? []).flatMap((piece) => {
    const [name = '', direction = ''] = piece.split(':')
    const column = columns[name.trim().toLowerCase()]

    return column ? [column(direction.trim().toLowerCase() === 'desc' ? 'desc' : 'asc')] : []
  })

  return `order by ${terms.length > 0 ? terms.join(', ') : defaultOrder}`
}
