// The baseline: the very pages the sync asks for, fetched with the same fetch, page size and
// concurrency, and read with JSON.parse alone. Items are kept, as any client keeps what it
// downloads; nothing is validated, indexed or written.
import { CONCURRENCY, PAGE_SIZE, readChildInput } from './childProtocol'
import { createCountingFetch } from './countingFetch'
import { measureChild, printReport } from './measureChild'

/** The sync's lists in the sync's order, with the key each answer keeps its items under. */
const LISTS = [
  { name: 'people', path: '/api/people', key: 'people' },
  { name: 'teams', path: '/api/teams', key: 'teams' },
  { name: 'initiatives', path: '/api/initiatives', key: 'initiatives' },
  { name: 'oneOnOnes', path: '/api/oneonones', key: 'oneonones' },
  { name: 'tasks', path: '/api/tasks', key: 'tasks' },
] as const

interface RawPage {
  items: unknown[]
  totalPages: number
}

async function main(): Promise<void> {
  const input = readChildInput()
  const counting = createCountingFetch()
  const baseUrl = input.apiUrl.replace(/\/$/, '')

  // As on the sync's side, a 401 from the busy sandbox's token check is retried once.
  let tokenRejections = 0

  const getJson = async (path: string, isRetry = false): Promise<Record<string, unknown>> => {
    const response = await counting.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${input.accessToken}` },
    })
    const text = await response.text()

    if (response.status === 401 && !isRetry) {
      tokenRejections += 1

      return getJson(path, true)
    }

    if (!response.ok) {
      throw new Error(`The sandbox answered ${response.status} to ${path.split('?')[0]}.`)
    }

    return JSON.parse(text) as Record<string, unknown>
  }

  const fetchPage = async (path: string, key: string, page: number): Promise<RawPage> => {
    const body = await getJson(`${path}?page=${page}&limit=${PAGE_SIZE}`)
    const pagination = body.pagination as { totalPages: number }

    return { items: body[key] as unknown[], totalPages: pagination.totalPages }
  }

  // As the sync walks a list: page 1 first for the total, then the rest in order with at
  // most CONCURRENCY requests in flight.
  const downloadList = async (path: string, key: string): Promise<unknown[]> => {
    const first = await fetchPage(path, key, 1)
    const pages: unknown[][] = [first.items]
    const inFlight = new Map<number, Promise<RawPage>>()
    let nextToStart = 2

    for (let page = 2; page <= first.totalPages; page += 1) {
      while (nextToStart <= first.totalPages && inFlight.size < CONCURRENCY) {
        const pending = fetchPage(path, key, nextToStart)
        pending.catch(() => undefined)
        inFlight.set(nextToStart, pending)
        nextToStart += 1
      }

      const result = await inFlight.get(page)
      inFlight.delete(page)
      pages.push(result?.items ?? [])
    }

    return pages.flat()
  }

  // Held until the report is printed, so the peak includes keeping what was downloaded.
  const kept: Record<string, unknown[]> = {}
  const report = await measureChild('raw', counting, async () => {
    kept.me = [await getJson('/api/user/current')]

    for (const list of LISTS) {
      kept[list.name] = await downloadList(list.path, list.key)
    }

    return Object.fromEntries(LISTS.map((list) => [list.name, kept[list.name]?.length ?? 0]))
  })
  // Counted after the measurement: the server's ordering has no unique tiebreaker, so a row
  // can come on two pages (and another on none); the sync keeps each id once.
  const distinct = (rows: unknown[] = []): number =>
    new Set(rows.map((row) => (row as { id?: unknown }).id)).size
  printReport({
    ...report,
    items: Object.fromEntries(LISTS.map((list) => [list.name, distinct(kept[list.name])])),
    notes: {
      rowsReceived: LISTS.reduce((sum, list) => sum + (kept[list.name]?.length ?? 0), 0),
      tokenRejections,
    },
  })
}

main().catch((error: unknown) => {
  const cause =
    error instanceof Error && error.cause !== undefined ? ` (${String(error.cause)})` : ''
  process.stderr.write(`The raw download failed: ${String(error)}${cause}\n`)
  process.exitCode = 1
})
