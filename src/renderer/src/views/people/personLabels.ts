import { PERSON_STATUSES } from '../../../../shared/mpath/people'

const PERSON_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: 'Active',
  inactive: 'Inactive',
  on_leave: 'On leave',
  terminated: 'Terminated',
}

/** The person statuses the filter offers, in mpath's order. */
export const PERSON_STATUS_CHOICES: readonly string[] = PERSON_STATUSES

/** A person status in words; one the app does not know is shown as the server sent it. */
export function personStatusLabel(status: string): string {
  return PERSON_STATUS_LABELS[status] ?? status.replace(/_/g, ' ')
}
