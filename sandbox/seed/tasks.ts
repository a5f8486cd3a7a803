import type { SeedClock } from './clock'
import type { InitiativeSeed } from './initiatives'
import { TASK_DESCRIPTIONS, TASK_OBJECTS, TASK_VERBS } from './names'
import type { PeopleSeed } from './people'
import type { SeededRandom } from './random'
import type { PreferenceRow, TaskRow } from './rows'

type Due = { days: number; hour: number } | { laterTodayMinutes: number } | null

/** Hand-written tasks for the demo accounts; initiative is an index into the seeded list. */
interface DemoTask {
  title: string
  status: string
  priority: number
  due: Due
  assignee: 'ada' | 'ben' | null
  creator: 'ada' | 'ben' | 'supportLead'
  initiative: number | null
  /** Attach to the first objective of the initiative and leave `initiativeId` empty. */
  isObjectiveOnly?: boolean
}

const DEMO_TASKS: readonly DemoTask[] = [
  {
    title: 'Review on-call handover notes',
    status: 'todo',
    priority: 2,
    due: { days: -3, hour: 17 },
    assignee: 'ben',
    creator: 'ben',
    initiative: 0,
  },
  {
    title: 'Fix flaky deploy pipeline step',
    status: 'doing',
    priority: 1,
    due: { days: -1, hour: 12 },
    assignee: 'ben',
    creator: 'ada',
    initiative: 0,
  },
  {
    title: 'Send capacity estimates to Ada',
    status: 'blocked',
    priority: 2,
    due: { days: -5, hour: 17 },
    assignee: 'ben',
    creator: 'ada',
    initiative: 9,
  },
  {
    title: 'Prepare the sprint demo',
    status: 'todo',
    priority: 1,
    due: { laterTodayMinutes: 45 },
    assignee: 'ben',
    creator: 'ben',
    initiative: 0,
  },
  {
    title: 'Approve the database migration plan',
    status: 'todo',
    priority: 2,
    due: { laterTodayMinutes: 240 },
    assignee: 'ben',
    creator: 'ada',
    initiative: 9,
  },
  {
    title: 'Write up one-on-one follow-ups',
    status: 'todo',
    priority: 3,
    due: { laterTodayMinutes: 180 },
    assignee: 'ben',
    creator: 'ben',
    initiative: null,
  },
  {
    title: 'Renew the conference badge',
    status: 'todo',
    priority: 4,
    due: { days: 2, hour: 12 },
    assignee: 'ben',
    creator: 'ben',
    initiative: null,
  },
  {
    title: 'Draft a blog post on incident reviews',
    status: 'doing',
    priority: 3,
    due: { days: 6, hour: 17 },
    assignee: 'ben',
    creator: 'ben',
    initiative: null,
  },
  {
    title: 'Tidy personal notes',
    status: 'todo',
    priority: 5,
    due: null,
    assignee: 'ben',
    creator: 'ben',
    initiative: null,
  },
  {
    title: 'Read the leadership offsite pre-read',
    status: 'todo',
    priority: 2,
    due: { days: 1, hour: 9 },
    assignee: 'ben',
    creator: 'ada',
    initiative: null,
  },
  {
    title: 'Upgrade the staging cluster',
    status: 'todo',
    priority: 2,
    due: { days: 3, hour: 17 },
    assignee: 'ben',
    creator: 'ben',
    initiative: 0,
  },
  {
    title: 'Rotate database credentials',
    status: 'done',
    priority: 1,
    due: { days: -2, hour: 17 },
    assignee: 'ben',
    creator: 'ben',
    initiative: 0,
  },
  {
    title: 'Pair on alert tuning',
    status: 'todo',
    priority: 3,
    due: { days: 1, hour: 11 },
    assignee: 'ben',
    creator: 'ada',
    initiative: 0,
    isObjectiveOnly: true,
  },
  {
    title: 'Sign off the engineering budget',
    status: 'todo',
    priority: 1,
    due: { days: -2, hour: 17 },
    assignee: 'ada',
    creator: 'ada',
    initiative: 9,
  },
  {
    title: 'Review the hiring pipeline',
    status: 'doing',
    priority: 2,
    due: { days: -1, hour: 12 },
    assignee: 'ada',
    creator: 'ada',
    initiative: 7,
  },
  {
    title: 'Approve the SSO launch checklist',
    status: 'todo',
    priority: 1,
    due: { laterTodayMinutes: 120 },
    assignee: 'ada',
    creator: 'ada',
    initiative: 5,
  },
  {
    title: 'Prepare board update slides',
    status: 'todo',
    priority: 2,
    due: { laterTodayMinutes: 300 },
    assignee: 'ada',
    creator: 'ada',
    initiative: null,
  },
  {
    title: 'Reply to the accessibility auditor',
    status: 'todo',
    priority: 3,
    due: { days: 4, hour: 12 },
    assignee: 'ada',
    creator: 'ada',
    initiative: 11,
  },
  {
    title: 'Plan the engineering offsite',
    status: 'doing',
    priority: 3,
    due: { days: 14, hour: 17 },
    assignee: 'ada',
    creator: 'ada',
    initiative: null,
  },
  {
    title: 'Triage new support escalations',
    status: 'todo',
    priority: 2,
    due: { days: 0, hour: 17 },
    assignee: null,
    creator: 'supportLead',
    initiative: 6,
  },
]

const CREATOR_KEYS = [
  'ada',
  'ben',
  'ceo',
  'productHead',
  'webLead',
  'mobileLead',
  'dataLead',
  'designLead',
  'supportLead',
]

export interface TaskSeed {
  tasks: TaskRow[]
  preferences: PreferenceRow[]
}

/** The demo tasks plus generated ones up to `count`, and Ben's reminder preferences. */
export function seedTasks(input: {
  random: SeededRandom
  clock: SeedClock
  people: PeopleSeed
  initiatives: InitiativeSeed
  count: number
}): TaskSeed {
  const { random, clock, people, initiatives } = input
  const tasks: TaskRow[] = []
  const userId = (key: string): string => people.userIds.get(key) ?? ''
  const personId = (key: string): string | null => people.leadPersonIds.get(key) ?? null
  const objectivesOf = (initiativeId: string) =>
    initiatives.objectives.filter((objective) => objective.initiative_id === initiativeId)
  const resolveDue = (due: Due): Date | null => {
    if (!due) {
      return null
    }

    return 'laterTodayMinutes' in due
      ? clock.laterToday(due.laterTodayMinutes)
      : clock.dayAt(due.days, due.hour)
  }

  for (const demo of DEMO_TASKS) {
    const initiative =
      demo.initiative === null ? undefined : initiatives.initiatives[demo.initiative]
    const objective =
      initiative && demo.isObjectiveOnly ? objectivesOf(initiative.id)[0] : undefined
    const dueDate = resolveDue(demo.due)
    const createdAt = clock.dayAt(-random.integer(5, 30), 10)
    const updatedAt =
      demo.status === 'done' && dueDate ? new Date(dueDate.getTime() - 7_200_000) : createdAt
    tasks.push({
      id: random.cuid(),
      title: demo.title,
      description: random.pick(TASK_DESCRIPTIONS),
      status: demo.status,
      priority: demo.priority,
      estimate: null,
      due_date: dueDate?.toISOString() ?? null,
      completed_at: demo.status === 'done' ? updatedAt.toISOString() : null,
      assignee_id: demo.assignee ? personId(demo.assignee) : null,
      created_by_id: userId(demo.creator),
      initiative_id: objective ? null : (initiative?.id ?? null),
      objective_id: objective?.id ?? null,
      created_at: createdAt.toISOString(),
      updated_at: updatedAt.toISOString(),
    })
  }

  const activePeople = people.people.filter((person) => person.status === 'active')
  const creators = CREATOR_KEYS.map(userId).filter((id) => id !== '')
  const benPersonId = personId('ben')

  for (let index = tasks.length; index < input.count; index++) {
    const shape = random.weighted([
      ['initiative', 87],
      ['standalone', 10],
      ['objectiveOnly', 3],
    ] as const)
    const initiative = shape === 'standalone' ? undefined : random.pick(initiatives.initiatives)
    const candidates = initiative ? objectivesOf(initiative.id) : []
    const objective =
      candidates.length > 0 && (shape === 'objectiveOnly' || random.chance(0.4))
        ? random.pick(candidates)
        : undefined
    const status = random.weighted([
      ['todo', 35],
      ['doing', 20],
      ['blocked', 8],
      ['done', 30],
      ['dropped', 7],
    ] as const)
    const createdAt = clock.dayAt(-random.integer(1, 120), random.integer(8, 18))
    const updatedAt = new Date(
      Math.min(createdAt.getTime() + random.integer(0, 20) * 86_400_000, clock.now.getTime()),
    )
    const assignee = random.chance(0.1)
      ? null
      : random.chance(0.06)
        ? benPersonId
        : random.pick(activePeople).id
    tasks.push({
      id: random.cuid(),
      title: `${random.pick(TASK_VERBS)} ${random.pick(TASK_OBJECTS)}`,
      description: random.pick(TASK_DESCRIPTIONS),
      status,
      priority: random.weighted([
        [1, 1],
        [2, 4],
        [3, 3],
        [4, 2],
        [5, 1],
      ] as const),
      estimate: random.chance(0.3) ? random.integer(1, 8) : null,
      due_date: random.chance(0.2) ? null : clock.dayAt(random.integer(-25, 45), 17).toISOString(),
      completed_at: status === 'done' ? updatedAt.toISOString() : null,
      assignee_id: assignee,
      created_by_id: random.pick(creators),
      initiative_id: shape === 'objectiveOnly' ? null : (initiative?.id ?? null),
      objective_id: objective?.id ?? null,
      created_at: createdAt.toISOString(),
      updated_at: updatedAt.toISOString(),
    })
  }

  const benUserId = userId('ben')
  const stamp = clock.now.toISOString()
  const preferences = tasks
    // Ben's demo tasks all remind him; of the generated ones only those not yet overdue, so
    // the reminder list stays readable.
    .filter(
      (task, index) =>
        task.assignee_id === benPersonId &&
        task.due_date !== null &&
        (index < DEMO_TASKS.length || new Date(task.due_date) > clock.now) &&
        task.status !== 'done' &&
        task.status !== 'dropped',
    )
    .map((task): PreferenceRow => {
      const isDueToday = task.due_date !== null && new Date(task.due_date) < clock.dayAt(1, 0)

      return {
        task_id: task.id,
        user_id: benUserId,
        reminder_minutes_before_due: isDueToday ? 60 : random.pick([5, 60, 1440]),
        created_at: stamp,
        updated_at: stamp,
      }
    })

  return { tasks, preferences }
}
