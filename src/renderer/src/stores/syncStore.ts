import { create } from 'zustand'

import type { SyncStatus } from '../../../shared/sync/syncStatus'
import { logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** What the background sync is doing, mirrored from main. */
export interface SyncStore {
  status: SyncStatus | null
  load: () => Promise<void>
  refresh: () => Promise<void>
  receiveStatus: (status: SyncStatus) => void
}

export const useSyncStore = create<SyncStore>()((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await mpath().sync.getStatus() })
    } catch (error) {
      // The status is advisory: without it the window simply shows no progress.
      logProblem('[sync] could not read the sync status', error)
    }
  },
  refresh: async () => {
    try {
      set({ status: await mpath().sync.refresh() })
    } catch (error) {
      // A failed sync also arrives as a status event carrying its error.
      logProblem('[sync] could not start a refresh', error)
    }
  },
  receiveStatus: (status) => set({ status }),
}))

registerStoreReset(useSyncStore)

/** The oldest "last synced" time over the collections, or null before the first sync. */
export function selectLastSyncedAt(state: SyncStore): string | null {
  const stamps = Object.values(state.status?.collections ?? {})
    .map((freshness) => freshness.syncedAt)
    .filter((stamp): stamp is string => stamp !== null)

  return stamps.length === 0 ? null : stamps.sort()[0]!
}
