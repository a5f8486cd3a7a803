import type { ErrorData } from '../errors/appError'

/** How the browser hands the authorization response back to the app. */
export type AuthTransport = 'scheme' | 'loopback' | 'paste' | 'device'

/** The signed-in person, as the renderer may know them. */
export interface SessionUser {
  subject: string
  name: string | null
  email: string | null
}

/**
 * The session as plain data, safe to send to the renderer: never a token, a code, a secret or
 * an authorization URL.
 */
export type SessionState =
  | { status: 'signed-out'; reason?: ErrorData }
  | {
      status: 'signing-in'
      transport: AuthTransport
      startedAt: string
      expiresAt: string
      /** Present for the device grant: what the person types, and where. */
      device?: { userCode: string; verificationUri: string }
    }
  | {
      status: 'signed-in'
      user: SessionUser
      scopes: string[]
      accessTokenExpiresAt: string
      /** `session-only` when the refresh token could not be persisted (weak or no keychain). */
      persistence: 'persistent' | 'session-only'
    }
  | {
      /**
       * A session sealed by an earlier run is being brought back: the window shows the cached
       * data of `user` meanwhile. `offline` is set when the last attempt failed for a reason
       * that passes (no network, server down or slow): the sealed session is kept and retried,
       * so the person stays signed in, offline.
       */
      status: 'restoring'
      user: SessionUser
      offline?: ErrorData
    }
  | { status: 'error'; error: ErrorData }
