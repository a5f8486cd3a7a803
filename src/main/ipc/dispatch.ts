import type { z } from 'zod'

import { AppError, toErrorData, type ErrorData } from '../../shared/errors/appError'
import type { InvokeEnvelope } from '../../shared/ipc/bridgeApi'
import {
  INVOKE_CHANNELS,
  SEND_CHANNELS,
  isInvokeChannel,
  isSendChannel,
  type InvokeArguments,
  type InvokeChannelName,
  type InvokeResult,
  type SendChannelName,
} from '../../shared/ipc/contract'
import type { Logger } from '../log/logger'
import type { SenderRegistry } from './senderRegistry'

/** One async handler per request channel, receiving validated arguments. */
export type InvokeHandlers = {
  [C in InvokeChannelName]: (request: InvokeArguments<C>) => Promise<InvokeResult<C>>
}

/** One handler per one-way channel, receiving the validated payload. */
export type SendHandlers = {
  [S in SendChannelName]: (payload: z.output<(typeof SEND_CHANNELS)[S]>) => void
}

/** A request as it arrives from a transport: nothing about it is trusted yet. */
export interface IncomingMessage {
  channel: unknown
  request: unknown
  senderId: unknown
}

/** What dispatching needs besides the handlers. */
export interface DispatchContext {
  senders: SenderRegistry
  logger: Logger
}

const ISSUE_WORDS: Record<string, string> = {
  invalid_type: 'has the wrong type',
  too_big: 'is too large',
  too_small: 'is too small',
  invalid_value: 'is not one of the allowed values',
  invalid_union: 'is not in an accepted form',
  invalid_format: 'is not in the expected format',
  unrecognized_keys: 'has fields that are not allowed',
  not_multiple_of: 'is not an allowed number',
  invalid_key: 'has a key that is not allowed',
  invalid_element: 'has an element that is not allowed',
  custom: 'is not valid',
}

/**
 * Says which field is wrong and how, in words chosen here: never the value, which could be
 * anything a page sent (a token pasted by mistake, a megabyte of junk).
 */
export function describeInvalidArgument(channel: string, error: z.ZodError): string {
  const issue = error.issues[0]
  const path = (issue?.path ?? [])
    .slice(0, 6)
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part).slice(0, 40)))
    .join('.')
    .replace(/\.\[/g, '[')
  const field = path === '' ? 'the request' : `"${path}"`
  const words = ISSUE_WORDS[issue?.code ?? 'custom'] ?? 'is not valid'

  return `The ${channel} request is not valid: ${field} ${words}.`
}

const refuse = (code: ErrorData['code'], message: string): InvokeEnvelope<never> => ({
  ok: false,
  error: { code, message },
})

/**
 * Answers one request: checks the sender, the channel and the arguments, runs the handler,
 * and wraps the outcome in an envelope. Never throws: an AppError travels as its data, any
 * other failure as INTERNAL (and is logged with its stack).
 */
export async function dispatchInvoke(
  handlers: InvokeHandlers,
  message: IncomingMessage,
  context: DispatchContext,
): Promise<InvokeEnvelope<unknown>> {
  const log = context.logger

  try {
    const channel = message.channel

    if (!context.senders.isTrusted(message.senderId)) {
      log.warn('Refused a request from an unknown sender', {
        channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel,
      })

      return refuse('IPC_FORBIDDEN_SENDER', 'This window may not talk to mpath Desktop.')
    }

    if (!isInvokeChannel(channel)) {
      log.warn('Refused a request on an unknown channel', {
        channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel,
      })

      return refuse('IPC_UNKNOWN_CHANNEL', 'That request is not available.')
    }

    const parsed = INVOKE_CHANNELS[channel].request.safeParse(message.request)

    if (!parsed.success) {
      log.debug('Refused a request with invalid arguments', { channel })

      return refuse('IPC_INVALID_ARGUMENT', describeInvalidArgument(channel, parsed.error))
    }

    const handler = handlers[channel] as (request: unknown) => Promise<unknown>
    const value = await handler(parsed.data)

    return { ok: true, value }
  } catch (error) {
    if (!(error instanceof AppError)) {
      log.error('A request failed unexpectedly', {
        channel: typeof message.channel === 'string' ? message.channel.slice(0, 64) : undefined,
        error,
      })
    }

    return { ok: false, error: toErrorData(error) }
  }
}

/**
 * Handles one one-way message with the same checks as a request; what fails is logged and
 * dropped, since there is no one to answer. Never throws.
 */
export function dispatchSend(
  handlers: SendHandlers,
  message: { channel: unknown; payload: unknown; senderId: unknown },
  context: DispatchContext,
): void {
  try {
    const channel = message.channel

    if (!context.senders.isTrusted(message.senderId) || !isSendChannel(channel)) {
      context.logger.warn('Dropped a message from an unknown sender or channel', {
        channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel,
      })

      return
    }

    const parsed = SEND_CHANNELS[channel].safeParse(message.payload)

    if (!parsed.success) {
      context.logger.debug('Dropped a message with an invalid payload', { channel })

      return
    }

    ;(handlers[channel] as (payload: unknown) => void)(parsed.data)
  } catch (error) {
    context.logger.error('A one-way message failed', { error })
  }
}
