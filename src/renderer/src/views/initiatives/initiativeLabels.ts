import type { Initiative } from '../../../../shared/mpath/initiatives'

const STATUS_LABELS: Readonly<Record<string, string>> = {
  planned: 'Planned',
  in_progress: 'In progress',
  paused: 'Paused',
  done: 'Done',
  canceled: 'Cancelled',
}

/** The initiative statuses the filter offers, in mpath's order. */
export const INITIATIVE_STATUS_CHOICES: readonly string[] = Object.keys(STATUS_LABELS)

/** RAG ratings with their words, for the filter; the badge says the same words. */
export const RAG_CHOICES: readonly { rag: 'green' | 'amber' | 'red'; label: string }[] = [
  { rag: 'green', label: 'Green: on track' },
  { rag: 'amber', label: 'Amber: at risk' },
  { rag: 'red', label: 'Red: off track' },
]

/** An initiative status in words; an unknown one is shown as the server sent it. */
export function initiativeStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replace(/_/g, ' ')
}

/** How far an initiative's tasks have got. */
export interface InitiativeProgress {
  done: number
  total: number
}

/**
 * Progress from the server's synthetic `tasks` array (one entry per task, `done` entries for
 * completed ones). Null when the server sent no such array.
 */
export function progressOf(initiative: Pick<Initiative, 'tasks'>): InitiativeProgress | null {
  if (!initiative.tasks) {
    return null
  }

  return {
    done: initiative.tasks.filter((task) => task.status === 'done').length,
    total: initiative.tasks.length,
  }
}

/** Progress in words: "3 of 4 tasks done", or what is known instead. */
export function progressLabel(progress: InitiativeProgress | null): string {
  if (!progress) {
    return 'Progress unknown'
  }

  if (progress.total === 0) {
    return 'No tasks yet'
  }

  return `${progress.done} of ${progress.total} ${progress.total === 1 ? 'task' : 'tasks'} done`
}

/** The names of an initiative's people in a role, e.g. its owners. */
export function namesInRole(initiative: Pick<Initiative, 'owners'>, role: string): string[] {
  return initiative.owners
    .filter((owner) => owner.role === role)
    .map((owner) => owner.person?.name ?? owner.personId)
}
