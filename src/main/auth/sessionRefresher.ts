import type { AppError, ErrorData } from '../../shared/errors/appError'
import { codeOf, type LiveSession, type SessionContext } from './sessionContext'
import {
  type BackoffOptions,
  backoffDelay,
  DEFAULT_REFRESH_MARGIN_SECONDS,
  MAX_TIMER_MILLISECONDS,
  refreshDueAt,
  refreshLoopError,
  signedOutError,
  unrenewableExpiryError,
} from './sessionPolicy'
import { requestRefresh } from './sessionRefresh'
import { mergeUser, userFromClaims } from './sessionUser'

/** One refresh request in flight, shared by every caller that waits for it. */
export interface Flight {
  promise: Promise<string>
  /** A refresh token that arrived after the session ended; sign-out revokes it. */
  orphanRefreshToken?: string
}

/**
 * Keeps the access token fresh: one refresh in flight, a timer ahead of expiry, backoff
 * after transient failures, the loop breaker, and the rotated refresh token sealed before
 * the new access token is handed out.
 */
export interface SessionRefresher {
  /** Starts a refresh, or joins the one in flight. */
  refresh(): Promise<string>
  inFlight(): Flight | undefined
  /** When the live session's token should be renewed (its end when it cannot be). */
  dueAt(session: LiveSession): number
  /** The running backoff after a transient failure, if any. */
  backoff(): { until: number; error: AppError | undefined } | undefined
  /** Starts (or extends) a backoff for a failure outside a refresh, e.g. discovery. */
  backOff(error?: AppError): void
  /** Drops the backoff so the next attempt goes out at once (after resume from sleep). */
  clearBackoff(): void
  /** Arms the one timer for the next renewal or retry. */
  schedule(): void
  /** Seals the session record; says whether it will survive a restart. */
  seal(session: LiveSession, refreshToken: string): Promise<'persistent' | 'session-only'>
  /** Ends the session for a reason the person did not choose (e.g. `invalid_grant`). */
  endSession(reason: ErrorData): Promise<void>
  /** Forgets timers, backoff and the breaker's history, and invalidates older answers. */
  reset(): void
}

/** Creates the refresher; `restore` is called when a pending start-up retry falls due. */
export function createSessionRefresher(
  context: SessionContext,
  options: { marginSeconds?: number; retry?: BackoffOptions; restore: () => Promise<unknown> },
): SessionRefresher {
  const { clock, logger, tokenStore, breaker } = context
  const marginSeconds = options.marginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS
  let flight: Flight | undefined
  let timer: { cancel(): void } | undefined
  let failures = 0
  let retryAt: number | undefined
  let lastTransient: AppError | undefined

  function cancelTimer(): void {
    timer?.cancel()
    timer = undefined
  }

  function dueAt(session: LiveSession): number {
    if (!session.accessToken) {
      return -Infinity
    }

    // Without a refresh token there is nothing to renew with: use the token to its end.
    return session.refreshToken === undefined
      ? session.expiresAt
      : refreshDueAt(session.receivedAt, session.expiresAt, marginSeconds)
  }

  function schedule(): void {
    cancelTimer()
    const at = retryAt ?? (context.live ? dueAt(context.live) : undefined)

    if (at === undefined || context.isDisposed) {
      return
    }

    const delay = Math.min(MAX_TIMER_MILLISECONDS, Math.max(0, at - clock.now()))
    timer = clock.setTimeout(() => {
      timer = undefined
      void onTimer()
    }, delay)
  }

  async function onTimer(): Promise<void> {
    if (context.isRestorePending) {
      await options.restore()

      return
    }

    const { live } = context

    if (!live || breaker.isOpen()) {
      return
    }

    if (clock.now() < (retryAt ?? dueAt(live))) {
      schedule()

      return
    }

    await refresh().catch(() => undefined)
  }

  function backOff(error?: AppError): void {
    failures += 1
    retryAt = clock.now() + backoffDelay(failures, options.retry)
    lastTransient = error
    schedule()
  }

  function reset(): void {
    context.epoch += 1
    cancelTimer()
    failures = 0
    retryAt = undefined
    lastTransient = undefined
    context.isRestorePending = false
    breaker.reset()
  }

  async function endSession(reason: ErrorData): Promise<void> {
    reset()
    context.live = undefined

    try {
      await tokenStore.clear()
    } catch (error) {
      logger.warn('could not remove the sealed session', { code: codeOf(error) })
    }

    logger.info('session ended', { code: reason.code })
    context.setState({ status: 'signed-out', reason })
    context.emitSignOut({ reason })
  }

  async function seal(
    session: LiveSession,
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

  /** The newest refresh token: another app process sharing the vault may have rotated it. */
  async function newestRefreshToken(session: LiveSession): Promise<string | undefined> {
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

  async function run(session: LiveSession, own: Flight, isRetryAfterRace = false): Promise<string> {
    const started = context.epoch
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

    if (context.epoch !== started) {
      if (outcome.kind === 'refreshed' && outcome.tokens.refreshToken) {
        own.orphanRefreshToken = outcome.tokens.refreshToken
      }

      throw signedOutError()
    }

    if (outcome.kind === 'ended') {
      // Another process may have rotated the token between our read and our request.
      if (outcome.oauthError === 'invalid_grant' && !isRetryAfterRace) {
        const newest = await newestRefreshToken(session)

        if (newest !== undefined && newest !== refreshToken && context.epoch === started) {
          return run(session, own, true)
        }
      }

      logger.warn('refresh refused; signing out', { oauthError: outcome.oauthError })
      await endSession(outcome.error.toData())
      throw outcome.error
    }

    if (outcome.kind === 'transient') {
      backOff(outcome.error)
      logger.warn('refresh failed; will retry', {
        code: outcome.error.code,
        status: outcome.status,
        failures,
        retryInMilliseconds: (retryAt ?? 0) - clock.now(),
      })
      throw outcome.error
    }

    const { tokens } = outcome
    const isRotated = tokens.refreshToken !== undefined && tokens.refreshToken !== refreshToken

    // Seal a rotated refresh token before anything uses the new access token: the old one is
    // dead at the server now, and a crash from here on must still find the new one.
    if (isRotated && tokens.refreshToken !== undefined) {
      session.refreshToken = tokens.refreshToken
      own.orphanRefreshToken = tokens.refreshToken
      session.persistence = await seal(session, tokens.refreshToken)
    }

    if (context.epoch !== started) {
      throw signedOutError()
    }

    const user = tokens.idTokenClaims ? userFromClaims(tokens.idTokenClaims) : undefined
    const replaced = {
      previousReceivedAt: session.receivedAt,
      previousExpiresAt: session.expiresAt,
    }
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

    if (breaker.recordRefresh({ ...replaced, expiresAt: tokens.expiresAt })) {
      throw stopForLoop()
    }

    logger.info('access token renewed', {
      expiresInSeconds: Math.round((tokens.expiresAt - clock.now()) / 1000),
      rotated: isRotated,
    })
    schedule()
    context.publishSignedIn()

    return tokens.accessToken
  }

  function stopForLoop(): AppError {
    cancelTimer()
    const error = refreshLoopError()
    logger.error('refresh loop detected; stopped renewing the session', { code: error.code })
    context.setState({ status: 'error', error: error.toData() })

    return error
  }

  function refresh(): Promise<string> {
    if (flight) {
      return flight.promise
    }

    if (!context.live) {
      return Promise.reject(signedOutError())
    }

    const own: Flight = { promise: Promise.resolve('') }
    own.promise = run(context.live, own).finally(() => {
      if (flight === own) {
        flight = undefined
      }
    })
    flight = own

    return own.promise
  }

  return {
    refresh,
    inFlight: () => flight,
    dueAt,
    backoff: () => (retryAt === undefined ? undefined : { until: retryAt, error: lastTransient }),
    backOff,
    clearBackoff() {
      retryAt = undefined
    },
    schedule,
    seal,
    endSession,
    reset,
  }
}
