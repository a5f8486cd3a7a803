import type { TrayTask } from '../../../../shared/tray/traySummary'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/formatDate'

/** Props of {@link QuickViewTask}. */
export interface QuickViewTaskProps {
  task: TrayTask
  canComplete: boolean
  isCompleting: boolean
  onComplete: (task: TrayTask) => void
  onOpen: (task: TrayTask) => void
}

/** One task of the quick-view: its title and due date, Complete (when editing works) and Open. */
export function QuickViewTask({
  task,
  canComplete,
  isCompleting,
  onComplete,
  onOpen,
}: QuickViewTaskProps): React.JSX.Element {
  const titleId = `quick-view-task-${task.id}`

  return (
    <li className="quick-view-task">
      <div className="quick-view-task-text">
        <span id={titleId} className="quick-view-task-title">
          {task.title}
        </span>
        <span className="quick-view-task-meta">
          {task.dueDate ? `Due ${formatDate(task.dueDate)}` : 'No due date'}
          {task.initiativeTitle ? ` · ${task.initiativeTitle}` : ''}
        </span>
      </div>
      <div className="quick-view-task-actions">
        {canComplete ? (
          <Button
            aria-label={`Complete ${task.title}`}
            disabled={isCompleting}
            onClick={() => onComplete(task)}
          >
            {isCompleting ? 'Completing…' : 'Complete'}
          </Button>
        ) : null}
        <Button
          variant="quiet"
          aria-label={`Open ${task.title} in mpath Desktop`}
          onClick={() => onOpen(task)}
        >
          Open
        </Button>
      </div>
    </li>
  )
}
