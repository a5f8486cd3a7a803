import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApi, type TestApi } from '../testing/testApi'

let api: TestApi
let ben: string

beforeAll(async () => {
  api = await startTestApi()
  ben = api.tokenFor('ben')
})

afterAll(async () => {
  await api?.close()
})

interface Reminder {
  id: string
  taskId: string
  taskTitle: string
  taskDueDate: string
  remindAt: string
}

const dueNow = async (): Promise<Reminder[]> =>
  (await api.request('/api/task-reminders/due-now', { token: ben })).json.reminders
const upcoming = async (): Promise<Reminder[]> =>
  (await api.request('/api/task-reminders/upcoming', { token: ben })).json.reminders
const post = (path: string, body: unknown) =>
  api.request(`/api/task-reminders/${path}`, { token: ben, method: 'POST', body })
const deliveryStatus = async (id: string) =>
  (
    await api.db.query<{ status: string }>(
      'select status from task_reminder_delivery where id = $1',
      [id],
    )
  ).rows[0]?.status

describe('GET due-now and upcoming', () => {
  it('creates PENDING deliveries on read and lists them oldest first', async () => {
    const before = await api.db.query<{ count: number }>(
      'select count(*)::int as count from task_reminder_delivery',
    )
    const reminders = await dueNow()
    const after = await api.db.query<{ count: number }>(
      'select count(*)::int as count from task_reminder_delivery',
    )

    expect(before.rows[0]?.count).toBe(0)
    expect(after.rows[0]?.count).toBeGreaterThan(0)
    expect(reminders.map((reminder) => reminder.taskTitle)).toEqual(
      expect.arrayContaining(['Prepare the sprint demo', 'Review on-call handover notes']),
    )
    expect(Object.keys(reminders[0] ?? {}).sort()).toEqual([
      'id',
      'remindAt',
      'taskDueDate',
      'taskId',
      'taskTitle',
    ])
    const times = reminders.map((reminder) => reminder.remindAt)
    expect(times).toEqual([...times].sort())
  })

  it('does not create a second delivery while one is PENDING', async () => {
    const first = await dueNow()
    const second = await dueNow()

    expect(second.map((reminder) => reminder.id).sort()).toEqual(
      first.map((reminder) => reminder.id).sort(),
    )
  })

  it('includes every due-now reminder in upcoming', async () => {
    const ids = (await upcoming()).map((reminder) => reminder.id)

    expect(ids).toEqual(expect.arrayContaining((await dueNow()).map((reminder) => reminder.id)))
  })

  it('gives Ada, who set no preferences, no reminders, and Dev a 403', async () => {
    const dev = await api.request('/api/task-reminders/due-now', { token: api.tokenFor('dev') })

    expect(
      (await api.request('/api/task-reminders/due-now', { token: api.tokenFor('ada') })).json,
    ).toEqual({
      reminders: [],
    })
    expect(dev.status).toBe(403)
    expect(dev.json).toEqual({ error: 'User must belong to an organization' })
  })
})

describe('POST acknowledge', () => {
  it('answers 400 without a deliveryId and 500 for an unknown one', async () => {
    const missing = await post('acknowledge', {})
    const unknown = await post('acknowledge', { deliveryId: 'cnope' })

    expect(missing.status).toBe(400)
    expect(missing.json).toEqual({ error: 'deliveryId is required' })
    expect(unknown.status).toBe(500)
    expect(unknown.json).toEqual({ error: 'Reminder not found or access denied' })
  })

  it('acknowledges, and the next GET re-creates a PENDING delivery for the open task', async () => {
    const reminder = (await dueNow()).find(
      (candidate) => candidate.taskTitle === 'Review on-call handover notes',
    )
    const acknowledged = await post('acknowledge', { deliveryId: reminder?.id })
    const again = (await dueNow()).find((candidate) => candidate.taskId === reminder?.taskId)

    expect(acknowledged.json).toEqual({ success: true })
    expect(await deliveryStatus(reminder?.id ?? '')).toBe('ACKNOWLEDGED')
    expect(again?.id).toBeDefined()
    expect(again?.id).not.toBe(reminder?.id)
    expect(again?.taskDueDate).toBe(reminder?.taskDueDate)
  })

  it('refuses another user’s delivery', async () => {
    const reminder = (await dueNow())[0]
    const asAda = await api.request('/api/task-reminders/acknowledge', {
      token: api.tokenFor('ada'),
      method: 'POST',
      body: { deliveryId: reminder?.id },
    })

    expect(asAda.status).toBe(500)
  })
})

describe('POST snooze', () => {
  const find = async (title: string) =>
    (await dueNow()).find((reminder) => reminder.taskTitle === title)

  it('validates the body', async () => {
    const reminder = await find('Prepare the sprint demo')

    expect((await post('snooze', { deliveryId: reminder?.id })).status).toBe(400)
    expect((await post('snooze', { deliveryId: reminder?.id, snoozeMinutes: '5' })).status).toBe(
      400,
    )
    expect((await post('snooze', { deliveryId: reminder?.id, snoozeMinutes: 0 })).json).toEqual({
      error: 'snoozeMinutes must be greater than 0',
    })
  })

  it('refuses an overdue task and a snooze past the due date', async () => {
    const overdue = await find('Send capacity estimates to Ada')
    const soon = await find('Prepare the sprint demo')

    expect((await post('snooze', { deliveryId: overdue?.id, snoozeMinutes: 5 })).json).toEqual({
      error: 'Task is already overdue and cannot be snoozed',
    })
    expect((await post('snooze', { deliveryId: soon?.id, snoozeMinutes: 24 * 60 })).json).toEqual({
      error: 'Snooze time cannot be later than the task due date',
    })
  })

  it('snoozes: the original becomes SNOOZED and a new PENDING one waits in upcoming', async () => {
    const reminder = await find('Prepare the sprint demo')
    const snoozed = await post('snooze', { deliveryId: reminder?.id, snoozeMinutes: 1 })
    const later = (await upcoming()).find((candidate) => candidate.taskId === reminder?.taskId)

    expect(snoozed.json).toEqual({ success: true })
    expect(await deliveryStatus(reminder?.id ?? '')).toBe('SNOOZED')
    expect((await dueNow()).some((candidate) => candidate.taskId === reminder?.taskId)).toBe(false)
    expect(later?.id).not.toBe(reminder?.id)
    expect(new Date(later?.remindAt ?? 0).getTime()).toBeGreaterThan(Date.now())
    expect((await post('snooze', { deliveryId: reminder?.id, snoozeMinutes: 1 })).json).toEqual({
      error: 'Reminder not found or access denied',
    })
  })
})
