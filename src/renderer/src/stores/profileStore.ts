import { create } from 'zustand'

import type { ConnectionProfile } from '../../../shared/connection/profile'
import type { ErrorData } from '../../../shared/errors/appError'
import type { ConnectionTestResult, ProfileInfo } from '../../../shared/ipc/views'
import { asErrorData, mpath } from './mpathBridge'
import { useNavigationStore } from './navigationStore'
import { useSessionStore } from './sessionStore'
import { registerStoreReset } from './testing/resetStores'

/** The connection profile main keeps, and the Connect actions. */
export interface ProfileStore {
  /** Null until main has answered. */
  info: ProfileInfo | null
  isSaving: boolean
  isTesting: boolean
  testResult: ConnectionTestResult | null
  error: ErrorData | null
  load: () => Promise<void>
  save: (profile: ConnectionProfile, clientSecret?: string) => Promise<boolean>
  test: (profile: ConnectionProfile) => Promise<void>
  /** Asks main for the running local sandbox's public client; null when it is not running. */
  fetchSandboxProfile: () => Promise<ConnectionProfile | null>
  forget: () => Promise<void>
  clearFeedback: () => void
}

export const useProfileStore = create<ProfileStore>()((set) => ({
  info: null,
  isSaving: false,
  isTesting: false,
  testResult: null,
  error: null,
  load: async () => {
    try {
      set({ info: await mpath().profile.get(), error: null })
    } catch (error) {
      set({ info: { profile: null, source: null }, error: asErrorData(error) })
    }
  },
  save: async (profile, clientSecret) => {
    set({ isSaving: true, error: null })

    try {
      const info = await mpath().profile.save(
        clientSecret ? { profile, clientSecret } : { profile },
      )
      set({ info })

      return true
    } catch (error) {
      set({ error: asErrorData(error) })

      return false
    } finally {
      set({ isSaving: false })
    }
  },
  test: async (profile) => {
    set({ isTesting: true, testResult: null, error: null })

    try {
      set({ testResult: await mpath().profile.test({ profile }) })
    } catch (error) {
      set({ error: asErrorData(error) })
    } finally {
      set({ isTesting: false })
    }
  },
  fetchSandboxProfile: async () => {
    set({ error: null, testResult: null })

    try {
      return await mpath().profile.useSandbox()
    } catch (error) {
      set({ error: asErrorData(error) })

      return null
    }
  },
  forget: async () => {
    set({ error: null })

    try {
      await mpath().profile.forget()
      set({ info: { profile: null, source: null }, testResult: null })
      // A new connection starts afresh: no expiry banner, no old sign-out message, no old view.
      useSessionStore.setState({ hasBeenSignedIn: false, signOutResult: null })
      useNavigationStore.getState().navigate('my-work')
    } catch (error) {
      set({ error: asErrorData(error) })
    }
  },
  clearFeedback: () => set({ error: null, testResult: null }),
}))

registerStoreReset(useProfileStore)
