import { EventEmitter } from 'node:events'

import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createElectronNotifier, type NotificationClass } from './electronNotifier'

function fakeNotificationClass(isSupported = true) {
  const created: Array<EventEmitter & { options: Record<string, unknown>; isShown: boolean }> = []

  class FakeNotification extends EventEmitter {
    isShown = false

    constructor(readonly options: Record<string, unknown>) {
      super()
      created.push(this)
    }

    static isSupported = () => isSupported
    show() {
      this.isShown = true
    }
    close() {
      this.emit('close', {})
    }
  }

  return { Notification: FakeNotification as unknown as NotificationClass, created }
}

const REQUEST = {
  title: 'Prepare the demo',
  body: 'Due in 45 minutes',
  actions: [
    { id: 'open', label: 'Open' },
    { id: 'snooze:5', label: 'Snooze 5 min' },
    { id: 'done', label: 'Done' },
  ],
}

describe('createElectronNotifier', () => {
  it('shows buttons on macOS and Windows and reports which one was pressed', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { Notification, created } = fakeNotificationClass()
      const notifier = createElectronNotifier({
        Notification,
        platform,
        logger: createTestLogger().logger,
      })
      const pressed: string[] = []

      expect(notifier.supportsActions).toBe(true)
      notifier.show(REQUEST).onAction((id) => pressed.push(id))
      const shown = created[0]!
      expect(shown.isShown).toBe(true)
      expect(shown.options.actions).toEqual([
        { type: 'button', text: 'Open' },
        { type: 'button', text: 'Snooze 5 min' },
        { type: 'button', text: 'Done' },
      ])

      shown.emit('action', { actionIndex: 2 }, 2)
      shown.emit('click')
      expect(pressed).toEqual(['done', 'click'])
    }
  })

  it('shows no buttons on Linux, where a click stands for Open', () => {
    const { Notification, created } = fakeNotificationClass()
    const notifier = createElectronNotifier({
      Notification,
      platform: 'linux',
      logger: createTestLogger().logger,
    })
    const pressed: string[] = []

    expect(notifier.supportsActions).toBe(false)
    notifier.show(REQUEST).onAction((id) => pressed.push(id))
    expect(created[0]?.options.actions).toEqual([])
    created[0]?.emit('click')
    expect(pressed).toEqual(['click'])
  })

  it('shows nothing where the desktop has no notifications', () => {
    const { Notification, created } = fakeNotificationClass(false)
    const notifier = createElectronNotifier({
      Notification,
      platform: 'linux',
      logger: createTestLogger().logger,
    })

    notifier.show(REQUEST).close()
    expect(created).toEqual([])
  })
})
