import * as oauth from 'openid-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { SANDBOX_ACCOUNTS } from '../seed/accounts'
import { PUBLIC_CLIENT_ID } from './clients'
import {
  configurationFor,
  quietFaults,
  signInOverHttp,
  startTestAuthorizationServer,
  type TestAuthorizationServer,
} from './testing/testAuthorizationServer'

const ben = SANDBOX_ACCOUNTS[1] as (typeof SANDBOX_ACCOUNTS)[0]
let server: TestAuthorizationServer
let publicClient: oauth.Configuration

beforeAll(async () => {
  server = await startTestAuthorizationServer()
  publicClient = await configurationFor(server, PUBLIC_CLIENT_ID)
})

afterEach(() => {
  Object.assign(server.faults, quietFaults())
})

afterAll(async () => {
  await server.close()
})

function signInBen() {
  return signInOverHttp({
    server,
    email: ben.email,
    password: ben.password,
    scope: 'openid offline_access read:tasks',
  })
}

function postToTokenEndpoint(target: TestAuthorizationServer, signal?: AbortSignal) {
  return fetch(`${target.issuer}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: 'not-a-token',
      client_id: PUBLIC_CLIENT_ID,
    }),
    signal,
  })
}

describe('token endpoint faults', () => {
  it('fail: answers 500 server_error', async () => {
    const tokens = await signInBen()
    server.faults.tokenEndpoint = 'fail'
    const response = await postToTokenEndpoint(server)

    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ error: 'server_error' })
    // openid-client parses error bodies of 400 and 401 only; a 500 arrives as the raw response.
    const failure = await oauth
      .refreshTokenGrant(publicClient, tokens.refresh_token as string)
      .catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(Error)
    expect(((failure as Error).cause as Response).status).toBe(500)
  })

  it('timeout: never answers, so the client gives up', async () => {
    server.faults.tokenEndpoint = 'timeout'

    await expect(postToTokenEndpoint(server, AbortSignal.timeout(200))).rejects.toMatchObject({
      name: 'TimeoutError',
    })
  })

  it('timeout: closing the server ends the held request', async () => {
    const doomed = await startTestAuthorizationServer()
    doomed.faults.tokenEndpoint = 'timeout'
    const pending = postToTokenEndpoint(doomed)
    // Give the request time to reach the server before closing it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    await doomed.close()

    await expect(pending).rejects.toThrow()
  })

  it('refreshInvalidGrant: every refresh gets invalid_grant, other grants work', async () => {
    server.faults.refreshInvalidGrant = true
    const tokens = await signInBen()

    await expect(
      oauth.refreshTokenGrant(publicClient, tokens.refresh_token as string),
    ).rejects.toMatchObject({ error: 'invalid_grant', status: 400 })

    server.faults.refreshInvalidGrant = false
    const refreshed = await oauth.refreshTokenGrant(publicClient, tokens.refresh_token as string)

    expect(refreshed.access_token).toEqual(expect.any(String))
  })

  it('latency: delays token-endpoint responses', async () => {
    server.faults.latencyMs = 300
    const started = performance.now()
    const response = await postToTokenEndpoint(server)

    expect(response.status).toBe(400)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })
})
