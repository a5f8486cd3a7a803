import type { ErrorData } from '../../shared/errors/appError'
import {
  COLLECTIONS,
  type Collection,
  type CollectionFreshness,
  type SyncStatus,
} from '../../shared/sync/syncStatus'

/** Holds the sync's status and tells listeners of each change. */
export interface SyncStatusTracker {
  current(): SyncStatus
  update(change: Partial<Omit<SyncStatus, 'collections'>>): void
  setFreshness(collection: Collection, freshness: CollectionFreshness): void
  clearProgress(): void
  clearError(): void
  reset(): void
  onDidChange(listener: (status: SyncStatus) => void): () => void
}

function emptyCollections(): Record<Collection, CollectionFreshness> {
  return Object.fromEntries(
    COLLECTIONS.map((collection) => [collection, { syncedAt: null, count: 0 }]),
  ) as Record<Collection, CollectionFreshness>
}

/** Creates a {@link SyncStatusTracker} in the idle, never-synced state. */
export function createSyncStatusTracker(): SyncStatusTracker {
  let status: SyncStatus = { phase: 'idle', collections: emptyCollections() }
  const listeners = new Set<(status: SyncStatus) => void>()

  const publish = (next: SyncStatus): void => {
    status = next

    for (const listener of [...listeners]) {
      listener(status)
    }
  }

  const without = (key: 'progress' | 'lastError'): SyncStatus => {
    const { [key]: _dropped, ...rest } = status

    return rest
  }

  return {
    current: () => status,
    update: (change) => publish({ ...status, ...change }),
    setFreshness: (collection, freshness) =>
      publish({ ...status, collections: { ...status.collections, [collection]: freshness } }),
    clearProgress: () => publish(without('progress')),
    clearError: () => publish(without('lastError')),
    reset: () => publish({ phase: 'idle', collections: emptyCollections() }),
    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/** Errors that mean the network, not the server or the session, is the problem. */
export function isOfflineError(error: ErrorData): boolean {
  return error.code === 'NETWORK_OFFLINE' || error.code === 'NETWORK_TIMEOUT'
}

/**
 * Errors that concern one collection only (the caller may not see it, or the server lacks
 * it): that collection keeps its cache and the others still sync.
 */
export function isCollectionError(error: ErrorData): boolean {
  return (
    error.code === 'API_FORBIDDEN' ||
    error.code === 'API_INSUFFICIENT_SCOPE' ||
    error.code === 'API_NOT_FOUND'
  )
}
