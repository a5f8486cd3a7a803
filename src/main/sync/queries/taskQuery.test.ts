import { beforeAll, describe, expect, it } from 'vitest'

import { taskQuerySchema, type TaskQuery } from '../../../shared/ipc/queries'
import type { Task } from '../../../shared/mpath/tasks'
import { createDataStore, type CollectionSnapshot } from '../dataStore'
import { sampleOrganization } from '../testing/sampleData'
import { queryTasks } from './taskQuery'

const query = (input: Partial<TaskQuery> = {}): TaskQuery => taskQuerySchema.parse(input)

describe('queryTasks on 100,000 tasks', () => {
  let snapshot: CollectionSnapshot<Task>
  let tasks: Task[]

  beforeAll(() => {
    const organization = sampleOrganization({ tasks: 100_000, people: 200, initiatives: 50 })
    tasks = organization.tasks
    const store = createDataStore()
    store.replace('tasks', tasks, '2026-03-01T00:00:00.000Z')
    snapshot = store.get('tasks')
  })

  it('filters unassigned tasks and tasks without an initiative', () => {
    const unassigned = queryTasks(snapshot, query({ assigneeIds: ['unassigned'], limit: 1000 }))
    const expected = tasks.filter((task) => task.assigneeId === null)
    expect(unassigned.total).toBe(expected.length)
    expect(unassigned.items.every((task) => task.assigneeId === null)).toBe(true)

    const mixed = queryTasks(
      snapshot,
      query({ assigneeIds: ['unassigned', 'person_3'], initiativeIds: ['none'] }),
    )
    expect(mixed.total).toBe(
      tasks.filter(
        (task) =>
          (task.assigneeId === null || task.assigneeId === 'person_3') &&
          task.initiativeId === null,
      ).length,
    )
  })

  it('combines status, priority and due-date filters', () => {
    const page = queryTasks(
      snapshot,
      query({
        statuses: ['todo', 'doing'],
        priorities: [1, 2],
        dueFrom: '2026-03-01',
        dueTo: '2026-03-10',
        limit: 1000,
      }),
    )
    const from = Date.parse('2026-03-01')
    const to = Date.parse('2026-03-11') - 1
    const expected = tasks.filter(
      (task) =>
        ['todo', 'doing'].includes(task.status) &&
        [1, 2].includes(task.priority) &&
        task.dueDate !== null &&
        Date.parse(task.dueDate) >= from &&
        Date.parse(task.dueDate) <= to,
    )
    expect(page.total).toBe(expected.length)
    expect(page.total).toBeGreaterThan(0)
  })

  it('searches titles case-insensitively', () => {
    const page = queryTasks(snapshot, query({ search: 'ROADMAP Audit', limit: 1000 }))
    expect(page.total).toBe(
      tasks.filter((task) => task.title.toLowerCase().includes('roadmap audit')).length,
    )
  })

  it('sorts by due date with tasks without one last in both directions', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const all = queryTasks(
        snapshot,
        query({ sort: { field: 'dueDate', direction }, limit: 1000, offset: 99_000 }),
      )
      expect(all.items.at(-1)?.dueDate).toBeNull()
      const first = queryTasks(snapshot, query({ sort: { field: 'dueDate', direction }, limit: 2 }))
      const [a, b] = first.items.map((task) => Date.parse(task.dueDate!))
      expect(direction === 'asc' ? a! <= b! : a! >= b!).toBe(true)
    }
  })

  it('orders by the server default: status, then due date, then creation', () => {
    const page = queryTasks(snapshot, query({ limit: 1000 }))
    const ranks = page.items.map((task) =>
      ['todo', 'doing', 'blocked', 'done', 'dropped'].indexOf(task.status),
    )
    expect(ranks).toEqual([...ranks].sort((left, right) => left - right))
  })

  it('sorts by title and assignee, unassigned last', () => {
    const byTitle = queryTasks(snapshot, query({ sort: { field: 'title', direction: 'desc' } }))
    const titles = byTitle.items.map((task) => task.title.toLowerCase())
    expect(titles).toEqual([...titles].sort().reverse())

    const byAssignee = queryTasks(
      snapshot,
      query({ sort: { field: 'assignee', direction: 'asc' }, offset: 99_990, limit: 10 }),
    )
    expect(byAssignee.items.every((task) => task.assignee === null)).toBe(true)
  })

  it('serves a new window of the same query without filtering or sorting again', () => {
    const sorted = { sort: { field: 'priority', direction: 'asc' } } as const
    const started = performance.now()
    queryTasks(snapshot, query({ ...sorted, search: 'task', offset: 0 }))
    const firstTime = performance.now() - started

    const windowStarted = performance.now()

    for (let offset = 100; offset < 10_000; offset += 100) {
      queryTasks(snapshot, query({ ...sorted, search: 'task', offset }))
    }

    const windowsTime = performance.now() - windowStarted
    // 99 windows must cost less than one full filter and sort: they only slice.
    expect(windowsTime).toBeLessThan(Math.max(firstTime, 5))

    const page = queryTasks(snapshot, query({ ...sorted, search: 'task', offset: 500, limit: 3 }))
    expect(page.items).toHaveLength(3)
    expect(page.total).toBe(100_000)
  })

  it('answers a fresh filtered and sorted query on 100,000 tasks quickly', () => {
    const started = performance.now()
    const page = queryTasks(
      snapshot,
      query({ statuses: ['todo'], sort: { field: 'title', direction: 'asc' }, search: 'a' }),
    )
    expect(page.total).toBeGreaterThan(0)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('sees a changed snapshot instead of a stale cached result', () => {
    const store = createDataStore()
    store.replace('tasks', tasks.slice(0, 10), null)
    expect(queryTasks(store.get('tasks'), query()).total).toBe(10)
    store.remove('tasks', tasks[0]!.id)
    expect(queryTasks(store.get('tasks'), query()).total).toBe(9)
  })
})
