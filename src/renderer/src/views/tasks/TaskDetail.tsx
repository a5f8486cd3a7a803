import { useEffect, useRef, useState } from 'react'

import type { Task } from '../../../../shared/mpath/tasks'
import { Button } from '../../components/Button'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatDate, formatDateTime } from '../../components/formatDate'
import { useTasksStore } from '../../stores/tasksStore'
import { TaskEditForm } from './TaskEditForm'
import { isOpenTask, isOverdue, priorityLabel, statusLabel } from './taskLabels'

/** Props of {@link TaskDetail}. */
export interface TaskDetailProps {
  task: Task
  now: number
  onClose: () => void
}

/** Every field of one task, with Complete and Edit when mpath accepts changes. */
export function TaskDetail({ task, now, onClose }: TaskDetailProps): React.JSX.Element {
  const availability = useTasksStore((state) => state.writeAvailability)
  const isSaving = useTasksStore((state) => state.isSaving)
  const writeError = useTasksStore((state) => state.writeError)
  const [isEditing, setIsEditing] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const overdue = isOverdue(task, now)

  useEffect(() => {
    setIsEditing(false)
    showTitle(headingRef.current)
  }, [task.id])

  return (
    <aside className="task-detail" aria-labelledby="task-detail-title">
      <div className="task-detail-header">
        <h2 id="task-detail-title" ref={headingRef} tabIndex={-1}>
          {task.title}
        </h2>
        <Button variant="quiet" onClick={onClose} aria-keyshortcuts="Escape">
          Close
        </Button>
      </div>
      {writeError ? (
        <ErrorMessage
          title="Your change was not saved, so it has been undone."
          error={writeError}
          onRetry={() => useTasksStore.getState().dismissWriteError()}
          retryLabel="Dismiss"
        />
      ) : null}
      {isEditing ? (
        <TaskEditForm
          task={task}
          isSaving={isSaving}
          onSave={(patch) => useTasksStore.getState().updateTask(task.id, patch)}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{statusLabel(task.status)}</dd>
            <dt>Priority</dt>
            <dd>{priorityLabel(task.priority)}</dd>
            <dt>Assignee</dt>
            <dd>{task.assignee?.name ?? 'Unassigned'}</dd>
            <dt>Due</dt>
            <dd className={overdue ? 'task-overdue' : undefined}>
              {task.dueDate ? formatDate(task.dueDate) : 'No due date'}
              {overdue ? ' (overdue)' : ''}
            </dd>
            <dt>Initiative</dt>
            <dd>{task.initiative?.title ?? 'No initiative'}</dd>
            {task.completedAt ? (
              <>
                <dt>Completed</dt>
                <dd>{formatDateTime(task.completedAt)}</dd>
              </>
            ) : null}
            <dt>Created</dt>
            <dd>
              {formatDateTime(task.createdAt)}
              {task.createdBy ? ` by ${task.createdBy.name}` : ''}
            </dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(task.updatedAt)}</dd>
          </dl>
          <h3>Description</h3>
          <p className="task-description">{task.description || 'No description.'}</p>
          <TaskActions
            task={task}
            isSaving={isSaving}
            available={availability?.available ?? false}
            reason={availability ? availability.reason : undefined}
            isChecking={availability === null}
            onEdit={() => setIsEditing(true)}
            onComplete={() => {
              // The focused Complete button is gone once the task is done: hand focus to
              // the title, so neither focus nor the panel's scroll is left below it.
              showTitle(headingRef.current)
              void useTasksStore.getState().completeTask(task.id)
            }}
          />
        </>
      )}
    </aside>
  )
}

/** Focuses the title and scrolls the panel just enough for the title to show in full. */
function showTitle(heading: HTMLHeadingElement | null): void {
  heading?.focus({ preventScroll: true })
  heading?.scrollIntoView?.({ block: 'nearest' })
}

interface TaskActionsProps {
  task: Task
  isSaving: boolean
  available: boolean
  reason: string | undefined
  isChecking: boolean
  onEdit: () => void
  onComplete: () => void
}

function TaskActions(props: TaskActionsProps): React.JSX.Element | null {
  const { task, isSaving, available, reason, isChecking, onEdit, onComplete } = props

  if (isChecking) {
    return null
  }

  if (!available) {
    return (
      <p className="notice">
        Editing isn&apos;t available: {reason ?? 'mpath does not accept changes from this app.'}
      </p>
    )
  }

  return (
    <div className="button-row">
      {isOpenTask(task) ? (
        <Button variant="primary" disabled={isSaving} onClick={onComplete}>
          Complete
        </Button>
      ) : null}
      <Button disabled={isSaving} onClick={onEdit}>
        Edit
      </Button>
    </div>
  )
}
