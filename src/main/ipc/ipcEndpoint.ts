import type { InvokeEnvelope } from '../../shared/ipc/bridgeApi'
import type { Logger } from '../log/logger'
import {
  dispatchInvoke,
  dispatchSend,
  type IncomingMessage,
  type InvokeHandlers,
  type SendHandlers,
} from './dispatch'
import type { SenderRegistry } from './senderRegistry'

/**
 * The contract as two functions any transport can call: the Electron binding and the desktop
 * harness's Playwright binding both end here, so both get the same checks.
 */
export interface IpcEndpoint {
  invoke(message: IncomingMessage): Promise<InvokeEnvelope<unknown>>
  send(message: { channel: unknown; payload: unknown; senderId: unknown }): void
}

/** Builds the {@link IpcEndpoint}. */
export function createIpcEndpoint(options: {
  handlers: InvokeHandlers
  sendHandlers: SendHandlers
  senders: SenderRegistry
  logger: Logger
}): IpcEndpoint {
  const context = { senders: options.senders, logger: options.logger.child('ipc') }

  return {
    invoke: (message) => dispatchInvoke(options.handlers, message, context),
    send: (message) => dispatchSend(options.sendHandlers, message, context),
  }
}
