// Runs inside the harness page before its own scripts. It builds `window.mpath` with the real
// preload bridge, over functions the harness exposes through Playwright bindings in place of
// Electron's ipcRenderer. Events arrive through the dispatcher registered below.
import { createBridge } from '../../src/preload/bridge'
import type { InvokeEnvelope } from '../../src/shared/ipc/bridgeApi'

interface HarnessWindow {
  __mpathHarnessInvoke(channel: string, request: unknown): Promise<InvokeEnvelope<unknown>>
  __mpathHarnessSend(channel: string, payload: unknown): Promise<void>
  __mpathHarnessDispatch?: (channel: string, payload: unknown) => void
  mpath?: unknown
}

const page = window as unknown as HarnessWindow
const listeners = new Map<string, Set<(payload: unknown) => void>>()

page.__mpathHarnessDispatch = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) {
    listener(payload)
  }
}

const bridge = createBridge(
  (channel, request) => page.__mpathHarnessInvoke(channel, request),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set()
    set.add(listener)
    listeners.set(channel, set)

    return () => {
      set.delete(listener)
    }
  },
  (channel, payload) => {
    void page.__mpathHarnessSend(channel, payload)
  },
)

Object.defineProperty(window, 'mpath', { value: Object.freeze(bridge), writable: false })
