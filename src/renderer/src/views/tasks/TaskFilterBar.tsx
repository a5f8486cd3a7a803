import { useId } from 'react'

import type { TaskStatus } from '../../../../shared/mpath/tasks'
import { Button } from '../../components/Button'
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

function toggled<Value>(values: readonly Value[], value: Value, isOn: boolean): Value[] {
  return isOn ? [...values, value] : values.filter((candidate) => candidate !== value)
}

/** Search, filters and sort of the Tasks view; every change asks main for a new answer. */
export function TaskFilterBar(): React.JSX.Element {
  const search = useTasksStore((state) => state.search)
  const filters = useTasksStore((state) => state.filters)
  const sort = useTasksStore((state) => state.sort)
  const isFiltered = useTasksStore(hasTaskFilters)
  const people = useTasksStore((state) => state.assigneeChoices)
  const initiatives = useTasksStore((state) => state.initiativeChoices)
  const id = useId()
  const store = useTasksStore.getState

  return (
    <div className="task-filters">
      <div className="filter-field filter-search">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search task titles"
          value={search}
          onChange={(event) => store().setSearch(event.target.value)}
        />
      </div>
      <fieldset className="filter-checks">
        <legend>Status</legend>
        {STATUS_CHOICES.map((status: TaskStatus) => (
          <label key={status} className="choice">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={(event) =>
                store().setFilters({
                  statuses: toggled(filters.statuses, status, event.target.checked),
                })
              }
            />
            {statusLabel(status)}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-checks">
        <legend>Priority</legend>
        {PRIORITY_CHOICES.map((priority) => (
          <label key={priority} className="choice">
            <input
              type="checkbox"
              checked={filters.priorities.includes(priority)}
              onChange={(event) =>
                store().setFilters({
                  priorities: toggled(filters.priorities, priority, event.target.checked),
                })
              }
            />
            {priorityLabel(priority)}
          </label>
        ))}
      </fieldset>
      <div className="filter-field">
        <label htmlFor={`${id}-assignee`}>Assignee</label>
        <select
          id={`${id}-assignee`}
          value={filters.assigneeIds[0] ?? ''}
          onChange={(event) =>
            store().setFilters({ assigneeIds: event.target.value ? [event.target.value] : [] })
          }
        >
          <option value="">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-initiative`}>Initiative</label>
        <select
          id={`${id}-initiative`}
          value={filters.initiativeIds[0] ?? ''}
          onChange={(event) =>
            store().setFilters({
              initiativeIds: event.target.value ? [event.target.value] : [],
            })
          }
        >
          <option value="">Any initiative</option>
          <option value="none">No initiative</option>
          {initiatives.map((initiative) => (
            <option key={initiative.id} value={initiative.id}>
              {initiative.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-due-from`}>Due from</label>
        <input
          id={`${id}-due-from`}
          type="date"
          value={filters.dueFrom}
          onChange={(event) => store().setFilters({ dueFrom: event.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-due-to`}>Due to</label>
        <input
          id={`${id}-due-to`}
          type="date"
          value={filters.dueTo}
          onChange={(event) => store().setFilters({ dueTo: event.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          value={sort?.field ?? ''}
          onChange={(event) => {
            const field = event.target.value as SortField | ''
            store().setSort(field ? { field, direction: sort?.direction ?? 'asc' } : null)
          }}
        >
          <option value="">Status, then due date</option>
          {(Object.keys(SORT_LABELS) as SortField[]).map((field) => (
            <option key={field} value={field}>
              {SORT_LABELS[field]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-direction`}>Order</label>
        <select
          id={`${id}-direction`}
          value={sort?.direction ?? 'asc'}
          disabled={!sort}
          onChange={(event) =>
            store().setSort(
              sort ? { field: sort.field, direction: event.target.value as 'asc' | 'desc' } : null,
            )
          }
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      {isFiltered ? (
        <Button variant="quiet" onClick={() => store().clearFilters()}>
          Clear filters
        </Button>
      ) : null}
    </div>
  )
}
