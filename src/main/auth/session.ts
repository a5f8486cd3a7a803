import { customFetch } from 'openid-client'

import type { SessionState } from '../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../shared/connection/profile'
import type { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock, FetchPort } from '../platform/ports'
import { createSessionContext, type LiveSession, type SignOutEvent } from './sessionContext'
import { type BackoffOptions, signedOutError } from './sessionPolicy'
import { createSessionRefresher } from './sessionRefresher'
import { restoreSession } from './sessionRestore'
import { signOutSession, type SignOutResult } from './sessionSignOut'
import { resolveUser } from './sessionUser'
import { SESSION_VAULT_NAME, type SessionVault } from './tokenStore'
import type { AccessTokenSource, AuthServer, ReceivedTokens } from './types'

export type { SignOutEvent } from './sessionContext'
export type { SignOutResult } from './sessionSignOut'

/** What the session is built from; every outside effect comes through these. */
export interface SessionOptions {
  vault: SessionVault
  clock: Clock
  logger: Logger
  /** Bound into the server configuration when discovery did not bind one already. */
  fetch: FetchPort
  discover: (profile: ConnectionProfile) => Promise<AuthServer>
  profileSource: () => Promise<ConnectionProfile | undefined>
  /** Renew this long before expiry (a tenth of the lifetime for short tokens). Default 60. */
  refreshMarginSeconds?: number
  /** Refresh-loop breaker: more than `maxRefreshes` early refreshes in a row stop the session. */
  breaker?: { maxRefreshes?: number }
  /** Backoff after transient refresh failures (default 2 s doubling to 5 min). */
  retry?: BackoffOptions
}

/**
 * The signed-in session, owned by the main process: holds the access token in memory, the
 * refresh token sealed in the vault, renews ahead of expiry with one refresh in flight, and
 * revokes at sign-out. Its state is plain data for the renderer.
 */
export interface Session extends AccessTokenSource {
  state(): SessionState
  onDidChange(listener: (state: SessionState) => void): () => void
  /** Fires whenever a session ends, chosen by the person (no reason) or not. */
  onDidSignOut(listener: (event: SignOutEvent) => void): () => void
  /** Starts a session from a successful code exchange. */
  establish(received: ReceivedTokens, server: AuthServer): Promise<void>
  /** At start-up: the sealed refresh token, discovery, one refresh. Never throws. */
  restore(): Promise<SessionState>
  /** Ends the session here, then asks the server to revoke the refresh token (RFC 7009). */
  signOut(): Promise<SignOutResult>
  /** After resume from sleep: renew at once if the token is expired or close to it. */
  checkNow(): Promise<void>
  /** Cancels timers and listeners; the sealed session stays for the next start. */
  dispose(): void
}

/** Creates the session service; call `restore()` once the app is ready. */
export function createSession(options: SessionOptions): Session {
  const { clock, vault } = options
  const logger = options.logger.child('session')
  const context = createSessionContext({ vault, clock, logger, breaker: options.breaker })
  const refresher = createSessionRefresher(context, {
    marginSeconds: options.refreshMarginSeconds,
    retry: options.retry,
    restore: () => restore(),
  })
  const dependencies = {
    discover: options.discover,
    profileSource: options.profileSource,
    bindFetch,
  }
  let restoring: Promise<SessionState> | undefined

  const stopWatchingVault = vault.onDidDropSecret?.(({ name, reason }) => {
    if (name !== SESSION_VAULT_NAME || !context.live) {
      return
    }

    logger.warn('the vault dropped the sealed session; keeping it for this run only', { reason })
    context.live.persistence = 'session-only'
    context.publishSignedIn()
  })

  function bindFetch(server: AuthServer): void {
    if (!server.configuration[customFetch]) {
      server.configuration[customFetch] = (url, init) => options.fetch(url, init as RequestInit)
    }
  }

  function restore(): Promise<SessionState> {
    restoring ??= restoreSession(context, refresher, dependencies).finally(() => {
      restoring = undefined
    })

    return restoring
  }

  /** Waits for a start-up restore, and retries one whose backoff has run out. */
  async function settled(): Promise<void> {
    if (restoring) {
      await restoring
    }

    const backoff = refresher.backoff()

    if (context.isRestorePending && backoff && clock.now() >= backoff.until) {
      await restore()
    }
  }

  function usable(): LiveSession {
    if (!context.live || context.breaker.isOpen()) {
      throw context.currentError()
    }

    return context.live
  }

  function stillValidOr(session: LiveSession, error: AppError): string {
    if (context.live === session && session.accessToken && clock.now() < session.expiresAt) {
      return session.accessToken
    }

    throw error
  }

  async function getAccessToken(): Promise<string> {
    await settled()
    const session = usable()

    if (session.accessToken && clock.now() < refresher.dueAt(session)) {
      return session.accessToken
    }

    const backoff = refresher.backoff()

    if (!refresher.inFlight() && backoff && clock.now() < backoff.until) {
      return stillValidOr(session, backoff.error ?? signedOutError())
    }

    try {
      return await refresher.refresh()
    } catch (error) {
      // A transient failure near expiry: the current token still works for a while.
      const isTransient = error === refresher.backoff()?.error

      return isTransient ? stillValidOr(session, error as AppError) : Promise.reject(error)
    }
  }

  async function refreshAfterRejection(rejectedToken: string): Promise<string> {
    await settled()
    const flight = refresher.inFlight()

    if (flight) {
      return flight.promise
    }

    const session = usable()

    if (session.accessToken && session.accessToken !== rejectedToken) {
      return getAccessToken()
    }

    const backoff = refresher.backoff()

    if (backoff?.error && clock.now() < backoff.until) {
      throw backoff.error
    }

    return refresher.refresh()
  }

  async function establish(received: ReceivedTokens, server: AuthServer): Promise<void> {
    const previousFlight = refresher.inFlight()
    refresher.reset()
    const started = context.epoch
    // An older refresh may still be sealing its token; let it land before ours does.
    await previousFlight?.promise.catch(() => undefined)
    bindFetch(server)
    const receivedAt = clock.now()
    const user = await resolveUser(server, received.accessToken, received.idTokenClaims, logger)
    const session: LiveSession = {
      server,
      accessToken: received.accessToken,
      receivedAt,
      expiresAt: received.expiresAt,
      refreshToken: received.refreshToken,
      scopes: [...received.scopes],
      user,
      persistence: 'session-only',
    }

    if (received.refreshToken === undefined) {
      logger.warn('the server issued no refresh token; the session ends with the access token')
      await context.tokenStore.clear().catch(() => undefined)
    } else {
      session.persistence = await refresher.seal(session, received.refreshToken)
    }

    if (context.epoch !== started) {
      return
    }

    context.live = session
    logger.info('signed in', { persistence: session.persistence, scopes: session.scopes })
    refresher.schedule()
    context.publishSignedIn()
  }

  async function checkNow(): Promise<void> {
    await settled()

    if (context.isRestorePending) {
      await restore()

      return
    }

    const { live } = context

    if (!live || context.breaker.isOpen()) {
      return
    }

    if (clock.now() < refresher.dueAt(live)) {
      // Timers may have slept with the machine; arm them again from the real time.
      refresher.schedule()

      return
    }

    // Back from sleep the network is often back too: do not wait out the backoff.
    refresher.clearBackoff()
    await refresher.refresh().catch(() => undefined)
  }

  return {
    state: () => context.state(),
    onDidChange: (listener) => context.onDidChange(listener),
    onDidSignOut: (listener) => context.onDidSignOut(listener),
    getAccessToken,
    refreshAfterRejection,
    grantedScopes: () => (context.live ? [...context.live.scopes] : []),
    establish,
    restore,
    signOut: () => signOutSession(context, refresher, dependencies),
    checkNow,
    dispose() {
      context.isDisposed = true
      refresher.reset()
      stopWatchingVault?.()
      context.clearListeners()
    },
  }
}
