import type { Task } from '../../../../shared/mpath/tasks'
import { PRIORITY_LABELS } from '../../../../shared/mpath/taskLabels'
import { formatDate } from '../../components/formatDate'
import { useNavigationStore } from '../../stores/navigationStore'

/** Props of {@link TaskGroup}. */
export interface TaskGroupProps {
  id: string
  title: string
  tasks: Task[]
  tone?: 'overdue'
}

/** One group of My work (overdue, today, upcoming); a task opens in the Tasks view. */
export function TaskGroup({ id, title, tasks, tone }: TaskGroupProps): React.JSX.Element | null {
  const navigate = useNavigationStore((state) => state.navigate)

  if (tasks.length === 0) {
    return null
  }

  return (
    <section className={`work-group ${tone ? `work-group-${tone}` : ''}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({tasks.length})</span>
      </h2>
      <ul className="item-list">
        {tasks.map((task) => (
          <li key={task.id}>
            <button type="button" className="item" onClick={() => navigate('tasks', task.id)}>
              <span className="item-title">{task.title}</span>
              <span className="item-meta">
                {task.dueDate ? `Due ${formatDate(task.dueDate)}` : 'No due date'}
                {' · '}
                {PRIORITY_LABELS[task.priority] ?? `Priority ${task.priority}`}
                {task.initiative ? ` · ${task.initiative.title}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
