import type { Initiative } from '../../../shared/mpath/initiatives'
import type { Task } from '../../../shared/mpath/tasks'
import { FIXTURE_INITIATIVES, FIXTURE_NOW, FIXTURE_PEOPLE } from './fixtures'

/**
 * Fixture initiatives with the server's synthetic progress array (`done` entries first) and
 * task counts, which the shared fixtures leave out.
 */
export const INITIATIVES_WITH_PROGRESS: Initiative[] = FIXTURE_INITIATIVES.map(
  (initiative, index) => {
    const progress: [number, number][] = [
      [3, 4],
      [1, 5],
      [0, 0],
      [6, 6],
    ]
    const [done, total] = progress[index] ?? [0, 0]

    return {
      ...initiative,
      _count: { tasks: total, checkIns: 0 },
      tasks: Array.from({ length: total }, (_unused, position) => ({
        status: position < done ? 'done' : 'todo',
      })),
    }
  },
)

const STATUSES = ['todo', 'doing', 'blocked', 'done', 'dropped'] as const

/**
 * `count` plain tasks for list-size tests: titles `Generated task 00001` …, every status and
 * priority, a few assigned to fixture people, due dates around {@link FIXTURE_NOW}.
 */
export function generateTasks(count: number): Task[] {
  const now = Date.parse(FIXTURE_NOW)

  return Array.from({ length: count }, (_unused, index) => {
    const person = index % 4 === 0 ? FIXTURE_PEOPLE[index % FIXTURE_PEOPLE.length] : undefined
    const stamp = new Date(now - (count - index) * 60_000).toISOString()

    return {
      id: `generated_${index + 1}`,
      title: `Generated task ${String(index + 1).padStart(5, '0')}`,
      description: null,
      status: STATUSES[index % STATUSES.length] ?? 'todo',
      priority: (index % 5) + 1,
      estimate: null,
      dueDate: new Date(now + ((index % 21) - 10) * 86_400_000).toISOString(),
      createdAt: stamp,
      updatedAt: stamp,
      assigneeId: person?.id ?? null,
      initiativeId: null,
      objectiveId: null,
      assignee: person ? { id: person.id, name: person.name } : null,
      initiative: null,
      objective: null,
    }
  })
}
