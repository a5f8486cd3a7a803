import { AppError } from '../../shared/errors/appError'
import type { Page } from '../../shared/mpath/pagination'

/** Fetches one page of a list; `page` counts from 1 and `limit` is at least 1. */
export type ListPage<Item> = (page: number, limit: number) => Promise<Page<Item>>

/** How far a walk through a list has come. */
export interface PagingProgress {
  pagesDone: number
  /** `null` until the first page says how many there are, or when the server cannot say. */
  totalPages: number | null
  itemsDone: number
  totalCount: number | null
}

/** Options of `pageThrough`. */
export interface PageThroughOptions {
  /** Items per request. Default 100; must be at least 1 (0 breaks the server's maths). */
  pageSize?: number
  /** Pages in flight at once after the first. Default 3. */
  concurrency?: number
  onProgress?(progress: PagingProgress): void
}

const DEFAULT_PAGE_SIZE = 100
const DEFAULT_CONCURRENCY = 3
// A server whose totals cannot be read is walked one page at a time up to this many pages,
// so a server that always says "more" cannot keep the client busy forever.
const MAX_OPEN_ENDED_PAGES = 10_000

/**
 * Walks every page of a list: page 1 first (it tells the total), then the rest with at most
 * `concurrency` requests in flight, yielding items in page order. mpath's ordering has no
 * unique tiebreaker, so an item can appear on two pages; repeats of an id are skipped.
 *
 * @example
 * for await (const task of pageThrough((page, limit) => api.listTasks({ page, limit }))) {
 *   store.add(task)
 * }
 */
export async function* pageThrough<Item extends { id: string }>(
  listPage: ListPage<Item>,
  options: PageThroughOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const pageSize = requirePositive('page size', options.pageSize ?? DEFAULT_PAGE_SIZE)
  const concurrency = requirePositive('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY)
  const seen = new Set<string>()
  const progress: PagingProgress = {
    pagesDone: 0,
    totalPages: null,
    itemsDone: 0,
    totalCount: null,
  }

  function* fresh(page: Page<Item>): Generator<Item> {
    progress.pagesDone += 1

    for (const item of page.items) {
      if (!seen.has(item.id)) {
        seen.add(item.id)
        progress.itemsDone += 1
        yield item
      }
    }

    options.onProgress?.({ ...progress })
  }

  const first = await listPage(1, pageSize)
  const totalPages = first.pageInfo.totalPages
  progress.totalPages = totalPages
  progress.totalCount = first.pageInfo.totalCount
  yield* fresh(first)

  if (totalPages === null) {
    yield* walkOpenEnded(listPage, pageSize, first, fresh)

    return
  }

  const inFlight = new Map<number, Promise<Page<Item>>>()
  let nextToStart = 2

  const fill = (): void => {
    while (nextToStart <= totalPages && inFlight.size < concurrency) {
      const pending = listPage(nextToStart, pageSize)
      // Awaited in order below; this keeps a later page's failure from going unhandled
      // while an earlier page is awaited.
      pending.catch(() => undefined)
      inFlight.set(nextToStart, pending)
      nextToStart += 1
    }
  }

  for (let page = 2; page <= totalPages; page += 1) {
    fill()
    const pending = inFlight.get(page)

    if (pending === undefined) {
      break
    }

    const result = await pending
    inFlight.delete(page)
    yield* fresh(result)
  }
}

async function* walkOpenEnded<Item extends { id: string }>(
  listPage: ListPage<Item>,
  pageSize: number,
  first: Page<Item>,
  fresh: (page: Page<Item>) => Generator<Item>,
): AsyncGenerator<Item, void, undefined> {
  let previous = first

  for (let page = 2; page <= MAX_OPEN_ENDED_PAGES; page += 1) {
    if (!previous.pageInfo.hasNextPage || previous.items.length === 0) {
      return
    }

    previous = await listPage(page, pageSize)
    yield* fresh(previous)
  }
}

function requirePositive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AppError('API_BAD_REQUEST', `The ${name} must be a whole number of at least 1.`)
  }

  return value
}
