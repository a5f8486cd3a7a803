import type { SeedClock } from './clock'
import { DEMO_TASKS, type Due } from './demoTasks'
import type { InitiativeSeed } from './initiatives'
import { TASK_DESCRIPTIONS, TASK_OBJECTS, TASK_VERBS } from './names'
import type { PeopleSeed } from './people'
import type { SeededRandom } from './random'
import type { PreferenceRow, TaskRow } from './rows'

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
