import * as oidc from 'openid-client'
import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { discoverServer } from './discovery'
import {
  createFakeFetch,
  FAKE_ISSUER,
  fakeMetadata,
  fakeProfile,
  jsonResponse,
  type FakeRoutes,
} from './testing/flowFakes'

const OAUTH_DOCUMENT = '/.well-known/oauth-authorization-server'
const OIDC_DOCUMENT = '/.well-known/openid-configuration'

function discover(routes: FakeRoutes, profile = fakeProfile(), secret?: string) {
  const fetch = createFakeFetch(routes)
  const { logger, entries } = createTestLogger()
  const clientSecret = secret === undefined ? undefined : { get: async () => secret }
  const result = discoverServer(profile, { fetch, logger, clientSecret })

  return { fetch, entries, result }
}

describe('discoverServer', () => {
  it('uses RFC 8414 metadata first', async () => {
    const { fetch, result } = discover({
      [OAUTH_DOCUMENT]: () =>
        jsonResponse(
          fakeMetadata(FAKE_ISSUER, {
            device_authorization_endpoint: `${FAKE_ISSUER}/oauth/device`,
          }),
        ),
      [OIDC_DOCUMENT]: () => jsonResponse({}),
    })
    const server = await result

    expect(fetch.requests.map((request) => new URL(request.url).pathname)).toEqual([OAUTH_DOCUMENT])
    expect(server).toMatchObject({
      issuer: FAKE_ISSUER,
      supportsRevocation: true,
      supportsDeviceGrant: true,
      requiresIssParameter: true,
    })
  })

  it('falls back to OpenID Connect discovery when the RFC 8414 document is absent', async () => {
    const { fetch, result } = discover({
      [OIDC_DOCUMENT]: () =>
        jsonResponse(
          fakeMetadata(FAKE_ISSUER, { authorization_response_iss_parameter_supported: false }),
        ),
    })
    const server = await result

    expect(fetch.requests.map((request) => new URL(request.url).pathname)).toEqual([
      OAUTH_DOCUMENT,
      OIDC_DOCUMENT,
    ])
    expect(server.requiresIssParameter).toBe(false)
    expect(server.supportsDeviceGrant).toBe(false)
  })

  it('falls back to the fixed paths of the mpath guide when neither document exists', async () => {
    const { result, entries } = discover({
      [OAUTH_DOCUMENT]: () =>
        new Response('<html>app</html>', { headers: { 'content-type': 'text/html' } }),
    })
    const server = await result
    const metadata = server.configuration.serverMetadata()

    expect(metadata).toMatchObject({
      issuer: FAKE_ISSUER,
      authorization_endpoint: `${FAKE_ISSUER}/oauth/authorize`,
      token_endpoint: `${FAKE_ISSUER}/oauth/token`,
      userinfo_endpoint: `${FAKE_ISSUER}/oauth/userinfo`,
      revocation_endpoint: `${FAKE_ISSUER}/oauth/token/revoke`,
    })
    expect(server.supportsRevocation).toBe(true)
    expect(entries.some((entry) => entry.message.includes('fixed paths'))).toBe(true)
  })

  it('refuses metadata whose issuer differs from the profile (RFC 8414 §3.3)', async () => {
    const { result } = discover({
      [OAUTH_DOCUMENT]: () => jsonResponse(fakeMetadata('https://mpath.example.test')),
    })

    await expect(result).rejects.toMatchObject({
      code: 'DISCOVERY_FAILED',
      message: expect.stringContaining(`${FAKE_ISSUER}${OAUTH_DOCUMENT}`),
      action: expect.stringMatching(/Issuer/),
    })
  })

  it('refuses a server without PKCE S256', async () => {
    const { result } = discover({
      [OAUTH_DOCUMENT]: () =>
        jsonResponse(fakeMetadata(FAKE_ISSUER, { code_challenge_methods_supported: ['plain'] })),
    })

    await expect(result).rejects.toMatchObject({
      code: 'DISCOVERY_FAILED',
      message: expect.stringMatching(/S256/),
    })
  })

  it('fails with the URL when the server errors, without trying further', async () => {
    const { fetch, result } = discover({
      [OAUTH_DOCUMENT]: () => new Response('boom', { status: 503 }),
    })

    await expect(result).rejects.toMatchObject({
      code: 'DISCOVERY_FAILED',
      message: `${FAKE_ISSUER}${OAUTH_DOCUMENT} answered with a server error.`,
    })
    expect(fetch.requests).toHaveLength(1)
  })

  it('fails when the network is down, saying what to check', async () => {
    const fetch = Object.assign(async () => Promise.reject(new TypeError('fetch failed')), {})
    const { logger } = createTestLogger()

    await expect(discoverServer(fakeProfile(), { fetch, logger })).rejects.toMatchObject({
      code: 'DISCOVERY_FAILED',
      action: expect.stringMatching(/network/),
    })
  })

  it('gives up after its timeout', async () => {
    const fetch = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    const { logger } = createTestLogger()
    const result = discoverServer(fakeProfile(), {
      fetch: fetch as typeof globalThis.fetch,
      logger,
      discoveryTimeoutSeconds: 0.05,
    })

    await expect(result).rejects.toMatchObject({
      code: 'DISCOVERY_FAILED',
      message: expect.stringMatching(/did not answer in time/),
    })
  })

  it('uses HTTP Basic when a secret is sealed, and a public client otherwise', async () => {
    const routes: FakeRoutes = {
      [OAUTH_DOCUMENT]: () => jsonResponse(fakeMetadata()),
      '/oauth/token': () =>
        jsonResponse({ access_token: 'a', token_type: 'Bearer', expires_in: 60 }),
    }
    const confidential = discover(routes, fakeProfile({ hasClientSecret: true }), 'top-secret')
    const basic = await confidential.result
    await oidc.refreshTokenGrant(basic.configuration, 'refresh')
    const tokenRequest = confidential.fetch.requests.at(-1)

    const basicHeader = tokenRequest?.headers.get('authorization') ?? ''
    // RFC 6749 §2.3.1: both halves are form-encoded before base64.
    const [id, password] = Buffer.from(basicHeader.replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':')
      .map((part) => decodeURIComponent(part))

    expect(basicHeader).toMatch(/^Basic /)
    expect([id, password]).toEqual(['desktop-client', 'top-secret'])
    expect(JSON.stringify(basic.configuration.clientMetadata())).not.toContain('top-secret')

    const publicClient = discover(routes)
    await oidc.refreshTokenGrant((await publicClient.result).configuration, 'refresh')
    const publicRequest = publicClient.fetch.requests.at(-1)

    expect(publicRequest?.headers.get('authorization')).toBeNull()
    expect(new URLSearchParams(publicRequest?.body).get('client_id')).toBe('desktop-client')
  })

  it('refuses a profile that expects a secret the keychain no longer has', async () => {
    const { result } = discover(
      { [OAUTH_DOCUMENT]: () => jsonResponse(fakeMetadata()) },
      fakeProfile({ hasClientSecret: true }),
      '',
    )

    await expect(result).rejects.toMatchObject({ code: 'PROFILE_INVALID' })
  })

  it('allows plain http for a loopback issuer, but not endpoints elsewhere', async () => {
    const issuer = 'http://127.0.0.1:7071'
    const profile = fakeProfile({ issuer })
    const good = discover({ [OAUTH_DOCUMENT]: () => jsonResponse(fakeMetadata(issuer)) }, profile)

    expect((await good.result).issuer).toBe(issuer)

    const bad = discover(
      {
        [OAUTH_DOCUMENT]: () =>
          jsonResponse(fakeMetadata(issuer, { token_endpoint: 'http://evil.example.test/token' })),
      },
      profile,
    )

    await expect(bad.result).rejects.toMatchObject({ code: 'INSECURE_URL' })
  })
})
