/** Dates for the seed, relative to the day it runs, so "overdue" and "due today" stay true. */
export interface SeedClock {
  now: Date
  /** Local midnight at the start of today. */
  startOfToday: Date
  /** A date `days` from today (negative: in the past) at the given local hour. */
  dayAt(days: number, hour: number, minute?: number): Date
  /** Later today, `minutes` from now, but never past 23:59 local time. */
  laterToday(minutes: number): Date
}

/** Builds the seed's clock around a fixed "now". */
export function createSeedClock(now: Date): SeedClock {
  const startOfToday = new Date(now)
  startOfToday.setHours(0, 0, 0, 0)

  const dayAt = (days: number, hour: number, minute = 0): Date => {
    const date = new Date(startOfToday)
    date.setDate(date.getDate() + days)
    date.setHours(hour, minute, 0, 0)

    return date
  }

  const laterToday = (minutes: number): Date => {
    const lastMinute = dayAt(0, 23, 59)
    const candidate = new Date(now.getTime() + minutes * 60_000)

    return candidate < lastMinute ? candidate : lastMinute
  }

  return { now, startOfToday, dayAt, laterToday }
}
