import * as oauth from 'openid-client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { SANDBOX_ACCOUNTS } from '../seed/accounts'
import {
  BASIC_CLIENT_ID,
  CUSTOM_SCHEME_REDIRECT_URI,
  PUBLIC_CLIENT_ID,
  RESOURCE_SERVER_CLIENT_ID,
} from './clients'
import { authorizeOverHttp } from './testing/driveLogin'
import {
  configurationFor,
  quietFaults,
  signInOverHttp,
  startTestAuthorizationServer,
  testOptions,
  type TestAuthorizationServer,
} from './testing/testAuthorizationServer'

const ben = SANDBOX_ACCOUNTS[1] as (typeof SANDBOX_ACCOUNTS)[0]
const SCOPE = 'openid offline_access read:tasks'
let server: TestAuthorizationServer
let resourceServer: oauth.Configuration
let publicClient: oauth.Configuration

beforeAll(async () => {
  server = await startTestAuthorizationServer()
  resourceServer = await configurationFor(server, RESOURCE_SERVER_CLIENT_ID)
  publicClient = await configurationFor(server, PUBLIC_CLIENT_ID)
})

afterEach(() => {
  Object.assign(server.faults, quietFaults())
  Object.assign(server.options, testOptions(server.faults))
})

afterAll(async () => {
  await server.close()
})

function signInBen(clientId = PUBLIC_CLIENT_ID) {
  return signInOverHttp({
    server,
    clientId,
    email: ben.email,
    password: ben.password,
    scope: SCOPE,
  })
}

describe('refresh', () => {
  it('rotates the refresh token on every use', async () => {
    const first = await signInBen()
    const second = await oauth.refreshTokenGrant(publicClient, first.refresh_token as string)
    const third = await oauth.refreshTokenGrant(publicClient, second.refresh_token as string)

    expect(second.refresh_token).toEqual(expect.any(String))
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(third.refresh_token).not.toBe(second.refresh_token)
    expect(third.scope?.split(' ').sort()).toEqual(['offline_access', 'openid', 'read:tasks'])
  })

  it('rotates for confidential clients too', async () => {
    const basic = await configurationFor(server, BASIC_CLIENT_ID)
    const first = await signInBen(BASIC_CLIENT_ID)
    const second = await oauth.refreshTokenGrant(basic, first.refresh_token as string)

    expect(second.refresh_token).not.toBe(first.refresh_token)
  })

  it('answers a reused rotated token with invalid_grant, revoking the whole grant', async () => {
    const first = await signInBen()
    const second = await oauth.refreshTokenGrant(publicClient, first.refresh_token as string)

    await expect(
      oauth.refreshTokenGrant(publicClient, first.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant' })
    await expect(
      oauth.refreshTokenGrant(publicClient, second.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant' })

    const introspected = await oauth.tokenIntrospection(resourceServer, second.access_token)

    expect(introspected.active).toBe(false)
  })

  it('issues access tokens with the lifetime configured at that moment', async () => {
    const first = await signInBen()

    expect(first.expires_in).toBe(86400)

    server.options.accessTokenTtlSeconds = 120
    const refreshed = await oauth.refreshTokenGrant(publicClient, first.refresh_token as string)

    expect(refreshed.expires_in).toBe(120)
  })

  it('issues authorization codes with the code lifetime configured at that moment', async () => {
    server.options.codeTtlSeconds = 5
    const verifier = oauth.randomPKCECodeVerifier()
    const url = oauth.buildAuthorizationUrl(publicClient, {
      redirect_uri: CUSTOM_SCHEME_REDIRECT_URI,
      scope: SCOPE,
      state: 'state-0123456789',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    })
    const callback = await authorizeOverHttp({
      authorizationUrl: url.href,
      email: ben.email,
      password: ben.password,
    })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 6000)

    try {
      await expect(
        oauth.authorizationCodeGrant(publicClient, new URL(callback), {
          pkceCodeVerifier: verifier,
          expectedState: 'state-0123456789',
        }),
      ).rejects.toMatchObject({ error: 'invalid_grant' })
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('introspection', () => {
  it('lets the mpath server introspect any client’s access token', async () => {
    const tokens = await signInBen()
    const introspected = await oauth.tokenIntrospection(resourceServer, tokens.access_token)

    expect(introspected).toMatchObject({
      active: true,
      sub: ben.userId,
      client_id: PUBLIC_CLIENT_ID,
      scope: expect.stringContaining('read:tasks'),
      token_type: 'Bearer',
      exp: expect.any(Number),
      iat: expect.any(Number),
    })
  })

  it('reports a refresh token as active too', async () => {
    const tokens = await signInBen()
    const introspected = await oauth.tokenIntrospection(
      resourceServer,
      tokens.refresh_token as string,
    )

    expect(introspected).toMatchObject({ active: true, sub: ben.userId })
  })

  it('refuses the mpath server with a wrong secret', async () => {
    const credentials = Buffer.from(`${RESOURCE_SERVER_CLIENT_ID}:nope`).toString('base64')
    const response = await fetch(`${server.issuer}/oauth/token_info`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${credentials}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: 'anything' }),
    })

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'invalid_client' })
  })
})

describe('revocation', () => {
  it('lets the public client revoke its own token with just its client_id', async () => {
    const tokens = await signInBen()
    await oauth.tokenRevocation(publicClient, tokens.refresh_token as string)
    const refresh = await oauth.tokenIntrospection(resourceServer, tokens.refresh_token as string)

    expect(refresh.active).toBe(false)
    await expect(
      oauth.refreshTokenGrant(publicClient, tokens.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  it('makes a revoked access token inactive at introspection', async () => {
    const basic = await configurationFor(server, BASIC_CLIENT_ID)
    const tokens = await signInBen(BASIC_CLIENT_ID)
    await oauth.tokenRevocation(basic, tokens.access_token)
    const introspected = await oauth.tokenIntrospection(resourceServer, tokens.access_token)

    expect(introspected).toEqual({ active: false })
  })

  it('refuses the public client under strictRevoke, but not a confidential one', async () => {
    const tokens = await signInBen()
    server.faults.strictRevoke = true

    await expect(
      oauth.tokenRevocation(publicClient, tokens.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_client', status: 401 })
    expect((await oauth.tokenIntrospection(resourceServer, tokens.access_token)).active).toBe(true)

    const basic = await configurationFor(server, BASIC_CLIENT_ID)
    const confidential = await signInBen(BASIC_CLIENT_ID)
    await oauth.tokenRevocation(basic, confidential.access_token)

    expect((await oauth.tokenIntrospection(resourceServer, confidential.access_token)).active).toBe(
      false,
    )
  })
})
