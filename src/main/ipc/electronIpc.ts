import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'

import { INVOKE_CHANNELS, SEND_CHANNELS } from '../../shared/ipc/contract'
import type { Logger } from '../log/logger'
import { dispatchInvoke, dispatchSend, type InvokeHandlers, type SendHandlers } from './dispatch'
import type { EventHub } from './eventHub'
import type { SenderRegistry } from './senderRegistry'

/** What the Electron binding needs; `ipcMain` is passed in so this file stays testable. */
export interface ElectronIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>
  handlers: InvokeHandlers
  sendHandlers: SendHandlers
  events: EventHub
  senders: SenderRegistry
  logger: Logger
  /** True for the addresses our windows load: the packaged file URL, the development server. */
  isOwnUrl: (url: string) => boolean
}

/** What the app's start-up supplies; the entry adds Electron's IPC module itself. */
export type ElectronIpcWiring = Omit<ElectronIpcOptions, 'ipcMain'>

/** The contract bound to Electron IPC. */
export interface ElectronIpcBinding {
  /** Trusts one of our windows: its requests are answered and events reach it. */
  attach(webContents: WebContents): void
  /** Removes every handler and listener this binding added. */
  dispose(): void
}

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>

/**
 * Security-sensitive: the only place main decides who may call it. A request counts as ours
 * when it comes from the top frame of a window we attached, showing our own page; a
 * sub-frame, a navigated-away window or another webContents is answered IPC_FORBIDDEN_SENDER.
 * Re-check all three conditions before changing this.
 */
function senderIdOf(event: SenderEvent, isOwnUrl: (url: string) => boolean): number | undefined {
  const frame = event.senderFrame

  if (frame === null || frame.parent !== null || frame !== event.sender.mainFrame) {
    return undefined
  }

  return isOwnUrl(frame.url) ? event.sender.id : undefined
}

/** Binds every contract channel to `ipcMain`, and main's events to the attached windows. */
export function bindElectronIpc(options: ElectronIpcOptions): ElectronIpcBinding {
  const log = options.logger.child('ipc')
  const context = { senders: options.senders, logger: log }
  const windows = new Map<number, WebContents>()
  const sendListeners = new Map<string, (event: IpcMainEvent, payload: unknown) => void>()

  for (const channel of Object.keys(INVOKE_CHANNELS)) {
    options.ipcMain.handle(channel, (event, request: unknown) =>
      dispatchInvoke(
        options.handlers,
        { channel, request, senderId: senderIdOf(event, options.isOwnUrl) },
        context,
      ),
    )
  }

  for (const channel of Object.keys(SEND_CHANNELS)) {
    const listener = (event: IpcMainEvent, payload: unknown): void =>
      dispatchSend(
        options.sendHandlers,
        { channel, payload, senderId: senderIdOf(event, options.isOwnUrl) },
        context,
      )
    sendListeners.set(channel, listener)
    options.ipcMain.on(channel, listener)
  }

  const unsubscribe = options.events.subscribe((channel, payload) => {
    for (const [id, webContents] of windows) {
      if (webContents.isDestroyed()) {
        windows.delete(id)
        options.senders.unregister(id)
        continue
      }

      webContents.send(channel, payload)
    }
  })

  return {
    attach(webContents) {
      const id = webContents.id
      windows.set(id, webContents)
      options.senders.register(id)
      webContents.once('destroyed', () => {
        windows.delete(id)
        options.senders.unregister(id)
      })
    },
    dispose() {
      unsubscribe()

      for (const channel of Object.keys(INVOKE_CHANNELS)) {
        options.ipcMain.removeHandler(channel)
      }

      for (const [channel, listener] of sendListeners) {
        options.ipcMain.removeListener(channel, listener)
      }

      for (const id of windows.keys()) {
        options.senders.unregister(id)
      }

      windows.clear()
    },
  }
}
