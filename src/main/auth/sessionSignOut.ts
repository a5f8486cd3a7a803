import type { ConnectionProfile } from '../../shared/connection/profile'
import type { ErrorData } from '../../shared/errors/appError'
import { revocationUnreachableError, revokeToken, type RevocationOutcome } from './revocation'
import { codeOf, type SessionContext } from './sessionContext'
import type { SessionRefresher } from './sessionRefresher'
import type { AuthServer } from './types'

/** The answer to a sign-out: the local sign-out always happened; revocation may not have. */
export interface SignOutResult {
  revoked: boolean
  /** Plain words for the person when the server could not revoke the token. */
  message?: string
  /** `REVOCATION_FAILED` with the same message, when revocation failed. */
  error?: ErrorData
}

/** What signing out needs besides the shared state. */
export interface SignOutDependencies {
  discover: (profile: ConnectionProfile) => Promise<AuthServer>
  profileSource: () => Promise<ConnectionProfile | undefined>
  bindFetch: (server: AuthServer) => void
}

/**
 * Signs out here at once (state, timers, the sealed entry), then asks the server to revoke
 * the refresh token (RFC 7009). A refused or failed revocation never undoes the local
 * sign-out; the result says so in plain words.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009
 */
export async function signOutSession(
  context: SessionContext,
  refresher: SessionRefresher,
  dependencies: SignOutDependencies,
): Promise<SignOutResult> {
  const { logger, tokenStore } = context
  const session = context.live
  const pending = refresher.inFlight()
  refresher.reset()
  context.live = undefined
  context.setState({ status: 'signed-out' })

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
  context.emitSignOut({})

  if (unrestored) {
    const profile = await dependencies.profileSource().catch(() => undefined)
    const server = profile && (await dependencies.discover(profile).catch(() => undefined))

    if (!server) {
      return failed(revocationUnreachableError())
    }

    dependencies.bindFetch(server)

    return toResult(await revokeToken(server, unrestored.refreshToken, 'refresh_token', logger))
  }

  const refreshToken = pending?.orphanRefreshToken ?? session?.refreshToken

  if (!session || (refreshToken === undefined && !session.accessToken)) {
    return { revoked: false }
  }

  const outcome =
    refreshToken === undefined
      ? await revokeToken(session.server, session.accessToken, 'access_token', logger)
      : await revokeToken(session.server, refreshToken, 'refresh_token', logger)

  return toResult(outcome)
}

function toResult(outcome: RevocationOutcome): SignOutResult {
  return outcome.revoked ? { revoked: true } : failed(outcome.error)
}

function failed(error: ErrorData): SignOutResult {
  return { revoked: false, message: error.message, error }
}
