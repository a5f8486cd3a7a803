import { describe, expect, it } from 'vitest'

import type { Task } from '../../shared/mpath/tasks'
import { sampleOrganization } from '../sync/testing/sampleData'
import { dueDayOf, localDayOf } from './localDay'
import { buildMyWork } from './myWork'

const organization = sampleOrganization({ tasks: 1 })
const template = organization.tasks[0]!

const task = (id: string, dueDate: string | null, extra: Partial<Task> = {}): Task => ({
  ...template,
  id,
  title: id,
  dueDate,
  status: 'todo',
  assigneeId: 'person_0',
  ...extra,
})

const group = (tasks: Task[], now: string, timeZone: string) => {
  const work = buildMyWork({
    tasks,
    oneOnOnes: [],
    initiatives: [],
    me: organization.me,
    now: Date.parse(now),
    timeZone,
  })

  return {
    overdue: work.overdue.map((item) => item.id),
    today: work.today.map((item) => item.id),
    upcoming: work.upcoming.map((item) => item.id),
  }
}

describe('buildMyWork', () => {
  it('keeps only my open tasks and puts undated ones last', () => {
    const tasks = [
      task('mine', '2026-03-02T10:00:00.000Z'),
      task('done', '2026-03-02T10:00:00.000Z', { status: 'done' }),
      task('dropped', null, { status: 'dropped' }),
      task('theirs', '2026-03-02T10:00:00.000Z', { assigneeId: 'person_9' }),
      task('undated', null),
    ]
    expect(group(tasks, '2026-03-01T12:00:00Z', 'UTC')).toEqual({
      overdue: [],
      today: [],
      upcoming: ['mine', 'undated'],
    })
  })

  it('groups by the local calendar day, not by UTC', () => {
    // 23:30 UTC on 1 March is already 2 March in Auckland and still 1 March in Los Angeles.
    // The task is due at 23:00 on 1 March in Auckland and at 02:00 on 1 March in Los Angeles.
    const tasks = [task('due', '2026-03-01T10:00:00.000Z')]
    expect(group(tasks, '2026-03-01T23:30:00Z', 'Pacific/Auckland').overdue).toEqual(['due'])
    expect(group(tasks, '2026-03-01T23:30:00Z', 'America/Los_Angeles').today).toEqual(['due'])
    expect(group(tasks, '2026-02-28T12:00:00Z', 'Asia/Kolkata').upcoming).toEqual(['due'])
  })

  it('follows the wall clock across the spring daylight-saving change', () => {
    // New York moves to EDT at 2026-03-08 07:00 UTC; 8 March is only 23 hours long.
    const timeZone = 'America/New_York'
    const tasks = [
      task('late-7th', '2026-03-08T04:00:00.000Z'), // 7 Mar 23:00 EST
      task('early-8th', '2026-03-08T05:30:00.000Z'), // 8 Mar 00:30 EST
      task('late-8th', '2026-03-09T03:30:00.000Z'), // 8 Mar 23:30 EDT
      task('early-9th', '2026-03-09T04:30:00.000Z'), // 9 Mar 00:30 EDT
    ]
    // 8 Mar 12:00 EDT: a naive "now minus 24 h" day would put late-7th in today.
    expect(group(tasks, '2026-03-08T16:00:00Z', timeZone)).toEqual({
      overdue: ['late-7th'],
      today: ['early-8th', 'late-8th'],
      upcoming: ['early-9th'],
    })
    // 8 Mar 23:45 EDT, just before midnight of the short day.
    expect(group(tasks, '2026-03-09T03:45:00Z', timeZone).today).toEqual(['early-8th', 'late-8th'])
  })

  it('follows the wall clock across the autumn change', () => {
    // Berlin returns to CET at 2026-10-25 01:00 UTC; 25 October is 25 hours long.
    const timeZone = 'Europe/Berlin'
    const tasks = [
      task('first-hour', '2026-10-24T22:30:00.000Z'), // 25 Oct 00:30 CEST
      task('last-hour', '2026-10-25T22:30:00.000Z'), // 25 Oct 23:30 CET
      task('next-day', '2026-10-25T23:30:00.000Z'), // 26 Oct 00:30 CET
    ]
    expect(group(tasks, '2026-10-25T12:00:00Z', timeZone)).toEqual({
      overdue: [],
      today: ['first-hour', 'last-hour'],
      upcoming: ['next-day'],
    })
  })

  it('reads date-only and UTC-midnight due dates as calendar days', () => {
    expect(dueDayOf('2026-03-05', 'America/Los_Angeles')).toBe('2026-03-05')
    expect(dueDayOf('2026-03-05T00:00:00.000Z', 'America/Los_Angeles')).toBe('2026-03-05')
    expect(dueDayOf('2026-03-05T01:00:00.000Z', 'America/Los_Angeles')).toBe('2026-03-04')
    expect(dueDayOf('not a date', 'UTC')).toBeUndefined()
    expect(localDayOf(Date.parse('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07')
    expect(
      group([task('date', '2026-03-01')], '2026-03-02T02:00:00Z', 'America/Chicago').today,
    ).toEqual(['date'])
  })

  it('lists my next one-on-ones and the open initiatives I own', () => {
    const work = buildMyWork({
      tasks: [],
      oneOnOnes: organization.oneOnOnes,
      initiatives: organization.initiatives,
      me: organization.me,
      now: Date.parse('2026-03-01T12:00:00.000Z'),
      timeZone: 'UTC',
    })
    const times = work.nextOneOnOnes.map((meeting) => Date.parse(meeting.scheduledAt!))
    expect(times).toEqual([...times].sort((left, right) => left - right))
    expect(times.every((time) => time >= Date.parse('2026-03-01T12:00:00.000Z'))).toBe(true)
    expect(work.nextOneOnOnes.length).toBeGreaterThan(0)
    expect(
      work.ownedInitiatives.every((initiative) =>
        initiative.owners.some((owner) => owner.personId === 'person_0' && owner.role === 'owner'),
      ),
    ).toBe(true)
  })

  it('is empty for a caller without a linked person', () => {
    const work = buildMyWork({
      tasks: [task('mine', null)],
      oneOnOnes: [],
      initiatives: [],
      me: { ...organization.me, managerOSPersonId: null },
      now: 0,
      timeZone: 'UTC',
    })
    expect(work.upcoming).toEqual([])
    expect(work.me.personId).toBeNull()
  })
})
