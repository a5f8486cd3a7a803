import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { settle } from '../platform/testing/manualClock'
import { logsContainTokens, trackSessionRigs } from './testing/sessionFakes'

const HOUR = 3600 * 1000
const rig = trackSessionRigs()

function errorCode(error: unknown): string | undefined {
  return error instanceof AppError ? error.code : undefined
}

describe('session: expiry and proactive refresh', () => {
  it('measures expiry from expires_in at receipt; serves the token without a request', async () => {
    const { session, clock, received, fake } = rig()
    const tokens = received(3600)
    await session.establish(tokens, fake.server)

    expect(session.state()).toEqual({
      status: 'signed-in',
      user: { subject: 'user_1', name: 'Ada Lovelace', email: 'ada@example.test' },
      scopes: [...fake.profile.scopes],
      accessTokenExpiresAt: new Date(clock.now() + HOUR).toISOString(),
      persistence: 'persistent',
    })
    await expect(session.getAccessToken()).resolves.toBe(tokens.accessToken)
    expect(session.grantedScopes()).toEqual([...fake.profile.scopes])
    expect(fake.requests).toHaveLength(0)
  })

  it('renews a one-hour token a minute before it ends, on its own', async () => {
    const { session, clock, received, fake } = rig()
    await session.establish(received(3600), fake.server)

    await clock.advance(HOUR - 61_000)
    expect(fake.refreshRequests()).toHaveLength(0)

    await clock.advance(2_000)
    expect(fake.refreshRequests()).toHaveLength(1)
    const state = session.state()
    expect(state.status === 'signed-in' && state.accessTokenExpiresAt).toBe(
      new Date(clock.now() - 1_000 + HOUR).toISOString(),
    )
    await expect(session.getAccessToken()).resolves.toBe('at-2')
  })

  it('renews a 5-second token at 4.5 s: a tenth of its life, never a negative margin', async () => {
    const { session, clock, received, fake } = rig()
    fake.expiresIn = 5
    await session.establish(received(5), fake.server)

    await clock.advance(4_400)
    expect(fake.refreshRequests()).toHaveLength(0)

    await clock.advance(200)
    expect(fake.refreshRequests()).toHaveLength(1)

    // Each renewed 5-second token is renewed again before it ends.
    await clock.advance(4_500)
    expect(fake.refreshRequests()).toHaveLength(2)
    await expect(session.getAccessToken()).resolves.toBe('at-3')
  })

  it('renews 5-second tokens for three minutes without tripping the loop breaker', async () => {
    const { session, clock, received, fake } = rig()
    fake.expiresIn = 5
    await session.establish(received(5), fake.server)

    await clock.advance(180_000)

    expect(fake.refreshRequests().length).toBeGreaterThanOrEqual(39)
    expect(session.state().status).toBe('signed-in')
    await expect(session.getAccessToken()).resolves.toMatch(/^at-/)
  })

  it('renews at once when asked for an expired token after the machine slept', async () => {
    const { session, clock, received, fake } = rig()
    await session.establish(received(3600), fake.server)
    clock.jump(2 * HOUR)

    await expect(session.getAccessToken()).resolves.toBe('at-2')
    expect(fake.refreshRequests()).toHaveLength(1)
  })
})

describe('session: one refresh in flight (S17)', () => {
  it('ten concurrent callers on an expired token share one request and the new token', async () => {
    const { session, clock, received, fake } = rig()
    await session.establish(received(3600), fake.server)
    clock.jump(2 * HOUR)
    const held = fake.hold()

    const callers = Array.from({ length: 10 }, () => session.getAccessToken())
    await settle()
    held.release()
    const tokens = await Promise.all(callers)

    expect(new Set(tokens)).toEqual(new Set(['at-2']))
    expect(fake.refreshRequests()).toHaveLength(1)
    expect(fake.refreshRequests()[0]?.body.get('refresh_token')).toBe('rt-1')
  })

  it('ten callers whose API call was rejected with the same token share one refresh', async () => {
    const { session, received, fake } = rig()
    await session.establish(received(3600), fake.server)
    const rejected = await session.getAccessToken()
    const held = fake.hold()

    const retries = Array.from({ length: 10 }, () => session.refreshAfterRejection(rejected))
    await settle()
    held.release()

    expect(new Set(await Promise.all(retries))).toEqual(new Set(['at-2']))
    expect(fake.refreshRequests()).toHaveLength(1)
  })

  it('rejecting an already replaced token returns the current one without a request', async () => {
    const { session, received, fake } = rig()
    await session.establish(received(3600), fake.server)
    const first = await session.getAccessToken()
    const second = await session.refreshAfterRejection(first)

    await expect(session.refreshAfterRejection(first)).resolves.toBe(second)
    expect(second).not.toBe(first)
    expect(fake.refreshRequests()).toHaveLength(1)
  })
})

describe('session: refresh-token rotation', () => {
  it('seals a rotated refresh token before the new access token is handed out', async () => {
    const base = rig()
    const gates: Array<() => void> = []
    const vault = {
      ...base.vault,
      seal: async (...args: Parameters<typeof base.vault.seal>) => {
        await new Promise<void>((resolve) => gates.push(resolve))

        return base.vault.seal(...args)
      },
      open: (name: string) => base.vault.open(name),
      remove: (name: string) => base.vault.remove(name),
    }
    const { session, clock, received, fake, store } = rig({
      fake: base.fake,
      store: base.store,
      cipher: base.cipher,
      vault,
    })
    const establishing = session.establish(received(3600), fake.server)
    await settle()
    gates.shift()?.()
    await establishing
    clock.jump(2 * HOUR)

    let handedOut: string | undefined
    const pending = session.getAccessToken().then((token) => (handedOut = token))
    await settle()
    expect(fake.refreshRequests()).toHaveLength(1)
    expect(handedOut).toBeUndefined()

    gates.shift()?.()
    await pending
    expect(handedOut).toBe('at-2')

    // A crash right now: a fresh process with the same store finds the rotated token.
    const restarted = rig({ fake, store, cipher: base.cipher })
    await restarted.session.restore()
    expect(restarted.session.state().status).toBe('signed-in')
    expect(fake.refreshRequests().at(-1)?.body.get('refresh_token')).toBe('rt-2')
  })

  it('keeps the old refresh token when the response omits one', async () => {
    const { session, clock, received, fake, store, cipher } = rig()
    fake.rotate = false
    await session.establish(received(3600), fake.server)
    clock.jump(2 * HOUR)
    await session.getAccessToken()
    await session.refreshAfterRejection('at-2')

    expect(fake.refreshRequests().map((request) => request.body.get('refresh_token'))).toEqual([
      'rt-1',
      'rt-1',
    ])
    const restarted = rig({ fake, store, cipher })
    await restarted.session.restore()
    expect(restarted.session.state().status).toBe('signed-in')
  })
})

describe('session: refresh failures', () => {
  it('invalid_grant signs out with the reason and removes the sealed token', async () => {
    const { session, clock, received, fake, store } = rig()
    const signOuts: unknown[] = []
    session.onDidSignOut((event) => signOuts.push(event))
    await session.establish(received(3600), fake.server)
    fake.liveRefreshTokens.clear()
    clock.jump(2 * HOUR)

    const failure = await session.getAccessToken().catch((error: unknown) => error)

    expect(errorCode(failure)).toBe('SESSION_EXPIRED')
    expect(session.state()).toEqual({
      status: 'signed-out',
      reason: {
        code: 'SESSION_EXPIRED',
        message: 'Your session ended at the server; sign in again.',
        action: 'Sign in again.',
      },
    })
    expect(signOuts).toEqual([{ reason: expect.objectContaining({ code: 'SESSION_EXPIRED' }) }])
    expect(store.data.size).toBe(0)
    expect(clock.pendingTimers()).toBe(0)
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'SESSION_SIGNED_OUT' })
  })

  it('a 503 keeps the session, backs off, and renews once the server is back', async () => {
    const { session, clock, received, fake, store } = rig()
    await session.establish(received(3600), fake.server)
    fake.refreshHandler = () => new Response('unavailable', { status: 503 })
    clock.jump(2 * HOUR)

    await expect(session.getAccessToken()).rejects.toMatchObject({
      code: 'SESSION_REFRESH_FAILED',
    })
    expect(session.state().status).toBe('signed-in')
    expect(store.data.size).toBe(1)

    // Callers during the backoff get the same answer without hammering the server.
    await expect(session.getAccessToken()).rejects.toMatchObject({
      code: 'SESSION_REFRESH_FAILED',
    })
    expect(fake.refreshRequests()).toHaveLength(1)

    await clock.advance(2_000)
    expect(fake.refreshRequests()).toHaveLength(2)

    fake.refreshHandler = undefined
    await clock.advance(4_000)
    expect(fake.refreshRequests()).toHaveLength(3)
    await expect(session.getAccessToken()).resolves.toBe('at-2')
  })

  it('a network failure keeps a still-valid token in use', async () => {
    const { session, clock, received, fake } = rig()
    const tokens = received(3600)
    await session.establish(tokens, fake.server)
    fake.refreshHandler = () => {
      throw new TypeError('fetch failed')
    }
    clock.jump(HOUR - 30_000)

    await expect(session.getAccessToken()).resolves.toBe(tokens.accessToken)
    expect(fake.refreshRequests()).toHaveLength(1)

    clock.jump(60_000)
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'NETWORK_OFFLINE' })
    expect(session.state().status).toBe('signed-in')
  })

  it('the breaker stops when a refresh answers with an already-expired token', async () => {
    const { session, clock, received, fake } = rig()
    await session.establish(received(3600), fake.server)
    fake.expiresIn = 0
    clock.jump(2 * HOUR)

    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'SESSION_REFRESH_LOOP' })
    expect(session.state()).toMatchObject({
      status: 'error',
      error: { code: 'SESSION_REFRESH_LOOP' },
    })
    await clock.advance(HOUR)
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'SESSION_REFRESH_LOOP' })
    expect(fake.refreshRequests()).toHaveLength(1)
  })

  it('the breaker stops a loop of rejected tokens after too many refreshes', async () => {
    const { session, received, fake } = rig({ breaker: { maxRefreshes: 3 } })
    await session.establish(received(3600), fake.server)

    for (let attempt = 0; attempt < 3; attempt += 1) {
      await session.refreshAfterRejection(await session.getAccessToken())
    }

    const loop = await session
      .refreshAfterRejection(await session.getAccessToken())
      .catch((error: unknown) => error)
    expect(errorCode(loop)).toBe('SESSION_REFRESH_LOOP')
    expect(fake.refreshRequests()).toHaveLength(4)
    expect(session.state().status).toBe('error')
  })

  it('never writes a token to the log', async () => {
    const { session, clock, received, fake, entries } = rig()
    await session.establish(received(3600), fake.server)
    clock.jump(2 * HOUR)
    await session.getAccessToken()
    fake.liveRefreshTokens.clear()
    await session.refreshAfterRejection('at-2').catch(() => undefined)

    expect(entries.length).toBeGreaterThan(0)
    expect(logsContainTokens(entries)).toBe(false)
  })
})
