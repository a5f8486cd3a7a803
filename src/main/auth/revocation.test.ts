import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { revokeToken } from './revocation'
import { createFakeTokenServer } from './testing/sessionFakes'

describe('revokeToken', () => {
  it('posts the token with its type hint (RFC 7009) and reports success', async () => {
    const fake = createFakeTokenServer()
    const { refreshToken } = fake.issue()

    await expect(
      revokeToken(fake.server, refreshToken, 'refresh_token', createTestLogger().logger),
    ).resolves.toEqual({ revoked: true })

    const request = fake.requests.find((seen) => seen.path === '/oauth/token/revoke')
    expect(request?.body.get('token')).toBe(refreshToken)
    expect(request?.body.get('token_type_hint')).toBe('refresh_token')
    expect(request?.body.get('client_id')).toBe('desktop-client')
  })

  it('never throws: refusal, 500 or no endpoint is REVOCATION_FAILED, plainly worded', async () => {
    const { logger, entries } = createTestLogger()
    const fake = createFakeTokenServer()
    fake.revocationHandler = () => Response.json({ error: 'invalid_client' }, { status: 401 })
    const refused = await revokeToken(fake.server, 'rt-1', 'refresh_token', logger)

    fake.revocationHandler = () => new Response('boom', { status: 500 })
    const failed = await revokeToken(fake.server, 'rt-1', 'refresh_token', logger)

    const absent = createFakeTokenServer({ supportsRevocation: false })
    const unsupported = await revokeToken(absent.server, 'rt-1', 'refresh_token', logger)

    expect(refused).toMatchObject({
      revoked: false,
      error: {
        code: 'REVOCATION_FAILED',
        message:
          'Signed out on this computer, but the server could not revoke the token: ' +
          "it refused this app's credentials (invalid_client).",
      },
    })
    expect(failed).toMatchObject({ error: { message: expect.stringContaining('answered 500') } })
    expect(unsupported).toMatchObject({
      error: { message: expect.stringContaining('does not offer token revocation') },
    })
    expect(absent.requests).toHaveLength(0)
    expect(JSON.stringify(entries)).not.toContain('rt-1')
  })
})
