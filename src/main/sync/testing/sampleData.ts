import type { Initiative } from '../../../shared/mpath/initiatives'
import type { OneOnOne } from '../../../shared/mpath/oneOnOnes'
import type { Person } from '../../../shared/mpath/people'
import type { Task } from '../../../shared/mpath/tasks'
import type { Team } from '../../../shared/mpath/teams'
import type { CurrentUser } from '../../../shared/mpath/user'

/** A deterministic organization for sync and query tests. */
export interface SampleOrganization {
  people: Person[]
  teams: Team[]
  tasks: Task[]
  initiatives: Initiative[]
  oneOnOnes: OneOnOne[]
  me: CurrentUser
}

const ORGANIZATION_ID = 'org_sample'
const BASE_TIME = Date.parse('2026-03-01T12:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
const STATUSES = ['todo', 'doing', 'blocked', 'done', 'dropped'] as const
const WORDS = ['alpha', 'budget', 'review', 'launch', 'hiring', 'roadmap', 'audit', 'onboarding']

/** A small deterministic pseudo-random sequence (mulberry32), so data never varies by run. */
function randomSequence(seed: number): () => number {
  let state = seed

  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value

    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const iso = (time: number): string => new Date(time).toISOString()

/**
 * Builds an organization of `people` people (the first is "me"), 6 teams, `initiatives`
 * initiatives and `tasks` tasks; about a tenth of tasks are unassigned and a tenth have no
 * initiative or no due date.
 */
export function sampleOrganization(
  sizes: { people?: number; tasks?: number; initiatives?: number; seed?: number } = {},
): SampleOrganization {
  const random = randomSequence(sizes.seed ?? 7)
  const pick = <Value>(values: readonly Value[]): Value =>
    values[Math.floor(random() * values.length)]!
  const peopleCount = sizes.people ?? 40
  const taskCount = sizes.tasks ?? 500
  const initiativeCount = sizes.initiatives ?? 12
  const created = iso(BASE_TIME - 90 * DAY)

  const teams: Team[] = Array.from({ length: 6 }, (_unused, index) => ({
    id: `team_${index}`,
    name: `Team ${WORDS[index]}`,
    description: null,
    parentId: index === 0 ? null : 'team_0',
    organizationId: ORGANIZATION_ID,
    createdAt: created,
    updatedAt: created,
  }))

  const people: Person[] = Array.from({ length: peopleCount }, (_unused, index) => {
    const team = index % 7 === 6 ? null : teams[index % teams.length]!
    const managerIndex = index === 0 ? null : Math.floor((index - 1) / 4)

    return {
      id: `person_${index}`,
      name: [
        pick(['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Linus']),
        pick(['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Knuth']),
        index,
      ].join(' '),
      email: `person${index}@example.test`,
      role: index % 5 === 0 ? null : pick(['Engineer', 'Designer', 'Manager', 'Analyst']),
      status: index % 9 === 8 ? 'inactive' : 'active',
      endDate: null,
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      managerId: managerIndex === null ? null : `person_${managerIndex}`,
      managerName: managerIndex === null ? null : `Manager ${managerIndex}`,
      organizationId: ORGANIZATION_ID,
      userId: null,
      createdAt: created,
      updatedAt: created,
    }
  })

  const initiatives: Initiative[] = Array.from({ length: initiativeCount }, (_unused, index) => ({
    id: `initiative_${index}`,
    title: `${pick(WORDS)} initiative ${index}`,
    summary: null,
    status: pick(['planned', 'in_progress', 'paused', 'done', 'canceled']),
    rag: pick(['green', 'amber', 'red']),
    confidence: Math.floor(random() * 100),
    priority: 1 + Math.floor(random() * 5),
    startDate: null,
    targetDate: index % 4 === 3 ? null : iso(BASE_TIME + (index - 5) * 7 * DAY),
    createdAt: created,
    updatedAt: iso(BASE_TIME - index * DAY),
    teamId: teams[index % teams.length]!.id,
    organizationId: ORGANIZATION_ID,
    objectives: [],
    owners: [
      {
        initiativeId: `initiative_${index}`,
        personId: `person_${index % 3}`,
        role: index % 2 === 0 ? 'owner' : 'sponsor',
      },
    ],
  }))

  const tasks: Task[] = Array.from({ length: taskCount }, (_unused, index) => {
    const assignee = index % 10 === 9 ? null : people[Math.floor(random() * people.length)]!
    const initiative = index % 10 === 4 ? null : pick(initiatives)
    const dueOffset = Math.floor(random() * 60) - 30

    return {
      id: `task_${String(index).padStart(6, '0')}`,
      title: `${pick(WORDS)} ${pick(WORDS)} task ${index}`,
      description: null,
      status: pick(STATUSES),
      priority: 1 + Math.floor(random() * 5),
      estimate: null,
      dueDate: index % 10 === 7 ? null : iso(BASE_TIME + dueOffset * DAY),
      createdAt: iso(BASE_TIME - (taskCount - index) * 60_000),
      updatedAt: created,
      assigneeId: assignee?.id ?? null,
      initiativeId: initiative?.id ?? null,
      objectiveId: null,
      assignee: assignee === null ? null : { id: assignee.id, name: assignee.name },
      initiative: initiative === null ? null : { id: initiative.id, title: initiative.title },
      objective: null,
    }
  })

  const oneOnOnes: OneOnOne[] = Array.from({ length: 10 }, (_unused, index) => ({
    id: `oneonone_${index}`,
    managerId: 'person_0',
    reportId: `person_${index + 1}`,
    scheduledAt: index === 9 ? null : iso(BASE_TIME + (index - 4) * 3 * DAY),
    notes: null,
  }))

  const me: CurrentUser = {
    email: 'person0@example.test',
    name: people[0]?.name ?? 'Me',
    clerkUserId: 'user_clerk_0',
    clerkOrganizationId: 'org_clerk',
    managerOSUserId: 'user_0',
    managerOSOrganizationId: ORGANIZATION_ID,
    managerOSPersonId: 'person_0',
    role: 'admin',
  }

  return { people, teams, tasks, initiatives, oneOnOnes, me }
}
