/** Sort direction of a query. */
export type Direction = 'asc' | 'desc'

/** Lower-cases once, for case-insensitive search and ordering. */
export function foldCase(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : text.toLowerCase()
}

/** Milliseconds of an ISO date or date-time, or NaN when absent or unreadable. */
export function timeOf(value: string | null | undefined): number {
  return value === null || value === undefined ? Number.NaN : Date.parse(value)
}

/**
 * Compares two numbers in `direction`, with NaN (no value) after every value in both
 * directions, as the server sorts NULLS LAST.
 */
export function compareNumbers(left: number, right: number, direction: Direction): number {
  const leftMissing = Number.isNaN(left)
  const rightMissing = Number.isNaN(right)

  if (leftMissing || rightMissing) {
    return leftMissing === rightMissing ? 0 : leftMissing ? 1 : -1
  }

  return direction === 'asc' ? left - right : right - left
}

/** Compares two folded strings in `direction`, the empty string (no value) last. */
export function compareText(left: string, right: string, direction: Direction): number {
  if (left === '' || right === '') {
    return left === right ? 0 : left === '' ? 1 : -1
  }

  const order = left < right ? -1 : left > right ? 1 : 0

  return direction === 'asc' ? order : -order
}

/**
 * Bounds of a date filter in milliseconds. A date-only upper bound covers that whole (UTC)
 * day, so "due to 1 March" includes tasks due at any time on 1 March.
 */
export function dateBounds(from?: string, to?: string): { from: number; to: number } {
  const lower = from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(from)
  let upper = to === undefined ? Number.POSITIVE_INFINITY : Date.parse(to)

  if (to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(to)) {
    upper += 24 * 60 * 60 * 1000 - 1
  }

  return {
    from: Number.isNaN(lower) ? Number.NEGATIVE_INFINITY : lower,
    to: Number.isNaN(upper) ? Number.POSITIVE_INFINITY : upper,
  }
}

/** A set of the wanted values, or undefined when the filter is absent or empty (no filter). */
export function wanted<Value>(values: readonly Value[] | undefined): Set<Value> | undefined {
  return values === undefined || values.length === 0 ? undefined : new Set(values)
}
