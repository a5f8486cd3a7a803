/**
 * The session against the sandbox's real authorization server: a real code exchange with
 * PKCE, real refresh-token rotation, revocation seen by introspection.
 */
import * as oidc from 'openid-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { connectionProfileSchema, DEFAULT_REDIRECT_URI } from '../../shared/connection/profile'
import { createTestLogger } from '../log/testing/testLogger'
import { type FetchPort, systemClock } from '../platform/ports'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import { createTestCipher } from '../vault/testing/testCipher'
import { createVault } from '../vault/vault'
import { receivedTokensFrom } from './authorizationFlowTokens'
import { discoverServer } from './discovery'
import { createSession, type Session } from './session'
import { SESSION_VAULT_NAME } from './tokenStore'
import type { AuthServer } from './types'

/** The part of the sandbox's test kit these tests use. */
interface SandboxAuthorizationServer {
  issuer: string
  clients: Array<{ clientId: string; kind: 'public' | 'confidential' }>
  resourceServer: { clientId: string; clientSecret: string }
  options: { accessTokenTtlSeconds: number }
  faults: {
    strictRevoke: boolean
    tokenEndpoint: 'ok' | 'fail' | 'timeout'
    refreshInvalidGrant: boolean
  }
  close(): Promise<void>
}

interface SandboxTestKit {
  startTestAuthorizationServer(): Promise<SandboxAuthorizationServer>
  configurationFor(
    server: SandboxAuthorizationServer,
    clientId?: string,
  ): Promise<oidc.Configuration>
}

interface SandboxLoginDriver {
  authorizeOverHttp(input: {
    authorizationUrl: string
    email: string
    password: string
  }): Promise<string>
}

// The app never imports the sandbox, and the main zone's type project does not compile it:
// these tests load it at run time through paths the type checker and the lint do not follow.
const SANDBOX_TEST_KIT = '../../../sandbox/auth/testing/testAuthorizationServer'
const SANDBOX_LOGIN_DRIVER = '../../../sandbox/auth/testing/driveLogin'

const ADA = { email: 'ada@example.test', password: 'sandbox-ada' }
const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'read:tasks']

let kit: SandboxTestKit
let driver: SandboxLoginDriver
let sandbox: SandboxAuthorizationServer
let publicClientId: string
const sessions: Session[] = []

beforeAll(async () => {
  kit = (await import(/* @vite-ignore */ SANDBOX_TEST_KIT)) as SandboxTestKit
  driver = (await import(/* @vite-ignore */ SANDBOX_LOGIN_DRIVER)) as SandboxLoginDriver
  sandbox = await kit.startTestAuthorizationServer()
  publicClientId =
    sandbox.clients.find((client) => client.kind === 'public')?.clientId ?? 'missing-public-client'
})

afterAll(async () => {
  await sandbox?.close()
})

afterEach(() => {
  for (const session of sessions.splice(0)) {
    session.dispose()
  }

  sandbox.options.accessTokenTtlSeconds = 24 * 60 * 60
  sandbox.faults.strictRevoke = false
  sandbox.faults.tokenEndpoint = 'ok'
  sandbox.faults.refreshInvalidGrant = false
})

/** A session wired as the app wires it, with a fetch that counts refresh requests. */
async function signedInSession() {
  const { logger, entries } = createTestLogger()
  const store = memoryKeyValueStore()
  const cipher = createTestCipher({ backend: 'keychain' })
  const vault = createVault({
    cipher,
    store,
    appIdentity: 'mpath-desktop-test',
    logger,
    isReady: () => true,
    allowWeakPersistence: () => false,
    isProduction: false,
  })
  const refreshBodies: string[] = []
  const countingFetch = (async (input: Parameters<FetchPort>[0], init?: RequestInit) => {
    const body = init?.body ? String(init.body) : ''

    if (body.includes('grant_type=refresh_token')) {
      refreshBodies.push(body)
    }

    return fetch(input, init)
  }) as FetchPort
  const profile = connectionProfileSchema.parse({
    issuer: sandbox.issuer,
    apiUrl: 'http://127.0.0.1:9',
    clientId: publicClientId,
    scopes: SCOPES,
  })
  const discover = (candidate: typeof profile) =>
    discoverServer(candidate, { fetch: countingFetch, logger })
  const session = createSession({
    vault,
    clock: systemClock,
    logger,
    fetch: countingFetch,
    discover,
    profileSource: async () => profile,
  })
  sessions.push(session)
  const server = await discover(profile)
  const firstRefreshToken = await exchangeCode(session, server)

  return { session, server, store, cipher, vault, entries, refreshBodies, firstRefreshToken }
}

/** Signs Ada in at the sandbox's pages and hands the exchange's answer to the session. */
async function exchangeCode(session: Session, server: AuthServer): Promise<string> {
  const verifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const url = oidc.buildAuthorizationUrl(server.configuration, {
    redirect_uri: DEFAULT_REDIRECT_URI,
    scope: SCOPES.join(' '),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const callback = await driver.authorizeOverHttp({ authorizationUrl: url.href, ...ADA })
  const response = await oidc.authorizationCodeGrant(server.configuration, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  })
  const received = receivedTokensFrom(response, SCOPES, Date.now())
  await session.establish(received, server)

  if (!received.refreshToken) {
    throw new Error('The sandbox issued no refresh token.')
  }

  return received.refreshToken
}

async function introspect(token: string, hint: 'refresh_token' | 'access_token') {
  const configuration = await kit.configurationFor(sandbox, sandbox.resourceServer.clientId)

  return oidc.tokenIntrospection(configuration, token, { token_type_hint: hint })
}

async function sealedRefreshToken(vault: ReturnType<typeof createVault>): Promise<string> {
  const sealed = JSON.parse((await vault.open(SESSION_VAULT_NAME)) ?? '{}') as {
    refreshToken?: string
  }

  return sealed.refreshToken ?? ''
}

describe('session against the sandbox', () => {
  it('signs in from a real code exchange and keeps a 5-second token fresh across expiries', async () => {
    sandbox.options.accessTokenTtlSeconds = 5
    const { session, vault, refreshBodies, firstRefreshToken, entries } = await signedInSession()

    expect(session.state()).toMatchObject({
      status: 'signed-in',
      user: { name: 'Ada Lovelace', email: 'ada@example.test' },
      persistence: 'persistent',
    })

    await new Promise((resolve) => setTimeout(resolve, 11_000))

    expect(refreshBodies.length).toBeGreaterThanOrEqual(2)
    const token = await session.getAccessToken()
    await expect(introspect(token, 'access_token')).resolves.toMatchObject({ active: true })
    expect(JSON.stringify(entries)).not.toContain(token)

    // Rotation: the sealed refresh token changed, and the first one is refused now.
    const sealed = await sealedRefreshToken(vault)
    expect(sealed).not.toBe(firstRefreshToken)
    const direct = await kit.configurationFor(sandbox, publicClientId)
    await expect(oidc.refreshTokenGrant(direct, firstRefreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  }, 30_000)

  it('S17: ten concurrent rejections of the same token cause one token request', async () => {
    const { session, refreshBodies } = await signedInSession()
    const rejected = await session.getAccessToken()

    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => session.refreshAfterRejection(rejected)),
    )

    expect(refreshBodies).toHaveLength(1)
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).not.toBe(rejected)
    await expect(introspect(tokens[0] ?? '', 'access_token')).resolves.toMatchObject({
      active: true,
    })
  })

  it('a failing token endpoint keeps the session and it renews once the server is back', async () => {
    const { session, refreshBodies } = await signedInSession()
    const rejected = await session.getAccessToken()
    sandbox.faults.tokenEndpoint = 'fail'

    await expect(session.refreshAfterRejection(rejected)).rejects.toMatchObject({
      code: 'SESSION_REFRESH_FAILED',
    })
    expect(session.state().status).toBe('signed-in')

    sandbox.faults.tokenEndpoint = 'ok'
    await new Promise((resolve) => setTimeout(resolve, 2_500))

    expect(refreshBodies).toHaveLength(2)
    await expect(session.getAccessToken()).resolves.not.toBe(rejected)
  })

  it('invalid_grant at refresh signs out with the reason', async () => {
    const { session, store } = await signedInSession()
    sandbox.faults.refreshInvalidGrant = true

    await expect(
      session.refreshAfterRejection(await session.getAccessToken()),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(session.state()).toMatchObject({
      status: 'signed-out',
      reason: { code: 'SESSION_EXPIRED' },
    })
    expect(store.data.size).toBe(0)
  })

  it('signs out and the server reports the refresh token revoked', async () => {
    const { session, vault, store } = await signedInSession()
    const refreshToken = await sealedRefreshToken(vault)
    await expect(introspect(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: true,
    })

    await expect(session.signOut()).resolves.toEqual({ revoked: true })

    await expect(introspect(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: false,
    })
    expect(store.data.size).toBe(0)
    expect(session.state()).toEqual({ status: 'signed-out' })
  })

  it('under strict revocation the local sign-out completes and says it could not revoke', async () => {
    const { session, vault, store } = await signedInSession()
    const refreshToken = await sealedRefreshToken(vault)
    sandbox.faults.strictRevoke = true

    const result = await session.signOut()

    expect(result).toMatchObject({ revoked: false, error: { code: 'REVOCATION_FAILED' } })
    expect(result.message).toMatch(
      /^Signed out on this computer, but the server could not revoke the token: /,
    )
    expect(session.state()).toEqual({ status: 'signed-out' })
    expect(store.data.size).toBe(0)
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'SESSION_SIGNED_OUT' })
    // Honest: the token really is still alive at the server.
    await expect(introspect(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: true,
    })
  })

  it('restores at start-up from the sealed token through discovery and a refresh', async () => {
    const first = await signedInSession()
    first.session.dispose()
    const { logger } = createTestLogger()
    const profile = connectionProfileSchema.parse({
      issuer: sandbox.issuer,
      apiUrl: 'http://127.0.0.1:9',
      clientId: publicClientId,
      scopes: SCOPES,
    })
    // A new process: a new vault over the same store, nothing remembered in memory.
    const vault = createVault({
      cipher: first.cipher,
      store: first.store,
      appIdentity: 'mpath-desktop-test',
      logger,
      isReady: () => true,
      allowWeakPersistence: () => false,
      isProduction: false,
    })
    const restarted = createSession({
      vault,
      clock: systemClock,
      logger,
      fetch,
      discover: (candidate) => discoverServer(candidate, { fetch, logger }),
      profileSource: async () => profile,
    })
    sessions.push(restarted)

    await expect(restarted.restore()).resolves.toMatchObject({
      status: 'signed-in',
      user: { name: 'Ada Lovelace' },
    })
    const token = await restarted.getAccessToken()
    await expect(introspect(token, 'access_token')).resolves.toMatchObject({ active: true })
  })
})
