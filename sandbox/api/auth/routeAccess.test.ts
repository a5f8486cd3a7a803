import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiServer } from '../apiServer'
import { startTestApi, type TestApi } from '../testing/testApi'

let api: TestApi
let real: ApiServer

beforeAll(async () => {
  api = await startTestApi()
  real = await api.startAnother({ compat: 'real' })
})

afterAll(async () => {
  await api?.close()
})

const LIST_ROUTES = [
  '/api/people',
  '/api/teams',
  '/api/tasks',
  '/api/initiatives',
  '/api/oneonones',
  '/api/search?q=ben',
]

const ALL_PROTECTED = [
  ...LIST_ROUTES,
  '/api/user/current',
  '/api/command-palette/permissions',
  '/api/task-reminders/due-now',
  '/api/task-reminders/upcoming',
]

describe('default mode (the published guide)', () => {
  it.each(ALL_PROTECTED)('answers 401 without a token on %s', async (path) => {
    const { status, json, headers } = await api.request(path)

    expect(status).toBe(401)
    expect(json).toEqual({ error: 'Unauthorized' })
    expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
  })

  it('treats a lower-case "bearer", an expired and a revoked token as no token', async () => {
    const token = api.tokenFor('ben')
    const expired = api.clerk.issue({
      clerkUserId: 'user_2ben0000000000000000000002',
      email: 'ben@example.test',
      scope: 'openid read:tasks',
      expiresInSeconds: -60,
    })
    const revoked = api.tokenFor('ben')
    api.clerk.revoke(revoked)

    expect(
      (await api.request('/api/tasks', { headers: { Authorization: `bearer ${token}` } })).status,
    ).toBe(401)
    expect((await api.request('/api/tasks', { token: expired })).status).toBe(401)
    expect((await api.request('/api/tasks', { token: revoked })).status).toBe(401)
    expect((await api.request('/api/tasks', { token })).status).toBe(200)
  })

  it('answers 403 insufficient_scope naming the missing scope', async () => {
    const token = api.tokenFor('ben', 'openid profile email read:people')
    const { status, json, headers } = await api.request('/api/tasks', { token })

    expect(status).toBe(403)
    expect(json).toMatchObject({ error: 'insufficient_scope' })
    expect(headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="read:tasks"',
    )
    expect((await api.request('/api/people', { token })).status).toBe(200)
    expect((await api.request('/api/task-reminders/due-now', { token })).status).toBe(403)
  })

  it('lets search and permissions through with any read scope, refusing none', async () => {
    const none = api.tokenFor('ben', 'openid profile email write:tasks')
    const some = api.tokenFor('ben', 'openid read:meetings')

    expect((await api.request('/api/search?q=ben', { token: none })).status).toBe(403)
    expect((await api.request('/api/command-palette/permissions', { token: none })).status).toBe(
      403,
    )
    expect((await api.request('/api/search?q=ben', { token: some })).status).toBe(200)
    expect((await api.request('/api/user/current', { token: none })).status).toBe(200)
  })

  it('needs no token for health', async () => {
    expect((await api.request('/api/health')).status).toBe(200)
  })
})

describe('--compat real (today’s server code)', () => {
  const onReal = (path: string, token?: string) => api.request(path, { token, baseUrl: real.url })

  it.each(LIST_ROUTES)(
    'answers a bare 500 with no JSON body on %s for a dead token',
    async (path) => {
      const { status, text } = await onReal(path, 'not-a-token')

      expect(status).toBe(500)
      expect(text).toBe('')
    },
  )

  it('answers task reminders with a 500 carrying the message', async () => {
    const expired = api.clerk.issue({
      clerkUserId: 'user_2ben0000000000000000000002',
      email: 'ben@example.test',
      scope: 'openid',
      expiresInSeconds: -60,
    })

    expect((await onReal('/api/task-reminders/due-now')).json).toEqual({ error: 'Unauthorized' })
    expect((await onReal('/api/task-reminders/upcoming', expired)).status).toBe(500)
    expect((await onReal('/api/task-reminders/upcoming', expired)).json).toEqual({
      error: 'Invalid or expired OAuth token',
    })
  })

  it('answers 401 only from user/current and command-palette permissions', async () => {
    for (const path of ['/api/user/current', '/api/command-palette/permissions']) {
      const { status, json, headers } = await onReal(path)

      expect(status).toBe(401)
      expect(json).toEqual({ error: 'Unauthorized' })
      expect(headers.get('www-authenticate')).toBeNull()
    }
  })

  it('checks no scopes', async () => {
    const token = api.tokenFor('ben', 'openid profile email')

    expect((await onReal('/api/tasks', token)).status).toBe(200)
    expect((await onReal('/api/search?q=ben', token)).json.results.length).toBeGreaterThan(0)
  })
})
