import { tokenRevocation } from 'openid-client'

import { AppError, type ErrorData } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import { oauthErrorOf, statusOf } from './sessionRefresh'
import type { AuthServer } from './types'

/** Whether the server revoked a token, and in plain words why not when it did not. */
export type RevocationOutcome = { revoked: true } | { revoked: false; error: ErrorData }

/**
 * Asks the server to revoke a token (RFC 7009). Never throws: a refused or failed revocation
 * must not stand in the way of signing out locally.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009
 */
export async function revokeToken(
  server: AuthServer,
  token: string,
  tokenTypeHint: 'refresh_token' | 'access_token',
  logger: Logger,
): Promise<RevocationOutcome> {
  if (!server.supportsRevocation) {
    return {
      revoked: false,
      error: revocationError('the server does not offer token revocation'),
    }
  }

  try {
    await tokenRevocation(server.configuration, token, { token_type_hint: tokenTypeHint })
    logger.info('token revoked at the server', { tokenTypeHint })

    return { revoked: true }
  } catch (error) {
    const reason = describeFailure(error)
    logger.warn('token revocation failed', {
      tokenTypeHint,
      status: statusOf(error),
      oauthError: oauthErrorOf(error),
    })

    return { revoked: false, error: revocationError(reason) }
  }
}

/** Revocation could not even be attempted: the server was not reachable. */
export function revocationUnreachableError(): ErrorData {
  return revocationError('it could not be reached')
}

function revocationError(reason: string): ErrorData {
  return new AppError(
    'REVOCATION_FAILED',
    `Signed out on this computer, but the server could not revoke the token: ${reason}.`,
    {
      action:
        'The token stays valid at the server until it expires; ask your administrator to ' +
        'revoke it if this computer is not yours.',
    },
  ).toData()
}

function describeFailure(error: unknown): string {
  const oauthError = oauthErrorOf(error)

  if (oauthError === 'invalid_client' || oauthError === 'unauthorized_client') {
    return `it refused this app's credentials (${oauthError})`
  }

  if (oauthError !== undefined) {
    return `it refused the request (${oauthError})`
  }

  const status = statusOf(error)

  if (status !== undefined) {
    return `it answered ${status}`
  }

  if (error instanceof TypeError) {
    return 'it could not be reached'
  }

  if (
    error instanceof Error &&
    (error.name === 'TimeoutError' || /timed out/.test(error.message))
  ) {
    return 'it did not answer in time'
  }

  return 'the request failed'
}
