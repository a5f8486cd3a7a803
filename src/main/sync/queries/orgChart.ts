import type { OrgChartNode } from '../../../shared/ipc/views'
import type { Person } from '../../../shared/mpath/people'
import type { CollectionSnapshot } from '../dataStore'
import { perSnapshot } from './snapshotCache'

/**
 * The org chart as nodes with manager links, counted from the cached people rather than
 * trusted from the server, so counts agree with what the chart draws. A manager outside the
 * cached people (not visible to the caller) becomes no manager: the person is a root.
 */
export const buildOrgChart = perSnapshot((snapshot: CollectionSnapshot<Person>): OrgChartNode[] => {
  const reports = new Map<string, number>()

  for (const person of snapshot.items) {
    if (person.managerId !== null && snapshot.byId.has(person.managerId)) {
      reports.set(person.managerId, (reports.get(person.managerId) ?? 0) + 1)
    }
  }

  return snapshot.items.map((person) => ({
    id: person.id,
    name: person.name,
    role: person.role,
    teamName: person.teamName ?? null,
    managerId:
      person.managerId !== null && snapshot.byId.has(person.managerId) ? person.managerId : null,
    status: person.status,
    reportCount: reports.get(person.id) ?? 0,
  }))
})
