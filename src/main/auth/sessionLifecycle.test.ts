import { describe, expect, it } from 'vitest'

import type { SessionState } from '../../shared/auth/sessionState'
import { createTestCipher } from '../vault/testing/testCipher'
import { settle } from '../platform/testing/manualClock'
import { logsContainTokens, trackSessionRigs } from './testing/sessionFakes'

const HOUR = 3600 * 1000
const rig = trackSessionRigs()

describe('session: restore at start-up', () => {
  it('stays signed out without a sealed session and does not discover', async () => {
    const { session, discoveries } = rig()

    await expect(session.restore()).resolves.toEqual({ status: 'signed-out' })
    expect(discoveries).toHaveLength(0)
  })

  it('opens the sealed refresh token, discovers and refreshes to get an access token', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    first.session.dispose()

    const { session, fake, discoveries } = rig({
      fake: first.fake,
      store: first.store,
      cipher: first.cipher,
    })
    const changes: SessionState[] = []
    session.onDidChange((state) => changes.push(state))

    const state = await session.restore()

    expect(discoveries).toEqual([fake.profile])
    expect(state).toMatchObject({
      status: 'signed-in',
      user: { subject: 'user_1', name: 'Ada Lovelace' },
      persistence: 'persistent',
    })
    expect(changes.map((change) => change.status)).toEqual(['restoring', 'signed-in'])
    expect(changes[0]).toEqual({
      status: 'restoring',
      user: { subject: 'user_1', name: 'Ada Lovelace', email: 'ada@example.test' },
    })
    expect(changes.at(-1)).toEqual(state)
    await expect(session.getAccessToken()).resolves.toBe('at-2')
  })

  it('S15: an undecryptable sealed value: signed out with the reason, removed alone', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    await first.vault.seal('unrelated', 'kept', { sensitivity: 'secret' })
    first.session.dispose()
    first.cipher.resetKeys()

    const { session, store, entries, fake } = rig({
      fake: first.fake,
      store: first.store,
      cipher: first.cipher,
    })
    const state = await session.restore()

    expect(state).toEqual({
      status: 'signed-out',
      reason: {
        code: 'VAULT_DECRYPT_FAILED',
        message: 'Your saved sign-in could not be read on this computer, so it was removed.',
        action: 'Sign in again.',
      },
    })
    expect([...store.data.keys()].some((key) => key.includes('auth-session'))).toBe(false)
    expect([...store.data.keys()].some((key) => key.includes('unrelated'))).toBe(true)
    expect(fake.refreshRequests()).toHaveLength(0)
    expect(logsContainTokens(entries)).toBe(false)
  })

  it('ends with SESSION_EXPIRED when the server no longer knows the sealed token', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    first.session.dispose()
    first.fake.liveRefreshTokens.clear()

    const { session, store } = rig({ fake: first.fake, store: first.store, cipher: first.cipher })

    await expect(session.restore()).resolves.toMatchObject({
      status: 'signed-out',
      reason: { code: 'SESSION_EXPIRED' },
    })
    expect(store.data.size).toBe(0)
  })

  it('offline at start-up: keeps the sealed token, stays signed in offline, retries', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    first.session.dispose()
    first.fake.refreshHandler = () => {
      throw new TypeError('fetch failed')
    }

    const { session, store, fake, clock } = rig({
      fake: first.fake,
      store: first.store,
      cipher: first.cipher,
    })
    const changes: SessionState[] = []
    session.onDidChange((state) => changes.push(state))

    await expect(session.restore()).resolves.toMatchObject({
      status: 'restoring',
      user: { subject: 'user_1', name: 'Ada Lovelace' },
      offline: { code: 'NETWORK_OFFLINE' },
    })
    expect(store.data.size).toBe(1)
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'NETWORK_OFFLINE' })

    // The failed retry keeps the offline state as it was: no flicker, no sign-in prompt.
    await clock.advance(2_000)
    expect(changes.map((change) => change.status)).toEqual(['restoring', 'restoring'])
    expect(session.state()).toMatchObject({ status: 'restoring', offline: {} })

    fake.refreshHandler = undefined
    await clock.advance(4_000)
    expect(session.state().status).toBe('signed-in')
    expect(changes.map((change) => change.status)).toEqual(['restoring', 'restoring', 'signed-in'])
    await expect(session.getAccessToken()).resolves.toMatch(/^at-/)
  })

  it('discovery fails at start-up: stays signed in offline, then restores', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    first.session.dispose()
    let isOnline = false
    const { session, store } = rig({
      fake: first.fake,
      store: first.store,
      cipher: first.cipher,
      isServerReachable: () => isOnline,
    })

    await expect(session.restore()).resolves.toMatchObject({
      status: 'restoring',
      offline: { code: 'NETWORK_OFFLINE' },
    })
    expect(store.data.size).toBe(1)

    isOnline = true
    await session.checkNow()
    expect(session.state().status).toBe('signed-in')
    await expect(session.getAccessToken()).resolves.toMatch(/^at-/)
  })

  it('drops a sealed session that belongs to another connection', async () => {
    const first = rig()
    await first.session.establish(first.received(3600), first.fake.server)
    first.session.dispose()
    first.fake.profile.clientId = 'another-client'

    const { session, store } = rig({ fake: first.fake, store: first.store, cipher: first.cipher })

    await expect(session.restore()).resolves.toEqual({ status: 'signed-out' })
    expect(store.data.size).toBe(0)
  })
})

describe('session: storage honesty (S12–S14)', () => {
  it('S14: a weak backend keeps the sign-in for this run only and persists nothing', async () => {
    const cipher = createTestCipher({ backend: 'basic_text' })
    const { session, received, fake, store } = rig({ cipher })
    await session.establish(received(3600), fake.server)

    expect(session.state()).toMatchObject({ status: 'signed-in', persistence: 'session-only' })
    expect(store.data.size).toBe(0)

    const restarted = rig({ fake, store, cipher })
    await expect(restarted.session.restore()).resolves.toEqual({ status: 'signed-out' })
  })

  it('S14: with the person’s consent a weak backend persists the refresh token', async () => {
    const cipher = createTestCipher({ backend: 'basic_text' })
    const { session, received, fake } = rig({ cipher, allowWeakPersistence: true })
    await session.establish(received(3600), fake.server)

    expect(session.state()).toMatchObject({ persistence: 'persistent' })
  })

  it('S12: no keyring at all still signs in, session-only, nothing on disk', async () => {
    const cipher = createTestCipher({ backend: 'gnome_libsecret', available: false })
    const { session, received, fake, store, clock } = rig({ cipher })
    await session.establish(received(3600), fake.server)

    expect(session.state()).toMatchObject({ status: 'signed-in', persistence: 'session-only' })
    expect(store.data.size).toBe(0)

    // The refresh token held in memory still renews the session during this run.
    clock.jump(2 * HOUR)
    await expect(session.getAccessToken()).resolves.toBe('at-2')
    expect(store.data.size).toBe(0)
  })

  it('S13: a keyring that throws on encrypt leaves no half-saved account', async () => {
    const cipher = createTestCipher({ backend: 'gnome_libsecret' })
    cipher.setEncryptFails(true)
    const { session, received, fake, store } = rig({ cipher })
    await session.establish(received(3600), fake.server)

    expect(session.state()).toMatchObject({ status: 'signed-in', persistence: 'session-only' })
    expect(store.data.size).toBe(0)
  })
})

describe('session: sign-out (RFC 7009)', () => {
  it('revokes the refresh token, removes the sealed entry and clears timers', async () => {
    const { session, received, fake, store, clock } = rig()
    const ended: unknown[] = []
    session.onDidSignOut((event) => ended.push(event))
    await session.establish(received(3600), fake.server)

    await expect(session.signOut()).resolves.toEqual({ revoked: true })

    const revocation = fake.requests.find((request) => request.path === '/oauth/token/revoke')
    expect(revocation?.body.get('token')).toBe('rt-1')
    expect(revocation?.body.get('token_type_hint')).toBe('refresh_token')
    expect(fake.liveRefreshTokens.has('rt-1')).toBe(false)
    expect(session.state()).toEqual({ status: 'signed-out' })
    expect(store.data.size).toBe(0)
    expect(clock.pendingTimers()).toBe(0)
    expect(ended).toEqual([{}])
    await expect(session.getAccessToken()).rejects.toMatchObject({ code: 'SESSION_SIGNED_OUT' })
  })

  it('a refused revocation never blocks the local sign-out, and says so plainly', async () => {
    const { session, received, fake, store } = rig()
    fake.revocationHandler = () =>
      new Response(JSON.stringify({ error: 'invalid_client' }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      })
    await session.establish(received(3600), fake.server)

    const result = await session.signOut()

    expect(result.revoked).toBe(false)
    expect(result.message).toMatch(
      /^Signed out on this computer, but the server could not revoke the token: .*invalid_client/,
    )
    expect(result.error?.code).toBe('REVOCATION_FAILED')
    expect(session.state()).toEqual({ status: 'signed-out' })
    expect(store.data.size).toBe(0)
  })

  it('an unreachable server or no revocation endpoint still signs out locally', async () => {
    const { session, received, fake, store } = rig()
    fake.revocationHandler = () => {
      throw new TypeError('fetch failed')
    }
    await session.establish(received(3600), fake.server)

    await expect(session.signOut()).resolves.toMatchObject({
      revoked: false,
      message: expect.stringContaining('could not be reached'),
    })
    expect(store.data.size).toBe(0)

    const other = rig({ fake: undefined })
    other.fake.server.supportsRevocation = false
    await other.session.establish(other.received(3600), other.fake.server)
    await expect(other.session.signOut()).resolves.toMatchObject({
      revoked: false,
      message: expect.stringContaining('does not offer token revocation'),
    })
  })

  it('revokes the newest refresh token when a refresh was in flight', async () => {
    const { session, received, fake, store, clock } = rig()
    await session.establish(received(3600), fake.server)
    clock.jump(2 * HOUR)
    const held = fake.hold()
    const waiting = session.getAccessToken().catch((error: unknown) => error)
    await settle()

    const signingOut = session.signOut()
    expect(session.state()).toEqual({ status: 'signed-out' })
    held.release()

    await expect(signingOut).resolves.toEqual({ revoked: true })
    await expect(waiting).resolves.toMatchObject({ code: 'SESSION_SIGNED_OUT' })
    expect(fake.liveRefreshTokens.size).toBe(0)
    expect(store.data.size).toBe(0)
  })
})

describe('session: resume, short sessions, userinfo', () => {
  it('checkNow refreshes at once after sleep, and not before it is due', async () => {
    const { session, received, fake, clock } = rig()
    await session.establish(received(3600), fake.server)

    await session.checkNow()
    expect(fake.refreshRequests()).toHaveLength(0)

    clock.jump(HOUR - 10_000)
    await session.checkNow()
    expect(fake.refreshRequests()).toHaveLength(1)
    expect(session.state()).toMatchObject({ status: 'signed-in' })
  })

  it('without a refresh token the session ends when the access token does', async () => {
    const { session, received, fake, clock } = rig()
    const tokens = received(600, { refreshToken: undefined })
    await session.establish(tokens, fake.server)

    expect(session.state()).toMatchObject({ persistence: 'session-only' })
    await clock.advance(599_000)
    await expect(session.getAccessToken()).resolves.toBe(tokens.accessToken)

    await clock.advance(1_000)
    expect(session.state()).toMatchObject({
      status: 'signed-out',
      reason: { code: 'SESSION_EXPIRED' },
    })
    expect(fake.refreshRequests()).toHaveLength(0)
  })

  it('asks userinfo who signed in when there are no ID token claims', async () => {
    const { session, received, fake } = rig()
    await session.establish(received(3600, { idTokenClaims: undefined }), fake.server)

    expect(session.state()).toMatchObject({
      user: { subject: 'user_1', name: 'Ada Lovelace', email: 'ada@example.test' },
    })
    expect(fake.requests.find((request) => request.path === '/oauth/userinfo')?.authorization).toBe(
      'Bearer at-1',
    )
  })
})
