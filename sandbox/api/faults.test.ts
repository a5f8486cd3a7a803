import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { defaultFaults } from '../admin/defaults'
import { isMalformed, malformBody, routeMatches, shouldFail } from './faults'
import { startTestApi, type TestApi } from './testing/testApi'

describe('fault rules', () => {
  it('matches route prefixes by path segment', () => {
    expect(routeMatches('/api/tasks', '/api/tasks')).toBe(true)
    expect(routeMatches('/api/tasks', '/api/tasks/c1')).toBe(true)
    expect(routeMatches('/api/tasks', '/api/task-reminders/due-now')).toBe(false)
    expect(routeMatches('tasks', '/api/tasks')).toBe(true)
  })

  it('uses the most specific error rate', () => {
    const faults = { ...defaultFaults(), errorRates: { '/api': 1, '/api/health': 0 } }

    expect(shouldFail(faults, '/api/health', () => 0.5)).toBe(false)
    expect(shouldFail(faults, '/api/tasks', () => 0.5)).toBe(true)
    expect(isMalformed({ ...faults, malformedRoutes: ['/api/people'] }, '/api/people')).toBe(true)
  })

  it('breaks JSON so that it never parses', () => {
    for (const body of ['{"results":[]}', '{"a":1}', '{}']) {
      expect(() => JSON.parse(malformBody(body))).toThrow()
    }
  })
})

describe('faults over HTTP', () => {
  let api: TestApi
  let ben: string

  beforeAll(async () => {
    api = await startTestApi()
    ben = api.tokenFor('ben')
  })

  afterEach(() => {
    Object.assign(api.faults, defaultFaults())
  })

  afterAll(async () => {
    await api?.close()
  })

  it('adds latency to every API answer', async () => {
    api.faults.latencyMs = 300
    const started = performance.now()
    await api.request('/api/health')

    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('answers 500 JSON on a route with error rate 1, and leaves other routes alone', async () => {
    api.faults.errorRates = { '/api/tasks': 1 }
    const failed = await api.request('/api/tasks', { token: ben })

    expect(failed.status).toBe(500)
    expect(failed.json).toEqual({ error: expect.any(String) })
    expect((await api.request('/api/task-reminders/upcoming', { token: ben })).status).toBe(200)
  })

  it('breaks the JSON of a malformed route’s 200 answers', async () => {
    api.faults.malformedRoutes = ['/api/people']
    const broken = await api.request('/api/people', { token: ben })

    expect(broken.status).toBe(200)
    expect(broken.headers.get('content-type')).toBe('application/json')
    expect(broken.json).toBeUndefined()
    expect(broken.text.length).toBeGreaterThan(0)
    expect((await api.request('/api/teams', { token: ben })).json).toBeDefined()
  })

  it('shifts the Date header by the clock offset', async () => {
    api.faults.clockOffsetSeconds = 3600
    const { headers } = await api.request('/api/health')
    const reported = new Date(headers.get('date') ?? '').getTime()

    expect(Math.abs(reported - (Date.now() + 3_600_000))).toBeLessThan(5_000)
  })
})
