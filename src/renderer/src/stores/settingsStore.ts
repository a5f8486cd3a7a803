import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { AppSettings } from '../../../shared/settings/appSettings'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** The person's preferences, owned by main. */
export interface SettingsStore {
  /** Null until main has answered. */
  settings: AppSettings | null
  error: ErrorData | null
  load: () => Promise<void>
  update: (patch: Partial<AppSettings>) => Promise<void>
  receiveSettings: (settings: AppSettings) => void
}

export const useSettingsStore = create<SettingsStore>()((set) => ({
  settings: null,
  error: null,
  load: async () => {
    try {
      set({ settings: await mpath().settings.get(), error: null })
    } catch (error) {
      set({ error: asErrorData(error) })
    }
  },
  update: async (patch) => {
    set({ error: null })

    try {
      set({ settings: await mpath().settings.update(patch) })
    } catch (error) {
      set({ error: asErrorData(error) })
    }
  },
  receiveSettings: (settings) => set({ settings }),
}))

registerStoreReset(useSettingsStore)
