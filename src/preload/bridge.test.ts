import { describe, expect, it, vi } from 'vitest'

import { createBridge } from './bridge'

describe('createBridge', () => {
  it('exposes each channel as an area method and unwraps successful envelopes', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { status: 'signed-out' } }))
    const bridge = createBridge(invoke, vi.fn(), vi.fn())

    await expect(bridge.auth.getState()).resolves.toEqual({ status: 'signed-out' })
    expect(invoke).toHaveBeenCalledWith('auth:get-state', undefined)

    await bridge.tasks.getWriteAvailability()
    expect(invoke).toHaveBeenLastCalledWith('tasks:get-write-availability', undefined)
  })

  it('rejects with plain error data that keeps the code', async () => {
    const error = { code: 'AUTH_DENIED' as const, message: 'You declined access.' }
    const bridge = createBridge(async () => ({ ok: false, error }), vi.fn(), vi.fn())

    const rejection = await bridge.auth.signIn().catch((reason: unknown) => reason)

    expect(rejection).toEqual(error)
    expect(rejection).not.toBeInstanceOf(Error)
  })

  it('subscribes to events under on<Action> and returns the unsubscribe function', () => {
    const unsubscribe = vi.fn()
    const subscribe = vi.fn(() => unsubscribe)
    const bridge = createBridge(vi.fn(), subscribe, vi.fn())
    const listener = vi.fn()

    const stop = bridge.auth.onDidChangeSession(listener)

    expect(subscribe).toHaveBeenCalledWith('auth:did-change-session', expect.any(Function))
    stop()
    expect(unsubscribe).toHaveBeenCalled()
  })

  it('sends one-way messages on their channel', () => {
    const send = vi.fn()
    const bridge = createBridge(vi.fn(), vi.fn(), send)

    bridge.log.write({ level: 'info', message: 'hello' })

    expect(send).toHaveBeenCalledWith('log:write', { level: 'info', message: 'hello' })
  })
})
