import type { InitiativeQuery, QueryPage } from '../../../shared/ipc/queries'
import type { Initiative } from '../../../shared/mpath/initiatives'
import type { CollectionSnapshot } from '../dataStore'
import { compareNumbers, compareText, foldCase, timeOf, wanted, type Direction } from './compare'
import { createResultCache, perSnapshot, queryKey, windowOf } from './snapshotCache'

type InitiativeSnapshot = CollectionSnapshot<Initiative>

const RAG_RANK = new Map<string, number>([
  ['red', 0],
  ['amber', 1],
  ['green', 2],
])

interface InitiativeIndex {
  title: string[]
  ragRank: Float64Array
  target: Float64Array
  updated: Float64Array
}

const indexOf = perSnapshot((snapshot: InitiativeSnapshot): InitiativeIndex => {
  const count = snapshot.items.length
  const index: InitiativeIndex = {
    title: new Array<string>(count),
    ragRank: new Float64Array(count),
    target: new Float64Array(count),
    updated: new Float64Array(count),
  }

  snapshot.items.forEach((initiative, position) => {
    index.title[position] = foldCase(initiative.title)
    index.ragRank[position] = RAG_RANK.get(initiative.rag) ?? RAG_RANK.size
    index.target[position] = timeOf(initiative.targetDate)
    index.updated[position] = timeOf(initiative.updatedAt)
  })

  return index
})

const results = createResultCache<InitiativeSnapshot, Initiative[]>()

function filterAndSort(snapshot: InitiativeSnapshot, query: InitiativeQuery): Initiative[] {
  const index = indexOf(snapshot)
  const initiatives = snapshot.items
  const rags = wanted(query.rags)
  const statuses = wanted(query.statuses)
  const search = foldCase(query.search?.trim())
  const positions: number[] = []

  for (let position = 0; position < initiatives.length; position++) {
    const initiative = initiatives[position]!

    if (rags !== undefined && !rags.has(initiative.rag as never)) {
      continue
    }

    if (statuses !== undefined && !statuses.has(initiative.status)) {
      continue
    }

    if (
      query.ownerId !== undefined &&
      !initiative.owners.some((owner) => owner.personId === query.ownerId)
    ) {
      continue
    }

    if (search !== '' && !index.title[position]!.includes(search)) {
      continue
    }

    positions.push(position)
  }

  // The server's default: most recently updated first.
  const field = query.sort?.field ?? 'updatedAt'
  const direction: Direction = query.sort?.direction ?? (query.sort ? 'asc' : 'desc')
  const primary = (left: number, right: number): number => {
    switch (field) {
      case 'title':
        return compareText(index.title[left]!, index.title[right]!, direction)
      case 'rag':
        return compareNumbers(index.ragRank[left]!, index.ragRank[right]!, direction)
      case 'targetDate':
        return compareNumbers(index.target[left]!, index.target[right]!, direction)
      case 'priority':
        return compareNumbers(initiatives[left]!.priority, initiatives[right]!.priority, direction)
      case 'updatedAt':
        return compareNumbers(index.updated[left]!, index.updated[right]!, direction)
    }
  }

  positions.sort((left, right) => primary(left, right) || left - right)

  return positions.map((position) => initiatives[position]!)
}

/** The folded titles of the initiatives of a snapshot, parallel to its items (built once). */
export function initiativeSearchKeys(snapshot: InitiativeSnapshot): readonly string[] {
  return indexOf(snapshot).title
}

/**
 * Filters, sorts and windows the cached initiatives: by RAG, status and owner (any owner
 * role); search is a case-insensitive substring of the title.
 */
export function queryInitiatives(
  snapshot: InitiativeSnapshot,
  query: InitiativeQuery,
): QueryPage<Initiative> {
  const matches = results.get(snapshot, queryKey(query), () => filterAndSort(snapshot, query))

  return windowOf(matches, query.offset, query.limit)
}
