import type { SessionState } from '../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../shared/connection/profile'
import { AppError, toErrorData } from '../../shared/errors/appError'
import type { SessionContext } from './sessionContext'
import { unreadableSessionError } from './sessionPolicy'
import type { SessionRefresher } from './sessionRefresher'
import type { SealedSession } from './tokenStore'
import type { AuthServer } from './types'

/** What restoring needs besides the shared state. */
export interface RestoreDependencies {
  discover: (profile: ConnectionProfile) => Promise<AuthServer>
  profileSource: () => Promise<ConnectionProfile | undefined>
  bindFetch: (server: AuthServer) => void
}

/**
 * Brings back the session sealed by an earlier run: open the sealed refresh token, discover
 * the server, refresh once. Never throws; the outcome is the session state, `restoring` from
 * the moment a sealed session is found until this settles. A value that no longer decrypts
 * starts signed out with the reason (S15); an unreachable server keeps the sealed token,
 * stays `restoring` with an `offline` note and retries with backoff.
 */
export async function restoreSession(
  context: SessionContext,
  refresher: SessionRefresher,
  dependencies: RestoreDependencies,
): Promise<SessionState> {
  const { logger, tokenStore } = context
  const started = context.epoch
  const isCurrent = () => context.epoch === started && !context.isDisposed
  context.isRestorePending = false
  const profile = await dependencies.profileSource().catch(() => undefined)

  if (!profile || !isCurrent()) {
    return context.state()
  }

  let sealed: SealedSession | undefined

  try {
    sealed = await tokenStore.load()
  } catch (error) {
    const reason =
      error instanceof AppError && error.code === 'VAULT_DECRYPT_FAILED'
        ? unreadableSessionError().toData()
        : toErrorData(error)
    logger.warn('could not open the sealed session; starting signed out', { code: reason.code })

    if (isCurrent()) {
      context.setState({ status: 'signed-out', reason })
    }

    return context.state()
  }

  if (!sealed || !isCurrent()) {
    return context.state()
  }

  if (sealed.issuer !== profile.issuer || sealed.clientId !== profile.clientId) {
    logger.info('the sealed session belongs to another connection; removing it')
    await tokenStore.clear().catch(() => undefined)

    return context.state()
  }

  // The person is still signed in while the server is asked; a retry keeps the offline note
  // of the attempt before, so the window does not flicker between the two.
  if (context.state().status !== 'restoring') {
    context.setState({ status: 'restoring', user: { ...sealed.user } })
  }

  let server: AuthServer

  try {
    server = await dependencies.discover(profile)
  } catch (error) {
    if (isCurrent()) {
      context.isRestorePending = true
      context.setState({
        status: 'restoring',
        user: { ...sealed.user },
        offline: toErrorData(error),
      })
      refresher.backOff()
    }

    return context.state()
  }

  if (!isCurrent()) {
    return context.state()
  }

  dependencies.bindFetch(server)
  context.live = {
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
    await refresher.refresh()
  } catch (error) {
    // Offline at start-up: no access token yet, the refresher retries with backoff and the
    // person stays signed in, offline, on the cached data.
    if (context.live && !context.live.accessToken && refresher.backoff()?.error === error) {
      context.setState({
        status: 'restoring',
        user: { ...sealed.user },
        offline: toErrorData(error),
      })
    }
  }

  return context.state()
}
