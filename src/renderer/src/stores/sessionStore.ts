import { create } from 'zustand'

import type { SessionState } from '../../../shared/auth/sessionState'
import type { ErrorData } from '../../../shared/errors/appError'
import type { SignOutResult } from '../../../shared/ipc/views'
import { asErrorData, mpath } from './mpathBridge'
import { registerStoreReset } from './testing/resetStores'

/** The session as main reports it, and the sign-in actions. */
export interface SessionStore {
  /** Null until main has answered. */
  session: SessionState | null
  /**
   * True once the person was signed in during this run and has not signed out on purpose: a
   * later signed-out state is an expiry, shown as a banner over the current view.
   */
  hasBeenSignedIn: boolean
  isBusy: boolean
  /** The last request that failed (the session itself carries sign-in failures). */
  error: ErrorData | null
  /** What the last sign-out said, e.g. that the token could not be revoked. */
  signOutResult: SignOutResult | null
  load: () => Promise<void>
  signIn: (transport?: 'scheme' | 'loopback') => Promise<void>
  signInWithDevice: () => Promise<void>
  cancel: () => Promise<void>
  submitRedirect: (address: string) => Promise<void>
  signOut: () => Promise<SignOutResult | null>
  /** Applies a session pushed by main. */
  receiveSession: (session: SessionState) => void
}

export const useSessionStore = create<SessionStore>()((set, get) => {
  const run = async (request: () => Promise<SessionState>): Promise<void> => {
    set({ isBusy: true, error: null })

    try {
      get().receiveSession(await request())
    } catch (error) {
      set({ error: asErrorData(error) })
    } finally {
      set({ isBusy: false })
    }
  }

  return {
    session: null,
    hasBeenSignedIn: false,
    isBusy: false,
    error: null,
    signOutResult: null,
    load: async () => {
      try {
        get().receiveSession(await mpath().auth.getState())
      } catch (error) {
        // The window must leave its start screen either way; an error state offers a retry.
        set({ session: { status: 'error', error: asErrorData(error) } })
      }
    },
    signIn: (transport) =>
      run(() => mpath().auth.signIn(transport === undefined ? undefined : { transport })),
    signInWithDevice: () => run(() => mpath().auth.signInWithDevice()),
    cancel: () => run(() => mpath().auth.cancel()),
    submitRedirect: (address) => run(() => mpath().auth.submitRedirect({ address })),
    signOut: async () => {
      set({ isBusy: true, error: null, signOutResult: null })

      try {
        const result = await mpath().auth.signOut()
        set({
          signOutResult: result,
          hasBeenSignedIn: false,
          session: { status: 'signed-out' },
        })

        return result
      } catch (error) {
        set({ error: asErrorData(error) })

        return null
      } finally {
        set({ isBusy: false })
      }
    },
    receiveSession: (session) =>
      set((state) => ({
        session,
        hasBeenSignedIn: state.hasBeenSignedIn || session.status === 'signed-in',
        signOutResult: session.status === 'signed-in' ? null : state.signOutResult,
      })),
  }
})

registerStoreReset(useSessionStore)
