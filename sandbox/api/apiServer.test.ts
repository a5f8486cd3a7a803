import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApi, type TestApi } from './testing/testApi'

let api: TestApi
let ben: string
let ada: string
let benPersonId: string
let adaPersonId: string

beforeAll(async () => {
  api = await startTestApi()
  ben = api.tokenFor('ben')
  ada = api.tokenFor('ada')
  benPersonId = await api.personIdOf('ben@example.test')
  adaPersonId = await api.personIdOf('ada@example.test')
})

afterAll(async () => {
  await api?.close()
})

const TASK_KEYS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'estimate',
  'dueDate',
  'createdAt',
  'updatedAt',
  'assigneeId',
  'initiativeId',
  'objectiveId',
  'createdById',
  'assignee',
  'initiative',
  'objective',
  'createdBy',
].sort()

const STATUS_ORDER = ['todo', 'doing', 'blocked', 'done', 'dropped']

describe('/api/people', () => {
  it('lists people with the hasMore pagination and defaults page 1, limit 20', async () => {
    const { status, json } = await api.request('/api/people', { token: ben })

    expect(status).toBe(200)
    expect(json.pagination).toEqual({
      page: 1,
      limit: 20,
      totalCount: 60,
      totalPages: 3,
      hasMore: true,
    })
    expect(json.people).toHaveLength(20)
    expect(json.people[0]).toMatchObject({
      endDate: null,
      userId: null,
      reportCount: expect.any(Number),
    })
    expect(Object.keys(json.people[0]).sort()).toEqual(
      [
        'id',
        'name',
        'email',
        'role',
        'status',
        'avatarUrl',
        'startDate',
        'endDate',
        'teamId',
        'managerId',
        'jobRoleId',
        'organizationId',
        'userId',
        'createdAt',
        'updatedAt',
        'teamName',
        'managerName',
        'jobRoleTitle',
        'reportCount',
      ].sort(),
    )
    const names = json.people.map((person: { name: string }) => person.name)
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right)))
  })

  it('pages on: the last page has hasMore false', async () => {
    const second = await api.request('/api/people?page=2', { token: ben })
    const third = await api.request('/api/people?page=3', { token: ben })

    expect(second.json.people[0].id).not.toBe(
      (await api.request('/api/people', { token: ben })).json.people[0].id,
    )
    expect(third.json.pagination).toMatchObject({ page: 3, hasMore: false })
  })

  it('filters with the no-manager sentinel and status lists, and skips `all`', async () => {
    const top = await api.request('/api/people?managerId=no-manager', { token: ben })
    const away = await api.request('/api/people?status=inactive,%20on_leave', { token: ben })
    const all = await api.request('/api/people?status=all&teamId=all', { token: ben })

    expect(top.json.people.map((person: { name: string }) => person.name)).toEqual(['Maya Chen'])
    expect(away.json.pagination.totalCount).toBe(5)
    expect(all.json.pagination.totalCount).toBe(60)
  })

  it('sorts by name descending, and falls back to the default for unknown fields', async () => {
    const descending = await api.request('/api/people?sort=NAME:DESC&limit=100', { token: ben })
    const unknown = await api.request('/api/people?sort=shoeSize&limit=100', { token: ben })
    const names = descending.json.people.map((person: { name: string }) => person.name)

    expect(names).toEqual([...names].sort((left, right) => right.localeCompare(left)))
    expect(unknown.json.people.map((person: { name: string }) => person.name)).toEqual(
      [...names].reverse(),
    )
  })

  it('answers 403 to a user in no organization and 400 to broken immutableFilters', async () => {
    const dev = await api.request('/api/people', { token: api.tokenFor('dev') })
    const broken = await api.request('/api/people?immutableFilters=%7Bnope', { token: ben })

    expect(dev.status).toBe(403)
    expect(dev.json).toEqual({ error: 'User must belong to an organization to view people' })
    expect(broken.status).toBe(400)
    expect(broken.json).toEqual({ error: 'Invalid immutableFilters parameter' })
  })
})

describe('/api/teams', () => {
  it('lists teams with parent, _count and the hasNextPage pagination', async () => {
    const { json } = await api.request('/api/teams?limit=5&page=2', { token: ben })

    expect(json.pagination).toEqual({
      page: 2,
      limit: 5,
      totalCount: 12,
      totalPages: 3,
      hasNextPage: true,
      hasPreviousPage: true,
    })
    expect(json.teams[0]).toMatchObject({
      _count: { people: expect.any(Number), initiatives: expect.any(Number) },
    })
  })

  it('filters top-level teams with no-parent and embeds the parent of nested ones', async () => {
    const top = await api.request('/api/teams?parentId=no-parent', { token: ben })
    const all = await api.request('/api/teams?limit=50', { token: ben })
    const web = all.json.teams.find((team: { name: string }) => team.name === 'Web')

    expect(top.json.teams.map((team: { name: string }) => team.name)).toEqual([
      'Customer Success',
      'Engineering',
      'Leadership',
      'People Operations',
      'Product',
    ])
    expect(web.parent).toEqual({ id: web.parentId, name: 'Product Engineering' })
    expect(web.parentName).toBe('Product Engineering')
  })
})

describe('/api/tasks', () => {
  it('lists list-item tasks in the default order: workflow status, then due date', async () => {
    const { status, json } = await api.request('/api/tasks', { token: ben })

    expect(status).toBe(200)
    expect(json.tasks).toHaveLength(20)
    expect(Object.keys(json.tasks[0]).sort()).toEqual(TASK_KEYS)
    expect(json.tasks[0]).toMatchObject({ estimate: null, objective: null })
    expect(json.pagination).toMatchObject({
      page: 1,
      limit: 20,
      hasNextPage: true,
      hasPreviousPage: false,
    })
    const everything = await api.request('/api/tasks?limit=1000', { token: ben })
    const ranks = everything.json.tasks.map((task: { status: string }) =>
      STATUS_ORDER.indexOf(task.status),
    )
    expect(ranks).toEqual([...ranks].sort((left, right) => left - right))
  })

  it('serves a second page', async () => {
    const first = await api.request('/api/tasks?limit=10', { token: ben })
    const second = await api.request('/api/tasks?limit=10&page=2', { token: ben })

    expect(second.json.pagination).toMatchObject({ page: 2, hasPreviousPage: true })
    expect(second.json.tasks[0].id).not.toBe(first.json.tasks[0].id)
  })

  it('filters unassigned tasks, and mixes the sentinel with ids as NULL OR IN', async () => {
    const unassigned = await api.request('/api/tasks?assigneeId=unassigned&limit=500', {
      token: ben,
    })
    const mixed = await api.request(`/api/tasks?assigneeId=unassigned,${benPersonId}&limit=500`, {
      token: ben,
    })

    expect(unassigned.json.tasks.length).toBeGreaterThan(0)
    expect(
      unassigned.json.tasks.every((task: { assignee: unknown }) => task.assignee === null),
    ).toBe(true)
    expect(
      new Set(mixed.json.tasks.map((task: { assigneeId: string | null }) => task.assigneeId)),
    ).toEqual(new Set([null, benPersonId]))
  })

  it('treats assigneeId=all as an id in the rows but not in the count', async () => {
    const { json } = await api.request('/api/tasks?assigneeId=all', { token: ben })

    expect(json.tasks).toEqual([])
    expect(json.pagination.totalCount).toBeGreaterThan(0)
  })

  it('sorts by due date descending with undated tasks last', async () => {
    const { json } = await api.request('/api/tasks?sort=dueDate:desc&limit=1000', { token: ben })
    const dates = json.tasks.map((task: { dueDate: string | null }) => task.dueDate)
    const firstNull = dates.indexOf(null)

    expect(firstNull).toBeGreaterThan(0)
    expect(dates.slice(firstNull).every((date: string | null) => date === null)).toBe(true)
    expect(dates.slice(0, firstNull)).toEqual([...dates.slice(0, firstNull)].sort().reverse())
  })

  it('answers 500 for a limit that is not a number, and null totalPages for limit=0', async () => {
    const bad = await api.request('/api/tasks?limit=abc', { token: ben })
    const zero = await api.request('/api/tasks?limit=0', { token: ben })

    expect(bad.status).toBe(500)
    expect(bad.json).toEqual({ error: 'Failed to fetch tasks' })
    expect(zero.json.tasks).toEqual([])
    expect(zero.json.pagination.totalPages).toBeNull()
  })

  it('shows standalone tasks to their creator only, not even to the assignee', async () => {
    const search = (token: string, title: string) =>
      api.request(`/api/tasks?search=${encodeURIComponent(title)}`, { token })

    expect((await search(ben, 'Renew the conference badge')).json.tasks).toHaveLength(1)
    expect((await search(ada, 'Renew the conference badge')).json.tasks).toHaveLength(0)
    expect((await search(ben, 'Read the leadership offsite pre-read')).json.tasks).toHaveLength(0)
    expect((await search(ada, 'Read the leadership offsite pre-read')).json.tasks).toHaveLength(1)
    expect((await search(ben, 'Pair on alert tuning')).json.tasks[0]).toMatchObject({
      initiativeId: null,
      objectiveId: expect.any(String),
      objective: null,
    })
  })

  it('has overdue and due-today work for Ben', async () => {
    const now = new Date()
    const endOfToday = new Date(now)
    endOfToday.setHours(23, 59, 59, 999)
    const { json } = await api.request(
      `/api/tasks?assigneeId=${benPersonId}&status=todo,doing,blocked&limit=200`,
      { token: ben },
    )
    const due = json.tasks
      .filter((task: { dueDate: string | null }) => task.dueDate)
      .map((task: { dueDate: string }) => new Date(task.dueDate))

    expect(due.filter((date: Date) => date < now).length).toBeGreaterThanOrEqual(3)
    expect(
      due.filter((date: Date) => date >= now && date <= endOfToday).length,
    ).toBeGreaterThanOrEqual(1)
  })

  it('answers 403 with the tasks wording to a user in no organization', async () => {
    const { status, json } = await api.request('/api/tasks', { token: api.tokenFor('dev') })

    expect(status).toBe(403)
    expect(json).toEqual({ error: 'User must belong to an organization to view tasks' })
  })
})

describe('/api/initiatives', () => {
  it('embeds objectives, owners with full person rows and the synthetic tasks array', async () => {
    const { json } = await api.request('/api/initiatives', { token: ben })
    const updated = json.initiatives.map(
      (initiative: { updatedAt: string }) => initiative.updatedAt,
    )

    expect(json.pagination).toMatchObject({
      totalCount: 12,
      hasNextPage: false,
      hasPreviousPage: false,
    })
    expect(updated).toEqual([...updated].sort().reverse())

    for (const initiative of json.initiatives) {
      const sortIndexes = initiative.objectives.map(
        (objective: { sortIndex: number }) => objective.sortIndex,
      )
      const done = initiative.tasks.filter(
        (task: { status: string }) => task.status === 'done',
      ).length

      expect(sortIndexes).toEqual([...sortIndexes].sort((left, right) => left - right))
      expect(initiative.tasks).toHaveLength(initiative._count.tasks)
      expect(
        initiative.tasks.slice(0, done).every((task: { status: string }) => task.status === 'done'),
      ).toBe(true)
      expect(initiative.owners[0].person).toHaveProperty('employeeType')
      expect(initiative).not.toHaveProperty('slot')
    }
  })

  it('filters by owner and sorts by RAG, red first', async () => {
    const owned = await api.request(`/api/initiatives?ownerId=${adaPersonId}`, { token: ada })
    const byRag = await api.request('/api/initiatives?sort=rag', { token: ada })
    const rags = byRag.json.initiatives.map((initiative: { rag: string }) =>
      ['red', 'amber', 'green'].indexOf(initiative.rag),
    )

    expect(owned.json.initiatives).toHaveLength(4)
    expect(rags).toEqual([...rags].sort((left, right) => left - right))
  })
  it('pages, and filters initiatives without a team with the no-team sentinel', async () => {
    const second = await api.request('/api/initiatives?limit=5&page=2', { token: ben })
    const teamless = await api.request('/api/initiatives?teamId=no-team', { token: ben })

    expect(second.json.pagination).toEqual({
      page: 2,
      limit: 5,
      totalCount: 12,
      totalPages: 3,
      hasNextPage: true,
      hasPreviousPage: true,
    })
    expect(
      teamless.json.initiatives.map((initiative: { team: unknown }) => initiative.team),
    ).toEqual([null])
  })
})

describe('/api/oneonones', () => {
  it('lists only the caller’s one-on-ones, newest first, unscheduled last', async () => {
    const { json } = await api.request('/api/oneonones?limit=100', { token: ben })
    const items = json.oneonones

    expect(
      items.every((item: { managerId: string; reportId: string }) =>
        [item.managerId, item.reportId].includes(benPersonId),
      ),
    ).toBe(true)
    expect(items.at(-1).scheduledAt).toBeNull()
    expect(items[0].createdAt).toBe(items[0].scheduledAt)
    expect(items[0].manager).toEqual({
      id: items[0].managerId,
      name: expect.any(String),
      email: expect.any(String),
      user: expect.anything(),
    })
  })

  it('pages with hasNextPage, filters by date and sorts by report name', async () => {
    const first = await api.request('/api/oneonones', { token: ben })
    const second = await api.request('/api/oneonones?page=2', { token: ben })
    const from = new Date().toISOString()
    const upcoming = await api.request(`/api/oneonones?scheduledFrom=${from}&limit=100`, {
      token: ben,
    })
    const byReport = await api.request('/api/oneonones?sort=report:desc&limit=100', { token: ben })
    const reports = byReport.json.oneonones.map(
      (item: { report: { name: string } }) => item.report.name,
    )

    expect(first.json.pagination).toMatchObject({ page: 1, limit: 20, hasPreviousPage: false })
    expect(first.json.pagination.totalCount).toBeGreaterThan(20)
    expect(second.json.pagination).toMatchObject({
      page: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    })
    expect(
      upcoming.json.oneonones.every((item: { scheduledAt: string }) => item.scheduledAt >= from),
    ).toBe(true)
    expect(reports).toEqual([...reports].sort((left, right) => right.localeCompare(left)))
  })

  it('answers 403 to an account with no linked person', async () => {
    const { status, json } = await api.request('/api/oneonones', { token: api.tokenFor('cleo') })

    expect(status).toBe(403)
    expect(json).toEqual({ error: 'No person record found for current user' })
  })
})

describe('/api/search', () => {
  it('returns nothing for a query shorter than two characters', async () => {
    expect((await api.request('/api/search?q=%20a%20', { token: ben })).json).toEqual({
      results: [],
    })
  })

  it('caps each kind and orders tasks, initiatives, people, one-on-ones', async () => {
    const { json } = await api.request('/api/search?q=in', { token: ben })
    const types: string[] = json.results.map((result: { type: string }) => result.type)
    const order = ['task', 'initiative', 'person', 'oneOnOne']

    expect(types.filter((type) => type === 'task')).toHaveLength(8)
    expect(types.filter((type) => type === 'initiative')).toHaveLength(6)
    expect(types.filter((type) => type === 'person')).toHaveLength(6)
    expect(types.filter((type) => type === 'oneOnOne')).toHaveLength(6)
    expect(types.map((type) => order.indexOf(type))).toEqual(
      types.map((type) => order.indexOf(type)).sort(),
    )
  })

  it('returns only the kinds the token may read', async () => {
    const { json } = await api.request('/api/search?q=in', {
      token: api.tokenFor('ben', 'openid read:people'),
    })

    expect(new Set(json.results.map((result: { type: string }) => result.type))).toEqual(
      new Set(['person']),
    )
  })
})

describe('/api/user/current and friends', () => {
  it('describes the mapped user, with no-cache headers', async () => {
    const { json, headers } = await api.request('/api/user/current', { token: ben })

    expect(json.user).toMatchObject({
      email: 'ben@example.test',
      clerkUserId: 'user_2ben0000000000000000000002',
      managerOSPersonId: benPersonId,
      managerOSOrganizationId: expect.any(String),
      role: 'user',
    })
    expect(headers.get('cache-control')).toContain('no-store')
  })

  it('gives a user in no organization null organization fields', async () => {
    const { json } = await api.request('/api/user/current', { token: api.tokenFor('dev') })

    expect(json.user).toMatchObject({
      managerOSOrganizationId: null,
      managerOSPersonId: null,
      role: null,
    })
  })

  it('reports command-palette permissions by role and linked person', async () => {
    const cleo = await api.request('/api/command-palette/permissions', {
      token: api.tokenFor('cleo'),
    })
    const admin = await api.request('/api/command-palette/permissions', { token: ada })

    expect(cleo.json.permissions).toMatchObject({ 'task.create': false, isAdmin: false })
    expect(admin.json.permissions).toMatchObject({
      'task.create': true,
      'report.create': true,
      isAdmin: true,
    })
  })

  it('answers health without a token', async () => {
    const { status, json } = await api.request('/api/health')

    expect(status).toBe(200)
    expect(json).toMatchObject({
      status: 'ok',
      timestamp: expect.any(String),
      uptime: expect.any(Number),
    })
  })
})
