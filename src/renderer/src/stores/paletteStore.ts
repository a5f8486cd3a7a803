import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { PaletteResult } from '../../../shared/ipc/queries'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** The command palette: open state, query, results and the highlighted row. */
export interface PaletteStore {
  isOpen: boolean
  query: string
  results: PaletteResult[]
  activeIndex: number
  isSearching: boolean
  error: ErrorData | null
  open: () => void
  close: () => void
  /** Sets the query and searches; only the answer to the latest query is kept. */
  search: (query: string) => Promise<void>
  /** Moves the highlight by `delta`, wrapping at both ends. */
  moveActive: (delta: number) => void
  setActive: (index: number) => void
}

const CLOSED = {
  isOpen: false,
  query: '',
  results: [],
  activeIndex: 0,
  isSearching: false,
  error: null,
} satisfies Partial<PaletteStore>

const RESULT_LIMIT = 20

export const usePaletteStore = create<PaletteStore>()((set, get) => ({
  ...CLOSED,
  open: () => set({ ...CLOSED, isOpen: true }),
  close: () => set(CLOSED),
  search: async (query) => {
    set({ query, isSearching: true, error: null })

    if (query.trim() === '') {
      set({ results: [], activeIndex: 0, isSearching: false })

      return
    }

    try {
      const results = await mpath().search.query({ q: query, limit: RESULT_LIMIT })

      // Typing outruns the answers; an answer for an older query must not replace a newer one.
      if (get().query === query) {
        set({ results, activeIndex: 0, isSearching: false })
      }
    } catch (error) {
      if (get().query === query) {
        set({ results: [], error: asErrorData(error), isSearching: false })
      }
    }
  },
  moveActive: (delta) => {
    const count = get().results.length

    if (count === 0) {
      return
    }

    set({ activeIndex: (((get().activeIndex + delta) % count) + count) % count })
  },
  setActive: (index) => set({ activeIndex: index }),
}))

registerStoreReset(usePaletteStore)
