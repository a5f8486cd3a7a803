import { create } from 'zustand'

import type { ErrorData } from '../../../shared/errors/appError'
import type { WriteAvailability } from '../../../shared/ipc/views'
import type { TraySummary } from '../../../shared/tray/traySummary'
import { asErrorData, logProblem, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** The quick-view's mirror of main's tray summary, and its actions. */
export interface TrayStore {
  summary: TraySummary | null
  error: ErrorData | null
  writeAvailability: WriteAvailability | null
  /** Tasks being completed right now (their buttons wait). */
  completingIds: string[]
  /** Why the latest action failed, for an alert. */
  actionError: ErrorData | null
  /** A short line for screen readers after an action ("Marked … complete"). */
  announcement: string
  load: () => Promise<void>
  completeTask: (id: string, title: string) => Promise<void>
  openTask: (id: string) => Promise<void>
  openApp: () => Promise<void>
  signIn: () => Promise<void>
  dismissActionError: () => void
  /** Follows main's `tray:did-change` and session changes; returns the function that stops. */
  listen: () => () => void
}

export const useTrayStore = create<TrayStore>()((set, get) => {
  const act = async (action: () => Promise<unknown>, failure: string): Promise<void> => {
    set({ actionError: null })

    try {
      await action()
    } catch (error) {
      logProblem(failure, error)
      set({ actionError: asErrorData(error) })
    }
  }

  const loadWriteAvailability = async (): Promise<void> => {
    try {
      set({ writeAvailability: await mpath().tasks.getWriteAvailability() })
    } catch (error) {
      set({ writeAvailability: { available: false, reason: asErrorData(error).message } })
    }
  }

  return {
    summary: null,
    error: null,
    writeAvailability: null,
    completingIds: [],
    actionError: null,
    announcement: '',
    load: async () => {
      try {
        set({ summary: await mpath().tray.getSummary(), error: null })
      } catch (error) {
        set({ error: asErrorData(error) })
      }

      await loadWriteAvailability()
    },
    completeTask: async (id, title) => {
      if (get().completingIds.includes(id)) {
        return
      }

      set((state) => ({ completingIds: [...state.completingIds, id], actionError: null }))

      try {
        await mpath().tasks.complete({ id })
        set({ announcement: `Marked “${title}” complete.` })
      } catch (error) {
        logProblem('Could not complete a task from the quick-view', error)
        set({ actionError: asErrorData(error) })
      } finally {
        set((state) => ({ completingIds: state.completingIds.filter((other) => other !== id) }))
      }
    },
    openTask: (id) => act(() => mpath().tray.openTask({ id }), 'Could not open a task'),
    openApp: () => act(() => mpath().tray.openApp(), 'Could not open the app'),
    signIn: () => act(() => mpath().tray.signIn(), 'Could not start signing in'),
    dismissActionError: () => set({ actionError: null }),
    listen: () => {
      const api = mpath()
      const stops = [
        api.tray.onDidChange((summary) => set({ summary, error: null })),
        api.auth.onDidChangeSession(() => void loadWriteAvailability()),
      ]

      return () => {
        for (const stop of stops) {
          stop()
        }
      }
    },
  }
})

registerStoreReset(useTrayStore)
