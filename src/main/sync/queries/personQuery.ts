import type { PersonQuery, QueryPage } from '../../../shared/ipc/queries'
import { PERSON_STATUSES, type Person } from '../../../shared/mpath/people'
import type { CollectionSnapshot } from '../dataStore'
import { compareNumbers, compareText, foldCase, wanted, type Direction } from './compare'
import { createResultCache, perSnapshot, queryKey, windowOf } from './snapshotCache'

type PersonSnapshot = CollectionSnapshot<Person>

interface PersonIndex {
  /** Name, email and job title folded together: the fields the server searches. */
  haystack: string[]
  name: string[]
  team: string[]
  manager: string[]
  statusRank: Float64Array
}

const STATUS_RANK = new Map<string, number>(PERSON_STATUSES.map((status, rank) => [status, rank]))

const indexOf = perSnapshot((snapshot: PersonSnapshot): PersonIndex => {
  const count = snapshot.items.length
  const index: PersonIndex = {
    haystack: new Array<string>(count),
    name: new Array<string>(count),
    team: new Array<string>(count),
    manager: new Array<string>(count),
    statusRank: new Float64Array(count),
  }

  snapshot.items.forEach((person, position) => {
    index.name[position] = foldCase(person.name)
    index.haystack[position] = [person.name, person.email, person.role].map(foldCase).join('\n')
    index.team[position] = foldCase(person.teamName)
    index.manager[position] = foldCase(person.managerName)
    index.statusRank[position] = STATUS_RANK.get(person.status) ?? PERSON_STATUSES.length
  })

  return index
})

const results = createResultCache<PersonSnapshot, Person[]>()

function filterAndSort(snapshot: PersonSnapshot, query: PersonQuery): Person[] {
  const index = indexOf(snapshot)
  const people = snapshot.items
  const teams = wanted(query.teamIds)
  const managers = wanted(query.managerIds)
  const statuses = wanted(query.statuses)
  const search = foldCase(query.search?.trim())
  const positions: number[] = []

  for (let position = 0; position < people.length; position++) {
    const person = people[position]!

    if (teams !== undefined && !teams.has(person.teamId ?? 'none')) {
      continue
    }

    if (managers !== undefined && !managers.has(person.managerId ?? 'none')) {
      continue
    }

    if (statuses !== undefined && !statuses.has(person.status)) {
      continue
    }

    if (search !== '' && !index.haystack[position]!.includes(search)) {
      continue
    }

    positions.push(position)
  }

  const field = query.sort?.field ?? 'name'
  const direction: Direction = query.sort?.direction ?? 'asc'
  const byName = (left: number, right: number): number =>
    compareText(index.name[left]!, index.name[right]!, 'asc')
  const primary = (left: number, right: number): number => {
    switch (field) {
      case 'name':
        return compareText(index.name[left]!, index.name[right]!, direction)
      case 'team':
        return compareText(index.team[left]!, index.team[right]!, direction)
      case 'manager':
        return compareText(index.manager[left]!, index.manager[right]!, direction)
      case 'status':
        return compareNumbers(index.statusRank[left]!, index.statusRank[right]!, direction)
    }
  }

  positions.sort((left, right) => primary(left, right) || byName(left, right) || left - right)

  return positions.map((position) => people[position]!)
}

/** The folded names of the people of a snapshot, parallel to its items (built once). */
export function personSearchKeys(snapshot: PersonSnapshot): readonly string[] {
  return indexOf(snapshot).name
}

/**
 * Filters, sorts and windows the cached people. `none` among the team or manager ids matches
 * people without one; search covers name, email and job title; the default order is by name.
 */
export function queryPeople(snapshot: PersonSnapshot, query: PersonQuery): QueryPage<Person> {
  const matches = results.get(snapshot, queryKey(query), () => filterAndSort(snapshot, query))

  return windowOf(matches, query.offset, query.limit)
}
