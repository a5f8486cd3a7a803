import { EventEmitter } from 'node:events'

import type { App } from 'electron'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createDeepLinkIntake, type DeepLinkDelivery } from './deepLinkIntake'
import { bindDeepLinkSources, type DeepLinkEventSource } from './deepLinkSources'

const CALLBACK = 'mpath://oauth/callback?code=C&state=S'

function setup(argv: string[], platform: NodeJS.Platform) {
  const app = new EventEmitter()
  const intake = createDeepLinkIntake({
    logger: createTestLogger().logger,
    clock: { now: () => 0 },
  })
  const deliveries: DeepLinkDelivery[] = []
  const onSecondInstance = vi.fn()
  intake.onDidReceive((delivery) => deliveries.push(delivery))
  bindDeepLinkSources({ app: app as DeepLinkEventSource, intake, argv, platform, onSecondInstance })

  return { app, intake, deliveries, onSecondInstance }
}

describe('bindDeepLinkSources', () => {
  it("accepts Electron's app as it is typed", () => {
    expectTypeOf<App>().toExtend<DeepLinkEventSource>()
  })

  it('S5: takes the cold-start link from argv, delivered after ready', () => {
    const { intake, deliveries } = setup(
      ['mpath.exe', '--protocol-launcher', '--', CALLBACK],
      'win32',
    )
    expect(deliveries).toEqual([])
    intake.markReady()
    expect(deliveries.map((delivery) => delivery.source)).toEqual(['argv'])
  })

  it('S6: takes open-url before ready and keeps the OS from handling it', () => {
    const { app, intake, deliveries } = setup(
      ['/Applications/mpath.app/Contents/MacOS/mpath'],
      'darwin',
    )
    const preventDefault = vi.fn()
    app.emit('open-url', { preventDefault }, CALLBACK)
    expect(preventDefault).toHaveBeenCalled()
    intake.markReady()
    expect(deliveries.map((delivery) => delivery.source)).toEqual(['open-url'])
  })

  it('S8: takes second-instance argv and asks for the window', () => {
    const { app, intake, deliveries, onSecondInstance } = setup(['/opt/mpath/mpath'], 'linux')
    app.emit('second-instance', {}, ['/opt/mpath/mpath', CALLBACK], '/home/u')
    expect(onSecondInstance).toHaveBeenCalled()
    intake.markReady()
    expect(deliveries.map((delivery) => delivery.source)).toEqual(['second-instance'])
  })
})
