import type { QueryPage } from '../../../../shared/ipc/queries'
import type { Task } from '../../../../shared/mpath/tasks'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { formatDate } from '../../components/formatDate'
import { OptionList } from '../../components/OptionList'
import { useNavigationStore } from '../../stores/navigationStore'
import type { TaskFilters } from '../../stores/tasksStore'
import { useTasksStore } from '../../stores/tasksStore'
import { isOverdue, priorityLabel, statusLabel } from './taskLabels'
import './tasks.css'

/** Props of {@link TaskLinkList}. */
export interface TaskLinkListProps {
  /** The accessible name of the list, e.g. "Tasks of Grace Hopper". */
  label: string
  page: QueryPage<Task>
  /** The Tasks view filters that show the whole of this list. */
  filters: Partial<TaskFilters>
  emptyText: string
  now: number
}

/** Some of one person's or initiative's tasks; each opens in the Tasks view. */
export function TaskLinkList({
  label,
  page,
  filters,
  emptyText,
  now,
}: TaskLinkListProps): React.JSX.Element {
  const showAll = (): void => {
    useTasksStore.getState().showOnly(filters)
    useNavigationStore.getState().navigate('tasks')
  }

  if (page.total === 0) {
    return <EmptyState title="No tasks">{emptyText}</EmptyState>
  }

  return (
    <>
      <OptionList
        label={label}
        items={page.items}
        getKey={(task) => task.id}
        onOpen={(task) => useNavigationStore.getState().navigate('tasks', task.id)}
        renderItem={(task) => (
          <>
            <span className="option-title">{task.title}</span>
            <span className="option-meta">
              {statusLabel(task.status)} · {priorityLabel(task.priority)}
              {task.dueDate ? ` · Due ${formatDate(task.dueDate)}` : ''}
              {isOverdue(task, now) ? <span className="task-overdue"> (overdue)</span> : null}
            </span>
          </>
        )}
      />
      <div className="button-row">
        <Button onClick={showAll}>
          {page.total > page.items.length
            ? `Show all ${page.total.toLocaleString()} in Tasks`
            : 'Show in Tasks'}
        </Button>
      </div>
    </>
  )
}
