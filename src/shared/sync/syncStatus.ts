import type { ErrorData } from '../errors/appError'

/** The collections the app keeps in its encrypted cache. */
export const COLLECTIONS = ['people', 'teams', 'tasks', 'initiatives', 'oneOnOnes'] as const

/** One cached collection. */
export type Collection = (typeof COLLECTIONS)[number]

/** How fresh one collection is. */
export interface CollectionFreshness {
  /** ISO time of the last complete download, or null before the first. */
  syncedAt: string | null
  count: number
}

/** What the sync is doing, for progress bars, offline banners and "last synced" stamps. */
export interface SyncStatus {
  phase: 'idle' | 'syncing' | 'offline' | 'error'
  progress?: { collection: Collection; loaded: number; total: number | null }
  collections: Record<Collection, CollectionFreshness>
  lastError?: ErrorData
}
