import { describe, expect, it } from 'vitest'

import { createFakeMpath } from './fakeMpath'
import { FIXTURE_TASKS } from './fixtures'

describe('createFakeMpath', () => {
  it('filters tasks like the cache: unassigned, no initiative, statuses, window', async () => {
    const fake = createFakeMpath()

    const unassigned = await fake.tasks.query({ assigneeIds: ['unassigned'] })
    expect(unassigned.total).toBeGreaterThan(0)
    expect(unassigned.items.every((task) => task.assigneeId === null)).toBe(true)

    const noInitiative = await fake.tasks.query({ initiativeIds: ['none'], limit: 2 })
    expect(noInitiative.items).toHaveLength(2)
    expect(noInitiative.total).toBeGreaterThan(2)

    const blocked = await fake.tasks.query({ statuses: ['blocked'] })
    expect(blocked.items.every((task) => task.status === 'blocked')).toBe(true)
    expect((await fake.tasks.query({})).total).toBe(FIXTURE_TASKS.length)
  })

  it('groups my work into overdue, today and upcoming', async () => {
    const work = await createFakeMpath().work.getSummary()

    expect(work.overdue.length).toBeGreaterThan(0)
    expect(work.today.length).toBeGreaterThan(0)
    expect(work.upcoming.length).toBeGreaterThan(0)
    expect(work.ownedInitiatives.map((initiative) => initiative.id)).toContain('init_sso')
  })

  it('records calls, rejects with plain error data and validates requests', async () => {
    const fake = createFakeMpath()
    fake.reject('tasks:query', { code: 'NETWORK_OFFLINE', message: 'You are offline.' })

    await expect(fake.tasks.query({})).rejects.toEqual({
      code: 'NETWORK_OFFLINE',
      message: 'You are offline.',
    })
    await expect(fake.auth.submitRedirect({ address: '' })).rejects.toMatchObject({
      code: 'IPC_INVALID_ARGUMENT',
    })
    expect(fake.callsTo('tasks:query')).toEqual([{}])
  })

  it('emits events to listeners until they unsubscribe', async () => {
    const fake = createFakeMpath()
    const seen: string[] = []
    const unsubscribe = fake.auth.onDidChangeSession((session) => seen.push(session.status))

    await fake.auth.signIn()
    unsubscribe()
    await fake.auth.cancel()

    expect(seen).toEqual(['signing-in'])
    expect(fake.listenerCount('auth:did-change-session')).toBe(0)
  })
})
