import type { OneOnOneQuery, QueryPage } from '../../../shared/ipc/queries'
import type { OneOnOne } from '../../../shared/mpath/oneOnOnes'
import type { CollectionSnapshot } from '../dataStore'
import { compareNumbers, dateBounds, timeOf } from './compare'
import { createResultCache, queryKey, windowOf } from './snapshotCache'

type OneOnOneSnapshot = CollectionSnapshot<OneOnOne>

const results = createResultCache<OneOnOneSnapshot, OneOnOne[]>()

function filterAndSort(snapshot: OneOnOneSnapshot, query: OneOnOneQuery): OneOnOne[] {
  const hasDateFilter = query.from !== undefined || query.to !== undefined
  const bounds = dateBounds(query.from, query.to)
  const matches = snapshot.items
    .map((meeting) => ({ meeting, at: timeOf(meeting.scheduledAt) }))
    .filter(({ meeting, at }) => {
      if (
        query.personId !== undefined &&
        meeting.managerId !== query.personId &&
        meeting.reportId !== query.personId
      ) {
        return false
      }

      return !hasDateFilter || (!Number.isNaN(at) && at >= bounds.from && at <= bounds.to)
    })

  // The server's order: latest first, unscheduled last.
  matches.sort((left, right) => compareNumbers(left.at, right.at, 'desc'))

  return matches.map(({ meeting }) => meeting)
}

/** Filters the cached one-on-ones by date range and participant; latest first. */
export function queryOneOnOnes(
  snapshot: OneOnOneSnapshot,
  query: OneOnOneQuery,
): QueryPage<OneOnOne> {
  const matches = results.get(snapshot, queryKey(query), () => filterAndSort(snapshot, query))

  return windowOf(matches, query.offset, query.limit)
}
