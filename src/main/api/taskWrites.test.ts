import { describe, expect, it } from 'vitest'

import { taskItem } from '../../shared/mpath/testing/fixtures'
import { json, respondText } from './testing/fakeFetch'
import { createClientHarness } from './testing/harness'

const WRITE_SCOPES = ['openid', 'read:tasks', 'write:tasks']

function writableHarness(scopes: readonly string[] = WRITE_SCOPES) {
  const harness = createClientHarness({ scopes })
  harness.server.on('GET /api/capabilities', json(200, { taskWrites: true }))

  return harness
}

describe('task writes', () => {
  it('creates, updates, deletes through the extension when announced and granted', async () => {
    const harness = writableHarness()
    harness.server
      .on('POST /api/tasks', json(201, taskItem('k9', { title: 'New' })))
      .on('PATCH /api/tasks/k9', json(200, { task: taskItem('k9', { status: 'done' }) }))
      .on('DELETE /api/tasks/k9', respondText(204, ''))

    expect(await harness.run(harness.api.writeAvailability())).toEqual({ available: true })
    const created = await harness.run(harness.api.createTask({ title: 'New', priority: 1 }))
    const updated = await harness.run(harness.api.updateTask('k9', { status: 'done' }))
    await harness.run(harness.api.deleteTask('k9'))

    expect(created.title).toBe('New')
    expect(updated.status).toBe('done')
    const writes = harness.server.requests.filter((request) => request.method !== 'GET')
    expect(writes.map((request) => [request.method, request.body])).toEqual([
      ['POST', JSON.stringify({ title: 'New', priority: 1 })],
      ['PATCH', JSON.stringify({ status: 'done' })],
      ['DELETE', undefined],
    ])
    expect(
      harness.server.requests.filter((request) => request.url.pathname === '/api/capabilities'),
    ).toHaveLength(1)
  })

  it('are unavailable, with the reason, on a server without the extension', async () => {
    const harness = createClientHarness({ scopes: WRITE_SCOPES })
    harness.server.on('GET /api/capabilities', respondText(404, 'Not Found'))

    expect(await harness.run(harness.api.writeAvailability())).toEqual({
      available: false,
      reason: 'server',
      message: 'Your mpath server does not offer task editing yet.',
    })
    const error = await harness.failure(harness.api.createTask({ title: 'x' }))
    expect(error).toMatchObject({
      code: 'WRITES_UNAVAILABLE',
      message: 'Your mpath server does not offer task editing yet.',
    })
    expect(harness.server.requests.some((request) => request.method === 'POST')).toBe(false)
  })

  it('are unavailable when the server says taskWrites: false', async () => {
    const harness = createClientHarness({ scopes: WRITE_SCOPES })
    harness.server.on('GET /api/capabilities', json(200, { taskWrites: false }))

    expect((await harness.failure(harness.api.deleteTask('k1'))).code).toBe('WRITES_UNAVAILABLE')
  })

  it('are unavailable without write:tasks, saying how to get it', async () => {
    const harness = writableHarness(['openid', 'read:tasks'])

    const error = await harness.failure(harness.api.updateTask('k1', { title: 'x' }))

    expect(error).toMatchObject({
      code: 'WRITES_UNAVAILABLE',
      message: 'Editing needs the write:tasks permission; turn on editing and sign in again.',
      details: { reason: 'scope' },
    })
  })

  it('believe a missing POST route over an earlier announcement', async () => {
    const harness = writableHarness()
    harness.server.on('POST /api/tasks', respondText(405, ''))

    expect((await harness.failure(harness.api.createTask({ title: 'x' }))).code).toBe(
      'WRITES_UNAVAILABLE',
    )
    expect((await harness.run(harness.api.writeAvailability())).available).toBe(false)
  })

  it('report an unknown task as API_NOT_FOUND and a refused body as API_BAD_REQUEST', async () => {
    const harness = writableHarness()
    harness.server
      .on('PATCH /api/tasks/gone', json(404, { error: 'Task not found' }))
      .on('POST /api/tasks', json(400, { error: 'title is required' }))

    const missing = await harness.failure(harness.api.updateTask('gone', { priority: 3 }))
    const refused = await harness.failure(harness.api.createTask({ title: 'ok' }))

    expect(missing).toMatchObject({ code: 'API_NOT_FOUND' })
    expect(missing.message).toMatch(/no longer exists/)
    expect(refused).toMatchObject({ code: 'API_BAD_REQUEST', message: 'title is required' })
  })

  it('validate bodies before asking the server, naming the field', async () => {
    const harness = writableHarness()

    const badPriority = await harness.failure(
      harness.api.createTask({ title: 'x', priority: 9 as never }),
    )
    const empty = await harness.failure(harness.api.updateTask('k1', {}))
    const noId = await harness.failure(harness.api.deleteTask(' '))

    expect(badPriority).toMatchObject({ code: 'API_BAD_REQUEST' })
    expect(badPriority.message).toContain('priority')
    expect(empty.code).toBe('API_BAD_REQUEST')
    expect(noId.code).toBe('API_BAD_REQUEST')
    expect(harness.server.requests).toHaveLength(0)
  })

  it('report a server-side missing write:tasks as API_INSUFFICIENT_SCOPE', async () => {
    const harness = writableHarness()
    harness.server.on(
      'DELETE /api/tasks/k1',
      respondText(403, '', { 'www-authenticate': 'Bearer error="insufficient_scope"' }),
    )

    const error = await harness.failure(harness.api.deleteTask('k1'))

    expect(error).toMatchObject({
      code: 'API_INSUFFICIENT_SCOPE',
      details: { missingScope: 'write:tasks' },
    })
  })
})
