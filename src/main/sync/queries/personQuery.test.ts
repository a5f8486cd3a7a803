import { describe, expect, it } from 'vitest'

import { personQuerySchema, type PersonQuery } from '../../../shared/ipc/queries'
import { createDataStore } from '../dataStore'
import { sampleOrganization } from '../testing/sampleData'
import { queryPeople } from './personQuery'

const query = (input: Partial<PersonQuery> = {}): PersonQuery => personQuerySchema.parse(input)

describe('queryPeople', () => {
  const { people } = sampleOrganization({ people: 60 })
  const store = createDataStore()
  store.replace('people', people, null)
  const snapshot = store.get('people')

  it('filters people without a team or a manager with `none`', () => {
    const noTeam = queryPeople(snapshot, query({ teamIds: ['none'] }))
    expect(noTeam.total).toBe(people.filter((person) => person.teamId === null).length)
    expect(noTeam.total).toBeGreaterThan(0)

    const roots = queryPeople(snapshot, query({ managerIds: ['none'] }))
    expect(roots.items.map((person) => person.id)).toEqual(['person_0'])
  })

  it('searches name, email and job title', () => {
    expect(queryPeople(snapshot, query({ search: 'PERSON12@' })).items[0]?.id).toBe('person_12')
    expect(queryPeople(snapshot, query({ search: 'designer' })).total).toBe(
      people.filter((person) => person.role === 'Designer').length,
    )
  })

  it('sorts by status in workflow order and by team with no team last', () => {
    const byStatus = queryPeople(snapshot, query({ sort: { field: 'status', direction: 'asc' } }))
    expect(byStatus.items.at(0)?.status).toBe('active')
    expect(byStatus.items.at(-1)?.status).toBe('inactive')

    const byTeam = queryPeople(
      snapshot,
      query({ sort: { field: 'team', direction: 'desc' }, limit: 1000 }),
    )
    expect(byTeam.items.at(-1)?.teamId).toBeNull()
  })

  it('windows the list', () => {
    const page = queryPeople(snapshot, query({ offset: 50, limit: 20 }))
    expect(page.items).toHaveLength(10)
    expect(page.total).toBe(60)
  })
})
