import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createManualClock } from '../platform/testing/manualClock'
import { createAuthorizationFlow, type AuthorizationFlowOptions } from './authorizationFlow'
import type { AuthorizationFlowState } from './authorizationFlowState'
import {
  callbackFor,
  createFakeAuthServer,
  createRecordingOpener,
  FAKE_ISSUER,
  fakeDeviceAuthorizationRoute,
  fakeProfile,
  jsonResponse,
  type RecordedRequest,
} from './testing/flowFakes'
import { findFreePort } from './testing/freePort'
import {
  startLoopbackListener,
  type LoopbackListenerOptions,
  type LoopbackListenerStarter,
} from './transports/loopbackListener'
import type { AuthServer, ReceivedTokens } from './types'

function setup(
  options: {
    server?: ReturnType<typeof createFakeAuthServer>
    openerFails?: boolean
    loopback?: AuthorizationFlowOptions['loopback']
  } = {},
) {
  const server = options.server ?? createFakeAuthServer()
  const clock = createManualClock()
  const opener = createRecordingOpener({ fail: options.openerFails })
  const { logger, entries } = createTestLogger()
  const received: Array<{ tokens: ReceivedTokens; server: AuthServer }> = []
  const states: AuthorizationFlowState[] = []
  const flow = createAuthorizationFlow({
    discover: async () => server,
    opener,
    clock,
    logger,
    loopback: options.loopback ?? false,
    onTokens: (tokens, from) => void received.push({ tokens, server: from }),
  })
  flow.onDidChange((state) => states.push(state))

  return { server, clock, opener, entries, received, states, flow }
}

/** Starts a sign-in and waits until the browser was asked to open the authorization URL. */
async function begin(
  context: ReturnType<typeof setup>,
  transport?: 'scheme' | 'loopback' | 'paste',
) {
  const done = context.flow.start(transport === undefined ? {} : { transport })
  done.catch(() => undefined)
  const url = await context.opener.nextUrl()

  return { done, url }
}

function tokenRequests(server: { fetch: { requests: RecordedRequest[] } }): URLSearchParams[] {
  return server.fetch.requests
    .filter((request) => request.url.endsWith('/oauth/token'))
    .map((request) => new URLSearchParams(request.body))
}

describe('authorization flow', () => {
  it('opens the authorization URL only through the opener, with PKCE S256 and state', async () => {
    const context = setup()
    const { url } = await begin(context)
    const params = new URL(url).searchParams

    expect(url.startsWith(`${FAKE_ISSUER}/oauth/authorize?`)).toBe(true)
    expect(Object.fromEntries(params)).toMatchObject({
      client_id: 'desktop-client',
      response_type: 'code',
      redirect_uri: 'mpath://oauth/callback',
      scope: 'offline_access read:tasks',
      code_challenge_method: 'S256',
    })
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(params.get('state')).toBeTruthy()
    expect(params.has('nonce')).toBe(false)
    expect(context.flow.state).toMatchObject({
      status: 'waiting',
      transport: 'scheme',
      isSlow: false,
    })
    // Nothing secret in the state the renderer may see.
    expect(JSON.stringify(context.states)).not.toContain(params.get('state'))
    expect(JSON.stringify(context.states)).not.toContain('oauth/authorize')
  })

  it('exchanges an accepted callback with the verifier and hands the tokens over', async () => {
    const context = setup()
    const { done, url } = await begin(context)
    const startedAt = context.clock.now()

    expect(await context.flow.handleCallbackUrl(callbackFor(url, { code: 'code-1' }))).toBe(
      'accepted',
    )
    await done

    const [request] = tokenRequests(context.server)

    expect(Object.fromEntries(request ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'mpath://oauth/callback',
      client_id: 'desktop-client',
      code_verifier: expect.stringMatching(/^[\w-]{43,}$/),
    })
    expect(context.received).toHaveLength(1)
    expect(context.received[0]?.tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      scopes: ['offline_access', 'read:tasks'],
      expiresAt: startedAt + 86_400_000,
    })
    expect(context.received[0]?.server).toBe(context.server)
    expect(context.flow.state).toEqual({ status: 'succeeded', transport: 'scheme' })
  })

  it('turns access_denied into AUTH_DENIED without a token request', async () => {
    const context = setup()
    const { done, url } = await begin(context)

    await context.flow.handleCallbackUrl(callbackFor(url, { error: 'access_denied' }))

    await expect(done).rejects.toMatchObject({
      code: 'AUTH_DENIED',
      message: 'You declined access in the browser. Sign in again and choose Allow.',
    })
    expect(tokenRequests(context.server)).toHaveLength(0)
    expect(context.flow.state).toMatchObject({ status: 'failed', error: { code: 'AUTH_DENIED' } })
  })

  it('turns invalid_scope into a message naming the scope to assign', async () => {
    const context = setup()
    const { done, url } = await begin(context)

    await context.flow.handleCallbackUrl(
      callbackFor(url, { error: 'invalid_scope', error_description: 'scope not allowed' }),
    )

    await expect(done).rejects.toMatchObject({
      code: 'AUTH_INVALID_SCOPE',
      message: expect.stringContaining('“read:tasks”'),
    })
  })

  it('drops forged and stale callbacks and keeps waiting for the real one', async () => {
    const context = setup()

    expect(await context.flow.handleCallbackUrl('mpath://oauth/callback?code=x&state=y')).toBe(
      'dropped',
    )

    const { done, url } = await begin(context)
    const forged = new URL(callbackFor(url, { code: 'evil' }))
    forged.searchParams.set('state', 'forged')

    expect(await context.flow.handleCallbackUrl(forged.href)).toBe('dropped')
    expect(await context.flow.handleCallbackUrl('not a url')).toBe('dropped')
    expect(context.flow.state.status).toBe('waiting')

    await context.flow.handleCallbackUrl(callbackFor(url, { code: 'real' }))
    await done

    expect(tokenRequests(context.server).map((request) => request.get('code'))).toEqual(['real'])
  })

  it('drops a replayed callback: the code is exchanged once', async () => {
    const context = setup()
    const { done, url } = await begin(context)
    const callback = callbackFor(url, { code: 'once' })

    expect(await context.flow.handleCallbackUrl(callback)).toBe('accepted')
    await done
    expect(await context.flow.handleCallbackUrl(callback)).toBe('dropped')

    expect(tokenRequests(context.server)).toHaveLength(1)
    expect(context.entries.some((entry) => entry.context?.reason === 'replayed')).toBe(true)
  })

  it('refuses a callback from another issuer and never exchanges it', async () => {
    const context = setup()
    const { done, url } = await begin(context)

    expect(
      await context.flow.handleCallbackUrl(
        callbackFor(url, { code: 'mixed-up' }, { iss: 'https://evil.example.test' }),
      ),
    ).toBe('dropped')

    await expect(done).rejects.toMatchObject({ code: 'AUTH_ISSUER_MISMATCH' })
    expect(tokenRequests(context.server)).toHaveLength(0)
  })

  it('refuses a callback without iss when the server promised it', async () => {
    const context = setup()
    const { done, url } = await begin(context)

    await context.flow.handleCallbackUrl(callbackFor(url, { code: 'c' }, { iss: null }))

    await expect(done).rejects.toMatchObject({ code: 'AUTH_ISSUER_MISMATCH' })
    expect(tokenRequests(context.server)).toHaveLength(0)
  })

  it('offers the other transports when the browser is slow, then times out (S19)', async () => {
    const server = createFakeAuthServer({
      metadata: { device_authorization_endpoint: `${FAKE_ISSUER}/oauth/device_authorization` },
    })
    const context = setup({ server, loopback: vi.fn<LoopbackListenerStarter>() })
    const { done } = await begin(context)

    context.clock.advance(2 * 60 * 1000)

    expect(context.flow.state).toMatchObject({
      status: 'waiting',
      isSlow: true,
      alternatives: ['loopback', 'paste', 'device'],
    })

    context.clock.advance(8 * 60 * 1000)

    await expect(done).rejects.toMatchObject({ code: 'AUTH_TIMEOUT' })
    expect(context.flow.state).toMatchObject({
      status: 'failed',
      error: { code: 'AUTH_TIMEOUT' },
      alternatives: ['loopback', 'paste', 'device'],
    })
  })

  it('cancel ends the attempt and returns to idle', async () => {
    const context = setup()
    const { done, url } = await begin(context)

    context.flow.cancel()

    await expect(done).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })
    expect(context.flow.state).toEqual({ status: 'idle' })
    expect(await context.flow.handleCallbackUrl(callbackFor(url, { code: 'late' }))).toBe('dropped')
  })

  it('starting again replaces the attempt; the old callback no longer counts', async () => {
    const context = setup()
    const first = await begin(context)
    const second = await begin(context)

    await expect(first.done).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })
    expect(await context.flow.handleCallbackUrl(callbackFor(first.url, { code: 'old' }))).toBe(
      'dropped',
    )
    expect(await context.flow.handleCallbackUrl(callbackFor(second.url, { code: 'new' }))).toBe(
      'accepted',
    )
    await second.done
  })

  it('takes a pasted address and says what is wrong with a bad one', async () => {
    const context = setup({ server: createFakeAuthServer() })

    await expect(
      context.flow.submitPastedAddress('mpath://oauth/callback?code=x&state=y'),
    ).rejects.toMatchObject({
      code: 'AUTH_NO_PENDING',
    })

    const { done, url } = await begin(context, 'paste')

    expect(new URL(url).searchParams.get('redirect_uri')).toBe(
      'http://127.0.0.1:7073/oauth/callback',
    )
    await expect(context.flow.submitPastedAddress('hello')).rejects.toMatchObject({
      code: 'AUTH_INVALID_CALLBACK',
    })
    await expect(
      context.flow.submitPastedAddress('http://127.0.0.1:7073/oauth/callback?code=x&state=old'),
    ).rejects.toMatchObject({ code: 'AUTH_STATE_MISMATCH' })
    await expect(
      context.flow.submitPastedAddress(`https://elsewhere.example.test/?state=x`),
    ).rejects.toMatchObject({ code: 'AUTH_INVALID_CALLBACK' })

    await context.flow.submitPastedAddress(`  ${callbackFor(url, { code: 'pasted' })}\n`)
    await done

    expect(tokenRequests(context.server)[0]?.get('redirect_uri')).toBe(
      'http://127.0.0.1:7073/oauth/callback',
    )
  })

  it('reports a browser that cannot be opened', async () => {
    const context = setup({ openerFails: true })

    await expect(context.flow.start()).rejects.toMatchObject({ code: 'AUTH_TRANSPORT_UNAVAILABLE' })
    expect(context.flow.state).toMatchObject({ status: 'failed' })
  })

  it('starts the loopback listener at the registered redirect and takes its callback', async () => {
    let listenerOptions: LoopbackListenerOptions | undefined
    const close = vi.fn(async () => undefined)
    const context = setup({
      loopback: async (options) => {
        listenerOptions = options

        return { host: '127.0.0.1', port: 7073, closed: new Promise(() => undefined), close }
      },
    })
    const { done, url } = await begin(context, 'loopback')

    expect(listenerOptions?.redirectUri).toBe('http://127.0.0.1:7073/oauth/callback')
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(
      'http://127.0.0.1:7073/oauth/callback',
    )
    expect(await listenerOptions?.onCallback(new URL(callbackFor(url, { code: 'lb' })))).toBe(
      'accepted',
    )
    await done

    expect(context.received).toHaveLength(1)
    expect(close).toHaveBeenCalled()
  })

  it('says loopback is unavailable without a registered loopback redirect', async () => {
    const server = createFakeAuthServer({
      profile: fakeProfile({ loopbackRedirectUri: undefined, scopes: ['read:tasks'] }),
    })
    const context = setup({ server, loopback: vi.fn<LoopbackListenerStarter>() })

    await expect(context.flow.start({ transport: 'loopback' })).rejects.toMatchObject({
      code: 'AUTH_TRANSPORT_UNAVAILABLE',
    })
  })

  it('lets the latest start win when discovery answers out of order', async () => {
    const server = createFakeAuthServer()
    const gates: Array<(value: AuthServer) => void> = []
    const opener = createRecordingOpener()
    const { logger } = createTestLogger()
    const flow = createAuthorizationFlow({
      discover: () => new Promise<AuthServer>((resolve) => gates.push(resolve)),
      opener,
      clock: createManualClock(),
      logger,
      loopback: false,
      onTokens: () => undefined,
    })
    const first = flow.start()
    first.catch(() => undefined)
    await vi.waitFor(() => expect(gates).toHaveLength(1))
    const second = flow.start()
    second.catch(() => undefined)
    await vi.waitFor(() => expect(gates).toHaveLength(2))
    gates[1]?.(server)
    const url = await opener.nextUrl()
    gates[0]?.(server)

    await expect(first).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })
    expect(opener.opened).toEqual([url])
    expect(await flow.handleCallbackUrl(callbackFor(url, { code: 'c' }))).toBe('accepted')
    await second
  })

  it('opens nothing when cancelled while discovering', async () => {
    let release!: (server: AuthServer) => void
    const opener = createRecordingOpener()
    const { logger } = createTestLogger()
    const flow = createAuthorizationFlow({
      discover: () => new Promise<AuthServer>((resolve) => (release = resolve)),
      opener,
      clock: createManualClock(),
      logger,
      loopback: false,
      onTokens: () => undefined,
    })
    const done = flow.start()
    await vi.waitFor(() => expect(release).toBeDefined())
    flow.cancel()
    release(createFakeAuthServer())

    await expect(done).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })
    expect(opener.opened).toEqual([])
    expect(flow.state).toEqual({ status: 'idle' })
  })

  it('restarts the real loopback listener on the same port', async () => {
    const port = await findFreePort()
    const server = createFakeAuthServer({
      profile: fakeProfile({
        loopbackRedirectUri: `http://127.0.0.1:${port}/oauth/callback`,
        scopes: ['read:tasks'],
      }),
    })
    const context = setup({ server, loopback: startLoopbackListener })
    const first = await begin(context, 'loopback')
    const second = await begin(context, 'loopback')

    await expect(first.done).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })

    const answer = await fetch(callbackFor(second.url, { code: 'c' }))

    expect(answer.status).toBe(200)
    await second.done
    expect(context.received).toHaveLength(1)
  })

  it('requests a nonce with openid and refuses an ID token that does not echo it', async () => {
    const server = createFakeAuthServer({
      profile: fakeProfile({ scopes: ['openid', 'read:tasks'] }),
      token: () =>
        jsonResponse({
          access_token: 'a',
          token_type: 'Bearer',
          expires_in: 60,
          id_token: unsignedIdToken({ nonce: 'not-the-nonce' }),
        }),
    })
    const context = setup({ server })
    const { done, url } = await begin(context)

    expect(new URL(url).searchParams.get('nonce')).toBeTruthy()
    await context.flow.handleCallbackUrl(callbackFor(url, { code: 'c' }))

    await expect(done).rejects.toMatchObject({ code: 'AUTH_ID_TOKEN_INVALID' })
    expect(context.received).toHaveLength(0)
  })

  it('accepts an ID token with the right nonce and passes its claims on', async () => {
    let nonce = ''
    const server = createFakeAuthServer({
      profile: fakeProfile({ scopes: ['openid', 'read:tasks'] }),
      token: () =>
        jsonResponse({
          access_token: 'a',
          token_type: 'Bearer',
          expires_in: 60,
          scope: 'openid read:tasks',
          id_token: unsignedIdToken({ nonce }),
        }),
    })
    const context = setup({ server })
    const { done, url } = await begin(context)
    nonce = new URL(url).searchParams.get('nonce') ?? ''
    await context.flow.handleCallbackUrl(callbackFor(url, { code: 'c' }))
    await done

    expect(context.received[0]?.tokens.idTokenClaims).toMatchObject({ sub: 'user_1', nonce })
  })

  it('runs the device grant and shows the code in the state', async () => {
    let polls = 0
    const server = createFakeAuthServer({
      metadata: { device_authorization_endpoint: `${FAKE_ISSUER}/oauth/device_authorization` },
      routes: fakeDeviceAuthorizationRoute(),
      token: (request) => {
        polls += 1

        expect(new URLSearchParams(request.body).get('grant_type')).toBe(
          'urn:ietf:params:oauth:grant-type:device_code',
        )

        return polls < 2
          ? jsonResponse({ error: 'authorization_pending' }, 400)
          : jsonResponse({ access_token: 'device-access', token_type: 'Bearer', expires_in: 60 })
      },
    })
    const context = setup({ server })
    await context.flow.startDeviceFlow()

    expect(context.states).toContainEqual(
      expect.objectContaining({
        status: 'waiting',
        transport: 'device',
        device: { userCode: 'WDJB-MJHT', verificationUri: `${FAKE_ISSUER}/oauth/device` },
      }),
    )
    expect(context.received[0]?.tokens.accessToken).toBe('device-access')
    expect(context.flow.state).toEqual({ status: 'succeeded', transport: 'device' })
  })

  it('cancels the device grant', async () => {
    const server = createFakeAuthServer({
      metadata: { device_authorization_endpoint: `${FAKE_ISSUER}/oauth/device_authorization` },
      routes: fakeDeviceAuthorizationRoute(),
      token: () => jsonResponse({ error: 'authorization_pending' }, 400),
    })
    const context = setup({ server })
    const done = context.flow.startDeviceFlow()
    await vi.waitFor(() => expect(context.flow.state).toHaveProperty('device'))
    context.flow.cancel()

    await expect(done).rejects.toMatchObject({ code: 'AUTH_CANCELLED' })
    expect(context.flow.state).toEqual({ status: 'idle' })
  })

  it('refuses the device grant when the server does not offer it', async () => {
    const context = setup()

    await expect(context.flow.startDeviceFlow()).rejects.toMatchObject({
      code: 'AUTH_TRANSPORT_UNAVAILABLE',
    })
  })
})

function unsignedIdToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const payload = {
    iss: FAKE_ISSUER,
    aud: 'desktop-client',
    sub: 'user_1',
    iat: now,
    exp: now + 600,
    ...claims,
  }

  // The code flow trusts the token endpoint over TLS, so the signature is not checked here.
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`
}
