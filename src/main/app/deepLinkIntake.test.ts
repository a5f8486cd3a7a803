import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createDeepLinkIntake, type DeepLinkDelivery } from './deepLinkIntake'

const CALLBACK = 'mpath://oauth/callback?code=C0DE&state=ST4TE'

function setup(options: { duplicateWindowMs?: number; maxPending?: number } = {}) {
  const { logger, entries } = createTestLogger()
  const time = { now: 1_000 }
  const intake = createDeepLinkIntake({ logger, clock: { now: () => time.now }, ...options })
  const deliveries: DeepLinkDelivery[] = []
  const logText = () => JSON.stringify(entries)

  return { intake, deliveries, time, entries, logText }
}

describe('S6: a link that arrives before ready', () => {
  it('is queued and delivered exactly once after ready', () => {
    const { intake, deliveries } = setup()
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.accept(CALLBACK, 'open-url')
    expect(deliveries).toEqual([])
    expect(intake.pendingCount()).toBe(1)

    intake.markReady()
    intake.markReady()
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ source: 'open-url', receivedAt: 1_000 })
    expect(deliveries[0]?.link.kind).toBe('oauth-callback')
    expect(intake.pendingCount()).toBe(0)
  })

  it('waits for a handler when ready comes first', () => {
    const { intake, deliveries } = setup()
    intake.markReady()
    intake.accept('mpath://tasks/t1', 'argv')
    expect(intake.pendingCount()).toBe(1)
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    expect(deliveries.map((delivery) => delivery.link)).toEqual([
      { kind: 'open', target: 'tasks', id: 't1' },
    ])
  })

  it('keeps the order of arrival', () => {
    const { intake, deliveries } = setup()
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.accept('mpath://tasks/t1', 'argv')
    intake.accept('mpath://people/p1', 'open-url')
    intake.markReady()
    expect(deliveries.map((delivery) => delivery.source)).toEqual(['argv', 'open-url'])
  })
})

describe('S7: accepting before ready only enqueues', () => {
  it('never calls a handler that needs ready APIs, and never throws', () => {
    const { intake } = setup()
    const needsReady = vi.fn(() => {
      throw new Error('session is not available before ready')
    })
    intake.onDidReceive(needsReady)
    expect(() => intake.accept(CALLBACK, 'open-url')).not.toThrow()
    expect(needsReady).not.toHaveBeenCalled()
    expect(intake.pendingCount()).toBe(1)
  })

  it('survives a handler that throws after ready and still delivers the rest', () => {
    const { intake, deliveries, entries } = setup()
    intake.onDidReceive(() => {
      throw new Error('boom')
    })
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.accept('mpath://tasks/t1', 'argv')
    intake.accept('mpath://tasks/t2', 'argv')
    expect(() => intake.markReady()).not.toThrow()
    expect(deliveries).toHaveLength(2)
    expect(entries.filter((entry) => entry.message.includes('A link handler failed'))).toHaveLength(
      2,
    )
  })

  it('never throws on input that is not even text', () => {
    const { intake } = setup()
    expect(() => intake.accept(undefined as unknown as string, 'open-url')).not.toThrow()
    expect(() => intake.acceptArgv(null as unknown as string[], 'linux', 'argv')).not.toThrow()
  })
})

describe('S8: second-instance while no window exists', () => {
  it('queues the link from argv and delivers it once the window is ready', () => {
    const { intake, deliveries } = setup()
    intake.acceptArgv(['/opt/mpath/mpath', CALLBACK], 'linux', 'second-instance')
    intake.markReady()
    expect(deliveries).toEqual([])
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]?.source).toBe('second-instance')
  })

  it('delivers once the same link that came through argv and an event', () => {
    const { intake, deliveries, time } = setup()
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.acceptArgv(['mpath.exe', '--protocol-launcher', '--', CALLBACK], 'win32', 'argv')
    time.now += 2_000
    intake.accept(CALLBACK, 'second-instance')
    intake.markReady()
    time.now += 1_000
    intake.accept(CALLBACK, 'open-url')
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]?.source).toBe('argv')
  })

  it('delivers the same link again after the window has passed', () => {
    const { intake, deliveries, time } = setup({ duplicateWindowMs: 5_000 })
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.markReady()
    intake.accept('mpath://tasks/t1', 'open-url')
    time.now += 5_000
    intake.accept('mpath://tasks/t1', 'open-url')
    expect(deliveries).toHaveLength(2)
  })
})

describe('invalid and excess links', () => {
  it('drops an invalid link with a logged reason that never shows its query', () => {
    const { intake, deliveries, logText } = setup()
    intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.markReady()
    intake.accept('mpath://oauth:99/callback?code=C0DE&state=ST4TE', 'open-url')
    expect(deliveries).toEqual([])
    expect(logText()).toContain('Dropped a link')
    expect(logText()).toContain('the link must not name a port')
    expect(logText()).not.toContain('C0DE')
    expect(logText()).not.toContain('ST4TE')
  })

  it('logs a refused command line with its reason (S11)', () => {
    const { intake, logText } = setup()
    intake.acceptArgv(
      ['mpath.exe', '--protocol-launcher', '--', 'mpath://x" --inspect=9229 "'],
      'win32',
      'argv',
    )
    expect(intake.pendingCount()).toBe(0)
    expect(logText()).toContain('Refused links from a command line')
  })

  it('holds at most maxPending links before ready', () => {
    const { intake } = setup({ maxPending: 2 })
    intake.accept('mpath://tasks/t1', 'argv')
    intake.accept('mpath://tasks/t2', 'argv')
    intake.accept('mpath://tasks/t3', 'argv')
    expect(intake.pendingCount()).toBe(2)
  })

  it('never logs a callback query when it queues one', () => {
    const { intake, logText } = setup()
    intake.accept(CALLBACK, 'harness')
    expect(logText()).toContain('mpath://oauth/callback?[redacted]')
    expect(logText()).not.toContain('C0DE')
  })

  it('stops delivering to an unsubscribed handler', () => {
    const { intake, deliveries } = setup()
    const unsubscribe = intake.onDidReceive((delivery) => deliveries.push(delivery))
    intake.markReady()
    unsubscribe()
    intake.accept('mpath://tasks/t1', 'argv')
    expect(deliveries).toEqual([])
    expect(intake.pendingCount()).toBe(1)
  })
})
