import * as oidc from 'openid-client'
import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { authorizationResponseError, tokenExchangeError } from './authorizationFlowErrors'

const REQUESTED = ['openid', 'offline_access', 'read:tasks', 'write:tasks']

function params(values: Record<string, string>): URLSearchParams {
  return new URLSearchParams(values)
}

describe('authorizationResponseError', () => {
  it('maps access_denied to AUTH_DENIED with the sentence people see', () => {
    const error = authorizationResponseError(params({ error: 'access_denied' }), REQUESTED)

    expect(error.code).toBe('AUTH_DENIED')
    expect(error.message).toBe(
      'You declined access in the browser. Sign in again and choose Allow.',
    )
  })

  it('names the scope quoted in the server description for invalid_scope', () => {
    const error = authorizationResponseError(
      params({
        error: 'invalid_scope',
        error_description:
          'The requested scope is invalid, unknown, or malformed. ' +
          "The OAuth 2.0 Client is not allowed to request scope 'write:tasks'.",
      }),
      REQUESTED,
    )

    expect(error.code).toBe('AUTH_INVALID_SCOPE')
    expect(error.message).toContain('“write:tasks”')
    expect(error.message).not.toContain('read:tasks')
    expect(error.action).toMatch(/administrator to assign “write:tasks”/)
  })

  it('lists the requested custom scopes when the description names none', () => {
    const error = authorizationResponseError(
      params({ error: 'invalid_scope', error_description: 'requested scope is not allowed' }),
      REQUESTED,
    )

    expect(error.message).toBe(
      'The app is not allowed to request ' + '“read:tasks” and “write:tasks”.',
    )
  })

  it('reports any other error with the server description, shortened to one line', () => {
    const error = authorizationResponseError(
      params({ error: 'server_error', error_description: `broken\n${'x'.repeat(400)}` }),
      REQUESTED,
    )

    expect(error.code).toBe('AUTH_SERVER_ERROR')
    expect(error.message).toMatch(
      /^The authorization server refused the sign-in \(server_error\): broken x+…$/,
    )
    expect(error.message.length).toBeLessThan(400)
  })

  it('does not echo a strange error code', () => {
    const error = authorizationResponseError(params({ error: '<script>' }), REQUESTED)

    expect(error.message).toContain('unknown error')
  })
})

describe('tokenExchangeError', () => {
  function bodyError(
    body: { error: string; error_description?: string },
    status = 400,
  ): oidc.ResponseBodyError {
    return new oidc.ResponseBodyError('server responded with an error', {
      cause: body,
      response: new Response(JSON.stringify(body), { status }),
    })
  }

  it('maps invalid_grant (with either status) to an expired code', () => {
    for (const status of [400, 401]) {
      const error = tokenExchangeError(bodyError({ error: 'invalid_grant' }, status), REQUESTED)

      expect(error).toMatchObject({ code: 'AUTH_TOKEN_EXCHANGE_FAILED', action: 'Sign in again.' })
    }
  })

  it('maps invalid_client to a check of the client ID and secret', () => {
    expect(
      tokenExchangeError(bodyError({ error: 'invalid_client' }, 401), REQUESTED).action,
    ).toMatch(/Client ID and client secret/)
  })

  it('maps invalid_scope and ID token failures', () => {
    expect(tokenExchangeError(bodyError({ error: 'invalid_scope' }), REQUESTED).code).toBe(
      'AUTH_INVALID_SCOPE',
    )
    expect(
      tokenExchangeError(
        new oidc.ClientError('unexpected JWT claim value encountered', {
          code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
        } as ErrorOptions),
        REQUESTED,
      ).code,
    ).toBe('AUTH_ID_TOKEN_INVALID')
  })

  it('keeps an AppError as it is and wraps anything else', () => {
    const appError = new AppError('AUTH_CANCELLED', 'x')

    expect(tokenExchangeError(appError, REQUESTED)).toBe(appError)
    expect(tokenExchangeError(new TypeError('fetch failed'), REQUESTED).code).toBe(
      'AUTH_TOKEN_EXCHANGE_FAILED',
    )
  })
})
