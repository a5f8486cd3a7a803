import { describe, expect, it } from 'vitest'

import { nextPagePagination, taskItem } from '../../shared/mpath/testing/fixtures'
import { json, networkFailure, never, respondText } from './testing/fakeFetch'
import { createClientHarness } from './testing/harness'

const tasksPage = json(200, { tasks: [taskItem('t1')], pagination: nextPagePagination(1, 20, 1) })
const unauthorized = json(401, { error: 'Unauthorized' })
const currentUser = json(200, {
  user: {
    email: null,
    name: null,
    clerkUserId: 'user_1',
    clerkOrganizationId: null,
    managerOSUserId: 'cusr_1',
    managerOSOrganizationId: null,
    managerOSPersonId: null,
    role: null,
  },
})
const bare500 = respondText(500, '')

const paths = (harness: ReturnType<typeof createClientHarness>) =>
  harness.server.requests.map((request) => `${request.url.pathname}`)
const bearers = (harness: ReturnType<typeof createClientHarness>) =>
  harness.server.requests.map((request) => request.headers.get('authorization'))

describe('request path: tokens', () => {
  it('sends a fresh token as a Bearer header and asks for JSON', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', tasksPage)

    const page = await harness.run(harness.api.listTasks())

    expect(page.items.map((task) => task.id)).toEqual(['t1'])
    expect(bearers(harness)).toEqual(['Bearer token-1'])
    expect(harness.server.requests[0]?.headers.get('accept')).toBe('application/json')
  })

  it('refreshes once after a 401 and retries with the new token', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', unauthorized, tasksPage)

    const page = await harness.run(harness.api.listTasks())

    expect(page.items).toHaveLength(1)
    expect(harness.tokens.rejected).toEqual(['token-1'])
    expect(bearers(harness)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('gives up with API_UNAUTHORIZED when the refreshed token is refused too', async () => {
    const harness = createClientHarness({ tokens: ['token-1', 'token-2', 'token-3'] })
    harness.server.on('GET /api/tasks', unauthorized)

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_UNAUTHORIZED')
    expect(harness.server.requests).toHaveLength(2)
    expect(harness.tokens.rejected).toEqual(['token-1'])
  })

  it('passes on the session’s own error when the refresh finds the session over', async () => {
    const harness = createClientHarness({ tokens: ['token-1'] })
    harness.server.on('GET /api/people', unauthorized)

    const error = await harness.failure(harness.api.listPeople())

    expect(error.code).toBe('SESSION_EXPIRED')
  })

  it('turns a token source that throws a plain error into SESSION_EXPIRED', async () => {
    const harness = createClientHarness()
    harness.tokens.getAccessToken = async () => {
      throw new Error('keychain exploded')
    }

    const error = await harness.failure(harness.api.currentUser())

    expect(error.code).toBe('SESSION_EXPIRED')
    expect(harness.server.requests).toHaveLength(0)
  })
})

describe('request path: the real server’s bare 500', () => {
  it('probes /api/user/current and, on its 401, refreshes and retries', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', bare500, tasksPage)
    harness.server.on('GET /api/user/current', unauthorized)

    const page = await harness.run(harness.api.listTasks())

    expect(page.items).toHaveLength(1)
    expect(paths(harness)).toEqual(['/api/tasks', '/api/user/current', '/api/tasks'])
    expect(bearers(harness)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2'])
  })

  it('reports API_SERVER_ERROR when the probe shows the token still works', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', respondText(500, 'Internal Server Error'))
    harness.server.on('GET /api/user/current', currentUser)

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_SERVER_ERROR')
    expect(harness.tokens.rejected).toEqual([])
  })

  it('does not probe when the 500 is the route’s own JSON error', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', json(500, { error: 'Failed to fetch tasks' }))

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_SERVER_ERROR')
    expect(paths(harness)).toEqual(['/api/tasks'])
  })

  it('ends with API_UNAUTHORIZED when the probe refuses the refreshed token as well', async () => {
    const harness = createClientHarness({ tokens: ['token-1', 'token-2', 'token-3'] })
    harness.server.on('GET /api/initiatives', bare500)
    harness.server.on('GET /api/user/current', unauthorized)

    const error = await harness.failure(harness.api.listInitiatives())

    expect(error.code).toBe('API_UNAUTHORIZED')
    expect(harness.tokens.rejected).toEqual(['token-1'])
  })

  it('reports API_SERVER_ERROR when the probe itself cannot be answered', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/search', bare500)
    harness.server.on('GET /api/user/current', networkFailure())

    const error = await harness.failure(harness.api.search('launch'))

    expect(error.code).toBe('API_SERVER_ERROR')
  })

  it('probes after a reminder 500 with a message: it may hide an auth failure', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/task-reminders/due-now',
      json(500, { error: 'Invalid or expired OAuth token' }),
      json(200, { reminders: [] }),
    )
    harness.server.on('GET /api/user/current', unauthorized)

    expect(await harness.run(harness.api.dueNowReminders())).toEqual([])
    expect(harness.tokens.rejected).toEqual(['token-1'])
  })
})

describe('request path: 403', () => {
  it('names the missing scope from the RFC 6750 challenge, without refreshing', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/initiatives',
      json(
        403,
        { error: 'insufficient_scope' },
        {
          'www-authenticate': 'Bearer error="insufficient_scope", scope="read:initiatives"',
        },
      ),
    )

    const error = await harness.failure(harness.api.listInitiatives())

    expect(error.code).toBe('API_INSUFFICIENT_SCOPE')
    expect(error.details).toEqual({ missingScope: 'read:initiatives' })
    expect(error.message).toContain('read:initiatives')
    expect(error.toData().details).toEqual({ missingScope: 'read:initiatives' })
    expect(harness.tokens.rejected).toEqual([])
  })

  it('names only the scopes not granted when the challenge lists several', async () => {
    const harness = createClientHarness({ scopes: ['read:tasks'] })
    harness.server.on(
      'GET /api/tasks',
      respondText(403, '', {
        'www-authenticate':
          'Bearer realm="mpath", error="insufficient_scope", scope="read:tasks read:people"',
      }),
    )

    const error = await harness.failure(harness.api.listTasks())

    expect(error.details).toEqual({ missingScope: 'read:people' })
  })

  it('falls back to the route’s scope when a JSON insufficient_scope names none', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/oneonones', json(403, { error: 'insufficient_scope' }))

    const error = await harness.failure(harness.api.listOneOnOnes())

    expect(error.code).toBe('API_INSUFFICIENT_SCOPE')
    expect(error.details).toEqual({ missingScope: 'read:meetings' })
  })

  it('reports any other 403 as API_FORBIDDEN with the server’s message', async () => {
    const harness = createClientHarness()
    harness.server
      .on(
        'GET /api/tasks',
        json(403, { error: 'User must belong to an organization to view tasks' }),
      )
      .on('GET /api/oneonones', json(403, { error: 'No person record found for current user' }))

    const noOrg = await harness.failure(harness.api.listTasks())
    const noPerson = await harness.failure(harness.api.listOneOnOnes())

    expect(noOrg.code).toBe('API_FORBIDDEN')
    expect(noOrg.message).toBe('User must belong to an organization to view tasks')
    expect(noPerson.message).toBe('No person record found for current user')
  })
})

describe('request path: other statuses', () => {
  it('maps 404 to API_NOT_FOUND, 400 to API_BAD_REQUEST with the server’s message', async () => {
    const harness = createClientHarness()
    harness.server
      .on('GET /api/teams', respondText(404, '<html>Not found</html>'))
      .on('GET /api/people', json(400, { error: 'Invalid immutableFilters parameter' }))

    expect((await harness.failure(harness.api.listTeams())).code).toBe('API_NOT_FOUND')
    const badRequest = await harness.failure(harness.api.listPeople())
    expect(badRequest.code).toBe('API_BAD_REQUEST')
    expect(badRequest.message).toBe('Invalid immutableFilters parameter')
  })

  it('waits as long as Retry-After says in seconds, then retries', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/tasks',
      json(429, { error: 'slow down' }, { 'retry-after': '3' }),
      tasksPage,
    )

    const page = await harness.run(harness.api.listTasks())

    expect(page.items).toHaveLength(1)
    expect(harness.clock.firedDelays).toEqual([3_000])
  })

  it('measures a Retry-After date against the server’s own Date header', async () => {
    const harness = createClientHarness()
    const serverNow = Date.UTC(2030, 0, 1, 12, 0, 0)
    harness.server.on(
      'GET /api/tasks',
      json(
        429,
        {},
        {
          date: new Date(serverNow).toUTCString(),
          'retry-after': new Date(serverNow + 7_000).toUTCString(),
        },
      ),
      tasksPage,
    )

    await harness.run(harness.api.listTasks())

    expect(harness.clock.firedDelays).toEqual([7_000])
  })

  it('stops after the bounded number of tries with API_RATE_LIMITED', async () => {
    const harness = createClientHarness({ maxRetries: 2 })
    harness.server.on('GET /api/tasks', json(429, {}, { 'retry-after': '1' }))

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_RATE_LIMITED')
    expect(harness.server.requests).toHaveLength(3)
    expect(error.details).toEqual({ retryAfter: '1' })
  })

  it('does not wait at all when Retry-After asks for longer than the cap', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', json(429, {}, { 'retry-after': '120' }))

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_RATE_LIMITED')
    expect(harness.server.requests).toHaveLength(1)
    expect(harness.clock.firedDelays).toEqual([])
  })

  it('backs off exponentially on 503 without Retry-After, then API_UNAVAILABLE', async () => {
    const harness = createClientHarness({ maxRetries: 2 })
    harness.server.on('GET /api/people', respondText(503, 'Service Unavailable'))

    const error = await harness.failure(harness.api.listPeople())

    expect(error.code).toBe('API_UNAVAILABLE')
    expect(harness.server.requests).toHaveLength(3)
    expect(harness.clock.firedDelays).toEqual([1_000, 2_000])
  })

  it('recovers when a 503 clears up', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', respondText(503, '', { 'retry-after': '2' }), tasksPage)

    expect((await harness.run(harness.api.listTasks())).items).toHaveLength(1)
  })
})

describe('request path: network', () => {
  it('aborts a request that outlives the deadline with NETWORK_TIMEOUT', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', never)

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('NETWORK_TIMEOUT')
    expect(harness.server.requests[0]?.signal?.aborted).toBe(true)
    expect(harness.clock.firedDelays).toEqual([5_000])
  })

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET'])(
    'reports %s as NETWORK_OFFLINE',
    async (code) => {
      const harness = createClientHarness()
      harness.server.on('GET /api/tasks', networkFailure(code))

      const error = await harness.failure(harness.api.listTasks())

      expect(error.code).toBe('NETWORK_OFFLINE')
      expect(error.message).toMatch(/^You appear to be offline/)
    },
  )

  it('reports Electron’s net::ERR_ timeouts as NETWORK_TIMEOUT', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', () => {
      throw new Error('net::ERR_TIMED_OUT')
    })

    expect((await harness.failure(harness.api.listTasks())).code).toBe('NETWORK_TIMEOUT')
  })
})

describe('request path: bodies', () => {
  it('reports malformed JSON as API_BAD_RESPONSE', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/tasks',
      respondText(200, '{"tasks": [', { 'content-type': 'application/json' }),
    )

    expect((await harness.failure(harness.api.listTasks())).code).toBe('API_BAD_RESPONSE')
  })

  it('reports an empty 200 as API_BAD_RESPONSE', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/user/current', respondText(200, ''))

    expect((await harness.failure(harness.api.currentUser())).code).toBe('API_BAD_RESPONSE')
  })

  it('reports a schema violation as API_BAD_RESPONSE, logging paths, never values', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/tasks',
      json(200, {
        tasks: [taskItem('t1', { title: 424242, dueDate: 'confidential-date' })],
        pagination: nextPagePagination(1, 20, 1),
      }),
    )

    const error = await harness.failure(harness.api.listTasks())

    expect(error.code).toBe('API_BAD_RESPONSE')
    const warning = harness.logger.entries.find((entry) => entry.message.includes('shape'))
    expect(warning?.context?.issues).toEqual([
      { path: 'tasks.0.title', code: 'invalid_type' },
      { path: 'tasks.0.dueDate', code: 'invalid_union' },
    ])
    expect(harness.logger.dump()).not.toContain('424242')
    expect(harness.logger.dump()).not.toContain('confidential-date')
  })

  it('accepts unknown extra fields and the always-null fields', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/tasks',
      json(200, {
        tasks: [taskItem('t1', { estimate: null, objective: null, brandNew: [1, 2] })],
        pagination: { ...nextPagePagination(1, 20, 1), cursor: null },
        debug: true,
      }),
    )

    const page = await harness.run(harness.api.listTasks())

    expect(page.items[0]).toMatchObject({ estimate: null, objective: null, brandNew: [1, 2] })
  })
})

describe('request path: hygiene', () => {
  it('never logs the token or the query string', async () => {
    const harness = createClientHarness({ tokens: ['secret-token-1', 'secret-token-2'] })
    harness.server.on('GET /api/search', unauthorized, json(200, { results: [] }))

    await harness.run(harness.api.search('private words'))
    await harness.failure(harness.api.listTasks({ search: 'hidden-term' }))

    const logged = harness.logger.dump()
    expect(logged).not.toContain('secret-token')
    expect(logged).not.toContain('private')
    expect(logged).not.toContain('hidden-term')
    expect(logged).toContain('/api/search')
  })

  it('keeps the Date header of the latest answer for clock-offset diagnostics', async () => {
    const harness = createClientHarness()
    const serverNow = harness.clock.now() + 90_000
    harness.server.on(
      'GET /api/health',
      json(200, { status: 'ok' }, { date: new Date(serverNow).toUTCString() }),
    )

    expect(harness.api.lastServerDate).toBeNull()
    await harness.run(harness.api.health())

    expect(harness.api.lastServerDate?.getTime()).toBe(Math.floor(serverNow / 1000) * 1000)
    expect(harness.api.serverClockOffsetMs).toBe(90_000)
  })

  it('keeps a path prefix of the base URL and sends no token to the health check', async () => {
    const harness = createClientHarness({ baseUrl: 'https://example.test/mpath/' })
    harness.server.on('GET /mpath/api/health', json(200, { status: 'ok', uptime: 3 }))

    await harness.run(harness.api.health())

    expect(harness.server.requests[0]?.url.href).toBe('https://example.test/mpath/api/health')
    expect(harness.server.requests[0]?.headers.get('authorization')).toBeNull()
  })

  it('throws only AppError, even when fetch throws something odd', async () => {
    const harness = createClientHarness()
    harness.server.on('GET /api/tasks', () => {
      throw 'a string, not an Error'
    })

    expect((await harness.failure(harness.api.listTasks())).code).toBe('NETWORK_OFFLINE')
  })
})
