import type { Configuration } from 'openid-client'

import type { ConnectionProfile } from '../../shared/connection/profile'

/** What discovery learned about the authorization server of a profile. */
export interface AuthServer {
  profile: ConnectionProfile
  /** openid-client's configuration: metadata, client id and client authentication. */
  configuration: Configuration
  issuer: string
  supportsRevocation: boolean
  supportsDeviceGrant: boolean
  /** RFC 9207: the server promises `iss` in every authorization response. */
  requiresIssParameter: boolean
}

/** A token endpoint answer, normalized at the moment it was received. */
export interface ReceivedTokens {
  accessToken: string
  /** Absent when the server did not rotate or did not issue one. */
  refreshToken?: string
  idTokenClaims?: Record<string, unknown>
  scopes: string[]
  /** Milliseconds since the epoch, measured from `expires_in` at receipt. */
  expiresAt: number
}

/**
 * Where the API client gets access tokens. The session implements it: one refresh in flight
 * however many callers wait.
 */
export interface AccessTokenSource {
  /** A token valid for at least a short margin, refreshed ahead of expiry when needed. */
  getAccessToken(): Promise<string>
  /**
   * Called after the API rejected `rejectedToken` with 401: refresh once (or reuse a refresh
   * that already replaced it) and return the new token; throws when the session is over.
   */
  refreshAfterRejection(rejectedToken: string): Promise<string>
  /** The scopes granted to the current session. */
  grantedScopes(): readonly string[]
}
