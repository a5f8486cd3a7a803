import type { Reminder } from '../../shared/mpath/reminders'
import { localDayOf } from '../work/localDay'
import type { NotificationAction, NotificationRequest } from './notifier'
import { snoozeLabel } from './snoozeOptions'

/** The action id of "Open". */
export const OPEN_ACTION = 'open'
/** The action id of "Done" (acknowledge). */
export const DONE_ACTION = 'done'
/** The action id of "Show tasks" on a summary. */
export const SHOW_TASKS_ACTION = 'show-tasks'
const SNOOZE_PREFIX = 'snooze:'

/** The action id of a snooze length. */
export function snoozeAction(minutes: number): string {
  return `${SNOOZE_PREFIX}${minutes}`
}

/** The minutes of a snooze action id, or undefined for any other action. */
export function snoozeMinutesOf(actionId: string): number | undefined {
  if (!actionId.startsWith(SNOOZE_PREFIX)) {
    return undefined
  }

  const minutes = Number(actionId.slice(SNOOZE_PREFIX.length))

  return Number.isInteger(minutes) && minutes > 0 ? minutes : undefined
}

/** How dates are written: the person's time zone and locale. */
export interface DateWords {
  timeZone: string
  locale?: string
}

function timeOf(time: number, words: DateWords): string {
  return new Intl.DateTimeFormat(words.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: words.timeZone,
  }).format(new Date(time))
}

function dayAndTimeOf(time: number, words: DateWords): string {
  return new Intl.DateTimeFormat(words.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: words.timeZone,
  }).format(new Date(time))
}

/**
 * When a task is due, in words relative to now: "Due in 45 minutes", "Due today at 17:00",
 * "Due Tue 3 Mar, 17:00", "Overdue since Sun 1 Mar, 17:00".
 */
export function describeDue(taskDueDate: string, now: number, words: DateWords): string {
  const due = Date.parse(taskDueDate)

  if (Number.isNaN(due)) {
    return 'Due soon'
  }

  if (due <= now) {
    return `Overdue since ${dayAndTimeOf(due, words)}`
  }

  const minutes = Math.ceil((due - now) / 60_000)

  if (minutes < 60) {
    return `Due in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  }

  if (localDayOf(due, words.timeZone) === localDayOf(now, words.timeZone)) {
    return `Due today at ${timeOf(due, words)}`
  }

  return `Due ${dayAndTimeOf(due, words)}`
}

/**
 * The notification for one reminder: the task's title, when it is due, and Open, a button per
 * allowed snooze length, and Done. Where buttons do not show, the body says what a click does.
 */
export function reminderNotification(input: {
  reminder: Pick<Reminder, 'taskTitle' | 'taskDueDate'>
  snoozeMinutes: readonly number[]
  now: number
  words: DateWords
  supportsActions: boolean
}): NotificationRequest {
  const due = describeDue(input.reminder.taskDueDate, input.now, input.words)
  const actions: NotificationAction[] = [
    { id: OPEN_ACTION, label: 'Open' },
    ...input.snoozeMinutes.map((minutes) => ({
      id: snoozeAction(minutes),
      label: snoozeLabel(minutes),
    })),
    { id: DONE_ACTION, label: 'Done' },
  ]

  return {
    title: input.reminder.taskTitle.trim() === '' ? 'Task reminder' : input.reminder.taskTitle,
    body: input.supportsActions ? due : `${due}. Click to open the task.`,
    actions: input.supportsActions ? actions : [],
  }
}

/** One notification standing for many reminders that piled up while the person was away. */
export function backlogNotification(input: {
  reminders: readonly Pick<Reminder, 'taskTitle'>[]
  supportsActions: boolean
}): NotificationRequest {
  const count = input.reminders.length
  const shown = input.reminders.slice(0, 3).map((reminder) => reminder.taskTitle)
  const more = count - shown.length
  const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')

  return {
    title: `${count} reminders while you were away`,
    body: input.supportsActions ? list : `${list}. Click to see your tasks.`,
    actions: input.supportsActions ? [{ id: SHOW_TASKS_ACTION, label: 'Show tasks' }] : [],
  }
}
