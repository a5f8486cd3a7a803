import {
  ClientError,
  refreshTokenGrant,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from 'openid-client'

import { AppError } from '../../shared/errors/appError'
import { receivedTokensFrom } from './authorizationFlowTokens'
import type { AuthServer, ReceivedTokens } from './types'

/**
 * The outcome of one refresh request. `ended` means the server will never accept this
 * refresh token again; `transient` means try again later with the same one.
 */
export type RefreshOutcome =
  | { kind: 'refreshed'; tokens: ReceivedTokens }
  | { kind: 'ended'; error: AppError; oauthError: string }
  | { kind: 'transient'; error: AppError; status?: number }

/**
 * Sends one refresh_token grant and sorts the answer. Never throws: every failure becomes an
 * outcome the session knows how to act on.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function requestRefresh(
  server: AuthServer,
  refreshToken: string,
  options: { now: () => number; previousScopes: readonly string[] },
): Promise<RefreshOutcome> {
  try {
    const response = await refreshTokenGrant(server.configuration, refreshToken)

    return {
      kind: 'refreshed',
      tokens: receivedTokensFrom(response, options.previousScopes, options.now()),
    }
  } catch (error) {
    return classifyRefreshError(error)
  }
}

/** Errors at the token endpoint that no retry with the same refresh token can fix. */
const TERMINAL_OAUTH_ERRORS = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'invalid_scope',
  'unsupported_grant_type',
  'invalid_request',
])

/** Sorts anything a refresh threw into ended (sign in again) or transient (retry later). */
export function classifyRefreshError(
  error: unknown,
): Exclude<RefreshOutcome, { kind: 'refreshed' }> {
  const oauthError = oauthErrorOf(error)

  if (oauthError !== undefined && TERMINAL_OAUTH_ERRORS.has(oauthError)) {
    return { kind: 'ended', oauthError, error: endedError(oauthError, error) }
  }

  const status = statusOf(error)

  if (isTimeout(error)) {
    return {
      kind: 'transient',
      error: new AppError('NETWORK_TIMEOUT', 'The sign-in server did not answer in time.', {
        action: 'mpath Desktop will try again shortly.',
        cause: error,
      }),
    }
  }

  if (error instanceof TypeError) {
    return {
      kind: 'transient',
      error: new AppError('NETWORK_OFFLINE', 'The sign-in server could not be reached.', {
        action: 'Check your network connection; mpath Desktop will try again.',
        cause: error,
      }),
    }
  }

  return {
    kind: 'transient',
    ...(status === undefined ? {} : { status }),
    error: new AppError(
      'SESSION_REFRESH_FAILED',
      status === undefined
        ? 'Your session could not be renewed.'
        : status >= 400
          ? `Your session could not be renewed: the sign-in server answered ${status}.`
          : 'Your session could not be renewed: the sign-in server sent an unreadable answer.',
      { action: 'mpath Desktop will try again shortly.', cause: error },
    ),
  }
}

function endedError(oauthError: string, cause: unknown): AppError {
  if (oauthError === 'invalid_grant') {
    return new AppError('SESSION_EXPIRED', 'Your session ended at the server; sign in again.', {
      action: 'Sign in again.',
      cause,
    })
  }

  return new AppError(
    'SESSION_REFRESH_FAILED',
    `The sign-in server refused to renew your session (${oauthError}).`,
    {
      action:
        oauthError === 'invalid_client' || oauthError === 'unauthorized_client'
          ? 'Check the client ID and secret with your administrator, then sign in again.'
          : 'Sign in again.',
      cause,
    },
  )
}

/** The OAuth `error` code, from a JSON body or a WWW-Authenticate challenge. */
export function oauthErrorOf(error: unknown): string | undefined {
  if (error instanceof ResponseBodyError) {
    return error.error
  }

  if (error instanceof WWWAuthenticateChallengeError) {
    for (const challenge of error.cause) {
      const code = challenge.parameters.error

      if (typeof code === 'string') {
        return code
      }
    }

    return error.status === 401 ? 'invalid_client' : undefined
  }

  return undefined
}

/** The HTTP status behind an openid-client error, when there was a response. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof ResponseBodyError || error instanceof WWWAuthenticateChallengeError) {
    return error.status
  }

  if (error instanceof ClientError && error.cause instanceof Response) {
    return error.cause.status
  }

  return undefined
}

function isTimeout(error: unknown): boolean {
  if (error instanceof ClientError && error.code === 'OAUTH_TIMEOUT') {
    return true
  }

  return error instanceof Error && error.name === 'TimeoutError'
}
