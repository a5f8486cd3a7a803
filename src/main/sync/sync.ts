import { AppError, toErrorData, type ErrorData } from '../../shared/errors/appError'
import type { Page } from '../../shared/mpath/pagination'
import type { CurrentUser } from '../../shared/mpath/user'
import { COLLECTIONS, type Collection, type SyncStatus } from '../../shared/sync/syncStatus'
import { pageThrough, type PagingProgress } from '../api/paging'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'
import type { CollectionItems, DataStore } from './dataStore'
import type { EncryptedCache } from './encryptedCache'
import {
  createSyncStatusTracker,
  isCollectionError,
  isOfflineError,
  type SyncStatusTracker,
} from './syncStatusTracker'

type ListFunction<Item> = (query: { page: number; limit: number }) => Promise<Page<Item>>

/** The part of the API client the sync reads through. */
export interface SyncApi {
  currentUser(): Promise<CurrentUser>
  listPeople: ListFunction<CollectionItems['people']>
  listTeams: ListFunction<CollectionItems['teams']>
  listTasks: ListFunction<CollectionItems['tasks']>
  listInitiatives: ListFunction<CollectionItems['initiatives']>
  listOneOnOnes: ListFunction<CollectionItems['oneOnOnes']>
}

/** What the sync is built from. */
export interface SyncOptions {
  /** The API client of the moment, or null when no profile is set (it changes with it). */
  api: () => SyncApi | null
  data: DataStore
  cache: EncryptedCache
  clock: Clock
  logger: Logger
  /** Which collections to download, in order. Default: all, smallest first. */
  collections?: readonly Collection[]
  /** Items per request. Default 500. */
  pageSize?: number
  /** Requests in flight per collection. Default 3. */
  concurrency?: number
  /** A refresh runs this long after the previous one. Default 5 minutes. */
  refreshIntervalMs?: number
  /** While offline, the next try comes this soon. Default 30 seconds. */
  offlineRetryMs?: number
  /** Focus refreshes only data older than this. Default 60 seconds. */
  staleAfterMs?: number
}

/**
 * Keeps the organization data: serves the encrypted cache at once, downloads every collection
 * behind it, and refreshes on an interval and when the window regains focus.
 */
export interface Sync {
  status(): SyncStatus
  /** Loads the cache into memory (no network); resolves when served. */
  loadCache(): Promise<void>
  /** Loads the cache, then refreshes in the background and on an interval. */
  start(): Promise<void>
  /** Downloads everything now; joins a refresh that is already running. */
  refresh(): Promise<SyncStatus>
  /** The window gained focus: refresh when the data is older than the threshold. */
  requestRefresh(): void
  /** Schedules a write of one collection's cache (after a task write). */
  persist(collection: Collection): void
  /** Stops timers and any refresh, and forgets data in memory and on disk (sign-out). */
  clear(): Promise<void>
  onDidChangeStatus(listener: (status: SyncStatus) => void): () => void
  dispose(): void
}

// People and teams first: they are small and name everything else.
const DEFAULT_ORDER: readonly Collection[] = [
  'people',
  'teams',
  'initiatives',
  'oneOnOnes',
  'tasks',
]

const LISTS: { [C in Collection]: (api: SyncApi) => ListFunction<CollectionItems[C]> } = {
  people: (api) => (query) => api.listPeople(query),
  teams: (api) => (query) => api.listTeams(query),
  tasks: (api) => (query) => api.listTasks(query),
  initiatives: (api) => (query) => api.listInitiatives(query),
  oneOnOnes: (api) => (query) => api.listOneOnOnes(query),
}

/** Builds the {@link Sync}. */
export function createSync(options: SyncOptions): Sync {
  const log = options.logger.child('sync')
  const collections = options.collections ?? DEFAULT_ORDER.filter((c) => COLLECTIONS.includes(c))
  const tracker: SyncStatusTracker = createSyncStatusTracker()
  const pageSize = options.pageSize ?? 500
  const concurrency = options.concurrency ?? 3
  const intervalMs = options.refreshIntervalMs ?? 5 * 60_000
  const offlineRetryMs = options.offlineRetryMs ?? 30_000
  const staleAfterMs = options.staleAfterMs ?? 60_000
  let running: Promise<SyncStatus> | null = null
  let timer: { cancel(): void } | null = null
  // Bumped by clear(): a refresh that started before never writes its results.
  let generation = 0
  let disposed = false

  const iso = (): string => new Date(options.clock.now()).toISOString()

  const schedule = (delay: number): void => {
    timer?.cancel()
    timer = disposed
      ? null
      : options.clock.setTimeout(() => {
          timer = null
          void refresh()
        }, delay)
  }

  const publishFreshness = (collection: Collection): void => {
    const snapshot = options.data.get(collection)
    tracker.setFreshness(collection, { syncedAt: snapshot.syncedAt, count: snapshot.items.length })
  }

  async function loadCache(): Promise<void> {
    const started = generation
    const me = await options.cache.loadCurrentUser()

    if (started !== generation) {
      return
    }

    if (me !== undefined && options.data.currentUser() === null) {
      options.data.setCurrentUser(me)
    }

    await Promise.all(
      collections.map(async (collection) => {
        const cached = await options.cache.load(collection)

        // Never let an older cache replace data a refresh has already brought in.
        if (
          cached === undefined ||
          started !== generation ||
          options.data.get(collection).syncedAt !== null
        ) {
          return
        }

        options.data.replace(collection, cached.items, cached.syncedAt)
        publishFreshness(collection)
        log.info('Served a collection from the cache', {
          collection,
          count: cached.items.length,
          syncedAt: cached.syncedAt,
        })
      }),
    )
  }

  async function download<C extends Collection>(
    api: SyncApi,
    collection: C,
  ): Promise<CollectionItems[C][]> {
    const list = LISTS[collection](api)
    const items: CollectionItems[C][] = []
    const onProgress = (progress: PagingProgress): void => {
      tracker.update({
        progress: { collection, loaded: progress.itemsDone, total: progress.totalCount },
      })
    }

    tracker.update({ progress: { collection, loaded: 0, total: null } })

    for await (const item of pageThrough((page, limit) => list({ page, limit }), {
      pageSize,
      concurrency,
      onProgress,
    })) {
      items.push(item)
    }

    return items
  }

  async function run(started: number): Promise<SyncStatus> {
    const api = options.api()

    if (api === null) {
      return tracker.current()
    }

    tracker.update({ phase: 'syncing' })
    let skipped: ErrorData | undefined

    try {
      const me = await api.currentUser()

      if (started !== generation) {
        return tracker.current()
      }

      options.data.setCurrentUser(me)
      void options.cache.saveCurrentUser(me)

      for (const collection of collections) {
        let items: CollectionItems[typeof collection][]

        try {
          items = await download(api, collection)
        } catch (error) {
          const data = toErrorData(error)

          if (!isCollectionError(data)) {
            throw error
          }

          log.warn('Skipped a collection the server would not list', {
            collection,
            code: data.code,
          })
          skipped = data
          continue
        }

        if (started !== generation) {
          return tracker.current()
        }

        const syncedAt = iso()
        options.data.replace(collection, items, syncedAt)
        publishFreshness(collection)
        await options.cache.save(collection, items, syncedAt)
      }

      tracker.clearProgress()
      tracker.clearError()
      tracker.update(
        skipped === undefined ? { phase: 'idle' } : { phase: 'idle', lastError: skipped },
      )
      log.info('Synced', { collections: collections.length })
      schedule(intervalMs)
    } catch (error) {
      if (started !== generation) {
        return tracker.current()
      }

      const data = toErrorData(error)

      if (!(error instanceof AppError)) {
        log.error('Sync failed unexpectedly', { error })
      }

      tracker.clearProgress()

      if (isOfflineError(data)) {
        log.info('Offline; serving cached data', { code: data.code })
        tracker.update({ phase: 'offline', lastError: data })
        schedule(offlineRetryMs)
      } else {
        log.warn('Sync failed; cached data kept', { code: data.code })
        tracker.update({ phase: 'error', lastError: data })
        schedule(intervalMs)
      }
    }

    return tracker.current()
  }

  function refresh(): Promise<SyncStatus> {
    if (disposed) {
      return Promise.resolve(tracker.current())
    }

    if (running === null) {
      timer?.cancel()
      timer = null
      const started = generation
      const thisRun: Promise<SyncStatus> = run(started).finally(() => {
        if (running === thisRun) {
          running = null
        }
      })
      running = thisRun
    }

    return running
  }

  const isStale = (): boolean => {
    const now = options.clock.now()

    return collections.some((collection) => {
      const syncedAt = options.data.get(collection).syncedAt

      return syncedAt === null || now - Date.parse(syncedAt) > staleAfterMs
    })
  }

  const pendingSaves = new Set<Collection>()

  return {
    status: () => tracker.current(),
    loadCache,
    async start() {
      await loadCache()
      void refresh()
    },
    refresh,
    requestRefresh() {
      if (running === null && isStale()) {
        void refresh()
      }
    },
    persist(collection) {
      if (pendingSaves.has(collection)) {
        return
      }

      pendingSaves.add(collection)
      queueMicrotask(() => {
        pendingSaves.delete(collection)
        const snapshot = options.data.get(collection)
        void options.cache.save(collection, snapshot.items, snapshot.syncedAt)
      })
    },
    async clear() {
      generation += 1
      timer?.cancel()
      timer = null
      running = null
      options.data.clear()
      tracker.reset()
      await options.cache.clear()
    },
    onDidChangeStatus: (listener) => tracker.onDidChange(listener),
    dispose() {
      disposed = true
      generation += 1
      timer?.cancel()
      timer = null
    },
  }
}
