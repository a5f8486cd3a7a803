import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import type { InvokeHandlers, SendHandlers } from './dispatch'
import { bindElectronIpc } from './electronIpc'
import { createEventHub } from './eventHub'
import { createSenderRegistry } from './senderRegistry'

type Listener = (...args: unknown[]) => unknown

function fakeIpcMain() {
  const handles = new Map<string, Listener>()
  const listeners = new Map<string, Listener>()

  return {
    handles,
    listeners,
    handle: (channel: string, listener: Listener) => handles.set(channel, listener),
    removeHandler: (channel: string) => handles.delete(channel),
    on: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  }
}

function fakeWebContents(id: number, url: string) {
  const sent: Array<[string, unknown]> = []
  const once = new Map<string, () => void>()
  const mainFrame = { url, parent: null }
  const webContents = {
    id,
    mainFrame,
    sent,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    once: (event: string, listener: () => void) => once.set(event, listener),
    destroy: () => once.get('destroyed')?.(),
  }

  return webContents
}

describe('bindElectronIpc', () => {
  const setup = () => {
    const ipcMain = fakeIpcMain()
    const events = createEventHub(createTestLogger().logger)
    const senders = createSenderRegistry()
    const handlers = new Proxy({} as InvokeHandlers, {
      get: () => async () => 'answer',
    })
    const sendHandlers = {} as SendHandlers
    const binding = bindElectronIpc({
      ipcMain: ipcMain as never,
      handlers,
      sendHandlers,
      events,
      senders,
      logger: createTestLogger().logger,
      isOwnUrl: (url) => url.startsWith('file:///app/'),
    })

    return { ipcMain, events, senders, binding }
  }

  it('answers the top frame of an attached window showing our page', async () => {
    const { ipcMain, binding } = setup()
    const window = fakeWebContents(3, 'file:///app/index.html')
    binding.attach(window as never)
    const handle = ipcMain.handles.get('sync:get-status')!

    expect(await handle({ sender: window, senderFrame: window.mainFrame }, undefined)).toEqual({
      ok: true,
      value: 'answer',
    })
  })

  it('refuses a sub-frame, a foreign page and an unattached window', async () => {
    const { ipcMain, binding } = setup()
    const window = fakeWebContents(3, 'file:///app/index.html')
    binding.attach(window as never)
    const handle = ipcMain.handles.get('sync:get-status')!
    const subFrame = { url: 'file:///app/index.html', parent: window.mainFrame }
    const foreign = fakeWebContents(3, 'https://evil.example/')
    const stranger = fakeWebContents(9, 'file:///app/index.html')

    for (const event of [
      { sender: window, senderFrame: subFrame },
      { sender: foreign, senderFrame: foreign.mainFrame },
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: window, senderFrame: null },
    ]) {
      expect(await handle(event, undefined)).toMatchObject({
        ok: false,
        error: { code: 'IPC_FORBIDDEN_SENDER' },
      })
    }
  })

  it('sends events to attached windows until they are destroyed, and unbinds on dispose', () => {
    const { ipcMain, events, senders, binding } = setup()
    const window = fakeWebContents(4, 'file:///app/index.html')
    binding.attach(window as never)
    events.emit('data:did-change', { collections: ['tasks'] })
    expect(window.sent).toEqual([['data:did-change', { collections: ['tasks'] }]])

    window.destroy()
    expect(senders.isTrusted(4)).toBe(false)
    events.emit('data:did-change', { collections: ['people'] })
    expect(window.sent).toHaveLength(1)

    binding.dispose()
    expect(ipcMain.handles.size).toBe(0)
    expect(ipcMain.listeners.size).toBe(0)
  })
})
