import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { createTestLogger } from '../log/testing/testLogger'
import { createManualClock } from '../platform/testing/manualClock'
import {
  createPendingAuthorizationStore,
  DEFAULT_PENDING_TTL_MS,
  type PendingAuthorization,
  type PendingAuthorizationRequest,
} from './pendingAuthorization'
import { FAKE_ISSUER } from './testing/flowFakes'

const REQUEST: PendingAuthorizationRequest = {
  transport: 'scheme',
  redirectUri: 'mpath://oauth/callback',
  expectedIssuer: FAKE_ISSUER,
  issuerRequired: false,
  scopes: ['openid', 'offline_access', 'read:tasks'],
}

function setup(ttlMs?: number) {
  const clock = createManualClock()
  const { logger, entries } = createTestLogger()
  const store = createPendingAuthorizationStore({ clock, logger, ttlMs })

  return { clock, entries, store }
}

function callback(attempt: PendingAuthorization, params: Record<string, string | null> = {}): URL {
  const url = new URL(attempt.redirectUri)
  const values: Record<string, string | null> = {
    code: 'code-123',
    state: attempt.state,
    iss: attempt.expectedIssuer,
    ...params,
  }

  for (const [key, value] of Object.entries(values)) {
    if (value !== null) {
      url.searchParams.set(key, value)
    }
  }

  return url
}

async function outcomeOf(attempt: PendingAuthorization): Promise<string> {
  return attempt.settled.then(
    () => 'resolved',
    (error: { code: string }) => error.code,
  )
}

describe('pending authorization store', () => {
  it('creates PKCE, state and (with openid) a nonce for each attempt', () => {
    const { store, clock } = setup()
    const attempt = store.begin(REQUEST)
    const withoutOpenid = store.begin({ ...REQUEST, scopes: ['read:tasks'] })

    expect(attempt.state).toMatch(/^[\w-]{40,}$/)
    expect(attempt.codeVerifier).toMatch(/^[\w-]{43,128}$/)
    expect(attempt.nonce).toBeTruthy()
    expect(withoutOpenid.nonce).toBeUndefined()
    expect(withoutOpenid.state).not.toBe(attempt.state)
    expect(attempt.expiresAt - clock.now()).toBe(DEFAULT_PENDING_TTL_MS)
  })

  it('keeps one live attempt: starting again replaces and cancels the old one', async () => {
    const { store } = setup()
    const first = store.begin(REQUEST)
    const second = store.begin(REQUEST)

    expect(await outcomeOf(first)).toBe('AUTH_CANCELLED')
    expect(store.live()).toBe(second)
    expect(store.judge(callback(first), 'scheme')).toMatchObject({
      accepted: false,
      reason: 'state-mismatch',
    })
  })

  it('cancel ends the live attempt', async () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)

    expect(store.cancel()).toBe(true)
    expect(await outcomeOf(attempt)).toBe('AUTH_CANCELLED')
    expect(store.live()).toBeUndefined()
    expect(store.cancel()).toBe(false)
    expect(store.judge(callback(attempt), 'scheme')).toMatchObject({ reason: 'no-pending' })
  })

  it('expires after its time-to-live and then drops the late callback', async () => {
    const { store, clock } = setup(60_000)
    const attempt = store.begin(REQUEST)
    const expired: PendingAuthorization[] = []
    store.onDidExpire((ended) => expired.push(ended))

    clock.advance(59_999)
    expect(store.live()).toBe(attempt)
    clock.advance(1)

    expect(await outcomeOf(attempt)).toBe('AUTH_TIMEOUT')
    expect(expired).toEqual([attempt])
    expect(store.judge(callback(attempt), 'scheme')).toMatchObject({
      accepted: false,
      reason: 'no-pending',
    })
  })

  it('accepts a matching callback once; a replay is dropped as replayed', () => {
    const { store, entries } = setup()
    const attempt = store.begin(REQUEST)
    const url = callback(attempt)
    const first = store.judge(url, 'scheme')

    expect(first).toMatchObject({ accepted: true, attempt })
    expect(first.accepted && first.params.get('code')).toBe('code-123')
    expect(store.live()).toBeUndefined()
    expect(store.judge(url, 'scheme')).toMatchObject({ accepted: false, reason: 'replayed' })

    // A replay while a newer attempt is live is also named for what it is.
    store.begin(REQUEST)
    expect(store.judge(url, 'scheme')).toMatchObject({ accepted: false, reason: 'replayed' })
    expect(entries.filter((entry) => entry.context?.reason === 'replayed')).toHaveLength(2)
  })

  it('drops a forged state and keeps the real attempt live', () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)

    expect(store.judge(callback(attempt, { state: 'forged-state' }), 'scheme')).toMatchObject({
      accepted: false,
      reason: 'state-mismatch',
    })
    expect(store.judge(callback(attempt, { state: null }), 'scheme')).toMatchObject({
      reason: 'state-mismatch',
    })
    expect(store.live()).toBe(attempt)
    expect(store.judge(callback(attempt), 'scheme').accepted).toBe(true)
  })

  it('drops a callback when none is live (stale)', () => {
    const { store } = setup()

    expect(store.judge(new URL('mpath://oauth/callback?code=x&state=y'), 'scheme')).toMatchObject({
      accepted: false,
      reason: 'no-pending',
    })
  })

  it('drops a callback for another redirect endpoint', () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)
    const url = new URL(`http://127.0.0.1:7073/oauth/callback?code=x&state=${attempt.state}`)

    expect(store.judge(url, 'loopback')).toMatchObject({ reason: 'redirect-mismatch' })
  })

  it('drops a wrong iss (RFC 9207), and a missing iss when the server promised it', () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)

    expect(
      store.judge(callback(attempt, { iss: 'https://evil.example.test' }), 'scheme'),
    ).toMatchObject({ accepted: false, reason: 'issuer-mismatch', attempt })

    // Without the promise, a missing iss is fine.
    expect(store.judge(callback(attempt, { iss: null }), 'scheme').accepted).toBe(true)

    const strict = store.begin({ ...REQUEST, issuerRequired: true })

    expect(store.judge(callback(strict, { iss: null }), 'scheme')).toMatchObject({
      accepted: false,
      reason: 'issuer-missing',
    })
    expect(store.judge(callback(strict), 'scheme').accepted).toBe(true)
  })

  it('drops a callback with neither code nor error', () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)

    expect(store.judge(callback(attempt, { code: null }), 'paste')).toMatchObject({
      reason: 'no-code',
    })
    expect(
      store.judge(callback(attempt, { code: null, error: 'access_denied' }), 'paste'),
    ).toMatchObject({
      accepted: true,
    })
  })

  it('never logs the state or the code of a dropped callback', () => {
    const { store, entries } = setup()
    const attempt = store.begin(REQUEST)
    store.judge(
      callback(attempt, { state: 'forged-state-value', code: 'secret-code-value' }),
      'scheme',
    )
    const logged = JSON.stringify(entries)

    expect(logged).toContain('state-mismatch')
    expect(logged).not.toContain('forged-state-value')
    expect(logged).not.toContain('secret-code-value')
    expect(logged).not.toContain(attempt.state)
  })

  it('settles a consumed attempt exactly once', async () => {
    const { store } = setup()
    const attempt = store.begin(REQUEST)
    store.judge(callback(attempt), 'scheme')
    store.settle(attempt)
    store.settle(attempt, new AppError('INTERNAL', 'x'))

    expect(await outcomeOf(attempt)).toBe('resolved')
  })
})
