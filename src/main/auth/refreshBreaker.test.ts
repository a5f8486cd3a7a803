import { describe, expect, it } from 'vitest'

import { createSettlingClock } from '../platform/testing/manualClock'
import { createRefreshBreaker } from './refreshBreaker'

describe('createRefreshBreaker', () => {
  it('opens on the refresh that exceeds the limit inside the window', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 3, windowSeconds: 10 })

    expect([breaker.recordRefresh(), breaker.recordRefresh(), breaker.recordRefresh()]).toEqual([
      false,
      false,
      false,
    ])
    expect(breaker.recordRefresh()).toBe(true)
    expect(breaker.isOpen()).toBe(true)
  })

  it('forgets refreshes older than the window', () => {
    const clock = createSettlingClock()
    const breaker = createRefreshBreaker({ clock, maxRefreshes: 2, windowSeconds: 10 })

    for (let count = 0; count < 20; count += 1) {
      expect(breaker.recordRefresh()).toBe(false)
      clock.jump(5_001)
    }
  })

  it('trips at once and closes again on reset', () => {
    const breaker = createRefreshBreaker({ clock: createSettlingClock() })
    breaker.trip()
    expect(breaker.isOpen()).toBe(true)

    breaker.reset()
    expect(breaker.isOpen()).toBe(false)
    expect(breaker.recordRefresh()).toBe(false)
  })
})
