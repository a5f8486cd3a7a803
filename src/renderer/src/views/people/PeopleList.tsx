import { useMemo } from 'react'

import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { FilterBar } from '../../components/FilterBar'
import { FilterInput } from '../../components/FilterInput'
import { FilterSelect } from '../../components/FilterSelect'
import { ListEmptyState } from '../../components/ListEmptyState'
import { OptionList } from '../../components/OptionList'
import { ResultCount } from '../../components/ResultCount'
import { Skeleton } from '../../components/Skeleton'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePeopleStore } from '../../stores/peopleStore'
import { PERSON_STATUS_CHOICES, personStatusLabel } from './personLabels'

/** The people of the organization with search and team, manager and status filters. */
export function PeopleList(): React.JSX.Element {
  const search = usePeopleStore((state) => state.search)
  const filters = usePeopleStore((state) => state.filters)
  const people = usePeopleStore((state) => state.people)
  const total = usePeopleStore((state) => state.total)
  const isLoading = usePeopleStore((state) => state.isLoading)
  const error = usePeopleStore((state) => state.error)
  const teams = usePeopleStore((state) => state.teams)
  const orgChart = usePeopleStore((state) => state.orgChart)
  const store = usePeopleStore.getState
  const isFiltered =
    search.trim() !== '' ||
    filters.teamId !== '' ||
    filters.managerId !== '' ||
    filters.status !== ''
  const managers = useMemo(
    () =>
      (orgChart ?? [])
        .filter((node) => node.reportCount > 0)
        .sort((left, right) => left.name.localeCompare(right.name)),
    [orgChart],
  )

  return (
    <>
      <FilterBar isFiltered={isFiltered} onClearFilters={() => store().clearFilters()}>
        <FilterInput
          label="Search"
          type="search"
          placeholder="Name, email or role"
          value={search}
          onValueChange={(value) => store().setSearch(value)}
        />
        <FilterSelect
          label="Team"
          value={filters.teamId}
          options={[
            { value: '', label: 'Any team' },
            { value: 'none', label: 'No team' },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
          onValueChange={(teamId) => store().setFilters({ teamId })}
        />
        <FilterSelect
          label="Manager"
          value={filters.managerId}
          options={[
            { value: '', label: 'Anyone' },
            { value: 'none', label: 'No manager' },
            ...managers.map((manager) => ({ value: manager.id, label: manager.name })),
          ]}
          onValueChange={(managerId) => store().setFilters({ managerId })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          options={[
            { value: '', label: 'Any status' },
            ...PERSON_STATUS_CHOICES.map((status) => ({
              value: status,
              label: personStatusLabel(status),
            })),
          ]}
          onValueChange={(status) => store().setFilters({ status })}
        />
      </FilterBar>
      <ResultCount total={total} singular="person" plural="people" />
      {error ? (
        <ErrorMessage
          title="Could not load people"
          error={error}
          onRetry={() => void store().loadPeople()}
        />
      ) : null}
      {total === null && !error ? <Skeleton label="Loading people" rows={6} /> : null}
      {total === 0 ? (
        <ListEmptyState
          isFiltered={isFiltered}
          onClearFilters={() => store().clearFilters()}
          noMatchTitle="No one matches"
          noMatchText="Try another name, or clear the filters to see everyone."
          emptyTitle="No people yet"
          emptyText={
            'People appear here once mpath has synced. Check the sync status at the top of the ' +
            'window.'
          }
        />
      ) : null}
      {people.length > 0 ? (
        <OptionList
          label="People"
          items={people}
          getKey={(person) => person.id}
          onOpen={(person) => useNavigationStore.getState().select(person.id)}
          renderItem={(person) => (
            <>
              <span className="option-title">{person.name}</span>
              <span className="option-meta">
                {[
                  person.role,
                  person.teamName ?? 'No team',
                  person.managerName ? `Reports to ${person.managerName}` : null,
                  person.status === 'active' ? null : personStatusLabel(person.status),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </>
          )}
        />
      ) : null}
      {total !== null && people.length < total ? (
        <div className="button-row">
          <Button onClick={() => void store().loadMore()} disabled={isLoading}>
            Show more people
          </Button>
        </div>
      ) : null}
    </>
  )
}
