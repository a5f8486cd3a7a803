import type { Task } from '../../../shared/mpath/tasks'

/** Rows asked of main at a time. */
export const TASK_PAGE_SIZE = 100

/** Pages kept in memory; the ones farthest from where the person is looking go first. */
export const MAX_CACHED_TASK_PAGES = 12

/** Cached pages of task rows by page number (rows `page * TASK_PAGE_SIZE …`). */
export type TaskPages = ReadonlyMap<number, Task[]>

/** The task at a row, if its page is cached. */
export function taskAt(state: { pages: TaskPages }, index: number): Task | undefined {
  return state.pages.get(Math.floor(index / TASK_PAGE_SIZE))?.[index % TASK_PAGE_SIZE]
}

/** The pages from the first to the last that hold the rows `start…end`. */
export function pagesOfRange(start: number, end: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(start / TASK_PAGE_SIZE))
  const last = Math.max(first, Math.floor(Math.max(start, end) / TASK_PAGE_SIZE))

  return { first, last }
}

/** A copy of the pending pages without the one that has been answered. */
export function withoutPage(pages: ReadonlySet<number>, page: number): Set<number> {
  const next = new Set(pages)
  next.delete(page)

  return next
}

/** Adds a page and drops the pages farthest from it beyond the cache size. */
export function cachePage(pages: TaskPages, page: number, items: Task[]): Map<number, Task[]> {
  const next = new Map(pages).set(page, items)
  const byDistance = [...next.keys()].sort(
    (left, right) => Math.abs(right - page) - Math.abs(left - page),
  )

  for (const far of byDistance.slice(0, Math.max(0, next.size - MAX_CACHED_TASK_PAGES))) {
    next.delete(far)
  }

  return next
}
