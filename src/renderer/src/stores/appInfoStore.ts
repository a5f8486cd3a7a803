import { create } from 'zustand'

import type { AppInfo } from '../../../shared/ipc/views'
import { logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** Facts about the running app and the connected organization. */
export interface AppInfoStore {
  info: AppInfo | null
  load: () => Promise<void>
}

export const useAppInfoStore = create<AppInfoStore>()((set) => ({
  info: null,
  load: async () => {
    try {
      set({ info: await mpath().app.getInfo() })
    } catch (error) {
      // Without app facts the header just omits the organization; nothing else depends on it.
      logProblem('[app] could not read the app info', error)
    }
  },
}))

registerStoreReset(useAppInfoStore)
