import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { OneOnOne } from '../../../shared/mpath/oneOnOnes'
import { asErrorData, logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** One-on-ones asked of main at once: years of weekly meetings fit. */
export const ONE_ON_ONES_LIMIT = 1000

/** The signed-in person's one-on-ones, and who "me" is so the other side can be named. */
export interface OneOnOnesStore {
  meetings: OneOnOne[] | null
  total: number
  /** The signed-in person's id; null when mpath did not link the account to a person. */
  meId: string | null
  error: ErrorData | null
  load: () => Promise<void>
  /** Reloads on `data:did-change` for one-on-ones or people; returns the function that stops. */
  listenForChanges: () => () => void
}

export const useOneOnOnesStore = create<OneOnOnesStore>()((set, get) => ({
  meetings: null,
  total: 0,
  meId: null,
  error: null,
  load: async () => {
    set({ error: null })

    const me = mpath()
      .work.getSummary()
      .then(
        (summary) => summary.me.personId,
        (error: unknown) => {
          // Without "me" the view names both participants, which is still correct.
          logProblem('[one-on-ones] Could not tell who is signed in', error)

          return null
        },
      )

    try {
      const [answer, meId] = await Promise.all([
        mpath().oneonones.query({ limit: ONE_ON_ONES_LIMIT }),
        me,
      ])
      set({ meetings: answer.items, total: answer.total, meId })
    } catch (error) {
      set({ error: asErrorData(error) })
    }
  },
  listenForChanges: () =>
    mpath().data.onDidChange(({ collections }) => {
      if (collections.includes('oneOnOnes') || collections.includes('people')) {
        void get().load()
      }
    }),
}))

registerStoreReset(useOneOnOnesStore)
