/**
 * The API client against the sandbox's mpath API, in the guide's default mode and in
 * `--compat real`, with its faults switched on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Integration tests drive the sandbox in-process; the app itself never imports it.
import { signInOverHttp } from '../../../sandbox/auth/testing/testAuthorizationServer'
import { startSandbox, type RunningSandbox } from '../../../sandbox/start'
import { AppError } from '../../shared/errors/appError'
import type { AccessTokenSource } from '../auth/types'
import { createTestLogger } from '../log/testing/testLogger'
import { systemClock } from '../platform/ports'
import { createApiClient, type ApiClient } from './apiClient'
import { pageThrough } from './paging'
import { NO_INITIATIVE, UNASSIGNED } from './queries'

const ADA = { email: 'ada@example.test', password: 'sandbox-ada' }
const BEN = { email: 'ben@example.test', password: 'sandbox-ben' }
const ALL_SCOPES = [
  'openid',
  'profile',
  'email',
  'read:people',
  'read:tasks',
  'read:initiatives',
  'read:meetings',
  'write:tasks',
]
const DEAD_TOKEN = 'not-a-token-the-sandbox-issued'

/** A session stand-in: hands out `tokens` in turn, one per refresh. */
function tokenSource(tokens: string[], scopes: readonly string[]) {
  const rejected: string[] = []
  let index = 0
  const source: AccessTokenSource = {
    getAccessToken: async () => tokens[index] ?? DEAD_TOKEN,
    async refreshAfterRejection(token) {
      rejected.push(token)

      if (token === tokens[index] && index + 1 < tokens.length) {
        index += 1

        return tokens[index] as string
      }

      throw new AppError('SESSION_EXPIRED', 'The test session is over.')
    },
    grantedScopes: () => scopes,
  }

  return { source, rejected }
}

async function signIn(sandbox: RunningSandbox, who: typeof ADA, scopes = ALL_SCOPES) {
  const response = await signInOverHttp({
    server: {
      issuer: sandbox.ready.issuer,
      clients: sandbox.ready.clients,
      resourceServer: sandbox.resourceServer,
      close: async () => {},
    },
    ...who,
    scope: scopes.join(' '),
  })

  return response.access_token
}

function clientFor(
  sandbox: RunningSandbox,
  tokens: AccessTokenSource,
  options: { timeoutMs?: number } = {},
) {
  const { logger, entries } = createTestLogger()
  const api = createApiClient({
    baseUrl: sandbox.ready.apiUrl,
    tokens,
    fetch,
    clock: systemClock,
    logger,
    maxRetries: 0,
    ...options,
  })

  return { api, entries }
}

async function failure(call: Promise<unknown>): Promise<AppError> {
  try {
    await call
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)

    return error as AppError
  }

  throw new Error('The call succeeded but was expected to fail.')
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []

  for await (const item of iterable) {
    items.push(item)
  }

  return items
}

describe('API client against the sandbox (default mode)', () => {
  let sandbox: RunningSandbox
  let adaToken: string
  let api: ApiClient

  beforeAll(async () => {
    sandbox = await startSandbox({ authPort: 0, apiPort: 0, scale: { tasks: 600 } })
    adaToken = await signIn(sandbox, ADA)
    api = clientFor(sandbox, tokenSource([adaToken], ALL_SCOPES).source).api
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  it('reads the current user, health, capabilities and permissions', async () => {
    const user = await api.currentUser()

    expect(user.email).toBe('ada@example.test')
    expect(user.managerOSPersonId).toBeTruthy()
    expect((await api.health()).status).toBe('ok')
    expect(await api.capabilities()).toMatchObject({ taskWrites: true })
    expect((await api.commandPalettePermissions()).isAdmin).toBe(true)
    expect(api.lastServerDate).toBeInstanceOf(Date)
  })

  it('reads every list, one page at a time', async () => {
    const people = await api.listPeople({ limit: 5, sort: [{ field: 'name' }] })
    const teams = await api.listTeams({ limit: 5 })
    const tasks = await api.listTasks({ limit: 5, sort: [{ field: 'dueDate', direction: 'desc' }] })
    const initiatives = await api.listInitiatives({ limit: 5 })
    const oneOnOnes = await api.listOneOnOnes({ limit: 5 })

    for (const page of [people, teams, tasks, initiatives, oneOnOnes]) {
      expect(page.items.length).toBeGreaterThan(0)
      expect(page.pageInfo.totalCount).toBeGreaterThanOrEqual(page.items.length)
    }

    const names = people.items.map((person) => person.name)
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names)
  })

  it('filters tasks with sentinels and comma lists', async () => {
    const unassigned = await api.listTasks({ assigneeId: [UNASSIGNED], limit: 50 })
    const standalone = await api.listTasks({ initiativeId: [NO_INITIATIVE], limit: 50 })
    const open = await api.listTasks({ status: ['todo', 'doing'], priority: [1, 2], limit: 50 })

    expect(unassigned.items.every((task) => task.assigneeId === null)).toBe(true)
    expect(standalone.items.every((task) => task.initiativeId === null)).toBe(true)
    expect(
      open.items.every((task) => ['todo', 'doing'].includes(task.status) && task.priority <= 2),
    ).toBe(true)
  })

  it('pages through every task once, however the pages are cut', async () => {
    const first = await api.listTasks({ limit: 1 })
    const progress: number[] = []

    const tasks = await collect(
      pageThrough((page, limit) => api.listTasks({ page, limit }), {
        pageSize: 70,
        concurrency: 3,
        onProgress: (step) => progress.push(step.pagesDone),
      }),
    )

    expect(tasks).toHaveLength(first.pageInfo.totalCount)
    expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length)
    expect(progress.at(-1)).toBe(Math.ceil(first.pageInfo.totalCount / 70))
  })

  it('searches and reads reminders', async () => {
    const people = await api.listPeople({ limit: 1 })
    const name = people.items[0]?.name ?? ''

    const results = await api.search(name.slice(0, 4))

    expect(results.some((result) => result.type === 'person')).toBe(true)
    expect(Array.isArray(await api.dueNowReminders())).toBe(true)
    expect(Array.isArray(await api.upcomingReminders())).toBe(true)
  })

  it('acknowledges a reminder, and reports an unknown delivery as the server does', async () => {
    const benToken = await signIn(sandbox, BEN)
    const ben = clientFor(sandbox, tokenSource([benToken], ALL_SCOPES).source).api
    const upcoming = await ben.upcomingReminders()

    expect(upcoming.length).toBeGreaterThan(0)
    await ben.acknowledgeReminder(upcoming[0]?.id ?? '')
    const unknown = await failure(ben.acknowledgeReminder('no-such-delivery'))
    expect(['API_SERVER_ERROR', 'API_NOT_FOUND']).toContain(unknown.code)
  })

  it('creates, updates and deletes a task through the write extension', async () => {
    const me = await api.currentUser()

    const created = await api.createTask({
      title: 'Integration: write the report',
      priority: 1,
      assigneeId: me.managerOSPersonId,
    })
    const updated = await api.updateTask(created.id, { status: 'done', title: 'Report written' })
    await api.deleteTask(created.id)

    expect(created).toMatchObject({ title: 'Integration: write the report', priority: 1 })
    expect(updated).toMatchObject({ id: created.id, status: 'done', title: 'Report written' })
    expect(await sandbox.findTask(created.id)).toBeUndefined()
    expect((await failure(api.deleteTask(created.id))).code).toBe('API_NOT_FOUND')
  })

  it('refreshes once after a 401 and carries on', async () => {
    const { source, rejected } = tokenSource([DEAD_TOKEN, adaToken], ALL_SCOPES)
    const client = clientFor(sandbox, source).api

    expect((await client.listTeams({ limit: 1 })).items).toHaveLength(1)
    expect(rejected).toEqual([DEAD_TOKEN])
  })

  it('ends with the session error when no refresh helps', async () => {
    const client = clientFor(sandbox, tokenSource([DEAD_TOKEN], ALL_SCOPES).source).api

    expect((await failure(client.listTasks())).code).toBe('SESSION_EXPIRED')
  })

  it('names the missing scope of a 403 insufficient_scope', async () => {
    const scopes = ['openid', 'profile', 'email', 'read:tasks']
    const token = await signIn(sandbox, ADA, scopes)
    const client = clientFor(sandbox, tokenSource([token], scopes).source).api

    const error = await failure(client.listInitiatives())

    expect(error.code).toBe('API_INSUFFICIENT_SCOPE')
    expect(error.details).toEqual({ missingScope: 'read:initiatives' })
    expect(await client.writeAvailability()).toMatchObject({ available: false, reason: 'scope' })
    expect((await failure(client.createTask({ title: 'x' }))).code).toBe('WRITES_UNAVAILABLE')
  })

  it('reports a person without a linked record or organization as API_FORBIDDEN', async () => {
    const cleoToken = await signIn(sandbox, {
      email: 'cleo@example.test',
      password: 'sandbox-cleo',
    })
    const devToken = await signIn(sandbox, { email: 'dev@example.test', password: 'sandbox-dev' })
    const cleo = clientFor(sandbox, tokenSource([cleoToken], ALL_SCOPES).source).api
    const dev = clientFor(sandbox, tokenSource([devToken], ALL_SCOPES).source).api

    const noPerson = await failure(cleo.listOneOnOnes())
    const noOrganization = await failure(dev.listTasks())

    expect(noPerson).toMatchObject({
      code: 'API_FORBIDDEN',
      message: 'No person record found for current user',
    })
    expect(noOrganization).toMatchObject({
      code: 'API_FORBIDDEN',
      message: 'User must belong to an organization to view tasks',
    })
  })

  it('maps each fault: error rate, malformed body, latency past deadline, no writes', async () => {
    sandbox.setFaults({ errorRates: { '/api/tasks': 1 } })
    expect((await failure(api.listTasks())).code).toBe('API_SERVER_ERROR')

    sandbox.setFaults({ errorRates: {}, malformedRoutes: ['/api/people'] })
    expect((await failure(api.listPeople())).code).toBe('API_BAD_RESPONSE')

    sandbox.setFaults({ malformedRoutes: [], latencyMs: 400 })
    const impatient = clientFor(sandbox, tokenSource([adaToken], ALL_SCOPES).source, {
      timeoutMs: 100,
    }).api
    expect((await failure(impatient.listTeams())).code).toBe('NETWORK_TIMEOUT')

    sandbox.setFaults({ latencyMs: 0, noWrites: true })
    const reader = clientFor(sandbox, tokenSource([adaToken], ALL_SCOPES).source).api
    expect(await reader.capabilities()).toEqual({ taskWrites: false })
    expect(await failure(reader.createTask({ title: 'x' }))).toMatchObject({
      code: 'WRITES_UNAVAILABLE',
      message: 'Your mpath server does not offer task editing yet.',
    })
    sandbox.setFaults({ noWrites: false })
  })

  it('reports the Date header shifted by the clock-offset fault', async () => {
    sandbox.setFaults({ clockOffsetSeconds: 3600 })
    await api.health()
    sandbox.setFaults({ clockOffsetSeconds: 0 })

    expect(api.serverClockOffsetMs).toBeGreaterThan(3_590_000)
    expect(api.serverClockOffsetMs).toBeLessThan(3_610_000)
  })
})

describe('API client against the sandbox (--compat real)', () => {
  let sandbox: RunningSandbox
  let adaToken: string
  let isClosed = false

  beforeAll(async () => {
    sandbox = await startSandbox({ authPort: 0, apiPort: 0, compat: 'real', scale: { tasks: 200 } })
    adaToken = await signIn(sandbox, ADA)
  })

  afterAll(async () => {
    if (!isClosed) {
      await sandbox?.close()
    }
  })

  it('reads every collection with a live token', async () => {
    const { api } = clientFor(sandbox, tokenSource([adaToken], ALL_SCOPES).source)

    expect((await api.currentUser()).email).toBe('ada@example.test')

    for (const list of [
      api.listPeople({ limit: 3 }),
      api.listTeams({ limit: 3 }),
      api.listTasks({ limit: 3 }),
      api.listInitiatives({ limit: 3 }),
      api.listOneOnOnes({ limit: 3 }),
    ]) {
      expect((await list).items.length).toBeGreaterThan(0)
    }

    expect(Array.isArray(await api.search('an'))).toBe(true)
    expect(Array.isArray(await api.dueNowReminders())).toBe(true)
  })

  it('spots a dead token behind a bare 500 via /api/user/current, then refreshes', async () => {
    const { source, rejected } = tokenSource([DEAD_TOKEN, adaToken], ALL_SCOPES)
    const { api, entries } = clientFor(sandbox, source)

    expect((await api.listTasks({ limit: 2 })).items).toHaveLength(2)
    expect(rejected).toEqual([DEAD_TOKEN])
    expect(JSON.stringify(entries)).toContain('probed the token')
    expect(JSON.stringify(entries)).not.toContain(adaToken)
  })

  it('handles the reminder routes’ 500-with-a-message the same way', async () => {
    const { source, rejected } = tokenSource([DEAD_TOKEN, adaToken], ALL_SCOPES)
    const { api } = clientFor(sandbox, source)

    expect(Array.isArray(await api.upcomingReminders())).toBe(true)
    expect(rejected).toEqual([DEAD_TOKEN])
  })

  it('reports API_SERVER_ERROR for a real fault once the probe finds the token alive', async () => {
    sandbox.setFaults({ errorRates: { '/api/initiatives': 1 } })
    const { source, rejected } = tokenSource([adaToken], ALL_SCOPES)
    const { api } = clientFor(sandbox, source)

    expect((await failure(api.listInitiatives())).code).toBe('API_SERVER_ERROR')
    expect(rejected).toEqual([])
    sandbox.setFaults({ errorRates: {} })
  })

  it('reports NETWORK_OFFLINE once the sandbox is gone mid-run', async () => {
    const { api } = clientFor(sandbox, tokenSource([adaToken], ALL_SCOPES).source)
    expect((await api.listTeams({ limit: 1 })).items).toHaveLength(1)

    await sandbox.close()
    isClosed = true
    const error = await failure(api.listTeams({ limit: 1 }))

    expect(error.code).toBe('NETWORK_OFFLINE')
    expect(error.message).toMatch(/^You appear to be offline/)
  })
})
