import type { Task, TaskStatus } from '../../../../shared/mpath/tasks'

// The statuses and priority names mirror src/shared/mpath/tasks.ts, which this module only
// imports types from: that module builds schemas, and importing a value from it would put the
// whole schema library into the window's first load.

/** Task statuses in words, in workflow order. */
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  todo: 'To do',
  doing: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  dropped: 'Dropped',
}

/** Every task status, in workflow order, for filters and forms. */
export const STATUS_CHOICES: readonly TaskStatus[] = ['todo', 'doing', 'blocked', 'done', 'dropped']

const PRIORITY_LABELS: Readonly<Record<number, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Medium',
  4: 'Low',
  5: 'Very low',
}

/** Priorities 1 (critical) to 5 (very low), for filters and forms. */
export const PRIORITY_CHOICES: readonly number[] = [1, 2, 3, 4, 5]

const OPEN_STATUSES = new Set(['todo', 'doing', 'blocked'])

/** A status in words; a status the app does not know is shown as the server sent it. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as TaskStatus] ?? status
}

/** A priority in words, e.g. "High". */
export function priorityLabel(priority: number): string {
  return PRIORITY_LABELS[priority] ?? `Priority ${priority}`
}

/** True while a task still needs doing (not done or dropped). */
export function isOpenTask(task: Pick<Task, 'status'>): boolean {
  return OPEN_STATUSES.has(task.status)
}

/** The start of the local calendar day that contains `now`. */
export function startOfLocalDay(now: number): number {
  const day = new Date(now)
  day.setHours(0, 0, 0, 0)

  return day.getTime()
}

/** True when an open task was due before today (local time). */
export function isOverdue(task: Pick<Task, 'status' | 'dueDate'>, now: number): boolean {
  const due = task.dueDate ? Date.parse(task.dueDate) : Number.NaN

  return isOpenTask(task) && !Number.isNaN(due) && due < startOfLocalDay(now)
}

/** The local calendar date of an instant as `YYYY-MM-DD`, as a date input expects it. */
export function toDateInputValue(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : Number.NaN

  if (Number.isNaN(time)) {
    return ''
  }

  const date = new Date(time)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')

  return `${date.getFullYear()}-${month}-${day}`
}

/**
 * A date input's `YYYY-MM-DD` as the instant sent to mpath. Noon UTC keeps the same calendar
 * day in every time zone within twelve hours of UTC, which a midnight instant would not.
 */
export function fromDateInputValue(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00.000Z` : null
}
