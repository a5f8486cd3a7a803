import { create } from 'zustand'

import type { DiagnosticsReport } from '../../../shared/diagnostics/diagnostics'
import type { ErrorData } from '../../../shared/errors/appError'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** Whether the last "Copy report" reached the clipboard. */
export type CopyState = 'idle' | 'copied' | 'failed'

/** The auth self-check and its report. */
export interface DiagnosticsStore {
  report: DiagnosticsReport | null
  isRunning: boolean
  copyState: CopyState
  error: ErrorData | null
  run: () => Promise<void>
  /** Puts the redacted report text on the clipboard. */
  copyReport: () => Promise<void>
  openLogs: () => Promise<void>
}

export const useDiagnosticsStore = create<DiagnosticsStore>()((set) => ({
  report: null,
  isRunning: false,
  copyState: 'idle',
  error: null,
  run: async () => {
    set({ isRunning: true, error: null })

    try {
      set({ report: await mpath().diagnostics.run() })
    } catch (error) {
      set({ error: asErrorData(error) })
    } finally {
      set({ isRunning: false })
    }
  },
  copyReport: async () => {
    set({ copyState: 'idle', error: null })

    try {
      const text = await mpath().diagnostics.getReportText()
      await navigator.clipboard.writeText(text)
      set({ copyState: 'copied' })
    } catch (error) {
      set({ copyState: 'failed', error: asErrorData(error) })
    }
  },
  openLogs: async () => {
    set({ error: null })

    try {
      await mpath().diagnostics.openLogs()
    } catch (error) {
      set({ error: asErrorData(error) })
    }
  },
}))

registerStoreReset(useDiagnosticsStore)
