import type { SessionState } from '../../shared/auth/sessionState'
import type { MyWork } from '../../shared/ipc/views'
import type { Task } from '../../shared/mpath/tasks'
import type { SyncStatus } from '../../shared/sync/syncStatus'
import type { TrayCondition, TrayGroup, TraySummary, TrayTask } from '../../shared/tray/traySummary'

/** What the tray summary is drawn from. */
export interface TraySummaryInput {
  /** My open tasks, grouped by the local day (see `buildMyWork`). */
  work: Pick<MyWork, 'me' | 'overdue' | 'today' | 'upcoming'>
  isConnected: boolean
  session: SessionState
  sync: Pick<SyncStatus, 'phase'>
  /** At most this many tasks per group; the counts stay whole. Default 25. */
  groupLimit?: number
}

const APP_NAME = 'mpath Desktop'
const DEFAULT_GROUP_LIMIT = 25

const EMPTY_GROUPS = (): Record<TrayGroup, TrayTask[]> => ({ overdue: [], today: [], upcoming: [] })

function toTrayTask(task: Task): TrayTask {
  return {
    id: task.id,
    title: task.title,
    dueDate: task.dueDate,
    priority: task.priority,
    status: task.status,
    initiativeTitle: task.initiative?.title ?? null,
  }
}

/**
 * The counts in words, for the tooltip and the menu.
 *
 * @example
 * describeCounts({ overdue: 3, today: 2, upcoming: 9 }) // '3 overdue, 2 due today'
 * describeCounts({ overdue: 0, today: 0, upcoming: 9 }) // 'Nothing due today'
 */
export function describeCounts(counts: Record<TrayGroup, number>): string {
  const parts: string[] = []

  if (counts.overdue > 0) {
    parts.push(`${counts.overdue} overdue`)
  }

  if (counts.today > 0) {
    parts.push(`${counts.today} due today`)
  }

  return parts.length === 0 ? 'Nothing due today' : parts.join(', ')
}

function conditionOf(input: TraySummaryInput): TrayCondition {
  if (!input.isConnected) {
    return 'not-connected'
  }

  const { session } = input

  if (session.status === 'error') {
    return 'error'
  }

  // A restore in progress is still the person's session: the cached tasks stay listed.
  if (session.status === 'restoring' && session.offline) {
    return 'offline'
  }

  if (session.status !== 'signed-in' && session.status !== 'restoring') {
    return 'signed-out'
  }

  if (input.sync.phase === 'offline') {
    return 'offline'
  }

  return input.sync.phase === 'error' ? 'error' : 'ready'
}

const NOTICES: Record<TrayCondition, string | null> = {
  ready: null,
  'not-connected': 'Open mpath Desktop to connect to your organization.',
  'signed-out': 'Sign in to see your tasks.',
  offline: 'You are offline; these tasks are from the last sync.',
  error: 'mpath could not be reached; these tasks are from the last sync.',
}

/**
 * The tray's view of my open work: the groups (each shortened to `groupLimit`), whole counts,
 * the tooltip, the macOS menu-bar title and the icon badge. Signed out or not connected, the
 * lists are empty; offline or failing, the cached lists stay and the notice says so.
 */
export function buildTraySummary(input: TraySummaryInput): TraySummary {
  const condition = conditionOf(input)
  const limit = input.groupLimit ?? DEFAULT_GROUP_LIMIT
  const showsTasks = condition === 'ready' || condition === 'offline' || condition === 'error'
  const groups = EMPTY_GROUPS()
  const counts: Record<TrayGroup, number> = { overdue: 0, today: 0, upcoming: 0 }

  if (showsTasks) {
    for (const group of ['overdue', 'today', 'upcoming'] as const) {
      counts[group] = input.work[group].length
      groups[group] = input.work[group].slice(0, limit).map(toTrayTask)
    }
  }

  let notice = NOTICES[condition]

  if (condition === 'error' && input.session.status === 'error') {
    notice = 'Signing in failed. Open mpath Desktop to sign in again.'
  } else if (condition === 'ready' && input.work.me.personId === null) {
    notice = 'Your account is not linked to a person in mpath, so no tasks are yours.'
  }

  const due = describeCounts(counts)
  const tooltip = !showsTasks
    ? `${APP_NAME}: ${condition === 'not-connected' ? 'not connected' : 'signed out'}`
    : condition === 'ready'
      ? `${APP_NAME}: ${due}`
      : `${APP_NAME} (${condition === 'offline' ? 'offline' : 'not up to date'}): ${due}`
  const dueNow = counts.overdue + counts.today

  return {
    condition,
    notice,
    groups,
    counts,
    tooltip,
    title: showsTasks && dueNow > 0 ? String(dueNow) : '',
    badge: condition === 'offline' ? 'offline' : condition === 'error' ? 'error' : 'none',
  }
}
