import { describe, expect, it } from 'vitest'

import {
  commandPalettePermissionsBody,
  currentUserBody,
  hasMorePagination,
  initiativeItem,
  nextPagePagination,
  oneOnOneItem,
  personItem,
  reminderItem,
  taskItem,
  teamItem,
} from '../../shared/mpath/testing/fixtures'
import { json, respondText } from './testing/fakeFetch'
import { createClientHarness } from './testing/harness'

describe('API client methods', () => {
  it('read every list and fold its pagination', async () => {
    const harness = createClientHarness()
    harness.server
      .on(
        'GET /api/people',
        json(200, { people: [personItem('p1')], pagination: hasMorePagination(1, 1, 2) }),
      )
      .on(
        'GET /api/teams',
        json(200, { teams: [teamItem('t1')], pagination: nextPagePagination(1, 20, 1) }),
      )
      .on(
        'GET /api/tasks',
        json(200, { tasks: [taskItem('k1')], pagination: nextPagePagination(2, 1, 3) }),
      )
      .on(
        'GET /api/initiatives',
        json(200, {
          initiatives: [initiativeItem('i1')],
          pagination: nextPagePagination(1, 20, 1),
        }),
      )
      .on(
        'GET /api/oneonones',
        json(200, { oneonones: [oneOnOneItem('o1')], pagination: nextPagePagination(1, 20, 1) }),
      )

    const people = await harness.run(harness.api.listPeople({ limit: 1 }))
    const teams = await harness.run(harness.api.listTeams())
    const tasks = await harness.run(harness.api.listTasks({ page: 2, limit: 1 }))
    const initiatives = await harness.run(harness.api.listInitiatives())
    const oneOnOnes = await harness.run(harness.api.listOneOnOnes())

    expect(people.pageInfo).toEqual({
      page: 1,
      limit: 1,
      totalCount: 2,
      totalPages: 2,
      hasNextPage: true,
    })
    expect(teams.items[0]?.name).toBe('Team t1')
    expect(tasks.pageInfo.hasNextPage).toBe(true)
    expect(initiatives.items[0]?.owners[0]?.person?.name).toBe('Ada Admin')
    expect(oneOnOnes.items[0]?.manager?.name).toBe('Ada Admin')
    expect(harness.server.requests.map((request) => request.url.search)).toEqual([
      '?limit=1',
      '',
      '?page=2&limit=1',
      '',
      '',
    ])
  })

  it('reads the current user', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/user/current',
      json(200, currentUserBody, { 'cache-control': 'no-store' }),
    )

    expect((await harness.run(harness.api.currentUser())).managerOSPersonId).toBe('cper_ada')
  })

  it('searches with q, and answers a query under 2 characters without asking', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/search',
      json(200, { results: [{ id: 'k1', title: 'Launch', subtitle: 'Plan', type: 'task' }] }),
    )

    expect(await harness.run(harness.api.search(' x '))).toEqual([])
    expect(await harness.run(harness.api.search(' launch '))).toHaveLength(1)
    expect(harness.server.requests.map((request) => request.url.search)).toEqual(['?q=launch'])
  })

  it('reads reminders and acts on them with the documented bodies', async () => {
    const harness = createClientHarness()
    harness.server
      .on('GET /api/task-reminders/due-now', json(200, { reminders: [reminderItem('d1')] }))
      .on(
        'GET /api/task-reminders/upcoming',
        json(200, { reminders: [reminderItem('d1'), reminderItem('d2')] }),
      )
      .on('POST /api/task-reminders/acknowledge', json(200, { success: true }))
      .on('POST /api/task-reminders/snooze', json(200, { success: true }))

    expect(await harness.run(harness.api.dueNowReminders())).toHaveLength(1)
    expect(await harness.run(harness.api.upcomingReminders())).toHaveLength(2)
    await harness.run(harness.api.acknowledgeReminder('d1'))
    await harness.run(harness.api.snoozeReminder('d2', 60))

    const posts = harness.server.requests.filter((request) => request.method === 'POST')
    expect(posts.map((request) => JSON.parse(request.body ?? ''))).toEqual([
      { deliveryId: 'd1' },
      { deliveryId: 'd2', snoozeMinutes: 60 },
    ])
    expect(posts[0]?.headers.get('content-type')).toBe('application/json')
  })

  it('refuses, before any request, a snooze that is not whole positive minutes', async () => {
    const harness = createClientHarness()

    expect((await harness.failure(harness.api.snoozeReminder('d1', 0))).code).toBe(
      'API_BAD_REQUEST',
    )
    expect((await harness.failure(harness.api.snoozeReminder('', 5))).code).toBe('API_BAD_REQUEST')
    expect(harness.server.requests).toHaveLength(0)
  })

  it('passes on the snooze route’s 400 message', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'POST /api/task-reminders/snooze',
      json(400, { error: 'Snooze time cannot be later than the task due date' }),
    )

    const error = await harness.failure(harness.api.snoozeReminder('d1', 1440))

    expect(error).toMatchObject({
      code: 'API_BAD_REQUEST',
      message: 'Snooze time cannot be later than the task due date',
    })
  })

  it('reads command-palette permissions and single permission checks', async () => {
    const harness = createClientHarness()
    harness.server
      .on('GET /api/command-palette/permissions', json(200, commandPalettePermissionsBody))
      .on('GET /api/permissions/check', json(200, { hasPermission: false }))

    expect((await harness.run(harness.api.commandPalettePermissions()))['task.create']).toBe(true)
    expect(await harness.run(harness.api.checkPermission('task.edit', 'k1'))).toBe(false)
    expect(harness.server.requests[1]?.url.search).toBe('?action=task.edit&id=k1')
  })

  it('reads capabilities, and a 404 (real mpath) as no task writes', async () => {
    const announcing = createClientHarness()
    announcing.server.on('GET /api/capabilities', json(200, { taskWrites: true, version: 2 }))
    const real = createClientHarness()
    real.server.on('GET /api/capabilities', respondText(404, '<!DOCTYPE html>'))

    expect((await announcing.run(announcing.api.capabilities())).taskWrites).toBe(true)
    expect(await real.run(real.api.capabilities())).toEqual({ taskWrites: false })
  })

  it('checks health without a token', async () => {
    const harness = createClientHarness()
    harness.server.on(
      'GET /api/health',
      json(200, { status: 'ok', timestamp: '2026-03-01T09:00:00.000Z', uptime: 12 }),
    )

    expect((await harness.run(harness.api.health())).status).toBe('ok')
  })
})
