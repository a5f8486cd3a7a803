const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)

  if (formatter === undefined) {
    // en-CA formats as YYYY-MM-DD, which sorts and compares as text.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }

  return formatter
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const UTC_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.0+)?Z$/

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`, so "today" follows the
 * person's wall clock through daylight-saving changes.
 *
 * @example
 * localDayOf(Date.parse('2026-03-08T04:30:00Z'), 'America/New_York') // '2026-03-07'
 */
export function localDayOf(time: number, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(time))
}

/**
 * The calendar day a due date means. A date without a time, or one at exactly UTC midnight
 * (how mpath stores a date picked without a time), is that calendar day everywhere; any other
 * instant is the day it falls on in `timeZone`. Undefined when the value is unreadable.
 */
export function dueDayOf(dueDate: string, timeZone: string): string | undefined {
  if (DATE_ONLY.test(dueDate)) {
    return dueDate
  }

  const midnight = UTC_MIDNIGHT.exec(dueDate)

  if (midnight !== null) {
    return midnight[1]
  }

  const time = Date.parse(dueDate)

  return Number.isNaN(time) ? undefined : localDayOf(time, timeZone)
}

/** The time zone of the system, for the app; tests pass their own. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}
