import { z } from 'zod'

/**
 * mpath's pagination block in either of its two flavours: people and job roles send
 * `hasMore`; tasks, teams, initiatives and one-on-ones send `hasNextPage` and
 * `hasPreviousPage`. `totalPages` is `null` when the server divided by a zero `limit`.
 */
export const paginationSchema = z.looseObject({
  page: z.number().int(),
  limit: z.number().int(),
  totalCount: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative().nullable(),
  hasMore: z.boolean().optional(),
  hasNextPage: z.boolean().optional(),
  hasPreviousPage: z.boolean().optional(),
})

/** A pagination block as the server sent it. */
export type Pagination = z.infer<typeof paginationSchema>

/** Pagination reduced to one flavour: what the client needs to walk every page. */
export interface PageInfo {
  page: number
  limit: number
  totalCount: number
  /** `null` when the server could not compute it. */
  totalPages: number | null
  hasNextPage: boolean
}

/** One page of a list endpoint, with its items under a uniform name. */
export interface Page<Item> {
  items: Item[]
  pageInfo: PageInfo
}

/**
 * Folds both pagination flavours into one.
 *
 * @example
 * toPageInfo({ page: 1, limit: 20, totalCount: 45, totalPages: 3, hasMore: true })
 * // → { page: 1, limit: 20, totalCount: 45, totalPages: 3, hasNextPage: true }
 */
export function toPageInfo(pagination: Pagination): PageInfo {
  const totalPages =
    pagination.totalPages ??
    (pagination.limit > 0 ? Math.ceil(pagination.totalCount / pagination.limit) : null)
  const hasNextPage =
    pagination.hasNextPage ??
    pagination.hasMore ??
    (totalPages === null ? false : pagination.page < totalPages)

  return {
    page: pagination.page,
    limit: pagination.limit,
    totalCount: pagination.totalCount,
    totalPages,
    hasNextPage,
  }
}
