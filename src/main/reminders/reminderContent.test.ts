import { describe, expect, it } from 'vitest'

import {
  backlogNotification,
  describeDue,
  reminderNotification,
  snoozeAction,
  snoozeMinutesOf,
} from './reminderContent'

const NOW = Date.parse('2026-03-01T10:00:00Z')
const words = { timeZone: 'UTC', locale: 'en-GB' }

describe('reminder content', () => {
  it('says when the task is due, relative to now', () => {
    expect(describeDue('2026-03-01T10:45:00Z', NOW, words)).toBe('Due in 45 minutes')
    expect(describeDue('2026-03-01T10:01:00Z', NOW, words)).toBe('Due in 1 minute')
    expect(describeDue('2026-03-01T17:00:00Z', NOW, words)).toBe('Due today at 17:00')
    expect(describeDue('2026-03-03T17:00:00Z', NOW, words)).toMatch(/^Due Tue 3 Mar.*17:00$/)
    expect(describeDue('2026-02-27T17:00:00Z', NOW, words)).toMatch(/^Overdue since Fri 27 Feb/)
  })

  it('offers Open, the allowed snoozes and Done', () => {
    const request = reminderNotification({
      reminder: { taskTitle: 'Prepare the demo', taskDueDate: '2026-03-01T11:30:00Z' },
      snoozeMinutes: [5, 60],
      now: NOW,
      words,
      supportsActions: true,
    })

    expect(request.title).toBe('Prepare the demo')
    expect(request.body).toBe('Due today at 11:30')
    expect(request.actions.map((action) => action.label)).toEqual([
      'Open',
      'Snooze 5 min',
      'Snooze 1 hour',
      'Done',
    ])
  })

  it('says a click opens the task where buttons do not show', () => {
    const request = reminderNotification({
      reminder: { taskTitle: 'Prepare the demo', taskDueDate: '2026-03-01T10:30:00Z' },
      snoozeMinutes: [5],
      now: NOW,
      words,
      supportsActions: false,
    })
    expect(request.actions).toEqual([])
    expect(request.body).toBe('Due in 30 minutes. Click to open the task.')
  })

  it('summarizes a backlog in one notification', () => {
    const request = backlogNotification({
      reminders: ['A', 'B', 'C', 'D', 'E'].map((taskTitle) => ({ taskTitle })),
      supportsActions: true,
    })
    expect(request.title).toBe('5 reminders while you were away')
    expect(request.body).toBe('A, B, C and 2 more')
    expect(request.actions).toEqual([{ id: 'show-tasks', label: 'Show tasks' }])
  })

  it('round-trips snooze action ids and refuses others', () => {
    expect(snoozeMinutesOf(snoozeAction(60))).toBe(60)
    expect(snoozeMinutesOf('snooze:-5')).toBeUndefined()
    expect(snoozeMinutesOf('snooze:abc')).toBeUndefined()
    expect(snoozeMinutesOf('open')).toBeUndefined()
  })
})
