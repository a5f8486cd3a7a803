import { useId, useMemo } from 'react'

import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Skeleton } from '../../components/Skeleton'
import { useNavigationStore } from '../../stores/navigationStore'
import { usePeopleStore } from '../../stores/peopleStore'
import { OptionList } from './OptionList'
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
  const id = useId()
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
      <div className="task-filters">
        <div className="filter-field filter-search">
          <label htmlFor={`${id}-search`}>Search</label>
          <input
            id={`${id}-search`}
            type="search"
            placeholder="Name, email or role"
            value={search}
            onChange={(event) => store().setSearch(event.target.value)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            value={filters.teamId}
            onChange={(event) => store().setFilters({ teamId: event.target.value })}
          >
            <option value="">Any team</option>
            <option value="none">No team</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-manager`}>Manager</label>
          <select
            id={`${id}-manager`}
            value={filters.managerId}
            onChange={(event) => store().setFilters({ managerId: event.target.value })}
          >
            <option value="">Anyone</option>
            <option value="none">No manager</option>
            {managers.map((manager) => (
              <option key={manager.id} value={manager.id}>
                {manager.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(event) => store().setFilters({ status: event.target.value })}
          >
            <option value="">Any status</option>
            {PERSON_STATUS_CHOICES.map((status) => (
              <option key={status} value={status}>
                {personStatusLabel(status)}
              </option>
            ))}
          </select>
        </div>
        {isFiltered ? (
          <Button variant="quiet" onClick={() => store().clearFilters()}>
            Clear filters
          </Button>
        ) : null}
      </div>
      <p className="result-count" role="status">
        {total === null ? '' : `${total.toLocaleString()} ${total === 1 ? 'person' : 'people'}`}
      </p>
      {error ? (
        <ErrorMessage
          title="Could not load people"
          error={error}
          onRetry={() => void store().loadPeople()}
        />
      ) : null}
      {total === null && !error ? <Skeleton label="Loading people" rows={6} /> : null}
      {total === 0 ? (
        isFiltered ? (
          <EmptyState
            title="No one matches"
            action={<Button onClick={() => store().clearFilters()}>Clear filters</Button>}
          >
            Try another name, or clear the filters to see everyone.
          </EmptyState>
        ) : (
          <EmptyState title="No people yet">
            People appear here once mpath has synced. Check the sync status at the top of the
            window.
          </EmptyState>
        )
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
