/**
 * End to end against the whole sandbox (authorization server and mpath API): sign in, call
 * the API with a token the session renewed on the way, sign out, see the token revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Session } from './session'
import {
  introspect,
  loadSandboxModule,
  sealedRefreshToken,
  signInSandboxSession,
} from './testing/sessionSandbox'

/** The part of the sandbox's `start` module this test uses. */
interface RunningSandbox {
  ready: { issuer: string; apiUrl: string; clients: Array<{ clientId: string; kind: string }> }
  resourceServer: { clientId: string; clientSecret: string }
  close(): Promise<void>
}

interface SandboxStartModule {
  startSandbox(input: {
    authPort: number
    apiPort: number
    accessTokenTtlSeconds: number
    scale: { tasks: number }
  }): Promise<RunningSandbox>
}

let sandbox: RunningSandbox
let session: Session | undefined

beforeAll(async () => {
  const { startSandbox } = await loadSandboxModule<SandboxStartModule>('start')
  sandbox = await startSandbox({
    authPort: 0,
    apiPort: 0,
    accessTokenTtlSeconds: 5,
    scale: { tasks: 50 },
  })
})

afterAll(async () => {
  session?.dispose()
  await sandbox?.close()
})

describe('session with the whole sandbox', () => {
  it('calls the API with a renewed token, signs out, and the token is revoked', async () => {
    const clientId = sandbox.ready.clients.find((client) => client.kind === 'public')?.clientId
    const signedIn = await signInSandboxSession({
      issuer: sandbox.ready.issuer,
      clientId: clientId ?? 'missing-public-client',
    })
    session = signedIn.session
    const firstToken = await session.getAccessToken()

    // Past the 5-second lifetime: the session renewed the token on its own.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    const token = await session.getAccessToken()
    expect(token).not.toBe(firstToken)
    expect(signedIn.refreshBodies.length).toBeGreaterThanOrEqual(1)

    const response = await fetch(`${sandbox.ready.apiUrl}/api/user/current`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const stale = await fetch(`${sandbox.ready.apiUrl}/api/user/current`, {
      headers: { authorization: `Bearer ${firstToken}` },
    })
    expect(stale.status).toBe(401)

    const refreshToken = await sealedRefreshToken(signedIn.vault)
    await expect(session.signOut()).resolves.toEqual({ revoked: true })
    await expect(
      introspect(sandbox.ready.issuer, sandbox.resourceServer, refreshToken, 'refresh_token'),
    ).resolves.toMatchObject({ active: false })
  }, 60_000)
})
