import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { MyWork } from '../../../shared/ipc/views'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** The signed-in person's open work. */
export interface MyWorkStore {
  summary: MyWork | null
  isLoading: boolean
  error: ErrorData | null
  load: () => Promise<void>
}

/** The collections My work is drawn from; a change to any of them reloads it. */
export const MY_WORK_COLLECTIONS = ['tasks', 'oneOnOnes', 'initiatives', 'people']

export const useMyWorkStore = create<MyWorkStore>()((set) => ({
  summary: null,
  isLoading: false,
  error: null,
  load: async () => {
    set({ isLoading: true, error: null })

    try {
      set({ summary: await mpath().work.getSummary() })
    } catch (error) {
      set({ error: asErrorData(error) })
    } finally {
      set({ isLoading: false })
    }
  },
}))

registerStoreReset(useMyWorkStore)
