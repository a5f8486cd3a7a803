import { describe, expect, it } from 'vitest'

import { createClockOffsetMonitor } from './clockOffset'
import { createManualClock } from '../platform/testing/manualClock'

describe('clock offset monitor', () => {
  it('keeps the latest server Date header offset, measured at the request midpoint', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1, 12, 0, 0))
    const monitor = createClockOffsetMonitor(clock)
    let serverDate = new Date(Date.UTC(2026, 0, 1, 12, 5, 0)).toUTCString()
    const fetch = monitor.wrap(async () => {
      clock.advance(2000)

      return new Response('{}', { headers: { date: serverDate } })
    })

    expect(monitor.latest()).toBeUndefined()
    await fetch('https://api.example.test/api/tasks?secret=1')

    expect(monitor.latest()).toEqual({
      offsetMs: 5 * 60 * 1000 - 1000,
      measuredAt: Date.UTC(2026, 0, 1, 12, 0, 2),
      origin: 'https://api.example.test',
    })

    serverDate = new Date(Date.UTC(2026, 0, 1, 11, 0, 0)).toUTCString()
    await fetch(new URL('https://clerk.example.test/oauth/token'))

    expect(monitor.latest()?.offsetMs).toBeLessThan(-60 * 60 * 1000 + 10_000)
    expect(monitor.latest()?.origin).toBe('https://clerk.example.test')
  })

  it('ignores responses without a usable Date header and passes them through', async () => {
    const clock = createManualClock()
    const monitor = createClockOffsetMonitor(clock)
    const response = new Response('ok', { headers: { date: 'yesterday' } })
    const fetch = monitor.wrap(async () => response)

    expect(await fetch('https://example.test')).toBe(response)
    expect(monitor.latest()).toBeUndefined()
  })
})
