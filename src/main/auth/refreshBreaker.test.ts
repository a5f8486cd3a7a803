import { describe, expect, it } from 'vitest'

import { createSettlingClock } from '../platform/testing/manualClock'
import { createRefreshBreaker, type RefreshBreaker } from './refreshBreaker'

/** Records a refresh now that replaces a token received at `receivedAt` lasting `lifetime`. */
function refreshNow(
  breaker: RefreshBreaker,
  now: number,
  replaced: { receivedAt: number; lifetime: number },
  newLifetime = replaced.lifetime,
): boolean {
  return breaker.recordRefresh({
    previousReceivedAt: replaced.receivedAt,
    previousExpiresAt: replaced.receivedAt + replaced.lifetime,
    expiresAt: now + newLifetime,
  })
}

describe('createRefreshBreaker', () => {
  it('opens on the early refresh in a row that exceeds the limit', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 3 })
    const replaced = { receivedAt: clock.now(), lifetime: 3_600_000 }

    expect([1, 2, 3].map(() => refreshNow(breaker, clock.now(), replaced))).toEqual([
      false,
      false,
      false,
    ])
    expect(refreshNow(breaker, clock.now(), replaced)).toBe(true)
    expect(breaker.isOpen()).toBe(true)
  })

  it('never opens for 5-second tokens renewed on time for three minutes', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock })
    let receivedAt = clock.now()

    for (let elapsed = 0; elapsed < 180_000; elapsed += 4_500) {
      clock.jump(4_500)
      expect(refreshNow(breaker, clock.now(), { receivedAt, lifetime: 5_000 })).toBe(false)
      receivedAt = clock.now()
    }

    expect(breaker.isOpen()).toBe(false)
  })

  it('forgets early refreshes once one comes at the expected cadence', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 2 })

    for (let round = 0; round < 10; round += 1) {
      const receivedAt = clock.now()
      expect(refreshNow(breaker, clock.now(), { receivedAt, lifetime: 60_000 })).toBe(false)
      expect(refreshNow(breaker, clock.now(), { receivedAt, lifetime: 60_000 })).toBe(false)
      clock.jump(54_000)
      expect(refreshNow(breaker, clock.now(), { receivedAt, lifetime: 60_000 })).toBe(false)
    }
  })

  it('counts refreshes under a second apart as early even for tiny lifetimes', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 3 })
    const outcomes: boolean[] = []

    for (let count = 0; count < 4; count += 1) {
      const receivedAt = clock.now()
      clock.jump(900)
      outcomes.push(refreshNow(breaker, clock.now(), { receivedAt, lifetime: 1_000 }))
    }

    expect(outcomes).toEqual([false, false, false, true])
  })

  it('opens at once on a token that is already expired or lasts under a second', () => {
    const clock = createSettlingClock()
    const expired = createRefreshBreaker({ clock })
    const fleeting = createRefreshBreaker({ clock })
    const replaced = { receivedAt: clock.now() - 3_600_000, lifetime: 3_600_000 }

    expect(refreshNow(expired, clock.now(), replaced, 0)).toBe(true)
    expect(refreshNow(fleeting, clock.now(), replaced, 500)).toBe(true)
  })

  it('does not count the first refresh of a restored session, which replaces no token', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 0 })

    expect(refreshNow(breaker, clock.now(), { receivedAt: 0, lifetime: 0 }, 5_000)).toBe(false)
  })

  it('trips at once and closes again on reset', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock })
    breaker.trip()
    expect(breaker.isOpen()).toBe(true)

    breaker.reset()
    expect(breaker.isOpen()).toBe(false)
    expect(refreshNow(breaker, clock.now(), { receivedAt: clock.now(), lifetime: 60_000 })).toBe(
      false,
    )
  })
})
