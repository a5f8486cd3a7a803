import { describe, expect, it } from 'vitest'

import { backoffDelay, refreshDueAt } from './sessionPolicy'

describe('refreshDueAt', () => {
  it('uses the full margin for long tokens and a tenth of the life for short ones', () => {
    expect(refreshDueAt(0, 86_400_000)).toBe(86_400_000 - 60_000)
    expect(refreshDueAt(0, 5_000)).toBe(4_500)
    expect(refreshDueAt(1_000, 1_000)).toBe(1_000)
  })

  it('never schedules after expiry, even for a token that arrived expired', () => {
    expect(refreshDueAt(10_000, 5_000)).toBe(5_000)
    expect(refreshDueAt(0, 600_000, 0)).toBe(600_000)
  })
})

describe('backoffDelay', () => {
  it('doubles from two seconds and stops at five minutes', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ])
    expect(backoffDelay(20)).toBe(300_000)
    expect(backoffDelay(3, { initialSeconds: 1, maxSeconds: 3 })).toBe(3_000)
  })
})
