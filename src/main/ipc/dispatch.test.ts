import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { createTestLogger } from '../log/testing/testLogger'
import { dispatchInvoke, dispatchSend, type InvokeHandlers, type SendHandlers } from './dispatch'
import { createSenderRegistry } from './senderRegistry'

function setup(handler: (request: unknown) => Promise<unknown>) {
  const { logger, entries } = createTestLogger()
  const senders = createSenderRegistry()
  senders.register(7)
  const handlers = new Proxy({} as InvokeHandlers, { get: () => handler })

  return { context: { senders, logger }, handlers, entries }
}

describe('dispatchInvoke', () => {
  it('answers a trusted sender with the handler result', async () => {
    const { context, handlers } = setup(async (request) => ({ echoed: request }))
    const envelope = await dispatchInvoke(
      handlers,
      { channel: 'tasks:get', request: { id: 'task_1' }, senderId: 7 },
      context,
    )
    expect(envelope).toEqual({ ok: true, value: { echoed: { id: 'task_1' } } })
  })

  it('refuses an unregistered sender before reading the channel', async () => {
    const { context, handlers } = setup(async () => 'never')
    const envelope = await dispatchInvoke(
      handlers,
      { channel: 'no:such', request: undefined, senderId: 8 },
      context,
    )
    expect(envelope).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } })
  })

  it('refuses an unknown channel, including inherited property names', async () => {
    const { context, handlers } = setup(async () => 'never')

    for (const channel of ['no:such', '__proto__', 'constructor', 'toString', 42, null]) {
      const envelope = await dispatchInvoke(
        handlers,
        { channel, request: undefined, senderId: 7 },
        context,
      )
      expect(envelope).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } })
    }
  })

  it('names the invalid field without echoing the value', async () => {
    const { context, handlers } = setup(async () => 'never')
    const secret = 'eyJhbGciOiJSUzI1NiJ9.secret-looking-value'
    const envelope = await dispatchInvoke(
      handlers,
      {
        channel: 'tasks:query',
        request: { sort: { field: secret, direction: 'up' } },
        senderId: 7,
      },
      context,
    )
    expect(envelope).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENT' } })
    const message = envelope.ok ? '' : envelope.error.message
    expect(message).toContain('"sort.field"')
    expect(message).not.toContain(secret)
  })

  it('passes an AppError through as data and hides anything else', async () => {
    const failing = setup(async () => {
      throw new AppError('API_FORBIDDEN', 'Not yours.', { action: 'Ask an admin.' })
    })
    expect(
      await dispatchInvoke(
        failing.handlers,
        { channel: 'sync:get-status', request: undefined, senderId: 7 },
        failing.context,
      ),
    ).toEqual({
      ok: false,
      error: { code: 'API_FORBIDDEN', message: 'Not yours.', action: 'Ask an admin.' },
    })

    const crashing = setup(async () => {
      throw new TypeError('internal detail with a token abc')
    })
    const envelope = await dispatchInvoke(
      crashing.handlers,
      { channel: 'sync:get-status', request: undefined, senderId: 7 },
      crashing.context,
    )
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(envelope)).not.toContain('internal detail')
    expect(crashing.entries.some((entry) => entry.level === 'error')).toBe(true)
  })
})

describe('dispatchSend', () => {
  it('delivers a valid message and drops the rest without throwing', () => {
    const { logger } = createTestLogger()
    const senders = createSenderRegistry()
    senders.register('harness-page')
    const received: unknown[] = []
    const handlers: SendHandlers = {
      'log:write': (entry) => received.push(entry),
      'sync:request-refresh': () => {
        throw new Error('handler bug')
      },
    }
    const context = { senders, logger }

    dispatchSend(
      handlers,
      { channel: 'log:write', payload: { level: 'info', message: 'hi' }, senderId: 'harness-page' },
      context,
    )
    dispatchSend(
      handlers,
      { channel: 'log:write', payload: { level: 'loud', message: 'hi' }, senderId: 'harness-page' },
      context,
    )
    dispatchSend(
      handlers,
      { channel: 'log:write', payload: { level: 'info', message: 'hi' }, senderId: 'other' },
      context,
    )
    expect(() =>
      dispatchSend(
        handlers,
        { channel: 'sync:request-refresh', payload: undefined, senderId: 'harness-page' },
        context,
      ),
    ).not.toThrow()
    expect(received).toEqual([{ level: 'info', message: 'hi' }])
  })
})
