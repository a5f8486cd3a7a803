import type { SessionState } from '../../../shared/auth/sessionState'
import type {
  EventChannelName,
  EventPayload,
  NavigationRequest,
} from '../../../shared/ipc/contract'
import type { MyWork } from '../../../shared/ipc/views'
import type { Task } from '../../../shared/mpath/tasks'
import type { TrayCondition, TraySummary, TrayTask } from '../../../shared/tray/traySummary'
import type { FakeData } from './fakeQueries'
import { summarizeWork } from './fakeQueries'

/** What the fake tray reads and records. */
export interface FakeTrayState {
  session: SessionState
  profile: { profile: unknown }
  meId: string | null
  now: string
  data: FakeData
  /** Set to force a condition (offline, error) the fake's session alone would not give. */
  trayCondition?: TrayCondition
  /** The navigation a window would take once; set by `tray:open-task`. */
  pendingNavigation?: NavigationRequest | null
}

const toTrayTask = (task: Task): TrayTask => ({
  id: task.id,
  title: task.title,
  dueDate: task.dueDate,
  priority: task.priority,
  status: task.status,
  initiativeTitle: task.initiative?.title ?? null,
})

const NOTICES: Record<TrayCondition, string | null> = {
  ready: null,
  'not-connected': 'Open mpath Desktop to connect to your organization.',
  'signed-out': 'Sign in to see your tasks.',
  offline: 'You are offline; these tasks are from the last sync.',
  error: 'mpath could not be reached; these tasks are from the last sync.',
}

/** The tray summary main would build from the fake's state, in the same words. */
export function fakeTraySummary(state: FakeTrayState): TraySummary {
  const condition: TrayCondition =
    state.trayCondition ??
    (state.profile.profile === null
      ? 'not-connected'
      : state.session.status === 'restoring' && state.session.offline
        ? 'offline'
        : state.session.status === 'signed-in' || state.session.status === 'restoring'
          ? 'ready'
          : 'signed-out')
  const isListed = condition === 'ready' || condition === 'offline' || condition === 'error'
  const work: Pick<MyWork, 'overdue' | 'today' | 'upcoming'> = isListed
    ? summarizeWork(state.data, state.meId, state.now)
    : { overdue: [], today: [], upcoming: [] }
  const counts = {
    overdue: work.overdue.length,
    today: work.today.length,
    upcoming: work.upcoming.length,
  }
  const parts = [
    counts.overdue > 0 ? `${counts.overdue} overdue` : '',
    counts.today > 0 ? `${counts.today} due today` : '',
  ].filter(Boolean)
  const due = parts.length === 0 ? 'Nothing due today' : parts.join(', ')

  return {
    condition,
    notice: NOTICES[condition],
    groups: {
      overdue: work.overdue.map(toTrayTask),
      today: work.today.map(toTrayTask),
      upcoming: work.upcoming.map(toTrayTask),
    },
    counts,
    tooltip: isListed ? `mpath Desktop: ${due}` : 'mpath Desktop: signed out',
    title:
      isListed && counts.overdue + counts.today > 0 ? String(counts.overdue + counts.today) : '',
    badge: condition === 'offline' ? 'offline' : condition === 'error' ? 'error' : 'none',
  }
}

/**
 * The fake's answers for the tray's channels and the pending navigation: the summary from the
 * fake's data, Open recorded as a pending navigation, Sign in through the fake's own sign-in.
 */
export function fakeTrayHandlers(
  state: FakeTrayState,
  emit: <E extends EventChannelName>(channel: E, payload: EventPayload<E>) => void,
  signIn: () => void,
) {
  return {
    'tray:get-summary': () => fakeTraySummary(state),
    'tray:open-task': ({ id }: { id: string }) => {
      state.pendingNavigation = { target: 'tasks', id }
      emit('app:did-request-navigation', { target: 'tasks', id })
    },
    'tray:open-app': () => undefined,
    'tray:sign-in': () => {
      signIn()
    },
    'app:take-pending-navigation': () => {
      const pending = state.pendingNavigation ?? null
      state.pendingNavigation = null

      return pending
    },
  }
}
