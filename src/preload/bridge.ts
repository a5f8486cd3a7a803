import type { MpathApi } from '../shared/ipc/bridgeApi'
import { bridgePath } from '../shared/ipc/bridgeApi'
import type { InvokeEnvelope } from '../shared/ipc/bridgeApi'
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS } from '../shared/ipc/contract'

/** Sends a request to main and resolves with its envelope. */
export type InvokeFunction = (channel: string, request: unknown) => Promise<InvokeEnvelope<unknown>>

/** Listens to a main event; returns the function that stops listening. */
export type SubscribeFunction = (
  channel: string,
  listener: (payload: unknown) => void,
) => () => void

/** Sends a one-way message to main. */
export type SendFunction = (channel: string, payload: unknown) => void

/**
 * Builds `window.mpath` from three transport functions and nothing else, so the same bridge
 * runs over Electron IPC and over the desktop harness's binding. Only channels of the contract
 * become methods; an error envelope becomes a rejection with plain `{ code, message }` data
 * (plain data survives contextBridge; Error subclasses lose their fields).
 */
export function createBridge(
  invoke: InvokeFunction,
  subscribe: SubscribeFunction,
  send: SendFunction,
): MpathApi {
  const api: Record<string, Record<string, unknown>> = {}

  const place = (path: [string, string], method: unknown): void => {
    const [area, name] = path
    api[area] ??= {}
    api[area][name] = method
  }

  for (const channel of Object.keys(INVOKE_CHANNELS)) {
    place(bridgePath(channel, 'invoke'), async (request?: unknown) => {
      const envelope = await invoke(channel, request)

      if (!envelope.ok) {
        throw { ...envelope.error }
      }

      return envelope.value
    })
  }

  for (const channel of Object.keys(SEND_CHANNELS)) {
    place(bridgePath(channel, 'send'), (payload?: unknown) => send(channel, payload))
  }

  for (const channel of Object.keys(EVENT_CHANNELS)) {
    place(bridgePath(channel, 'event'), (listener: (payload: unknown) => void) =>
      subscribe(channel, listener),
    )
  }

  return api as unknown as MpathApi
}
