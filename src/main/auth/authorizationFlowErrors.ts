import * as oidc from 'openid-client'

import { AppError } from '../../shared/errors/appError'
import type { CallbackVerdict, DropReason } from './pendingAuthorization'

/** Scopes every Clerk OAuth app may request; anything else must be assigned by an admin. */
const BUILT_IN_SCOPES = new Set([
  'openid',
  'profile',
  'email',
  'offline_access',
  'public_metadata',
  'private_metadata',
  'user:org:read',
])

const MAX_DESCRIPTION_LENGTH = 300

/**
 * Turns an OAuth error in an authorization response (`error=…` on the callback) into a message
 * a person can act on.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function authorizationResponseError(
  params: URLSearchParams,
  requestedScopes: readonly string[],
): AppError {
  const error = params.get('error') ?? 'server_error'
  const description = cleanDescription(params.get('error_description'))

  if (error === 'access_denied') {
    return new AppError(
      'AUTH_DENIED',
      'You declined access in the browser. Sign in again and choose Allow.',
      { action: 'Sign in again and choose Allow.' },
    )
  }

  if (error === 'invalid_scope') {
    return invalidScopeError(description, params.get('scope'), requestedScopes)
  }

  return new AppError(
    'AUTH_SERVER_ERROR',
    description === undefined
      ? `The authorization server refused the sign-in (${safeCode(error)}).`
      : `The authorization server refused the sign-in (${safeCode(error)}): ${description}`,
    { action: 'Try again; if it keeps failing, send this message to your administrator.' },
  )
}

/**
 * `invalid_scope` names the scopes the administrator must assign to the app: those quoted in the
 * server's description (Clerk's wording quotes them), else every requested custom scope.
 */
export function invalidScopeError(
  description: string | undefined,
  scopeHint: string | null,
  requestedScopes: readonly string[],
): AppError {
  const text = `${description ?? ''} ${scopeHint ?? ''}`
  const named = requestedScopes.filter((scope) =>
    new RegExp(`(^|[\\s'"\`,])${escape(scope)}($|[\\s'"\`,.])`).test(text),
  )
  const custom = requestedScopes.filter((scope) => !BUILT_IN_SCOPES.has(scope))
  const scopes = named.length > 0 ? named : custom.length > 0 ? custom : [...requestedScopes]

  return new AppError(
    'AUTH_INVALID_SCOPE',
    `The app is not allowed to request ${listOf(scopes)}.`,
    {
      action: `Ask your administrator to assign ${listOf(scopes)} to the mpath Desktop OAuth app.`,
    },
  )
}

/** Maps a failure of the token exchange (or the device-grant poll) to a coded error. */
export function tokenExchangeError(error: unknown, requestedScopes: readonly string[]): AppError {
  if (error instanceof AppError) {
    return error
  }

  if (error instanceof oidc.ResponseBodyError) {
    const description = cleanDescription(error.error_description)

    switch (error.error) {
      case 'invalid_scope':
        return invalidScopeError(description, null, requestedScopes)
      case 'invalid_grant':
        return new AppError(
          'AUTH_TOKEN_EXCHANGE_FAILED',
          'The sign-in code expired or was already used.',
          {
            action: 'Sign in again.',
            cause: error,
          },
        )
      case 'invalid_client':
      case 'unauthorized_client':
        return new AppError(
          'AUTH_TOKEN_EXCHANGE_FAILED',
          'The server did not accept the app’s client ID or secret.',
          {
            action: 'Check the Client ID and client secret your administrator gave you.',
            cause: error,
          },
        )
      case 'access_denied':
        return new AppError(
          'AUTH_DENIED',
          'You declined access in the browser. Sign in again and choose Allow.',
          {
            action: 'Sign in again and choose Allow.',
            cause: error,
          },
        )
      case 'expired_token':
        return new AppError('AUTH_TIMEOUT', 'The code to type in the browser expired.', {
          action: 'Start again and enter the new code within its time.',
          cause: error,
        })
      default:
        return new AppError(
          'AUTH_TOKEN_EXCHANGE_FAILED',
          `The token request was refused (${safeCode(error.error)})` +
            `${description === undefined ? '.' : `: ${description}`}`,
          { action: 'Sign in again; if it keeps failing, tell your administrator.', cause: error },
        )
    }
  }

  const code = error instanceof oidc.ClientError ? error.code : undefined

  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    return new AppError(
      'AUTH_ID_TOKEN_INVALID',
      'The identity token from the server did not check out.',
      {
        action: 'Check that this computer’s clock is right, then sign in again.',
        cause: error,
      },
    )
  }

  if (code === 'OAUTH_TIMEOUT') {
    return new AppError(
      'AUTH_TOKEN_EXCHANGE_FAILED',
      'The authorization server did not answer in time.',
      {
        action: 'Check your network connection and sign in again.',
        cause: error,
      },
    )
  }

  if (code === 'OAUTH_ABORT') {
    return new AppError('AUTH_CANCELLED', 'Sign-in was cancelled.', { cause: error })
  }

  return new AppError(
    'AUTH_TOKEN_EXCHANGE_FAILED',
    'The sign-in could not be completed with the server.',
    {
      action: 'Check your network connection and sign in again.',
      cause: error,
    },
  )
}

/** Whether a dropped callback points at a mix-up of servers (RFC 9207). */
export function isIssuerProblem(reason: DropReason): boolean {
  return reason === 'issuer-mismatch' || reason === 'issuer-missing'
}

/** The callback's `iss` is not the configured issuer, or is missing though promised. */
export function issuerMismatchError(): AppError {
  return new AppError(
    'AUTH_ISSUER_MISMATCH',
    'The sign-in answer came from a different server than the one configured.',
    {
      action: 'Check that the Issuer is your Clerk Frontend API URL, then sign in again.',
    },
  )
}

/** What is wrong with a pasted address, in words a person can act on. */
export function pasteError(verdict: Extract<CallbackVerdict, { accepted: false }>): AppError {
  switch (verdict.reason) {
    case 'no-pending':
      return new AppError('AUTH_NO_PENDING', 'No sign-in is waiting for this address.', {
        action: 'Start signing in again, then paste the new address.',
      })
    case 'replayed':
    case 'state-mismatch':
      return new AppError(
        'AUTH_STATE_MISMATCH',
        'This address belongs to an earlier or different sign-in.',
        {
          action: 'Paste the address from the browser tab of the latest sign-in.',
        },
      )
    case 'issuer-mismatch':
    case 'issuer-missing':
      return issuerMismatchError()
    case 'redirect-mismatch':
      return new AppError(
        'AUTH_INVALID_CALLBACK',
        'This is not the address the sign-in returns to.',
        {
          action: 'Copy the address of the page the browser showed after you chose Allow.',
        },
      )
    case 'no-code':
      return new AppError('AUTH_INVALID_CALLBACK', 'The address is incomplete.', {
        action: 'Copy the whole address, including everything after the question mark.',
      })
  }
}

/** Maps a failure of the device grant; an abort is a cancellation, a lapse a timeout. */
export function deviceError(
  error: unknown,
  wasAborted: boolean,
  scopes: readonly string[],
): AppError {
  if (wasAborted) {
    return new AppError('AUTH_CANCELLED', 'Sign-in was cancelled.', { cause: error })
  }

  if (error instanceof oidc.ClientError && error.code === 'OAUTH_TIMEOUT') {
    return new AppError('AUTH_TIMEOUT', 'The code to type in the browser expired.', {
      action: 'Start again and enter the new code within its time.',
      cause: error,
    })
  }

  return tokenExchangeError(error, scopes)
}

// A description is server text shown to a person: keep it short and on one line.
function cleanDescription(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()

  if (text === undefined || text === '') {
    return undefined
  }

  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…` : text
}

function safeCode(code: string): string {
  return /^[\w.-]{1,64}$/.test(code) ? code : 'unknown error'
}

function listOf(scopes: readonly string[]): string {
  const quoted = scopes.map((scope) => `“${scope}”`)

  if (quoted.length <= 1) {
    return quoted.join('')
  }

  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
