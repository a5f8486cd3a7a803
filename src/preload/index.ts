import { contextBridge, ipcRenderer } from 'electron'

import type { InvokeEnvelope } from '../shared/ipc/bridgeApi'
import { isEventChannel, isInvokeChannel, isSendChannel } from '../shared/ipc/contract'
import { createBridge } from './bridge'

// The preload refuses any channel outside the contract, as main does: a compromised page
// cannot reach an undeclared channel through this bridge.
const bridge = createBridge(
  (channel, request) => {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve<InvokeEnvelope<unknown>>({
        ok: false,
        error: { code: 'IPC_UNKNOWN_CHANNEL', message: 'That request is not available.' },
      })
    }

    return ipcRenderer.invoke(channel, request) as Promise<InvokeEnvelope<unknown>>
  },
  (channel, listener) => {
    if (!isEventChannel(channel)) {
      return () => undefined
    }

    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, forward)

    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
  (channel, payload) => {
    if (isSendChannel(channel)) {
      ipcRenderer.send(channel, payload)
    }
  },
)

contextBridge.exposeInMainWorld('mpath', bridge)
