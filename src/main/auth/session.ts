import { customFetch } from 'openid-client'

import type { SessionState, SessionUser } from '../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../shared/connection/profile'
import { AppError, type ErrorData, toErrorData } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock, FetchPort } from '../platform/ports'
import { createRefreshBreaker } from './refreshBreaker'
import { revocationUnreachableError, revokeToken } from './revocation'
import {
  type BackoffOptions,
  backoffDelay,
  DEFAULT_REFRESH_MARGIN_SECONDS,
  MAX_TIMER_MILLISECONDS,
  refreshDueAt,
  refreshLoopError,
  signedOutError,
  unreadableSessionError,
  unrenewableExpiryError,
} from './sessionPolicy'
import { requestRefresh } from './sessionRefresh'
import { mergeUser, resolveUser, userFromClaims } from './sessionUser'
import { createTokenStore, SESSION_VAULT_NAME, type SessionVault } from './tokenStore'
import type { AccessTokenSource, AuthServer, ReceivedTokens } from './types'

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
  /** Refresh-loop breaker: more than `maxRefreshes` within `windowSeconds` stops the session. */
  breaker?: { maxRefreshes?: number; windowSeconds?: number }
  /** Backoff after transient refresh failures. */
  retry?: BackoffOptions
}

/** The answer to a sign-out: the local sign-out always happened; revocation may not have. */
export interface SignOutResult {
  revoked: boolean
  /** Plain words for the person when the server could not revoke the token. */
  message?: string
  /** `REVOCATION_FAILED` with the same message, when revocation failed. */
  error?: ErrorData
}

/** Fired whenever a session ends: `reason` is absent when the person signed out. */
export interface SignOutEvent {
  reason?: ErrorData
}

/**
 * The signed-in session, owned by the main process: holds the access token in memory, the
 * refresh token sealed in the vault, renews ahead of expiry with one refresh in flight, and
 * revokes at sign-out. Its state is plain data for the renderer.
 */
export interface Session extends AccessTokenSource {
  state(): SessionState
  onDidChange(listener: (state: SessionState) => void): () => void
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

interface Live {
  server: AuthServer
  /** Empty until the first refresh of a restored session. */
  accessToken: string
  receivedAt: number
  expiresAt: number
  refreshToken: string | undefined
  scopes: string[]
  user: SessionUser
  persistence: 'persistent' | 'session-only'
}

interface Flight {
  promise: Promise<string>
  /** A refresh token that arrived after the session ended; sign-out revokes it. */
  orphanRefreshToken?: string
}

/** Creates the session service; call `restore()` once the app is ready. */
export function createSession(options: SessionOptions): Session {
  const { clock, vault } = options
  const logger = options.logger.child('session')
  const tokenStore = createTokenStore(vault, () => clock.now())
  const breaker = createRefreshBreaker({ clock, ...options.breaker })
  const marginSeconds = options.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS
  const changeListeners = new Set<(state: SessionState) => void>()
  const signOutListeners = new Set<(event: SignOutEvent) => void>()

  let current: SessionState = { status: 'signed-out' }
  let live: Live | undefined
  // Bumped whenever a session starts or ends, so late answers of an older one are ignored.
  let epoch = 0
  let flight: Flight | undefined
  let timer: { cancel(): void } | undefined
  let failures = 0
  let retryAt: number | undefined
  let lastTransient: AppError | undefined
  let restoring: Promise<SessionState> | undefined
  let isRestorePending = false
  let isDisposed = false

  const stopWatchingVault = vault.onDidDropSecret?.(({ name, reason }) => {
    if (name !== SESSION_VAULT_NAME || !live) {
      return
    }

    logger.warn('the vault dropped the sealed session; keeping it for this run only', { reason })
    live.persistence = 'session-only'
    publishSignedIn()
  })

  function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value)
      } catch (error) {
        logger.error('a session listener threw', { error })
      }
    }
  }

  function setState(next: SessionState): void {
    if (JSON.stringify(next) === JSON.stringify(current)) {
      return
    }

    current = next
    emit(changeListeners, next)
  }

  function publishSignedIn(): void {
    if (!live || !live.accessToken || breaker.isOpen()) {
      return
    }

    setState({
      status: 'signed-in',
      user: { ...live.user },
      scopes: [...live.scopes],
      accessTokenExpiresAt: new Date(live.expiresAt).toISOString(),
      persistence: live.persistence,
    })
  }

  function dueAt(session: Live): number {
    if (!session.accessToken) {
      return -Infinity
    }

    // Without a refresh token there is nothing to renew with: use the token to its end.
    return session.refreshToken === undefined
      ? session.expiresAt
      : refreshDueAt(session.receivedAt, session.expiresAt, marginSeconds)
  }

  function cancelTimer(): void {
    timer?.cancel()
    timer = undefined
  }

  function schedule(at: number, action: () => void): void {
    cancelTimer()

    if (isDisposed) {
      return
    }

    const delay = Math.min(MAX_TIMER_MILLISECONDS, Math.max(0, at - clock.now()))
    timer = clock.setTimeout(() => {
      timer = undefined
      action()
    }, delay)
  }

  function scheduleRefresh(): void {
    if (!live) {
      return
    }

    schedule(retryAt ?? dueAt(live), () => void onTimer())
  }

  async function onTimer(): Promise<void> {
    if (isRestorePending) {
      await restore()

      return
    }

    if (!live || breaker.isOpen()) {
      return
    }

    const now = clock.now()

    if (now < (retryAt ?? dueAt(live))) {
      scheduleRefresh()

      return
    }

    await refresh().catch(() => undefined)
  }

  function resetSessionBookkeeping(): void {
    epoch += 1
    cancelTimer()
    failures = 0
    retryAt = undefined
    lastTransient = undefined
    isRestorePending = false
    breaker.reset()
  }

  /** Ends the session for a reason the person did not choose (e.g. `invalid_grant`). */
  async function endSession(reason: ErrorData): Promise<void> {
    resetSessionBookkeeping()
    live = undefined

    try {
      await tokenStore.clear()
    } catch (error) {
      logger.warn('could not remove the sealed session', { code: codeOf(error) })
    }

    logger.info('session ended', { code: reason.code })
    setState({ status: 'signed-out', reason })
    emit(signOutListeners, { reason })
  }

  function stopForLoop(): AppError {
    cancelTimer()
    const error = refreshLoopError()
    logger.error('refresh loop detected; stopped renewing the session', { code: error.code })
    setState({ status: 'error', error: error.toData() })

    return error
  }

  /** The newest refresh token: another app process sharing the vault may have rotated it. */
  async function newestRefreshToken(session: Live): Promise<string | undefined> {
    if (session.persistence !== 'persistent') {
      return session.refreshToken
    }

    try {
      const sealed = await tokenStore.load()

      if (
        sealed &&
        sealed.issuer === session.server.issuer &&
        sealed.clientId === session.server.profile.clientId &&
        sealed.refreshToken !== session.refreshToken
      ) {
        logger.info('using a refresh token rotated by another app process')
        session.refreshToken = sealed.refreshToken
      }
    } catch (error) {
      logger.warn('could not read the sealed session; keeping it in memory', {
        code: codeOf(error),
      })
      session.persistence = 'session-only'
    }

    return session.refreshToken
  }

  async function runRefresh(session: Live, own: Flight, isRetryAfterRace = false): Promise<string> {
    const started = epoch
    cancelTimer()
    const refreshToken = await newestRefreshToken(session)

    if (refreshToken === undefined) {
      const reason = unrenewableExpiryError()
      await endSession(reason.toData())
      throw reason
    }

    const outcome = await requestRefresh(session.server, refreshToken, {
      now: () => clock.now(),
      previousScopes: session.scopes,
    })

    if (epoch !== started) {
      if (outcome.kind === 'refreshed' && outcome.tokens.refreshToken) {
        own.orphanRefreshToken = outcome.tokens.refreshToken
      }

      throw signedOutError()
    }

    if (outcome.kind === 'ended') {
      // Another process may have rotated the token between our read and our request.
      if (outcome.oauthError === 'invalid_grant' && !isRetryAfterRace) {
        const newest = await newestRefreshToken(session)

        if (newest !== undefined && newest !== refreshToken && epoch === started) {
          return runRefresh(session, own, true)
        }
      }

      logger.warn('refresh refused; signing out', { oauthError: outcome.oauthError })
      await endSession(outcome.error.toData())
      throw outcome.error
    }

    if (outcome.kind === 'transient') {
      failures += 1
      retryAt = clock.now() + backoffDelay(failures, options.retry)
      lastTransient = outcome.error
      logger.warn('refresh failed; will retry', {
        code: outcome.error.code,
        status: outcome.status,
        failures,
        retryInMilliseconds: retryAt - clock.now(),
      })
      scheduleRefresh()
      throw outcome.error
    }

    const { tokens } = outcome

    // Seal a rotated refresh token before anything uses the new access token: the old one is
    // dead at the server now, and a crash from here on must still find the new one.
    if (tokens.refreshToken !== undefined && tokens.refreshToken !== refreshToken) {
      session.refreshToken = tokens.refreshToken
      own.orphanRefreshToken = tokens.refreshToken
      session.persistence = await sealSession(session, tokens.refreshToken)
    }

    if (epoch !== started) {
      throw signedOutError()
    }

    const user = tokens.idTokenClaims ? userFromClaims(tokens.idTokenClaims) : undefined
    Object.assign(session, {
      accessToken: tokens.accessToken,
      receivedAt: clock.now(),
      expiresAt: tokens.expiresAt,
      scopes: tokens.scopes,
      user: mergeUser(session.user, user) ?? session.user,
    })
    failures = 0
    retryAt = undefined
    lastTransient = undefined

    if (tokens.expiresAt <= clock.now()) {
      breaker.trip()
    }

    if (breaker.recordRefresh()) {
      throw stopForLoop()
    }

    logger.info('access token renewed', {
      expiresInSeconds: Math.round((tokens.expiresAt - clock.now()) / 1000),
      rotated: tokens.refreshToken !== undefined && tokens.refreshToken !== refreshToken,
    })
    scheduleRefresh()
    publishSignedIn()

    return tokens.accessToken
  }

  async function sealSession(
    session: Live,
    refreshToken: string,
  ): Promise<'persistent' | 'session-only'> {
    try {
      const { persisted } = await tokenStore.save({
        refreshToken,
        issuer: session.server.issuer,
        clientId: session.server.profile.clientId,
        scopes: session.scopes,
        user: session.user,
      })

      return persisted ? 'persistent' : 'session-only'
    } catch (error) {
      // S13: a keychain that throws must not half-save the account or block the sign-in.
      logger.warn('could not seal the refresh token; keeping it for this run only', {
        code: codeOf(error),
      })
      await tokenStore.clear().catch(() => undefined)

      return 'session-only'
    }
  }

  /** One refresh in flight, however many callers wait for it. */
  function refresh(): Promise<string> {
    if (flight) {
      return flight.promise
    }

    if (!live) {
      return Promise.reject(signedOutError())
    }

    const own: Flight = { promise: Promise.resolve('') }
    own.promise = runRefresh(live, own).finally(() => {
      if (flight === own) {
        flight = undefined
      }
    })
    flight = own

    return own.promise
  }

  function currentError(): AppError {
    if (current.status === 'error') {
      return new AppError(current.error.code, current.error.message, {
        action: current.error.action,
      })
    }

    return signedOutError()
  }

  async function settled(): Promise<void> {
    if (restoring) {
      await restoring
    }

    if (isRestorePending && retryAt !== undefined && clock.now() >= retryAt) {
      await restore()
    }
  }

  async function getAccessToken(): Promise<string> {
    await settled()

    if (!live || breaker.isOpen()) {
      throw currentError()
    }

    const session = live

    if (session.accessToken && clock.now() < dueAt(session)) {
      return session.accessToken
    }

    if (!flight && retryAt !== undefined && clock.now() < retryAt) {
      return stillValidOr(session, lastTransient ?? signedOutError())
    }

    try {
      return await refresh()
    } catch (error) {
      const isTransient = error instanceof AppError && error === lastTransient

      return isTransient ? stillValidOr(session, error) : Promise.reject(error)
    }
  }

  function stillValidOr(session: Live, error: AppError): string {
    if (live === session && session.accessToken && clock.now() < session.expiresAt) {
      return session.accessToken
    }

    throw error
  }

  async function refreshAfterRejection(rejectedToken: string): Promise<string> {
    await settled()

    if (flight) {
      return flight.promise
    }

    if (!live || breaker.isOpen()) {
      throw currentError()
    }

    if (live.accessToken && live.accessToken !== rejectedToken) {
      return getAccessToken()
    }

    if (retryAt !== undefined && clock.now() < retryAt && lastTransient) {
      throw lastTransient
    }

    return refresh()
  }

  async function establish(received: ReceivedTokens, server: AuthServer): Promise<void> {
    const previousFlight = flight
    resetSessionBookkeeping()
    const started = epoch
    // An older refresh may still be sealing its token; let it land before ours does.
    await previousFlight?.promise.catch(() => undefined)
    bindFetch(server)
    const receivedAt = clock.now()
    const user = await resolveUser(server, received.accessToken, received.idTokenClaims, logger)
    const session: Live = {
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
      await tokenStore.clear().catch(() => undefined)
    } else {
      session.persistence = await sealSession(session, received.refreshToken)
    }

    if (epoch !== started) {
      return
    }

    live = session
    logger.info('signed in', { persistence: session.persistence, scopes: session.scopes })
    scheduleRefresh()
    publishSignedIn()
  }

  function bindFetch(server: AuthServer): void {
    if (!server.configuration[customFetch]) {
      server.configuration[customFetch] = (url, init) => options.fetch(url, init as RequestInit)
    }
  }

  function restore(): Promise<SessionState> {
    restoring ??= restoreOnce().finally(() => {
      restoring = undefined
    })

    return restoring
  }

  async function restoreOnce(): Promise<SessionState> {
    const started = epoch
    const isCurrent = () => epoch === started && !isDisposed
    isRestorePending = false
    const profile = await options.profileSource().catch(() => undefined)

    if (!profile || !isCurrent()) {
      return current
    }

    let sealed

    try {
      sealed = await tokenStore.load()
    } catch (error) {
      const reason =
        error instanceof AppError && error.code === 'VAULT_DECRYPT_FAILED'
          ? unreadableSessionError().toData()
          : toErrorData(error)
      logger.warn('could not open the sealed session; starting signed out', { code: reason.code })

      if (isCurrent()) {
        setState({ status: 'signed-out', reason })
      }

      return current
    }

    if (!sealed || !isCurrent()) {
      return current
    }

    if (sealed.issuer !== profile.issuer || sealed.clientId !== profile.clientId) {
      logger.info('the sealed session belongs to another connection; removing it')
      await tokenStore.clear().catch(() => undefined)

      return current
    }

    let server: AuthServer

    try {
      server = await options.discover(profile)
    } catch (error) {
      if (isCurrent()) {
        failures += 1
        retryAt = clock.now() + backoffDelay(failures, options.retry)
        isRestorePending = true
        setState({ status: 'error', error: toErrorData(error) })
        schedule(retryAt, () => void onTimer())
      }

      return current
    }

    if (!isCurrent()) {
      return current
    }

    bindFetch(server)
    live = {
      server,
      accessToken: '',
      receivedAt: 0,
      expiresAt: 0,
      refreshToken: sealed.refreshToken,
      scopes: sealed.scopes,
      user: sealed.user,
      persistence: 'persistent',
    }

    try {
      await refresh()
    } catch (error) {
      if (live && !live.accessToken && error === lastTransient) {
        setState({ status: 'error', error: toErrorData(error) })
      }
    }

    return current
  }

  async function signOut(): Promise<SignOutResult> {
    const session = live
    const pending = flight
    resetSessionBookkeeping()
    live = undefined
    setState({ status: 'signed-out' })

    // A refresh in flight may rotate the token: wait for it, so the newest one is revoked
    // and its sealing cannot land after the removal below.
    await pending?.promise.catch(() => undefined)
    // Signed out while start-up could not reach the server: the sealed token is still live.
    const unrestored = session ? undefined : await tokenStore.load().catch(() => undefined)

    try {
      await tokenStore.clear()
    } catch (error) {
      logger.warn('could not remove the sealed session', { code: codeOf(error) })
    }

    logger.info('signed out')
    emit(signOutListeners, {})
    const refreshToken = pending?.orphanRefreshToken ?? session?.refreshToken

    if (unrestored) {
      return revokeUnrestored(unrestored.refreshToken)
    }

    if (!session || (refreshToken === undefined && !session.accessToken)) {
      return { revoked: false }
    }

    const outcome =
      refreshToken === undefined
        ? await revokeToken(session.server, session.accessToken, 'access_token', logger)
        : await revokeToken(session.server, refreshToken, 'refresh_token', logger)

    return outcome.revoked
      ? { revoked: true }
      : { revoked: false, message: outcome.error.message, error: outcome.error }
  }

  async function revokeUnrestored(refreshToken: string): Promise<SignOutResult> {
    const profile = await options.profileSource().catch(() => undefined)
    const server = profile && (await options.discover(profile).catch(() => undefined))

    if (!server) {
      const error = revocationUnreachableError()

      return { revoked: false, message: error.message, error }
    }

    bindFetch(server)
    const outcome = await revokeToken(server, refreshToken, 'refresh_token', logger)

    return outcome.revoked
      ? { revoked: true }
      : { revoked: false, message: outcome.error.message, error: outcome.error }
  }

  async function checkNow(): Promise<void> {
    await settled()

    if (isRestorePending) {
      await restore()

      return
    }

    if (!live || breaker.isOpen()) {
      return
    }

    if (clock.now() < dueAt(live)) {
      // Timers may have slept with the machine; arm them again from the real time.
      scheduleRefresh()

      return
    }

    // Back from sleep the network is often back too: do not wait out the backoff.
    retryAt = undefined
    await refresh().catch(() => undefined)
  }

  return {
    state: () => current,
    onDidChange(listener) {
      changeListeners.add(listener)

      return () => changeListeners.delete(listener)
    },
    onDidSignOut(listener) {
      signOutListeners.add(listener)

      return () => signOutListeners.delete(listener)
    },
    getAccessToken,
    refreshAfterRejection,
    grantedScopes: () => (live ? [...live.scopes] : []),
    establish,
    restore,
    signOut,
    checkNow,
    dispose() {
      isDisposed = true
      cancelTimer()
      stopWatchingVault?.()
      changeListeners.clear()
      signOutListeners.clear()
    },
  }
}

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : error instanceof Error ? error.name : 'unknown'
}
