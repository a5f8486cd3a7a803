import { AppError, type ErrorCode } from '../../../shared/errors/appError'
import type { Page } from '../../../shared/mpath/pagination'
import type { Collection } from '../../../shared/sync/syncStatus'
import type { SyncApi } from '../sync'
import type { SampleOrganization } from './sampleData'

/** A {@link SyncApi} over a sample organization, with faults a test can switch on. */
export interface FakeSyncApi extends SyncApi {
  organization: SampleOrganization
  /** Requests made so far, as `collection:page`. */
  readonly requests: string[]
  /** Every request fails with this code from now on (undefined: none). */
  failWith(code: ErrorCode | undefined): void
  /** Requests of this collection fail with this code (e.g. one-on-ones without a person). */
  failCollection(collection: Collection, code: ErrorCode | undefined): void
  /** After this many more successful page requests, every request fails offline. */
  goOfflineAfter(pages: number): void
  /** Holds every request until `release()` (to prove cached data is served first). */
  hold(): void
  release(): void
}

/** Builds a {@link FakeSyncApi}. */
export function createFakeSyncApi(organization: SampleOrganization): FakeSyncApi {
  const requests: string[] = []
  let failure: ErrorCode | undefined
  const collectionFailures = new Map<Collection, ErrorCode>()
  let pagesUntilOffline = Number.POSITIVE_INFINITY
  let gate: Promise<void> | null = null
  let openGate: (() => void) | null = null

  const answer = async <Item>(
    collection: Collection,
    items: readonly Item[],
    query: { page: number; limit: number },
  ): Promise<Page<Item>> => {
    requests.push(`${collection}:${query.page}`)
    await gate

    const code = failure ?? collectionFailures.get(collection)

    if (code !== undefined) {
      throw new AppError(code, `Simulated ${code}.`)
    }

    if (pagesUntilOffline <= 0) {
      throw new AppError('NETWORK_OFFLINE', 'You appear to be offline.')
    }

    pagesUntilOffline -= 1
    const start = (query.page - 1) * query.limit
    const totalPages = Math.ceil(items.length / query.limit)

    return {
      items: items.slice(start, start + query.limit),
      pageInfo: {
        page: query.page,
        limit: query.limit,
        totalCount: items.length,
        totalPages,
        hasNextPage: query.page < totalPages,
      },
    }
  }

  return {
    organization,
    requests,
    failWith: (code) => {
      failure = code
    },
    failCollection: (collection, code) => {
      if (code === undefined) {
        collectionFailures.delete(collection)
      } else {
        collectionFailures.set(collection, code)
      }
    },
    goOfflineAfter: (pages) => {
      pagesUntilOffline = pages
    },
    hold: () => {
      gate = new Promise((resolve) => {
        openGate = resolve
      })
    },
    release: () => {
      openGate?.()
      gate = null
    },
    async currentUser() {
      requests.push('me')
      await gate

      if (failure !== undefined) {
        throw new AppError(failure, `Simulated ${failure}.`)
      }

      if (pagesUntilOffline <= 0) {
        throw new AppError('NETWORK_OFFLINE', 'You appear to be offline.')
      }

      return organization.me
    },
    listPeople: async (query) => answer('people', organization.people, query),
    listTeams: async (query) => answer('teams', organization.teams, query),
    listTasks: async (query) => answer('tasks', organization.tasks, query),
    listInitiatives: async (query) => answer('initiatives', organization.initiatives, query),
    listOneOnOnes: async (query) => answer('oneOnOnes', organization.oneOnOnes, query),
  }
}
