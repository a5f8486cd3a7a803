import { ClientError, ResponseBodyError, WWWAuthenticateChallengeError } from 'openid-client'
import { describe, expect, it } from 'vitest'

import { classifyRefreshError, requestRefresh } from './sessionRefresh'
import { createFakeTokenServer } from './testing/sessionFakes'

function bodyError(status: number, error: string): ResponseBodyError {
  const response = new Response(null, { status })

  return new ResponseBodyError('server responded with an error in the response body', {
    cause: { error },
    response,
  })
}

describe('classifyRefreshError', () => {
  it('ends the session on invalid_grant, whatever the status (Clerk uses 400 or 401)', () => {
    for (const status of [400, 401]) {
      expect(classifyRefreshError(bodyError(status, 'invalid_grant'))).toMatchObject({
        kind: 'ended',
        oauthError: 'invalid_grant',
        error: { code: 'SESSION_EXPIRED' },
      })
    }
  })

  it('ends the session on a refused client or scope, with what to do', () => {
    expect(classifyRefreshError(bodyError(401, 'invalid_client'))).toMatchObject({
      kind: 'ended',
      error: { code: 'SESSION_REFRESH_FAILED', action: expect.stringContaining('client ID') },
    })
    expect(classifyRefreshError(bodyError(400, 'invalid_scope'))).toMatchObject({ kind: 'ended' })
  })

  it('reads the OAuth error from a WWW-Authenticate challenge', () => {
    const challenge = new WWWAuthenticateChallengeError('challenge', {
      cause: [{ scheme: 'basic', parameters: { error: 'invalid_client' } }],
      response: new Response(null, { status: 401 }),
    })

    expect(classifyRefreshError(challenge)).toMatchObject({ kind: 'ended' })
  })

  it('keeps the session on 5xx, server_error, network failures and timeouts', () => {
    const notConform = new ClientError('unexpected HTTP response status code', {
      cause: new Response(null, { status: 502 }),
    })
    const timeout = Object.assign(new ClientError('operation timed out'), { code: 'OAUTH_TIMEOUT' })

    expect(classifyRefreshError(notConform)).toMatchObject({ kind: 'transient', status: 502 })
    expect(classifyRefreshError(bodyError(503, 'temporarily_unavailable'))).toMatchObject({
      kind: 'transient',
    })
    expect(classifyRefreshError(new TypeError('fetch failed'))).toMatchObject({
      kind: 'transient',
      error: { code: 'NETWORK_OFFLINE' },
    })
    expect(classifyRefreshError(timeout)).toMatchObject({
      kind: 'transient',
      error: { code: 'NETWORK_TIMEOUT' },
    })
  })
})

describe('requestRefresh', () => {
  it('measures expiry from expires_in at receipt and keeps scopes the answer omits', async () => {
    const fake = createFakeTokenServer()
    const { refreshToken } = fake.issue()
    fake.refreshHandler = () =>
      Response.json({ access_token: 'at-new', token_type: 'Bearer', expires_in: 120 })

    const outcome = await requestRefresh(fake.server, refreshToken, {
      now: () => 1_000_000,
      previousScopes: ['openid', 'read:tasks'],
    })

    expect(outcome).toEqual({
      kind: 'refreshed',
      tokens: { accessToken: 'at-new', scopes: ['openid', 'read:tasks'], expiresAt: 1_120_000 },
    })
  })

  it('turns a malformed answer into a transient failure', async () => {
    const fake = createFakeTokenServer()
    fake.refreshHandler = () => new Response('<html>', { status: 200 })

    await expect(
      requestRefresh(fake.server, 'rt-1', { now: () => 0, previousScopes: [] }),
    ).resolves.toMatchObject({ kind: 'transient', error: { code: 'SESSION_REFRESH_FAILED' } })
  })
})
