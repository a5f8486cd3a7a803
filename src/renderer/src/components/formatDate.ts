const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A date for people: "10 Mar 2026" in their locale; empty for a missing or bad value. */
export function formatDate(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : Number.NaN

  return Number.isNaN(time) ? '' : DATE.format(time)
}

/** A date and time for people, in their locale and time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : Number.NaN

  return Number.isNaN(time) ? '' : DATE_TIME.format(time)
}
