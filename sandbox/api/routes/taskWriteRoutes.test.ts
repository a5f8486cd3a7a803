import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApi, type TestApi } from '../testing/testApi'

let api: TestApi
let ben: string
let benPersonId: string
let initiativeId: string

beforeAll(async () => {
  api = await startTestApi()
  ben = api.tokenFor('ben')
  benPersonId = await api.personIdOf('ben@example.test')
  const initiatives = await api.request('/api/initiatives', { token: ben })
  initiativeId = initiatives.json.initiatives[0].id
})

afterAll(async () => {
  await api?.close()
})

const stored = async (id: string) =>
  (
    await api.db.query<{ status: string; completed_at: Date | null; title: string }>(
      'select status, completed_at, title from task where id = $1',
      [id],
    )
  ).rows[0]

const create = (body: unknown, token = ben) =>
  api.request('/api/tasks', { token, method: 'POST', body })

describe('the task-write extension', () => {
  it('announces itself at /api/capabilities without a token', async () => {
    const { status, json } = await api.request('/api/capabilities')

    expect(status).toBe(200)
    expect(json).toEqual({ taskWrites: true })
  })

  it('creates a task (201, list-item shape) that the list then shows', async () => {
    const dueDate = new Date(Date.now() + 3_600_000).toISOString()
    const { status, json } = await create({
      title: 'Write the sandbox report',
      dueDate,
      initiativeId,
      assigneeId: benPersonId,
      priority: 1,
    })
    const listed = await api.request('/api/tasks?search=sandbox%20report', { token: ben })
    const preference = await api.db.query(
      `select reminder_minutes_before_due as minutes
       from task_reminder_preference where task_id = $1`,
      [json.id],
    )

    expect(status).toBe(201)
    expect(json).toMatchObject({
      title: 'Write the sandbox report',
      status: 'todo',
      priority: 1,
      estimate: null,
      objective: null,
      dueDate,
      assignee: { id: benPersonId, name: 'Ben Okafor' },
      initiative: { id: initiativeId },
      createdBy: { name: 'Ben Okafor' },
    })
    expect(listed.json.tasks.map((task: { id: string }) => task.id)).toEqual([json.id])
    expect(preference.rows).toEqual([{ minutes: 5 }])
  })

  it.each([
    [{}, 'title'],
    [{ title: '' }, 'title'],
    [{ title: 'x', priority: 9 }, 'priority'],
    [{ title: 'x', status: 'finished' }, 'status'],
    [{ title: 'x', dueDate: 'soon' }, 'dueDate'],
    [{ title: 'x', assignee: { id: 'p' } }, 'assignee'],
  ])('answers 400 for the body %j', async (body, field) => {
    const { status, json } = await create(body)

    expect(status).toBe(400)
    expect(json.error).toContain(field)
  })

  it('answers 400 for a body that is not JSON and for outside references', async () => {
    expect((await create('{not json')).status).toBe(400)
    expect((await create({ title: 'x', assigneeId: 'cnobody' })).json).toEqual({
      error: 'assigneeId does not name a person in your organization',
    })
  })

  it('stamps completedAt when a task is done and clears it when reopened', async () => {
    const { json: task } = await create({ title: 'Close the loop', initiativeId })
    const done = await api.request(`/api/tasks/${task.id}`, {
      token: ben,
      method: 'PATCH',
      body: { status: 'done' },
    })
    const afterDone = await stored(task.id)
    await api.request(`/api/tasks/${task.id}`, {
      token: ben,
      method: 'PATCH',
      body: { status: 'doing', title: 'Reopened' },
    })
    const afterReopen = await stored(task.id)

    expect(done.status).toBe(200)
    expect(done.json).toMatchObject({ id: task.id, status: 'done' })
    expect(afterDone?.completed_at).toBeInstanceOf(Date)
    expect(afterReopen).toMatchObject({ status: 'doing', completed_at: null, title: 'Reopened' })
  })

  it('answers 404 for unknown or invisible tasks, 403 for ones Ben may not change', async () => {
    const adas = await api.request('/api/tasks?search=Read%20the%20leadership', {
      token: api.tokenFor('ada'),
    })
    const hiddenId = adas.json.tasks[0].id
    const someoneElses = await api.request(`/api/tasks?initiativeId=${initiativeId}&limit=200`, {
      token: ben,
    })
    const foreign = someoneElses.json.tasks.find(
      (task: { createdBy: { name: string }; assigneeId: string | null }) =>
        task.createdBy.name !== 'Ben Okafor' && task.assigneeId !== benPersonId,
    )

    expect(
      (await api.request('/api/tasks/cnope', { token: ben, method: 'PATCH', body: { title: 'x' } }))
        .status,
    ).toBe(404)
    expect(
      (await api.request(`/api/tasks/${hiddenId}`, { token: ben, method: 'DELETE' })).status,
    ).toBe(404)
    expect(
      (
        await api.request(`/api/tasks/${foreign.id}`, {
          token: ben,
          method: 'PATCH',
          body: { title: 'x' },
        })
      ).status,
    ).toBe(403)
  })

  it('deletes with 204; the task is then gone', async () => {
    const { json: task } = await create({ title: 'Short-lived' })
    const deleted = await api.request(`/api/tasks/${task.id}`, { token: ben, method: 'DELETE' })

    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    expect(await stored(task.id)).toBeUndefined()
    expect(
      (await api.request(`/api/tasks/${task.id}`, { token: ben, method: 'DELETE' })).status,
    ).toBe(404)
  })

  it('needs write:tasks, and a linked person or admin role to create', async () => {
    const readOnly = await create({ title: 'x' }, api.tokenFor('ben', 'openid read:tasks'))
    const cleo = await create({ title: 'x' }, api.tokenFor('cleo'))

    expect(readOnly.status).toBe(403)
    expect(readOnly.headers.get('www-authenticate')).toContain('scope="write:tasks"')
    expect(cleo.status).toBe(403)
  })
})

describe('--no-writes', () => {
  it('removes the extension as on the real server, leaving reads alone', async () => {
    api.faults.noWrites = true

    try {
      expect((await api.request('/api/capabilities')).status).toBe(404)
      expect((await create({ title: 'x' })).status).toBe(405)
      expect(
        (await api.request('/api/tasks/cany', { token: ben, method: 'PATCH', body: {} })).status,
      ).toBe(404)
      expect((await api.request('/api/tasks/cany', { token: ben, method: 'DELETE' })).status).toBe(
        404,
      )
      expect((await api.request('/api/tasks', { token: ben })).status).toBe(200)
    } finally {
      api.faults.noWrites = false
    }
  })
})
