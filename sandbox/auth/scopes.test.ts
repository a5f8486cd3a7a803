import * as oauth from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SANDBOX_ACCOUNTS } from '../seed/accounts'
import { PUBLIC_CLIENT_ID } from './clients'
import { authorizeOverHttp } from './testing/driveLogin'
import {
  configurationFor,
  signInOverHttp,
  authorizationUrlFor,
  startTestAuthorizationServer,
  type TestAuthorizationServer,
} from './testing/testAuthorizationServer'

const [ada, ben] = SANDBOX_ACCOUNTS as [(typeof SANDBOX_ACCOUNTS)[0], (typeof SANDBOX_ACCOUNTS)[0]]
let server: TestAuthorizationServer

beforeAll(async () => {
  server = await startTestAuthorizationServer()
})

afterAll(async () => {
  await server.close()
})

describe('scopes', () => {
  it('answers an unknown scope with invalid_scope at the redirect URI', async () => {
    const { url } = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {
      scope: 'openid read:everything',
    })
    const callback = new URL(
      await authorizeOverHttp({
        authorizationUrl: url.href,
        email: ben.email,
        password: ben.password,
      }),
    )

    expect(callback.searchParams.get('error')).toBe('invalid_scope')
    expect(callback.searchParams.get('state')).toBe('state-0123456789')
  })

  it('grants admin to an organization admin and silently drops it for a member', async () => {
    const scope = 'openid read:tasks admin'
    const forAda = await signInOverHttp({ server, email: ada.email, password: ada.password, scope })
    const forBen = await signInOverHttp({ server, email: ben.email, password: ben.password, scope })

    expect(forAda.scope?.split(' ')).toContain('admin')
    expect(forBen.scope?.split(' ').sort()).toEqual(['openid', 'read:tasks'])
  })

  it('keeps offline_access when the request carries a prompt without consent', async () => {
    const { url, config, verifier } = await authorizationUrlFor(server, PUBLIC_CLIENT_ID, {
      prompt: 'login',
    })
    const callback = await authorizeOverHttp({
      authorizationUrl: url.href,
      email: ben.email,
      password: ben.password,
    })
    const tokens = await oauth.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: 'state-0123456789',
    })

    expect(tokens.refresh_token).toEqual(expect.any(String))
  })
})

describe('userinfo', () => {
  it('returns Clerk-shaped claims by scope', async () => {
    const tokens = await signInOverHttp({
      server,
      email: ben.email,
      password: ben.password,
      scope: 'openid profile email',
    })
    const config = await configurationFor(server)
    const claims = await oauth.fetchUserInfo(config, tokens.access_token, ben.userId)

    expect(claims).toMatchObject({
      sub: ben.userId,
      user_id: ben.userId,
      object: 'oauth_user_info',
      instance_id: expect.stringMatching(/^ins_/),
      email: ben.email,
      email_verified: true,
      name: ben.name,
      given_name: ben.givenName,
      family_name: ben.familyName,
      preferred_username: 'ben',
    })
  })

  it('leaves out email and profile claims when those scopes were not granted', async () => {
    const tokens = await signInOverHttp({
      server,
      email: ben.email,
      password: ben.password,
      scope: 'openid',
    })
    const claims = await oauth.fetchUserInfo(
      await configurationFor(server),
      tokens.access_token,
      ben.userId,
    )

    expect(claims).not.toHaveProperty('email')
    expect(claims).not.toHaveProperty('name')
    expect(claims.user_id).toBe(ben.userId)
  })
})
