import { describe, expect, it } from 'vitest'

import { handleAdminRequest } from './adminRoute'
import { defaultFaults, defaultOptions } from './defaults'

const live = () => {
  const faults = defaultFaults()

  return { faults, options: defaultOptions(faults) }
}

describe('the admin URL', () => {
  it('merges faults and lifetimes into the live objects and answers with them', async () => {
    const state = live()
    const reply = await handleAdminRequest({
      method: 'POST',
      readJson: async () => ({
        faults: { latencyMs: 50, errorRates: { '/api/tasks': 0.5 } },
        options: { accessTokenTtlSeconds: 30, codeTtlSeconds: 5 },
      }),
      ...state,
    })

    expect(reply.status).toBe(200)
    expect(state.faults).toMatchObject({
      latencyMs: 50,
      errorRates: { '/api/tasks': 0.5 },
      noWrites: false,
    })
    expect(state.options).toMatchObject({ accessTokenTtlSeconds: 30, codeTtlSeconds: 5 })
    expect(JSON.parse(reply.body ?? '')).toMatchObject({
      faults: { latencyMs: 50 },
      options: { codeTtlSeconds: 5 },
    })
  })

  it('refuses unknown fields and bad values with 400, changing nothing', async () => {
    const state = live()

    for (const body of [
      { faults: { latency: 5 } },
      { faults: { latencyMs: -1 } },
      { options: { apiPort: 1 } },
    ]) {
      const reply = await handleAdminRequest({
        method: 'POST',
        readJson: async () => body,
        ...state,
      })

      expect(reply.status).toBe(400)
    }

    expect(state.faults).toEqual(defaultFaults())
  })

  it('reads the current state with GET', async () => {
    const reply = await handleAdminRequest({ method: 'GET', readJson: async () => ({}), ...live() })

    expect(JSON.parse(reply.body ?? '').faults).toEqual(defaultFaults())
  })
})
