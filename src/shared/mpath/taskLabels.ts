// Kept apart from the schemas so a view that only needs words does not load the schema library.

/** Names of the priority levels, indexed by priority. */
export const PRIORITY_LABELS: Readonly<Record<number, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Medium',
  4: 'Low',
  5: 'Very low',
}
