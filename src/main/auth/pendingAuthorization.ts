import { createHash } from 'node:crypto'

import * as oidc from 'openid-client'

import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'

/** Ten minutes: the lifetime of an authorization code at Clerk, so waiting longer is futile. */
export const DEFAULT_PENDING_TTL_MS = 10 * 60 * 1000

/** What starting an authorization attempt needs to know. */
export interface PendingAuthorizationRequest {
  transport: AuthTransport
  redirectUri: string
  /** The issuer the callback's `iss` must equal (RFC 9207). */
  expectedIssuer: string
  /** The server promised `iss` in every authorization response, so its absence is an attack. */
  issuerRequired: boolean
  scopes: readonly string[]
  /** Overrides the store's time-to-live for this attempt, in milliseconds. */
  ttlMs?: number
}

/**
 * The one live authorization attempt. Its `state`, `codeVerifier` and `nonce` are secrets of
 * the main process: they go into the authorization URL and the token request, nowhere else.
 */
export interface PendingAuthorization {
  readonly transport: AuthTransport
  readonly redirectUri: string
  readonly expectedIssuer: string
  readonly issuerRequired: boolean
  readonly scopes: readonly string[]
  readonly state: string
  readonly codeVerifier: string
  /** Present when `openid` is requested; the ID token must echo it. */
  readonly nonce?: string
  readonly createdAt: number
  readonly expiresAt: number
  /** Settles when the attempt ends: resolved on success, rejected with an `AppError` otherwise. */
  readonly settled: Promise<void>
}

/** Why a callback was dropped without being exchanged. */
export type DropReason =
  | 'no-pending'
  | 'replayed'
  | 'redirect-mismatch'
  | 'state-mismatch'
  | 'issuer-mismatch'
  | 'issuer-missing'
  | 'no-code'

/** The verdict on a callback: accepted once (and consumed) or dropped with a reason. */
export type CallbackVerdict =
  | { accepted: true; attempt: PendingAuthorization; params: URLSearchParams }
  | { accepted: false; reason: DropReason; attempt?: PendingAuthorization }

/** Holds at most one live authorization attempt and judges callbacks against it. */
export interface PendingAuthorizationStore {
  /** Starts an attempt; a live one is replaced and its waiters get `AUTH_CANCELLED`. */
  begin(request: PendingAuthorizationRequest): PendingAuthorization
  /** The live attempt, if any (an expired one is never live). */
  live(): PendingAuthorization | undefined
  /** Ends the live attempt; its waiters get `AUTH_CANCELLED`. False when none was live. */
  cancel(): boolean
  /**
   * Judges a callback. An accepted one consumes the attempt (it is never live again); a dropped
   * one is logged with its reason, without any of its values, and leaves the attempt alone.
   */
  judge(callbackUrl: URL, source: AuthTransport): CallbackVerdict
  /** Ends a consumed or live attempt: success without `error`, failure with it. */
  settle(attempt: PendingAuthorization, error?: AppError): void
  /** Called when an attempt outlives its time-to-live without a callback. */
  onDidExpire(listener: (attempt: PendingAuthorization) => void): { dispose(): void }
  /** Ends everything, as at shutdown. */
  dispose(): void
}

interface Entry {
  attempt: PendingAuthorization
  resolve: () => void
  reject: (error: AppError) => void
  timer: { cancel(): void }
  isSettled: boolean
}

const REMEMBERED_CONSUMED_STATES = 16

/** Creates the store. The clock is injectable so tests control expiry. */
export function createPendingAuthorizationStore(options: {
  clock: Clock
  logger: Logger
  ttlMs?: number
}): PendingAuthorizationStore {
  const { clock } = options
  const logger = options.logger.child('pending')
  const defaultTtlMs = options.ttlMs ?? DEFAULT_PENDING_TTL_MS
  const entries = new Map<PendingAuthorization, Entry>()
  const expiryListeners = new Set<(attempt: PendingAuthorization) => void>()
  // Fingerprints, not the states themselves, so a replay can be named in the log.
  const consumedStates: string[] = []
  let current: Entry | undefined

  const finish = (entry: Entry, error?: AppError) => {
    if (entry.isSettled) {
      return
    }

    entry.isSettled = true
    entry.timer.cancel()
    entries.delete(entry.attempt)

    if (current === entry) {
      current = undefined
    }

    if (error === undefined) {
      entry.resolve()
    } else {
      entry.reject(error)
    }
  }

  const expire = (entry: Entry) => {
    if (current !== entry) {
      return
    }

    logger.info('authorization attempt expired without a callback', {
      transport: entry.attempt.transport,
    })
    finish(
      entry,
      new AppError('AUTH_TIMEOUT', 'The browser did not come back to mpath Desktop in time.', {
        action: 'Sign in again, or choose another way to finish signing in.',
      }),
    )

    for (const listener of expiryListeners) {
      listener(entry.attempt)
    }
  }

  const liveEntry = () => {
    if (current !== undefined && clock.now() >= current.attempt.expiresAt) {
      expire(current)
    }

    return current
  }

  const drop = (reason: DropReason, source: AuthTransport, url: URL, attempt?: Entry) => {
    logger.warn('dropped an authorization callback', {
      reason,
      source,
      // Origin and path only: the query carries the code and the state.
      callback: `${url.protocol}//${url.host}${url.pathname}`,
    })

    return { accepted: false as const, reason, attempt: attempt?.attempt }
  }

  return {
    begin(request) {
      if (current !== undefined) {
        finish(current, cancelled('A newer sign-in replaced this one.'))
      }

      const createdAt = clock.now()
      const ttlMs = request.ttlMs ?? defaultTtlMs
      let resolve!: () => void
      let reject!: (error: AppError) => void
      const settled = new Promise<void>((onResolve, onReject) => {
        resolve = onResolve
        reject = onReject
      })
      // Waiters are optional; an unobserved cancellation must not become an unhandled rejection.
      settled.catch(() => undefined)

      const attempt: PendingAuthorization = {
        transport: request.transport,
        redirectUri: request.redirectUri,
        expectedIssuer: request.expectedIssuer,
        issuerRequired: request.issuerRequired,
        scopes: [...request.scopes],
        state: oidc.randomState(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        nonce: request.scopes.includes('openid') ? oidc.randomNonce() : undefined,
        createdAt,
        expiresAt: createdAt + ttlMs,
        settled,
      }
      const entry: Entry = {
        attempt,
        resolve,
        reject,
        isSettled: false,
        timer: { cancel: () => undefined },
      }
      entry.timer = clock.setTimeout(() => expire(entry), ttlMs)
      entries.set(attempt, entry)
      current = entry

      return attempt
    },

    live: () => liveEntry()?.attempt,

    cancel() {
      if (current === undefined) {
        return false
      }

      finish(current, cancelled('Sign-in was cancelled.'))

      return true
    },

    judge(callbackUrl, source) {
      const params = callbackUrl.searchParams
      const state = params.get('state')
      const live = liveEntry()

      if (live === undefined) {
        const replayed = state !== null && consumedStates.includes(fingerprint(state))

        return drop(replayed ? 'replayed' : 'no-pending', source, callbackUrl)
      }

      const { attempt } = live

      if (!sameEndpoint(callbackUrl, attempt.redirectUri)) {
        return drop('redirect-mismatch', source, callbackUrl)
      }

      if (state !== attempt.state) {
        const replayed = state !== null && consumedStates.includes(fingerprint(state))

        return drop(replayed ? 'replayed' : 'state-mismatch', source, callbackUrl)
      }

      const iss = params.get('iss')

      // RFC 9207 §2.4: compare `iss` whenever present; require it when the server promised it.
      if (iss !== null && iss !== attempt.expectedIssuer) {
        return drop('issuer-mismatch', source, callbackUrl, live)
      }

      if (iss === null && attempt.issuerRequired) {
        return drop('issuer-missing', source, callbackUrl, live)
      }

      if (!params.has('code') && !params.has('error')) {
        return drop('no-code', source, callbackUrl, live)
      }

      current = undefined
      consumedStates.push(fingerprint(attempt.state))
      consumedStates.splice(0, Math.max(0, consumedStates.length - REMEMBERED_CONSUMED_STATES))
      logger.debug('accepted an authorization callback', { source })

      return { accepted: true, attempt, params: new URLSearchParams(params) }
    },

    settle(attempt, error) {
      const entry = entries.get(attempt)

      if (entry !== undefined) {
        finish(entry, error)
      }
    },

    onDidExpire(listener) {
      expiryListeners.add(listener)

      return { dispose: () => expiryListeners.delete(listener) }
    },

    dispose() {
      for (const entry of [...entries.values()]) {
        finish(entry, cancelled('mpath Desktop is shutting down.'))
      }

      expiryListeners.clear()
    },
  }
}

function cancelled(message: string): AppError {
  return new AppError('AUTH_CANCELLED', message, { action: 'Sign in again when you are ready.' })
}

function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

/** Same scheme, host, port and path: the query is the response, the rest is the endpoint. */
function sameEndpoint(callbackUrl: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri)

  return (
    callbackUrl.protocol === expected.protocol &&
    callbackUrl.host === expected.host &&
    callbackUrl.pathname === expected.pathname
  )
}
