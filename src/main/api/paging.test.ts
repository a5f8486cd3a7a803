import { describe, expect, it } from 'vitest'

import { toPageInfo, type Page } from '../../shared/mpath/pagination'
import { hasMorePagination, nextPagePagination } from '../../shared/mpath/testing/fixtures'
import { pageThrough, type ListPage, type PagingProgress } from './paging'

interface Item {
  id: string
}

/** A list of `total` items served in pages, in either pagination flavour. */
function serveList(
  total: number,
  flavour: 'hasMore' | 'hasNextPage',
  shuffle: (page: number, items: Item[]) => Item[] = (_page, items) => items,
) {
  const calls: Array<{ page: number; limit: number }> = []
  const all = Array.from({ length: total }, (_, index) => ({ id: `item-${index + 1}` }))
  const listPage: ListPage<Item> = async (page, limit) => {
    calls.push({ page, limit })
    const items = shuffle(page, all.slice((page - 1) * limit, page * limit))
    const pagination =
      flavour === 'hasMore'
        ? hasMorePagination(page, limit, total)
        : nextPagePagination(page, limit, total)

    return { items, pageInfo: toPageInfo(pagination) }
  }

  return { listPage, calls }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []

  for await (const item of iterable) {
    items.push(item)
  }

  return items
}

describe('pageThrough', () => {
  it.each(['hasMore', 'hasNextPage'] as const)(
    'walks every page of the %s flavour, in order',
    async (flavour) => {
      const { listPage, calls } = serveList(23, flavour)

      const items = await collect(pageThrough(listPage, { pageSize: 5, concurrency: 2 }))

      expect(items.map((item) => item.id)).toEqual(
        Array.from({ length: 23 }, (_, index) => `item-${index + 1}`),
      )
      expect(calls.map((call) => call.page).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
      expect(calls.every((call) => call.limit === 5)).toBe(true)
    },
  )

  it('asks for page 1 alone first, then keeps at most `concurrency` pages in flight', async () => {
    let inFlight = 0
    let mostInFlight = 0
    const started: number[] = []
    const listPage: ListPage<Item> = async (page, limit) => {
      started.push(page)
      inFlight += 1
      mostInFlight = Math.max(mostInFlight, inFlight)
      // Later pages answer first, to prove the order of the output does not depend on timing.
      await new Promise((resolve) => setTimeout(resolve, (12 - page) * 2))
      inFlight -= 1

      return {
        items: [{ id: `p${page}` }],
        pageInfo: toPageInfo(nextPagePagination(page, limit, 10 * limit)),
      }
    }

    const items = await collect(pageThrough(listPage, { pageSize: 1, concurrency: 3 }))

    expect(started[0]).toBe(1)
    expect(mostInFlight).toBe(3)
    expect(items.map((item) => item.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `p${index + 1}`),
    )
  })

  it('skips an item repeated on two pages (the server orders without a tiebreaker)', async () => {
    const { listPage } = serveList(6, 'hasNextPage', (page, items) =>
      page === 2 ? [{ id: 'item-3' }, ...items.slice(1)] : items,
    )

    const items = await collect(pageThrough(listPage, { pageSize: 3 }))

    expect(items.map((item) => item.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-5', 'item-6'])
  })

  it('reports progress after each page', async () => {
    const { listPage } = serveList(5, 'hasMore')
    const progress: PagingProgress[] = []

    await collect(pageThrough(listPage, { pageSize: 2, onProgress: (step) => progress.push(step) }))

    expect(progress).toEqual([
      { pagesDone: 1, totalPages: 3, itemsDone: 2, totalCount: 5 },
      { pagesDone: 2, totalPages: 3, itemsDone: 4, totalCount: 5 },
      { pagesDone: 3, totalPages: 3, itemsDone: 5, totalCount: 5 },
    ])
  })

  it('walks one page at a time while the server cannot say how many pages there are', async () => {
    const pages: Array<Page<Item>> = [1, 2, 3].map((page) => ({
      items: [{ id: `p${page}` }],
      pageInfo: { page, limit: 1, totalCount: 3, totalPages: null, hasNextPage: page < 3 },
    }))
    const calls: number[] = []
    const listPage: ListPage<Item> = async (page) => {
      calls.push(page)

      return pages[page - 1] as Page<Item>
    }

    const items = await collect(pageThrough(listPage, { pageSize: 1 }))

    expect(items.map((item) => item.id)).toEqual(['p1', 'p2', 'p3'])
    expect(calls).toEqual([1, 2, 3])
  })

  it('handles an empty list with one request', async () => {
    const { listPage, calls } = serveList(0, 'hasNextPage')

    expect(await collect(pageThrough(listPage))).toEqual([])
    expect(calls).toHaveLength(1)
  })

  it('passes on a page’s failure; a later page failing early is not left unhandled', async () => {
    const listPage: ListPage<Item> = async (page, limit) => {
      if (page === 3) {
        throw Object.assign(new Error('boom'), { code: 'API_SERVER_ERROR' })
      }

      await new Promise((resolve) => setTimeout(resolve, 5))

      return {
        items: [{ id: `p${page}` }],
        pageInfo: toPageInfo(nextPagePagination(page, limit, 4)),
      }
    }

    await expect(collect(pageThrough(listPage, { pageSize: 1, concurrency: 3 }))).rejects.toThrow(
      'boom',
    )
  })

  it('stops asking for pages when the consumer stops reading', async () => {
    const { listPage, calls } = serveList(100, 'hasNextPage')

    for await (const item of pageThrough(listPage, { pageSize: 10, concurrency: 2 })) {
      if (item.id === 'item-15') {
        break
      }
    }

    expect(calls.length).toBeLessThanOrEqual(4)
  })

  it('refuses a page size of 0, which the server cannot page with', async () => {
    const { listPage } = serveList(3, 'hasMore')

    await expect(collect(pageThrough(listPage, { pageSize: 0 }))).rejects.toMatchObject({
      code: 'API_BAD_REQUEST',
    })
  })
})
