/**
 * The authorization flow against the sandbox's real authorization server (oidc-provider behind
 * Clerk's paths), with a real Chromium page or the sandbox's HTTP driver as the person's
 * browser. Only main-process services are used; the `mpath://` callback goes through the same
 * deep-link intake Electron's events feed.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_SCOPES } from '../../shared/connection/profile'
import { createDeepLinkIntake } from '../app/deepLinkIntake'
import { createTestLogger } from '../log/testing/testLogger'
import { systemClock, type FetchPort } from '../platform/ports'
import { createAuthorizationFlow, type AuthorizationFlow } from './authorizationFlow'
import { discoverServer } from './discovery'
import { loadSandboxProfile } from './profile'
import {
  loadLoginDriver,
  sandboxProfile,
  SANDBOX_USER,
  startSandboxForTests,
  type TestSandbox,
} from './testing/sandboxKit'
import { createRecordingOpener, type RecordingOpener } from './testing/flowFakes'
import { launchTestBrowser, signInWithBrowser } from './testing/signInWithBrowser'
import type { AuthServer, ReceivedTokens } from './types'

const SCOPES = [...DEFAULT_SCOPES]

let sandbox: TestSandbox
let browser: Browser
let driver: Awaited<ReturnType<typeof loadLoginDriver>>
const flows: AuthorizationFlow[] = []

beforeAll(async () => {
  ;[sandbox, browser, driver] = await Promise.all([
    startSandboxForTests(),
    launchTestBrowser(),
    loadLoginDriver(),
  ])
})

afterAll(async () => {
  await Promise.all([sandbox?.close(), browser?.close()])
})

afterEach(() => {
  for (const flow of flows.splice(0)) {
    flow.dispose()
  }

  sandbox.setFaults({ tokenEndpoint: 'ok' })
})

interface Harness {
  flow: AuthorizationFlow
  opener: RecordingOpener
  received: Array<{ tokens: ReceivedTokens; server: AuthServer }>
  tokenRequests: Array<{ headers: Headers; body: URLSearchParams }>
  server: AuthServer
}

async function harness(
  kind: 'public' | 'basic' = 'public',
  extraScopes: readonly string[] = [],
): Promise<Harness> {
  const { logger } = createTestLogger()
  // The public client's profile comes the way `npm start` gets it: from the sandbox.json.
  const { profile, clientSecret } =
    kind === 'public'
      ? { profile: await loadSandboxProfile(sandbox.apiUrl, fetch), clientSecret: undefined }
      : sandboxProfile(sandbox, kind, SCOPES)
  const tokenRequests: Harness['tokenRequests'] = []
  const recordingFetch: FetchPort = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url

    if (url.endsWith('/oauth/token')) {
      tokenRequests.push({
        headers: new Headers(init?.headers),
        body: new URLSearchParams(String(init?.body ?? '')),
      })
    }

    return fetch(input, init)
  }
  const discovered = await discoverServer(profile, {
    fetch: recordingFetch,
    logger,
    clientSecret: { get: async () => clientSecret },
  })
  const server: AuthServer = {
    ...discovered,
    profile: { ...discovered.profile, scopes: [...discovered.profile.scopes, ...extraScopes] },
  }
  const opener = createRecordingOpener()
  const received: Harness['received'] = []
  const flow = createAuthorizationFlow({
    discover: async () => server,
    opener,
    clock: systemClock,
    logger,
    onTokens: (tokens, from) => void received.push({ tokens, server: from }),
  })
  flows.push(flow)

  return { flow, opener, received, tokenRequests, server }
}

/** Starts a sign-in and returns the authorization URL the system browser was asked to open. */
async function begin(context: Harness, transport?: 'scheme' | 'loopback' | 'paste') {
  const done = context.flow.start(transport === undefined ? {} : { transport })
  done.catch(() => undefined)

  return { done, authorizationUrl: await context.opener.nextUrl() }
}

describe('authorization flow against the sandbox', () => {
  it('signs in a public PKCE client through a real browser and the deep-link intake', async () => {
    const context = await harness('public')
    const { logger } = createTestLogger()
    const intake = createDeepLinkIntake({ logger })
    const handled: Array<Promise<unknown>> = []
    intake.onDidReceive((delivery) => {
      if (delivery.link.kind === 'oauth-callback') {
        handled.push(context.flow.handleCallbackUrl(delivery.link.url.href, 'scheme'))
      }
    })
    intake.markReady()
    const { done, authorizationUrl } = await begin(context)

    expect(context.server.requiresIssParameter).toBe(true)
    expect(context.server.profile).toMatchObject({
      redirectUri: 'mpath://oauth/callback',
      loopbackRedirectUri: `http://127.0.0.1:${sandbox.loopbackPort}/oauth/callback`,
      scopes: SCOPES,
    })

    const { callbackUrl } = await signInWithBrowser({ browser, authorizationUrl, ...SANDBOX_USER })
    intake.accept(callbackUrl, 'open-url')
    await done

    expect(await Promise.all(handled)).toEqual(['accepted'])
    expect(context.tokenRequests).toHaveLength(1)
    expect(context.tokenRequests[0]?.headers.get('authorization')).toBeNull()
    expect(context.tokenRequests[0]?.body.get('code_verifier')).toBeTruthy()
    const [{ tokens } = { tokens: undefined }] = context.received

    expect(tokens?.accessToken).toBeTruthy()
    expect(tokens?.refreshToken).toBeTruthy()
    expect(tokens?.scopes).toEqual(
      expect.arrayContaining(['openid', 'read:tasks', 'offline_access']),
    )
    expect(tokens?.idTokenClaims?.sub).toBe('user_2ada0000000000000000000001')
    expect(tokens?.idTokenClaims?.nonce).toBe(new URL(authorizationUrl).searchParams.get('nonce'))
    expect(tokens?.expiresAt).toBeGreaterThan(Date.now() + 23 * 60 * 60 * 1000)
    expect(context.flow.state).toEqual({ status: 'succeeded', transport: 'scheme' })

    // The same link again (a second `open-url`, a replay) is not exchanged a second time.
    expect(await context.flow.handleCallbackUrl(callbackUrl)).toBe('dropped')
    expect(context.tokenRequests).toHaveLength(1)
  })

  it('signs in the confidential client with HTTP Basic', async () => {
    const context = await harness('basic')
    const { done, authorizationUrl } = await begin(context)
    const callbackUrl = await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER })

    expect(await context.flow.handleCallbackUrl(callbackUrl)).toBe('accepted')
    await done

    expect(context.tokenRequests[0]?.headers.get('authorization')).toMatch(/^Basic /)
    expect(context.tokenRequests[0]?.body.get('client_secret')).toBeNull()
    expect(context.received[0]?.tokens.refreshToken).toBeTruthy()
  })

  it('reports denied consent in the real browser as AUTH_DENIED', async () => {
    const context = await harness('public')
    const { done, authorizationUrl } = await begin(context)
    const { callbackUrl } = await signInWithBrowser({
      browser,
      authorizationUrl,
      ...SANDBOX_USER,
      decision: 'deny',
    })

    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied')
    await context.flow.handleCallbackUrl(callbackUrl)

    await expect(done).rejects.toMatchObject({
      code: 'AUTH_DENIED',
      message: 'You declined access in the browser. Sign in again and choose Allow.',
    })
    expect(context.tokenRequests).toHaveLength(0)
  })

  it('names the scope the administrator must assign when the server refuses it', async () => {
    const context = await harness('public', ['read:payroll'])
    const { done, authorizationUrl } = await begin(context)
    const callbackUrl = await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER })

    expect(new URL(callbackUrl).searchParams.get('error')).toBe('invalid_scope')
    await context.flow.handleCallbackUrl(callbackUrl)

    await expect(done).rejects.toMatchObject({
      code: 'AUTH_INVALID_SCOPE',
      message: 'The app is not allowed to request “read:payroll”.',
    })
  })

  it('reports a failing token endpoint and offers the other ways', async () => {
    const context = await harness('public')
    const { done, authorizationUrl } = await begin(context)
    const callbackUrl = await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER })
    sandbox.setFaults({ tokenEndpoint: 'fail' })
    await context.flow.handleCallbackUrl(callbackUrl)

    await expect(done).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXCHANGE_FAILED' })
    expect(context.flow.state).toMatchObject({
      status: 'failed',
      alternatives: ['loopback', 'paste', 'device'],
    })
  })

  it('drops a callback with a wrong or missing iss and never exchanges its code', async () => {
    for (const tamper of ['wrong', 'missing'] as const) {
      const context = await harness('public')
      const { done, authorizationUrl } = await begin(context)
      const callback = new URL(
        await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER }),
      )

      expect(callback.searchParams.get('iss')).toBe(sandbox.issuer)

      if (tamper === 'wrong') {
        callback.searchParams.set('iss', 'http://127.0.0.1:1')
      } else {
        callback.searchParams.delete('iss')
      }

      expect(await context.flow.handleCallbackUrl(callback.href)).toBe('dropped')
      await expect(done).rejects.toMatchObject({ code: 'AUTH_ISSUER_MISMATCH' })
      expect(context.tokenRequests).toHaveLength(0)
    }
  })

  it('drops forged and stale callbacks while the real attempt goes on', async () => {
    const context = await harness('public')
    const stale = await begin(context)
    const staleCallback = await driver.authorizeOverHttp({
      authorizationUrl: stale.authorizationUrl,
      ...SANDBOX_USER,
    })
    const { done, authorizationUrl } = await begin(context)
    const forged = new URL(staleCallback)
    forged.searchParams.set('state', 'forged-state')

    expect(await context.flow.handleCallbackUrl(staleCallback)).toBe('dropped')
    expect(await context.flow.handleCallbackUrl(forged.href)).toBe('dropped')
    expect(context.flow.state.status).toBe('waiting')

    const callbackUrl = await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER })
    await context.flow.handleCallbackUrl(callbackUrl)
    await done

    expect(context.tokenRequests).toHaveLength(1)
  })

  it('finishes through the loopback listener on 127.0.0.1 with a real browser', async () => {
    const context = await harness('public')
    const { done, authorizationUrl } = await begin(context, 'loopback')
    const redirectUri = `http://127.0.0.1:${sandbox.loopbackPort}/oauth/callback`

    expect(new URL(authorizationUrl).searchParams.get('redirect_uri')).toBe(redirectUri)

    const { callbackUrl, pageText } = await signInWithBrowser({
      browser,
      authorizationUrl,
      ...SANDBOX_USER,
      redirectPrefix: redirectUri,
    })
    await done

    expect(callbackUrl.startsWith(`${redirectUri}?`)).toBe(true)
    expect(pageText).toContain('You can close this tab and return to mpath Desktop')
    expect(context.received[0]?.tokens.accessToken).toBeTruthy()
    expect(context.tokenRequests[0]?.body.get('redirect_uri')).toBe(redirectUri)
  })

  it('finishes with the address the person pastes', async () => {
    const context = await harness('public')
    const { done, authorizationUrl } = await begin(context, 'paste')
    // Nothing listens at the loopback address, so the browser would show it in the address bar.
    const shown = await driver.authorizeOverHttp({ authorizationUrl, ...SANDBOX_USER })

    expect(context.flow.state).toMatchObject({ status: 'waiting', transport: 'paste' })
    await context.flow.submitPastedAddress(` ${shown} `)
    await done

    expect(context.received).toHaveLength(1)
  })

  it('signs in with the device authorization grant', async () => {
    const context = await harness('public')

    expect(context.server.supportsDeviceGrant).toBe(true)

    const done = context.flow.startDeviceFlow()
    done.catch(() => undefined)
    const device = await new Promise<{ userCode: string; verificationUri: string }>((resolve) => {
      const subscription = context.flow.onDidChange((state) => {
        if (state.status === 'waiting' && state.device !== undefined) {
          subscription.dispose()
          resolve(state.device)
        }
      })
    })
    const page = await driver.confirmDeviceCodeOverHttp({ ...device, ...SANDBOX_USER })

    expect(page.status).toBe(200)
    await done

    expect(context.received[0]?.tokens.accessToken).toBeTruthy()
    expect(context.flow.state).toEqual({ status: 'succeeded', transport: 'device' })
  })
})
