import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ERROR_CODES } from '../../shared/errors/appError'
import type { InvokeEnvelope } from '../../shared/ipc/bridgeApi'
import { INVOKE_CHANNELS, SEND_CHANNELS } from '../../shared/ipc/contract'
import { createServices, type Services } from '../services'
import { fakeServicePorts } from '../services/testing/fakePorts'
import { sampleOrganization } from '../sync/testing/sampleData'

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function randomSequence(seed: number): () => number {
  let state = seed

  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648

    return state / 2_147_483_648
  }
}

const random = randomSequence(20_260_301)
const pick = <Value>(values: readonly Value[]): Value =>
  values[Math.floor(random() * values.length)]!

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']

/** Objects whose own keys include `__proto__`, as a page's JSON can produce them. */
function pollutingObject(inner: unknown): unknown {
  return JSON.parse(
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ' +
      `"x": ${JSON.stringify(inner ?? null)}}`,
  )
}

function junk(depth = 0): unknown {
  const kinds = depth > 4 ? 6 : 11

  switch (Math.floor(random() * kinds)) {
    case 0:
      return undefined
    case 1:
      return null
    case 2:
      return pick([0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -0, 10_000_001])
    case 3:
      return pick([
        '',
        'x',
        'a'.repeat(201),
        'b'.repeat(100_000),
        '\u0000',
        '😀'.repeat(50),
        'done',
      ])
    case 4:
      return pick([true, false])
    case 5:
      return pick(['__proto__', 'unassigned', 'none', 'task_000001', 'person_0'])
    case 6:
      return Array.from({ length: Math.floor(random() * 5) }, () => junk(depth + 1))
    case 7:
      return pollutingObject(junk(depth + 1))
    case 8: {
      const object: Record<string, unknown> = {}

      for (let index = 0; index < 4; index += 1) {
        object[pick([...POLLUTING_KEYS, 'id', 'q', 'limit', 'offset', 'sort', 'profile'])] = junk(
          depth + 1,
        )
      }

      return object
    }
    case 9:
      return Array.from({ length: 2_000 }, (_unused, index) => `id_${index}`)
    default: {
      let nested: unknown = 'deep'

      for (let level = 0; level < 200; level += 1) {
        nested = { nested }
      }

      return nested
    }
  }
}

/** Requests that pass validation, so fuzzing also reaches the handlers. */
const VALID: Partial<Record<keyof typeof INVOKE_CHANNELS, unknown[]>> = {
  'tasks:query': [
    {},
    { search: 'alpha', statuses: ['todo'], assigneeIds: ['unassigned'], limit: 5 },
  ],
  'tasks:get': [{ id: 'task_000001' }, { id: 'missing' }],
  'tasks:create': [{ title: 'A task' }],
  'tasks:update': [{ id: 'task_000001', patch: { title: 'Renamed' } }],
  'tasks:complete': [{ id: 'task_000002' }],
  'tasks:delete': [{ id: 'task_000003' }],
  'people:query': [{ teamIds: ['none'], sort: { field: 'status', direction: 'desc' } }],
  'people:get': [{ id: 'person_0' }],
  'initiatives:query': [{ rags: ['red'] }],
  'initiatives:get': [{ id: 'initiative_0' }],
  'oneonones:query': [{ from: '2026-01-01' }],
  'search:query': [{ q: 'al' }, { q: '' }],
  'settings:update': [{ theme: 'dark' }, {}],
  'auth:submit-redirect': [{ address: 'mpath://oauth/callback?code=abc&state=def' }],
  'auth:sign-in': [undefined, { transport: 'loopback', extraScopes: ['write:tasks'] }],
  'profile:test': [
    {
      profile: {
        issuer: 'https://clerk.example.test',
        apiUrl: 'https://mpath.example.test',
        clientId: 'client',
      },
    },
  ],
  'profile:use-sandbox': [undefined, { apiUrl: 'http://127.0.0.1:9' }],
}

/** A mutation of a valid request: one field replaced by junk, or a polluting key added. */
function mutate(valid: unknown): unknown {
  if (typeof valid !== 'object' || valid === null || random() < 0.2) {
    return junk()
  }

  const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) }
  const keys = Object.keys(copy)

  if (keys.length > 0 && random() < 0.6) {
    copy[pick(keys)] = junk()

    return copy
  }

  return Object.assign(pollutingObject(null) as object, copy)
}

function expectEnvelope(envelope: InvokeEnvelope<unknown>): void {
  expect(typeof envelope.ok).toBe('boolean')

  if (!envelope.ok) {
    expect(ERROR_CODES).toContain(envelope.error.code)
    expect(typeof envelope.error.message).toBe('string')
    expect(envelope.error.message.length).toBeLessThan(500)
  }
}

describe('IPC fuzz', () => {
  let services: Services
  const channels = Object.keys(INVOKE_CHANNELS)
  const codes = new Map<string, number>()

  beforeAll(async () => {
    services = createServices(fakeServicePorts())
    services.senders.register('page')
    const organization = sampleOrganization({ tasks: 200 })

    for (const collection of ['people', 'teams', 'tasks', 'initiatives', 'oneOnOnes'] as const) {
      services.data.replace(collection, organization[collection] as never, null)
    }

    services.data.setCurrentUser(organization.me)
    await services.start()
  })

  afterAll(() => {
    services.dispose()
  })

  it('answers thousands of random, malformed requests per channel with an envelope', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)

    try {
      for (let round = 0; round < 120; round += 1) {
        for (const channel of channels) {
          const valid = VALID[channel as keyof typeof INVOKE_CHANNELS] ?? [undefined]
          const request = random() < 0.25 ? pick(valid) : mutate(pick(valid))
          const senderId = random() < 0.1 ? pick(['other', 0, null, undefined, {}]) : 'page'
          const envelope = await services.ipc.invoke({ channel, request, senderId })
          expectEnvelope(envelope)

          if (senderId !== 'page') {
            expect(envelope).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } })
          }

          const code = envelope.ok ? 'ok' : envelope.error.code
          codes.set(code, (codes.get(code) ?? 0) + 1)
        }

        // Channels that are not in the contract, and junk in place of a channel name.
        const channel = pick([
          'tasks:drop-all',
          '__proto__',
          'constructor',
          '',
          'x'.repeat(10_000),
          42,
          {},
          null,
        ])
        const envelope = await services.ipc.invoke({ channel, request: junk(), senderId: 'page' })
        expect(envelope).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } })

        for (const sendChannel of [...Object.keys(SEND_CHANNELS), 'log:evil', 7]) {
          expect(() =>
            services.ipc.send({
              channel: sendChannel,
              payload: mutate({ level: 'info', message: 'm', context: {} }),
              senderId: 'page',
            }),
          ).not.toThrow()
        }
      }

      await new Promise((resolve) => setTimeout(resolve, 10))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }

    expect(unhandled).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    // Both outcomes were reached: handlers ran, and validation refused.
    expect(codes.get('ok')).toBeGreaterThan(100)
    expect(codes.get('IPC_INVALID_ARGUMENT')).toBeGreaterThan(100)
    expect(codes.get('INTERNAL') ?? 0).toBe(0)
  })
})
