import * as oauth from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { authorizeOverHttp } from './auth/testing/driveLogin'
import { startSandbox, type RunningSandbox } from './start'

let sandbox: RunningSandbox
let config: oauth.Configuration

const FULL_SCOPE = [
  'openid profile email offline_access',
  'read:people read:tasks write:tasks read:initiatives read:meetings',
].join(' ')

/** Signs Ben in through the sandbox's pages with the public client and PKCE. */
async function signInAsBen(scope = FULL_SCOPE) {
  const verifier = oauth.randomPKCECodeVerifier()
  const state = oauth.randomState()
  const authorizationUrl = oauth.buildAuthorizationUrl(config, {
    redirect_uri: 'mpath://oauth/callback',
    scope,
    state,
    prompt: 'consent',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const callback = await authorizeOverHttp({
    authorizationUrl: authorizationUrl.href,
    email: 'ben@example.test',
    password: 'sandbox-ben',
  })

  return oauth.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  })
}

const callApi = async (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${sandbox.ready.apiUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  })

const admin = (body: unknown) =>
  fetch(sandbox.ready.adminUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  sandbox = await startSandbox({ authPort: 0, apiPort: 0 })
  const publicClient = sandbox.ready.clients.find((client) => client.kind === 'public')
  config = await oauth.discovery(
    new URL(sandbox.ready.issuer),
    publicClient?.clientId ?? '',
    undefined,
    oauth.None(),
    {
      execute: [oauth.allowInsecureRequests],
    },
  )
})

afterAll(async () => {
  await sandbox?.close()
})

describe('startSandbox', () => {
  it('publishes the ready document, also at /sandbox.json', async () => {
    const served = await (await fetch(`${sandbox.ready.apiUrl}/sandbox.json`)).json()

    expect(served).toEqual(sandbox.ready)
    expect(sandbox.ready.adminUrl).toBe(`${sandbox.ready.apiUrl}/sandbox/admin`)
    expect(sandbox.ready.clients.map((client) => client.kind)).toContain('public')
    expect(sandbox.ready.users).toEqual([
      expect.objectContaining({
        email: 'ada@example.test',
        role: 'admin',
        personId: expect.any(String),
      }),
      expect.objectContaining({
        email: 'ben@example.test',
        role: 'user',
        personId: expect.any(String),
      }),
      expect.objectContaining({ email: 'cleo@example.test', personId: null }),
      expect.objectContaining({ email: 'dev@example.test', personId: null }),
    ])
  })

  it('lets Ben sign in at the authorization server and read his tasks with the token', async () => {
    const tokens = await signInAsBen()
    const current = (await (await callApi('/api/user/current', tokens.access_token)).json()) as {
      user: unknown
    }
    const me = sandbox.ready.users.find((user) => user.email === 'ben@example.test')
    const response = await callApi(`/api/tasks?assigneeId=${me?.personId}`, tokens.access_token)
    const body = (await response.json()) as { tasks: unknown[] }

    expect(current.user).toMatchObject({
      email: 'ben@example.test',
      managerOSPersonId: me?.personId,
    })
    expect(response.status).toBe(200)
    expect(body.tasks.length).toBeGreaterThan(0)
  })

  it('enforces the scopes the authorization server granted, and sees revocation', async () => {
    const tokens = await signInAsBen('openid profile email read:people')
    const forbidden = await callApi('/api/tasks', tokens.access_token)

    expect(forbidden.status).toBe(403)
    expect((await callApi('/api/people', tokens.access_token)).status).toBe(200)
    await oauth.tokenRevocation(config, tokens.access_token)
    expect((await callApi('/api/people', tokens.access_token)).status).toBe(401)
  })

  it('writes tasks that the database helper can read back', async () => {
    const tokens = await signInAsBen()
    const created = await callApi('/api/tasks', tokens.access_token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Demo the sandbox', status: 'done' }),
    })
    const task = (await created.json()) as { id: string }

    expect(created.status).toBe(201)
    expect(await sandbox.findTask(task.id)).toMatchObject({
      title: 'Demo the sandbox',
      completedAt: expect.any(Date),
    })
  })

  it('changes faults and lifetimes through the admin URL', async () => {
    try {
      const answer = await admin({
        faults: { noWrites: true },
        options: { accessTokenTtlSeconds: 120 },
      })

      expect(answer.status).toBe(200)
      expect(((await answer.json()) as { faults: unknown }).faults).toMatchObject({
        noWrites: true,
      })
      expect((await fetch(`${sandbox.ready.apiUrl}/api/capabilities`)).status).toBe(404)
      expect((await signInAsBen('openid read:tasks')).expires_in).toBe(120)
    } finally {
      await admin({ faults: { noWrites: false }, options: { accessTokenTtlSeconds: 86_400 } })
    }

    sandbox.setFaults({ clockOffsetSeconds: -7200 })
    const date = (await fetch(`${sandbox.ready.apiUrl}/api/health`)).headers.get('date')
    sandbox.setFaults({ clockOffsetSeconds: 0 })

    expect(Math.abs(new Date(date ?? '').getTime() - (Date.now() - 7_200_000))).toBeLessThan(5_000)
  })
})
