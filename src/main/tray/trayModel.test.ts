import { describe, expect, it } from 'vitest'

import type { SessionState } from '../../shared/auth/sessionState'
import type { Task } from '../../shared/mpath/tasks'
import { sampleOrganization } from '../sync/testing/sampleData'
import { buildMyWork } from '../work/myWork'
import { buildTraySummary, describeCounts, type TraySummaryInput } from './trayModel'

const organization = sampleOrganization({ tasks: 1 })
const template = organization.tasks[0]!
const SIGNED_IN: SessionState = {
  status: 'signed-in',
  user: { subject: 'user_1', name: 'Ben', email: 'ben@example.test' },
  scopes: ['read:tasks'],
  accessTokenExpiresAt: '2026-03-08T20:00:00.000Z',
  persistence: 'persistent',
}

const task = (id: string, dueDate: string | null, extra: Partial<Task> = {}): Task => ({
  ...template,
  id,
  title: `Task ${id}`,
  dueDate,
  status: 'todo',
  assigneeId: 'person_0',
  ...extra,
})

const summarize = (
  tasks: Task[],
  now: string,
  timeZone: string,
  extra: Partial<TraySummaryInput> = {},
) =>
  buildTraySummary({
    work: buildMyWork({
      tasks,
      oneOnOnes: [],
      initiatives: [],
      me: organization.me,
      now: Date.parse(now),
      timeZone,
    }),
    isConnected: true,
    session: SIGNED_IN,
    sync: { phase: 'idle' },
    ...extra,
  })

const ids = (summary: ReturnType<typeof summarize>) => ({
  overdue: summary.groups.overdue.map((item) => item.id),
  today: summary.groups.today.map((item) => item.id),
  upcoming: summary.groups.upcoming.map((item) => item.id),
})

describe('buildTraySummary: grouping by the local day', () => {
  // One instant, three places: 2026-03-01 23:30 UTC.
  const now = '2026-03-01T23:30:00Z'
  const tasks = [task('a', '2026-03-01T10:00:00.000Z'), task('b', '2026-03-02T09:00:00.000Z')]

  it('groups the same tasks differently in different time zones', () => {
    // Auckland (UTC+13): it is already 2 March; a is due 1 March 23:00, b 2 March 22:00.
    expect(ids(summarize(tasks, now, 'Pacific/Auckland'))).toEqual({
      overdue: ['a'],
      today: ['b'],
      upcoming: [],
    })
    // Los Angeles (UTC-8): still 1 March; a is due today, b on 2 March at 01:00.
    expect(ids(summarize(tasks, now, 'America/Los_Angeles'))).toEqual({
      overdue: [],
      today: ['a'],
      upcoming: ['b'],
    })
  })

  it('keeps the calendar day across the spring daylight-saving change (New York)', () => {
    // 8 March 2026 is 23 hours long in New York; now is 01:30 EST, before the change.
    const springTasks = [
      task('late-8th', '2026-03-09T03:30:00.000Z'), // 8 Mar 23:30 EDT
      task('early-9th', '2026-03-09T04:30:00.000Z'), // 9 Mar 00:30 EDT
    ]
    expect(ids(summarize(springTasks, '2026-03-08T06:30:00Z', 'America/New_York'))).toEqual({
      overdue: [],
      today: ['late-8th'],
      upcoming: ['early-9th'],
    })
  })

  it('keeps the calendar day across the autumn daylight-saving change (London)', () => {
    // 25 October 2026 is 25 hours long in London; now is 00:30 BST.
    const autumnTasks = [
      task('late-25th', '2026-10-25T23:30:00.000Z'), // 25 Oct 23:30 GMT
      task('early-26th', '2026-10-26T00:30:00.000Z'), // 26 Oct 00:30 GMT
      task('late-24th', '2026-10-24T22:45:00.000Z'), // 24 Oct 23:45 BST
    ]
    expect(ids(summarize(autumnTasks, '2026-10-24T23:30:00Z', 'Europe/London'))).toEqual({
      overdue: ['late-24th'],
      today: ['late-25th'],
      upcoming: ['early-26th'],
    })
  })

  it('treats a date without a time as that calendar day everywhere', () => {
    const dateOnly = [task('midnight', '2026-03-02T00:00:00.000Z')]
    expect(ids(summarize(dateOnly, '2026-03-02T08:00:00Z', 'America/Los_Angeles')).today).toEqual([
      'midnight',
    ])
    expect(ids(summarize(dateOnly, '2026-03-02T08:00:00Z', 'Pacific/Auckland')).today).toEqual([
      'midnight',
    ])
  })

  it('shortens long groups but keeps the whole counts', () => {
    const many = Array.from({ length: 40 }, (_unused, index) =>
      task(`t${index}`, '2026-02-20T10:00:00.000Z'),
    )
    const summary = summarize(many, now, 'UTC', { groupLimit: 10 })
    expect(summary.groups.overdue).toHaveLength(10)
    expect(summary.counts.overdue).toBe(40)
    expect(summary.tooltip).toBe('mpath Desktop: 40 overdue')
  })
})

describe('buildTraySummary: words and variants', () => {
  const now = '2026-03-01T12:00:00Z'
  const tasks = [
    task('o1', '2026-02-27T10:00:00.000Z'),
    task('o2', '2026-02-28T10:00:00.000Z'),
    task('o3', '2026-02-28T11:00:00.000Z'),
    task('t1', '2026-03-01T15:00:00.000Z'),
    task('t2', '2026-03-01T16:00:00.000Z'),
    task('u1', '2026-03-05T16:00:00.000Z'),
  ]

  it('counts overdue and due-today tasks in the tooltip and the macOS title', () => {
    const summary = summarize(tasks, now, 'UTC')
    expect(summary.condition).toBe('ready')
    expect(summary.tooltip).toBe('mpath Desktop: 3 overdue, 2 due today')
    expect(summary.title).toBe('5')
    expect(summary.badge).toBe('none')
    expect(summary.notice).toBeNull()
    expect(summary.counts).toEqual({ overdue: 3, today: 2, upcoming: 1 })
  })

  it('says when nothing is due today', () => {
    const summary = summarize([task('u1', '2026-03-05T16:00:00.000Z')], now, 'UTC')
    expect(summary.tooltip).toBe('mpath Desktop: Nothing due today')
    expect(summary.title).toBe('')
  })

  it('describes counts in words', () => {
    expect(describeCounts({ overdue: 0, today: 1, upcoming: 4 })).toBe('1 due today')
    expect(describeCounts({ overdue: 2, today: 0, upcoming: 0 })).toBe('2 overdue')
    expect(describeCounts({ overdue: 0, today: 0, upcoming: 0 })).toBe('Nothing due today')
  })

  it('keeps the cached tasks offline, with an offline badge and notice', () => {
    const summary = summarize(tasks, now, 'UTC', { sync: { phase: 'offline' } })
    expect(summary.condition).toBe('offline')
    expect(summary.badge).toBe('offline')
    expect(summary.tooltip).toBe('mpath Desktop (offline): 3 overdue, 2 due today')
    expect(summary.groups.overdue).toHaveLength(3)
    expect(summary.notice).toMatch(/offline/)
  })

  it('shows an error badge when the sync fails', () => {
    const summary = summarize(tasks, now, 'UTC', { sync: { phase: 'error' } })
    expect(summary.badge).toBe('error')
    expect(summary.tooltip).toBe('mpath Desktop (not up to date): 3 overdue, 2 due today')
  })

  it('keeps the cached tasks while a sealed session is restored, offline or not', () => {
    const user = { subject: 'user_1', name: 'Ben', email: 'ben@example.test' }
    const restoring = summarize(tasks, now, 'UTC', { session: { status: 'restoring', user } })
    expect(restoring.condition).toBe('ready')
    expect(restoring.counts).toMatchObject({ overdue: 3, today: 2 })

    const offline = summarize(tasks, now, 'UTC', {
      session: {
        status: 'restoring',
        user,
        offline: { code: 'NETWORK_OFFLINE', message: 'The sign-in server could not be reached.' },
      },
    })
    expect(offline.condition).toBe('offline')
    expect(offline.badge).toBe('offline')
    expect(offline.groups.overdue).toHaveLength(3)
  })

  it('lists nothing when signed out or not connected', () => {
    const signedOut = summarize(tasks, now, 'UTC', { session: { status: 'signed-out' } })
    expect(signedOut.condition).toBe('signed-out')
    expect(signedOut.tooltip).toBe('mpath Desktop: signed out')
    expect(signedOut.title).toBe('')
    expect(signedOut.counts).toEqual({ overdue: 0, today: 0, upcoming: 0 })
    expect(signedOut.groups.today).toEqual([])
    expect(signedOut.notice).toBe('Sign in to see your tasks.')

    const notConnected = summarize(tasks, now, 'UTC', { isConnected: false })
    expect(notConnected.condition).toBe('not-connected')
    expect(notConnected.tooltip).toBe('mpath Desktop: not connected')
  })

  it('says when the account has no linked person', () => {
    const summary = buildTraySummary({
      work: {
        me: { personId: null, name: null, email: null },
        overdue: [],
        today: [],
        upcoming: [],
      },
      isConnected: true,
      session: SIGNED_IN,
      sync: { phase: 'idle' },
    })
    expect(summary.notice).toMatch(/not linked to a person/)
  })
})
