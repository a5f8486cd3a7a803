import { SNOOZE_PRESETS_MINUTES } from '../../shared/mpath/reminders'

/**
 * The snooze lengths mpath accepts for a reminder now: its presets (5 minutes, 1 hour, 1 day)
 * that end no later than the task is due. None once the task is due, since the server refuses
 * to snooze an overdue task.
 *
 * @example
 * snoozeOptionsFor('2026-03-01T10:45:00Z', Date.parse('2026-03-01T10:00:00Z')) // [5]
 */
export function snoozeOptionsFor(taskDueDate: string, now: number): number[] {
  const due = Date.parse(taskDueDate)

  if (Number.isNaN(due) || due <= now) {
    return []
  }

  const minutesUntilDue = (due - now) / 60_000

  return SNOOZE_PRESETS_MINUTES.filter((minutes) => minutes <= minutesUntilDue)
}

/** A snooze length in words, for a button. */
export function snoozeLabel(minutes: number): string {
  if (minutes % 1440 === 0) {
    return minutes === 1440 ? 'Snooze 1 day' : `Snooze ${minutes / 1440} days`
  }

  if (minutes % 60 === 0) {
    return minutes === 60 ? 'Snooze 1 hour' : `Snooze ${minutes / 60} hours`
  }

  return `Snooze ${minutes} min`
}
