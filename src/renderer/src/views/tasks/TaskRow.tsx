import type { Task } from '../../../../shared/mpath/tasks'
import { formatDate } from '../../components/formatDate'
import { isOverdue, priorityLabel, statusLabel } from './taskLabels'

/** Props of {@link TaskRow}. */
export interface TaskRowProps {
  task: Task
  /** "Now" in milliseconds, for the overdue mark. */
  now: number
}

/** The content of one task row: title, then status, priority, assignee, due date, initiative. */
export function TaskRow({ task, now }: TaskRowProps): React.JSX.Element {
  const overdue = isOverdue(task, now)

  return (
    <>
      <span className="task-row-title">{task.title}</span>
      <span className="task-row-meta">
        <span className={`task-status task-status-${task.status}`}>{statusLabel(task.status)}</span>
        <span>{priorityLabel(task.priority)}</span>
        <span>{task.assignee?.name ?? 'Unassigned'}</span>
        <span className={overdue ? 'task-overdue' : undefined}>
          {task.dueDate ? `Due ${formatDate(task.dueDate)}` : 'No due date'}
          {overdue ? ' (overdue)' : ''}
        </span>
        {task.initiative ? <span>{task.initiative.title}</span> : null}
      </span>
    </>
  )
}
