import type { MyWork } from '../../shared/ipc/views'
import type { Initiative } from '../../shared/mpath/initiatives'
import type { OneOnOne } from '../../shared/mpath/oneOnOnes'
import type { Task } from '../../shared/mpath/tasks'
import type { CurrentUser } from '../../shared/mpath/user'
import type { Clock } from '../platform/ports'
import type { DataStore } from '../sync/dataStore'
import { dueDayOf, localDayOf } from './localDay'

/** What the summary is built from: cached data, who "me" is, and the person's clock. */
export interface MyWorkInput {
  tasks: readonly Task[]
  oneOnOnes: readonly OneOnOne[]
  initiatives: readonly Initiative[]
  me: CurrentUser | null
  now: number
  timeZone: string
  /** At most this many one-on-ones. Default 5. */
  oneOnOneLimit?: number
}

const CLOSED_TASK_STATUSES = new Set(['done', 'dropped'])
const CLOSED_INITIATIVE_STATUSES = new Set(['done', 'canceled'])

/**
 * The signed-in person's open work: their open tasks grouped overdue / today / upcoming by the
 * local calendar day (tasks without a due date close "upcoming"), their next one-on-ones, and
 * the open initiatives they own. Empty when the caller has no linked person.
 */
export function buildMyWork(input: MyWorkInput): MyWork {
  const personId = input.me?.managerOSPersonId ?? null
  const summary: MyWork = {
    me: { personId, name: input.me?.name ?? null, email: input.me?.email ?? null },
    overdue: [],
    today: [],
    upcoming: [],
    nextOneOnOnes: [],
    ownedInitiatives: [],
  }

  if (personId === null) {
    return summary
  }

  const today = localDayOf(input.now, input.timeZone)
  const dated: { task: Task; day: string; time: number }[] = []
  const undated: Task[] = []

  for (const task of input.tasks) {
    if (task.assigneeId !== personId || CLOSED_TASK_STATUSES.has(task.status)) {
      continue
    }

    const day = task.dueDate === null ? undefined : dueDayOf(task.dueDate, input.timeZone)

    if (day === undefined) {
      undated.push(task)
    } else {
      dated.push({ task, day, time: Date.parse(task.dueDate!) })
    }
  }

  dated.sort((left, right) => left.time - right.time || left.task.priority - right.task.priority)

  for (const { task, day } of dated) {
    const group = day < today ? summary.overdue : day === today ? summary.today : summary.upcoming
    group.push(task)
  }

  undated.sort((left, right) => left.priority - right.priority)
  summary.upcoming.push(...undated)

  summary.nextOneOnOnes = input.oneOnOnes
    .filter((meeting) => meeting.managerId === personId || meeting.reportId === personId)
    .map((meeting) => ({ meeting, at: Date.parse(meeting.scheduledAt ?? '') }))
    .filter(({ at }) => !Number.isNaN(at) && at >= input.now)
    .sort((left, right) => left.at - right.at)
    .slice(0, input.oneOnOneLimit ?? 5)
    .map(({ meeting }) => meeting)

  summary.ownedInitiatives = input.initiatives.filter(
    (initiative) =>
      !CLOSED_INITIATIVE_STATUSES.has(initiative.status) &&
      initiative.owners.some((owner) => owner.personId === personId && owner.role === 'owner'),
  )

  return summary
}

/** The "my work" service: the summary of the moment, from the cached data. */
export interface MyWorkService {
  summary(): MyWork
}

/** Builds {@link MyWorkService} over the data store; the clock and time zone are injected. */
export function createMyWork(options: {
  data: Pick<DataStore, 'get' | 'currentUser'>
  clock: Pick<Clock, 'now'>
  timeZone: () => string
}): MyWorkService {
  return {
    summary: () =>
      buildMyWork({
        tasks: options.data.get('tasks').items,
        oneOnOnes: options.data.get('oneOnOnes').items,
        initiatives: options.data.get('initiatives').items,
        me: options.data.currentUser(),
        now: options.clock.now(),
        timeZone: options.timeZone(),
      }),
  }
}
