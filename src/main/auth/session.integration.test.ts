/**
 * The session against the sandbox's real authorization server: a real code exchange with
 * PKCE, real refresh-token rotation, revocation seen by introspection.
 */
import * as oidc from 'openid-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { systemClock } from '../platform/ports'
import { createTestVault } from '../vault/testing/testVault'
import { discoverServer } from './discovery'
import { createSession, type Session } from './session'
import {
  introspect,
  loadSandboxModule,
  sealedRefreshToken,
  signInSandboxSession,
} from './testing/sessionSandbox'

/** The part of the sandbox's authorization-server test kit these tests use. */
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
}

let sandbox: SandboxAuthorizationServer
let publicClientId: string
const sessions: Session[] = []

beforeAll(async () => {
  const kit = await loadSandboxModule<SandboxTestKit>('auth/testing/testAuthorizationServer')
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

async function signedInSession() {
  const signedIn = await signInSandboxSession({ issuer: sandbox.issuer, clientId: publicClientId })
  sessions.push(signedIn.session)

  return signedIn
}

function introspectHere(token: string, hint: 'refresh_token' | 'access_token') {
  return introspect(sandbox.issuer, sandbox.resourceServer, token, hint)
}

describe('session against the sandbox', () => {
  it('signs in via a real code exchange, keeps a 5-second token fresh over expiries', async () => {
    sandbox.options.accessTokenTtlSeconds = 5
    const { session, vault, refreshBodies, firstRefreshToken, entries, server } =
      await signedInSession()

    expect(session.state()).toMatchObject({
      status: 'signed-in',
      user: { name: 'Ada Lovelace', email: 'ada@example.test' },
      persistence: 'persistent',
    })

    await new Promise((resolve) => setTimeout(resolve, 11_000))

    expect(refreshBodies.length).toBeGreaterThanOrEqual(2)
    const token = await session.getAccessToken()
    await expect(introspectHere(token, 'access_token')).resolves.toMatchObject({ active: true })
    expect(JSON.stringify(entries)).not.toContain(token)

    // Rotation: the sealed refresh token changed, and the first one is refused now.
    const sealed = await sealedRefreshToken(vault)
    expect(sealed).not.toBe(firstRefreshToken)
    await expect(
      oidc.refreshTokenGrant(server.configuration, firstRefreshToken),
    ).rejects.toMatchObject({
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
    await expect(introspectHere(tokens[0] ?? '', 'access_token')).resolves.toMatchObject({
      active: true,
    })
  })

  it('a failing token endpoint keeps the session; it renews once the server is back', async () => {
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
    await expect(introspectHere(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: true,
    })

    await expect(session.signOut()).resolves.toEqual({ revoked: true })

    await expect(introspectHere(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: false,
    })
    expect(store.data.size).toBe(0)
    expect(session.state()).toEqual({ status: 'signed-out' })
  })

  it('under strict revocation, local sign-out completes and says it could not revoke', async () => {
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
    await expect(introspectHere(refreshToken, 'refresh_token')).resolves.toMatchObject({
      active: true,
    })
  })

  it('restores at start-up from the sealed token through discovery and a refresh', async () => {
    const first = await signedInSession()
    first.session.dispose()
    const { logger } = createTestLogger()
    // A new process: a new vault over the same store, nothing remembered in memory.
    const { vault } = createTestVault(first.store, first.cipher)
    const restarted = createSession({
      vault,
      clock: systemClock,
      logger,
      fetch,
      discover: (candidate) => discoverServer(candidate, { fetch, logger }),
      profileSource: async () => first.profile,
    })
    sessions.push(restarted)

    await expect(restarted.restore()).resolves.toMatchObject({
      status: 'signed-in',
      user: { name: 'Ada Lovelace' },
    })
    const token = await restarted.getAccessToken()
    await expect(introspectHere(token, 'access_token')).resolves.toMatchObject({ active: true })
  })
})
