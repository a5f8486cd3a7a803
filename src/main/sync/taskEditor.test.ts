import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import type { Task } from '../../shared/mpath/tasks'
import { createTestLogger } from '../log/testing/testLogger'
import { createDataStore } from './dataStore'
import { createTaskEditor, type TaskWriteApi } from './taskEditor'
import { sampleOrganization } from './testing/sampleData'

type Availability = Awaited<ReturnType<TaskWriteApi['writeAvailability']>>

function setup(availability: Availability = { available: true }) {
  const organization = sampleOrganization({ tasks: 5 })
  const data = createDataStore()
  data.replace('tasks', organization.tasks, null)
  data.replace('people', organization.people, null)
  data.replace('initiatives', organization.initiatives, null)
  let persisted = 0
  let fail: AppError | undefined
  let release: (() => void) | undefined
  const seen: Task[][] = []
  const gate = () =>
    new Promise<void>((resolve) => {
      release = resolve
      seen.push([...data.get('tasks').items])
    })
  const api: TaskWriteApi = {
    writeAvailability: async () => availability,
    async createTask(body) {
      await gate()

      if (fail) throw fail

      return { ...organization.tasks[0]!, ...body, id: 'server-1' } as Task
    },
    async updateTask(id, patch) {
      await gate()

      if (fail) throw fail

      return {
        ...data.get('tasks').byId.get(id)!,
        ...patch,
        updatedAt: '2026-03-02T00:00:00.000Z',
      } as Task
    },
    async deleteTask() {
      await gate()

      if (fail) throw fail
    },
  }
  const editor = createTaskEditor({
    api: () => api,
    data,
    persist: () => (persisted += 1),
    clock: { now: () => Date.parse('2026-03-01T00:00:00.000Z') },
    logger: createTestLogger().logger,
  })

  return {
    editor,
    data,
    organization,
    seen,
    persisted: () => persisted,
    failNext: (error: AppError) => (fail = error),
    release: () => release?.(),
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createTaskEditor', () => {
  it('shows a new task at once, then swaps in the server copy', async () => {
    const { editor, data, release, persisted } = setup()
    const pending = editor.create({ title: 'Write the plan', assigneeId: 'person_1' })
    await flush()

    const optimistic = data.get('tasks').items.at(-1)!
    expect(optimistic.id).toMatch(/^local-/)
    expect(optimistic.assignee?.name).toBe(data.get('people').byId.get('person_1')!.name)

    release()
    const saved = await pending
    expect(saved.id).toBe('server-1')
    expect(data.get('tasks').byId.has(optimistic.id)).toBe(false)
    expect(data.get('tasks').byId.get('server-1')?.title).toBe('Write the plan')
    expect(persisted()).toBe(1)
  })

  it('rolls an update back with a clear message when the server refuses', async () => {
    const { editor, data, organization, release, failNext } = setup()
    const target = organization.tasks[1]!
    failNext(new AppError('API_FORBIDDEN', 'You may not edit this task.'))
    const pending = editor.update({ id: target.id, patch: { title: 'Renamed' } })
    await flush()
    expect(data.get('tasks').byId.get(target.id)?.title).toBe('Renamed')

    release()
    const error = await pending.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'API_FORBIDDEN' })
    expect((error as AppError).message).toMatch(/not saved and has been undone/)
    expect(data.get('tasks').byId.get(target.id)).toBe(target)
  })

  it('completes a task and restores a failed delete at its place', async () => {
    const { editor, data, organization, release, failNext } = setup()
    const completing = editor.complete(organization.tasks[2]!.id)
    await flush()
    release()
    expect((await completing).status).toBe('done')

    failNext(new AppError('NETWORK_OFFLINE', 'You appear to be offline.'))
    const deleting = editor.remove(organization.tasks[3]!.id)
    await flush()
    expect(data.get('tasks').byId.has(organization.tasks[3]!.id)).toBe(false)
    release()
    await expect(deleting).rejects.toMatchObject({ code: 'NETWORK_OFFLINE' })
    expect(data.get('tasks').items[3]?.id).toBe(organization.tasks[3]!.id)
  })

  it('says why writes are unavailable and never touches the cache', async () => {
    const { editor, data } = setup({
      available: false,
      reason: 'scope',
      message: 'Editing needs the write:tasks permission; turn on editing and sign in again.',
    })
    expect(await editor.availability()).toEqual({
      available: false,
      reason: 'Editing needs the write:tasks permission; turn on editing and sign in again.',
    })
    const before = data.get('tasks')
    await expect(editor.create({ title: 'x' })).rejects.toMatchObject({
      code: 'WRITES_UNAVAILABLE',
      action: 'Turn on editing in Settings, then sign in again.',
    })
    expect(data.get('tasks')).toBe(before)
  })
})
