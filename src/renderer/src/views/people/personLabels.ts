import type { PersonStatus } from '../../../../shared/mpath/people'

const PERSON_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  on_leave: 'On leave',
  terminated: 'Terminated',
}

/**
 * The person statuses the filter offers, in mpath's order. Listed here rather than imported
 * from src/shared/mpath/people.ts, which would bring its schema library into the first load.
 */
export const PERSON_STATUS_CHOICES: readonly PersonStatus[] = [
  'active',
  'inactive',
  'on_leave',
  'terminated',
]

/** A person status in words; one the app does not know is shown as the server sent it. */
export function personStatusLabel(status: string): string {
  return PERSON_STATUS_LABELS[status] ?? status.replace(/_/g, ' ')
}
