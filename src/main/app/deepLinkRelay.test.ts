import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createDeepLinkIntake, type DeepLinkDelivery } from './deepLinkIntake'
import { createDeepLinkRelay } from './deepLinkRelay'

function intake() {
  const target = createDeepLinkIntake({ logger: createTestLogger().logger })
  const deliveries: DeepLinkDelivery[] = []
  target.onDidReceive((delivery) => deliveries.push(delivery))
  target.markReady()

  return { target, deliveries }
}

describe('createDeepLinkRelay', () => {
  it('holds links until connected, then passes them on unread', () => {
    const relay = createDeepLinkRelay()
    relay.accept('mpath://tasks/t1', 'open-url')
    relay.acceptArgv(['app', 'mpath://people/p1'], 'linux', 'argv')
    relay.accept('not a link', 'open-url')
    expect(relay.heldCount()).toBe(3)

    const { target, deliveries } = intake()
    relay.connect(target)
    expect(deliveries.map((delivery) => delivery.source)).toEqual(['open-url', 'argv'])
    relay.accept('mpath://tasks/t2', 'open-url')
    expect(deliveries).toHaveLength(3)
  })

  it('holds links again while paused', () => {
    const relay = createDeepLinkRelay()
    const { target, deliveries } = intake()
    relay.connect(target)
    relay.pause()
    relay.accept('mpath://tasks/t1', 'open-url')
    expect(deliveries).toHaveLength(0)
    relay.resume()
    expect(deliveries).toHaveLength(1)
  })

  it('holds a bounded number of inputs', () => {
    const relay = createDeepLinkRelay()

    for (let index = 0; index < 100; index += 1) {
      relay.accept(`mpath://tasks/t${index}`, 'open-url')
    }

    expect(relay.heldCount()).toBe(16)
  })
})
