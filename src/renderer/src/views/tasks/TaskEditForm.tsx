import { useId, useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'

import type { TaskDraft } from '../../../../shared/ipc/queries'
import type { Task, TaskStatus } from '../../../../shared/mpath/tasks'
import { Button } from '../../components/Button'
import { TextField } from '../../components/TextField'
import {
  PRIORITY_CHOICES,
  STATUS_CHOICES,
  fromDateInputValue,
  priorityLabel,
  statusLabel,
  toDateInputValue,
} from './taskLabels'

/** Props of {@link TaskEditForm}. */
export interface TaskEditFormProps {
  task: Task
  isSaving: boolean
  /** Sends only the fields that changed; resolves true when saved. */
  onSave: (patch: Partial<TaskDraft>) => Promise<boolean>
  onCancel: () => void
}

/** Edits a task's title, status, priority and due date; Escape cancels. */
export function TaskEditForm({
  task,
  isSaving,
  onSave,
  onCancel,
}: TaskEditFormProps): React.JSX.Element {
  const id = useId()
  const [title, setTitle] = useState(task.title)
  const [status, setStatus] = useState(task.status)
  const [priority, setPriority] = useState(task.priority)
  const [due, setDue] = useState(toDateInputValue(task.dueDate))
  const titleError = title.trim() === '' ? 'Give the task a title.' : undefined

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()

    if (titleError) {
      return
    }

    const patch: Partial<TaskDraft> = {}

    if (title.trim() !== task.title) {
      patch.title = title.trim()
    }

    if (status !== task.status) {
      patch.status = status as TaskStatus
    }

    if (priority !== task.priority) {
      patch.priority = priority
    }

    if (due !== toDateInputValue(task.dueDate)) {
      patch.dueDate = fromDateInputValue(due)
    }

    if (Object.keys(patch).length === 0) {
      onCancel()

      return
    }

    if (await onSave(patch)) {
      onCancel()
    }
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Escape leaves the form first; a second Escape closes the panel.
      event.stopPropagation()
      onCancel()
    }
  }

  return (
    <form
      className="form task-edit"
      aria-label="Edit task"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <TextField label="Title" value={title} onValueChange={setTitle} error={titleError} />
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
        >
          {STATUS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {statusLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={priority}
          onChange={(event) => setPriority(Number(event.target.value))}
        >
          {PRIORITY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {priorityLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Due date" type="date" value={due} onValueChange={setDue} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={isSaving || Boolean(titleError)}>
          {isSaving ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  )
}
