import { FilterBar } from '../../components/FilterBar'
import { FilterChecks } from '../../components/FilterChecks'
import { FilterInput } from '../../components/FilterInput'
import { FilterSelect } from '../../components/FilterSelect'
import type { TaskSort } from '../../stores/tasksStore'
import { hasTaskFilters, useTasksStore } from '../../stores/tasksStore'
import { PRIORITY_CHOICES, STATUS_CHOICES, priorityLabel, statusLabel } from './taskLabels'

type SortField = NonNullable<TaskSort>['field']

const SORT_LABELS: Record<SortField, string> = {
  status: 'Status',
  dueDate: 'Due date',
  priority: 'Priority',
  assignee: 'Assignee',
  title: 'Title',
  createdAt: 'Created',
}

/** Search, filters and sort of the Tasks view; every change asks main for a new answer. */
export function TaskFilterBar(): React.JSX.Element {
  const search = useTasksStore((state) => state.search)
  const filters = useTasksStore((state) => state.filters)
  const sort = useTasksStore((state) => state.sort)
  const isFiltered = useTasksStore(hasTaskFilters)
  const people = useTasksStore((state) => state.assigneeChoices)
  const initiatives = useTasksStore((state) => state.initiativeChoices)
  const store = useTasksStore.getState

  return (
    <FilterBar isFiltered={isFiltered} onClearFilters={() => store().clearFilters()}>
      <FilterInput
        label="Search"
        type="search"
        placeholder="Search task titles"
        value={search}
        onValueChange={(value) => store().setSearch(value)}
      />
      <FilterChecks
        legend="Status"
        choices={STATUS_CHOICES}
        selected={filters.statuses}
        labelOf={statusLabel}
        onSelectedChange={(statuses) => store().setFilters({ statuses })}
      />
      <FilterChecks
        legend="Priority"
        choices={PRIORITY_CHOICES}
        selected={filters.priorities}
        labelOf={priorityLabel}
        onSelectedChange={(priorities) => store().setFilters({ priorities })}
      />
      <FilterSelect
        label="Assignee"
        value={filters.assigneeIds[0] ?? ''}
        options={[
          { value: '', label: 'Anyone' },
          { value: 'unassigned', label: 'Unassigned' },
          ...people.map((person) => ({ value: person.id, label: person.name })),
        ]}
        onValueChange={(value) => store().setFilters({ assigneeIds: value ? [value] : [] })}
      />
      <FilterSelect
        label="Initiative"
        value={filters.initiativeIds[0] ?? ''}
        options={[
          { value: '', label: 'Any initiative' },
          { value: 'none', label: 'No initiative' },
          ...initiatives.map((initiative) => ({ value: initiative.id, label: initiative.name })),
        ]}
        onValueChange={(value) => store().setFilters({ initiativeIds: value ? [value] : [] })}
      />
      <FilterInput
        label="Due from"
        type="date"
        value={filters.dueFrom}
        onValueChange={(dueFrom) => store().setFilters({ dueFrom })}
      />
      <FilterInput
        label="Due to"
        type="date"
        value={filters.dueTo}
        onValueChange={(dueTo) => store().setFilters({ dueTo })}
      />
      <FilterSelect<SortField | ''>
        label="Sort by"
        value={sort?.field ?? ''}
        options={[
          { value: '', label: 'Status, then due date' },
          ...(Object.keys(SORT_LABELS) as SortField[]).map((field) => ({
            value: field,
            label: SORT_LABELS[field],
          })),
        ]}
        onValueChange={(field) =>
          store().setSort(field ? { field, direction: sort?.direction ?? 'asc' } : null)
        }
      />
      <FilterSelect<'asc' | 'desc'>
        label="Order"
        value={sort?.direction ?? 'asc'}
        disabled={!sort}
        options={[
          { value: 'asc', label: 'Ascending' },
          { value: 'desc', label: 'Descending' },
        ]}
        onValueChange={(direction) =>
          store().setSort(sort ? { field: sort.field, direction } : null)
        }
      />
    </FilterBar>
  )
}
