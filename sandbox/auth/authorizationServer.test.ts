import * as oauth from 'openid-client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { SANDBOX_ACCOUNTS } from '../seed/accounts'
import {
  BASIC_CLIENT_ID,
  CUSTOM_SCHEME_REDIRECT_URI,
  loopbackRedirectUri,
  POST_CLIENT_ID,
  PUBLIC_CLIENT_ID,
} from './clients'
import { authorizeOverHttp, CookieJar } from './testing/driveLogin'
import {
  configurationFor,
  signInOverHttp,
  authorizationUrlFor,
  startTestAuthorizationServer,
  type TestAuthorizationServer,
} from './testing/testAuthorizationServer'

const ben = SANDBOX_ACCOUNTS[1] as (typeof SANDBOX_ACCOUNTS)[0]
const consoleInfo = vi.spyOn(console, 'info')
const consoleLog = vi.spyOn(console, 'log')
let server: TestAuthorizationServer

beforeAll(async () => {
  server = await startTestAuthorizationServer()
})

afterAll(async () => {
  await server.close()
})

async function fetchJson(path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${server.issuer}${path}`)).json()) as Record<string, unknown>
}

describe('discovery', () => {
  it('serves the OpenID document at Clerk paths with iss support and S256 only', async () => {
    const metadata = await fetchJson('/.well-known/openid-configuration')

    expect(metadata).toMatchObject({
      issuer: server.issuer,
      authorization_endpoint: `${server.issuer}/oauth/authorize`,
      token_endpoint: `${server.issuer}/oauth/token`,
      userinfo_endpoint: `${server.issuer}/oauth/userinfo`,
      introspection_endpoint: `${server.issuer}/oauth/token_info`,
      revocation_endpoint: `${server.issuer}/oauth/token/revoke`,
      jwks_uri: `${server.issuer}/.well-known/jwks.json`,
      device_authorization_endpoint: `${server.issuer}/oauth/device_authorization`,
      authorization_response_iss_parameter_supported: true,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    })
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['offline_access', 'admin']))
    expect(metadata.token_endpoint_auth_methods_supported).toEqual([
      'none',
      'client_secret_basic',
      'client_secret_post',
    ])
  })

  it('serves the RFC 8414 document with the same issuer and no OpenID-only fields', async () => {
    const response = await fetch(`${server.issuer}/.well-known/oauth-authorization-server`)
    const metadata = (await response.json()) as Record<string, unknown>

    expect(response.status).toBe(200)
    expect(metadata.issuer).toBe(server.issuer)
    expect(metadata.revocation_endpoint).toBe(`${server.issuer}/oauth/token/revoke`)
    expect(metadata.code_challenge_methods_supported).toEqual(['S256'])
    expect(metadata).not.toHaveProperty('userinfo_endpoint')
  })

  it('publishes an RS256 signing key', async () => {
    const jwks = (await fetchJson('/.well-known/jwks.json')) as { keys: unknown[] }

    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256' })])
    expect(jwks.keys[0]).not.toHaveProperty('d')
  })
})

describe('authorization code flow', () => {
  it('signs in the public client with PKCE; the callback carries iss', async () => {
    const { url, config, verifier } = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {})
    const callback = new URL(
      await authorizeOverHttp({
        authorizationUrl: url.href,
        email: ben.email,
        password: ben.password,
      }),
    )

    expect(callback.href.split('?')[0]).toBe(CUSTOM_SCHEME_REDIRECT_URI)
    expect(callback.searchParams.get('iss')).toBe(server.issuer)
    expect(callback.searchParams.get('state')).toBe('state-0123456789')

    const tokens = await oauth.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: 'state-0123456789',
    })

    expect(tokens.expires_in).toBe(86400)
    expect(tokens.refresh_token).toEqual(expect.any(String))
    expect(tokens.access_token.split('.')).toHaveLength(1)
    expect(tokens.claims()?.sub).toBe(ben.userId)
  })

  it('refuses the public client without PKCE, at the redirect URI', async () => {
    const config = await configurationFor(server, PUBLIC_CLIENT_ID)
    const url = oauth.buildAuthorizationUrl(config, {
      redirect_uri: CUSTOM_SCHEME_REDIRECT_URI,
      scope: 'openid',
      state: 'state-0123456789',
    })
    const callback = new URL(
      await authorizeOverHttp({
        authorizationUrl: url.href,
        email: ben.email,
        password: ben.password,
      }),
    )

    expect(callback.searchParams.get('error')).toBe('invalid_request')
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/)
    expect(callback.searchParams.get('iss')).toBe(server.issuer)
  })

  it.each([BASIC_CLIENT_ID, POST_CLIENT_ID])('signs in the confidential client %s', async (id) => {
    const tokens = await signInOverHttp({
      server,
      clientId: id,
      email: ben.email,
      password: ben.password,
      scope: 'openid offline_access read:people',
    })

    expect(tokens.scope?.split(' ').sort()).toEqual(['offline_access', 'openid', 'read:people'])
    expect(tokens.refresh_token).toEqual(expect.any(String))
  })

  it('ends in access_denied with state and iss when the person presses Deny', async () => {
    const { url } = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {})
    const callback = new URL(
      await authorizeOverHttp({
        authorizationUrl: url.href,
        email: ben.email,
        password: ben.password,
        decision: 'deny',
      }),
    )

    expect(callback.searchParams.get('error')).toBe('access_denied')
    expect(callback.searchParams.get('state')).toBe('state-0123456789')
    expect(callback.searchParams.get('iss')).toBe(server.issuer)
  })

  it('shows the login page again with an error for a wrong password', async () => {
    const { url } = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {})

    await expect(
      authorizeOverHttp({ authorizationUrl: url.href, email: ben.email, password: 'wrong' }),
    ).rejects.toThrow(/do not match an account/)
  })

  it('skips the login page when the browser already has a session', async () => {
    const jar = new CookieJar()
    const first = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {})
    await authorizeOverHttp({
      authorizationUrl: first.url.href,
      email: ben.email,
      password: ben.password,
      jar,
    })
    const second = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {})
    // A wrong password would fail the sign-in if the login page were shown again.
    const callback = new URL(
      await authorizeOverHttp({
        authorizationUrl: second.url.href,
        email: ben.email,
        password: 'not-asked',
        jar,
      }),
    )

    expect(callback.searchParams.get('code')).toEqual(expect.any(String))
  })

  it('accepts the registered loopback URI and refuses any other port', async () => {
    const registered = loopbackRedirectUri(server.options.loopbackPort)
    const good = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, { redirect_uri: registered })
    const callback = await authorizeOverHttp({
      authorizationUrl: good.url.href,
      email: ben.email,
      password: ben.password,
    })

    expect(callback.startsWith(`${registered}?code=`)).toBe(true)

    const other = loopbackRedirectUri(server.options.loopbackPort + 1)
    const bad = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, { redirect_uri: other })
    const asJson = await fetch(bad.url, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
    })

    expect(asJson.status).toBe(400)
    expect(asJson.headers.get('location')).toBeNull()
    expect(await asJson.json()).toMatchObject({ error: 'invalid_redirect_uri' })

    const asPage = await fetch(bad.url, { redirect: 'manual', headers: { accept: 'text/html' } })

    expect(asPage.status).toBe(400)
    expect(await asPage.text()).toContain('data-error="invalid_redirect_uri"')
  })
})

describe('console', () => {
  it('never wrote to stdout during the flows above (the ready line owns stdout)', () => {
    expect(consoleInfo).not.toHaveBeenCalled()
    expect(consoleLog).not.toHaveBeenCalled()
  })
})
