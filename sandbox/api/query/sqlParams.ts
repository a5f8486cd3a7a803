/** Collects positional parameters while a query is assembled, so values never enter SQL text. */
export class SqlParams {
  readonly values: unknown[] = []

  /** Adds a value and returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.values.push(value)

    return `$${this.values.length}`
  }
}

/** Joins conditions with AND; an empty list matches everything. */
export function whereClause(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `where ${conditions.join(' and ')}`
}
