import type {
  InitiativeQuery,
  OneOnOneQuery,
  PaletteResult,
  PersonQuery,
  QueryPage,
  TaskQuery,
} from '../../../shared/ipc/queries'
import type { MyWork } from '../../../shared/ipc/views'
import type { OrgChartNode } from '../../../shared/ipc/views'
import type { Initiative } from '../../../shared/mpath/initiatives'
import type { OneOnOne } from '../../../shared/mpath/oneOnOnes'
import type { Person } from '../../../shared/mpath/people'
import type { Task } from '../../../shared/mpath/tasks'

/** The collections a fake bridge answers from. */
export interface FakeData {
  people: Person[]
  tasks: Task[]
  initiatives: Initiative[]
  oneOnOnes: OneOnOne[]
}

const OPEN_STATUSES = new Set(['todo', 'doing', 'blocked'])

function page<Item>(items: Item[], offset: number, limit: number): QueryPage<Item> {
  return { items: items.slice(offset, offset + limit), total: items.length }
}

function includesText(
  haystack: (string | null | undefined)[],
  needle: string | undefined,
): boolean {
  if (!needle) {
    return true
  }

  const lower = needle.toLowerCase()

  return haystack.some((value) => value?.toLowerCase().includes(lower))
}

function compare(left: unknown, right: unknown): number {
  if (left === right) {
    return 0
  }

  // Missing values sort last whichever the direction, as in a spreadsheet.
  if (left === null || left === undefined) {
    return 1
  }

  if (right === null || right === undefined) {
    return -1
  }

  return String(left).localeCompare(String(right), 'en', { numeric: true })
}

function sortBy<Item>(
  items: Item[],
  key: (item: Item) => unknown,
  direction: 'asc' | 'desc',
): Item[] {
  const sign = direction === 'asc' ? 1 : -1

  return [...items].sort((left, right) => sign * compare(key(left), key(right)))
}

/** Filters, sorts and windows tasks the way main's cache does. */
export function queryTasks(tasks: Task[], query: TaskQuery): QueryPage<Task> {
  let result = tasks.filter(
    (task) =>
      includesText([task.title, task.description, task.assignee?.name], query.search) &&
      (!query.statuses || query.statuses.includes(task.status as never)) &&
      (!query.priorities || query.priorities.includes(task.priority)) &&
      (!query.assigneeIds || query.assigneeIds.includes(task.assigneeId ?? 'unassigned')) &&
      (!query.initiativeIds || query.initiativeIds.includes(task.initiativeId ?? 'none')) &&
      (!query.dueFrom || (task.dueDate !== null && task.dueDate >= query.dueFrom)) &&
      (!query.dueTo || (task.dueDate !== null && task.dueDate <= query.dueTo)),
  )

  if (query.sort) {
    const field = query.sort.field
    result = sortBy(
      result,
      (task) => (field === 'assignee' ? task.assignee?.name : task[field]),
      query.sort.direction,
    )
  }

  return page(result, query.offset, query.limit)
}

/** Filters, sorts and windows people. */
export function queryPeople(people: Person[], query: PersonQuery): QueryPage<Person> {
  let result = people.filter(
    (person) =>
      includesText([person.name, person.email, person.role], query.search) &&
      (!query.teamIds || query.teamIds.includes(person.teamId ?? 'none')) &&
      (!query.managerIds || query.managerIds.includes(person.managerId ?? 'none')) &&
      (!query.statuses || query.statuses.includes(person.status)),
  )

  if (query.sort) {
    const field = query.sort.field
    const keys = {
      name: (person: Person) => person.name,
      team: (person: Person) => person.teamName,
      manager: (person: Person) => person.managerName,
      status: (person: Person) => person.status,
    }
    result = sortBy(result, keys[field], query.sort.direction)
  }

  return page(result, query.offset, query.limit)
}

/** Filters, sorts and windows initiatives. */
export function queryInitiatives(
  initiatives: Initiative[],
  query: InitiativeQuery,
): QueryPage<Initiative> {
  let result = initiatives.filter(
    (initiative) =>
      includesText([initiative.title, initiative.summary], query.search) &&
      (!query.rags || query.rags.includes(initiative.rag as never)) &&
      (!query.statuses || query.statuses.includes(initiative.status)) &&
      (!query.ownerId || initiative.owners.some((owner) => owner.personId === query.ownerId)),
  )

  if (query.sort) {
    const field = query.sort.field
    result = sortBy(result, (initiative) => initiative[field], query.sort.direction)
  }

  return page(result, query.offset, query.limit)
}

/** Filters and windows one-on-ones, soonest first. */
export function queryOneOnOnes(oneOnOnes: OneOnOne[], query: OneOnOneQuery): QueryPage<OneOnOne> {
  const result = oneOnOnes.filter(
    (meeting) =>
      (!query.from || (meeting.scheduledAt !== null && meeting.scheduledAt >= query.from)) &&
      (!query.to || (meeting.scheduledAt !== null && meeting.scheduledAt <= query.to)) &&
      (!query.personId ||
        meeting.managerId === query.personId ||
        meeting.reportId === query.personId),
  )

  return page(
    sortBy(result, (meeting) => meeting.scheduledAt, 'asc'),
    query.offset,
    query.limit,
  )
}

/** Palette hits over people, tasks and initiatives, people first. */
export function searchPalette(data: FakeData, q: string, limit: number): PaletteResult[] {
  if (q.trim() === '') {
    return []
  }

  const people: PaletteResult[] = data.people
    .filter((person) => includesText([person.name, person.email], q))
    .map((person) => ({
      kind: 'person',
      id: person.id,
      title: person.name,
      subtitle: person.role ?? undefined,
    }))
  const tasks: PaletteResult[] = data.tasks
    .filter((task) => includesText([task.title], q))
    .map((task) => ({ kind: 'task', id: task.id, title: task.title, subtitle: task.status }))
  const initiatives: PaletteResult[] = data.initiatives
    .filter((initiative) => includesText([initiative.title], q))
    .map((initiative) => ({
      kind: 'initiative',
      id: initiative.id,
      title: initiative.title,
      subtitle: initiative.status,
    }))

  return [...people, ...tasks, ...initiatives].slice(0, limit)
}

/** The org chart nodes drawn from manager links. */
export function buildOrgChart(people: Person[]): OrgChartNode[] {
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    role: person.role,
    teamName: person.teamName ?? null,
    managerId: person.managerId,
    status: person.status,
    reportCount: people.filter((candidate) => candidate.managerId === person.id).length,
  }))
}

/** The start of the UTC day of `instant`, which is "today" for the fake. */
function startOfDay(instant: string, days = 0): string {
  const date = new Date(instant)
  date.setUTCHours(0, 0, 0, 0)
  date.setUTCDate(date.getUTCDate() + days)

  return date.toISOString()
}

/** My work for `personId` as seen at `now` (days are UTC days in the fake). */
export function summarizeWork(data: FakeData, personId: string | null, now: string): MyWork {
  const me = data.people.find((person) => person.id === personId)
  const mine = sortBy(
    data.tasks.filter(
      (task) =>
        personId !== null &&
        task.assigneeId === personId &&
        OPEN_STATUSES.has(task.status) &&
        task.dueDate,
    ),
    (task) => task.dueDate,
    'asc',
  )
  const today = startOfDay(now)
  const tomorrow = startOfDay(now, 1)

  return {
    me: { personId, name: me?.name ?? null, email: me?.email ?? null },
    overdue: mine.filter((task) => (task.dueDate ?? '') < today),
    today: mine.filter((task) => (task.dueDate ?? '') >= today && (task.dueDate ?? '') < tomorrow),
    upcoming: mine.filter((task) => (task.dueDate ?? '') >= tomorrow),
    nextOneOnOnes: queryOneOnOnes(data.oneOnOnes, {
      from: now,
      personId: personId ?? undefined,
      offset: 0,
      limit: 5,
    }).items,
    ownedInitiatives: data.initiatives.filter((initiative) =>
      initiative.owners.some((owner) => owner.personId === personId && owner.role === 'owner'),
    ),
  }
}
