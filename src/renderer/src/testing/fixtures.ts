import type { DiagnosticsReport } from '../../../shared/diagnostics/diagnostics'
import type { ConnectionProfile } from '../../../shared/connection/profile'
import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPES } from '../../../shared/connection/profile'
import type { AppInfo } from '../../../shared/ipc/views'
import type { Initiative } from '../../../shared/mpath/initiatives'
import type { OneOnOne } from '../../../shared/mpath/oneOnOnes'
import type { Person } from '../../../shared/mpath/people'
import type { Task } from '../../../shared/mpath/tasks'
import type { Team } from '../../../shared/mpath/teams'
import type { SyncStatus } from '../../../shared/sync/syncStatus'

/**
 * The instant the fixtures are built around: "today" for due dates and one-on-ones. Tests that
 * depend on the day pass it to the fake rather than reading the wall clock.
 */
export const FIXTURE_NOW = '2026-03-10T09:00:00.000Z'

const ORGANIZATION_ID = 'org_fixture'
const STAMP = '2026-01-05T10:00:00.000Z'

/** Whole days from {@link FIXTURE_NOW}, as an ISO instant at noon UTC. */
function dayOffset(days: number): string {
  const date = new Date(FIXTURE_NOW)
  date.setUTCDate(date.getUTCDate() + days)
  date.setUTCHours(12, 0, 0, 0)

  return date.toISOString()
}

export const FIXTURE_TEAMS: Team[] = [
  team('team_leadership', 'Leadership', null),
  team('team_platform', 'Platform', 'team_leadership'),
  team('team_product', 'Product', 'team_leadership'),
]

function team(id: string, name: string, parentId: string | null): Team {
  return {
    id,
    name,
    description: `${name} team`,
    parentId,
    organizationId: ORGANIZATION_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
  }
}

const PEOPLE_ROWS: [string, string, string, string | null, string | null, string][] = [
  // id, name, role, teamId, managerId, status
  ['person_ada', 'Ada Lovelace', 'Chief Executive', 'team_leadership', null, 'active'],
  ['person_grace', 'Grace Hopper', 'Head of Platform', 'team_platform', 'person_ada', 'active'],
  ['person_alan', 'Alan Turing', 'Head of Product', 'team_product', 'person_ada', 'active'],
  ['person_katherine', 'Katherine Johnson', 'Engineer', 'team_platform', 'person_grace', 'active'],
  ['person_edsger', 'Edsger Dijkstra', 'Engineer', 'team_platform', 'person_grace', 'on_leave'],
  ['person_barbara', 'Barbara Liskov', 'Product Manager', 'team_product', 'person_alan', 'active'],
  ['person_donald', 'Donald Knuth', 'Designer', 'team_product', 'person_alan', 'inactive'],
  ['person_margaret', 'Margaret Hamilton', 'Advisor', null, null, 'active'],
]

/** The signed-in person of the fixtures. */
export const FIXTURE_ME_ID = 'person_grace'

export const FIXTURE_PEOPLE: Person[] = PEOPLE_ROWS.map(
  ([id, name, role, teamId, managerId, status]) => ({
    id,
    name,
    email: `${id.replace('person_', '')}@example.com`,
    role,
    status,
    teamId,
    managerId,
    organizationId: ORGANIZATION_ID,
    userId: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    teamName: FIXTURE_TEAMS.find((candidate) => candidate.id === teamId)?.name ?? null,
    managerName: PEOPLE_ROWS.find((row) => row[0] === managerId)?.[1] ?? null,
    reportCount: PEOPLE_ROWS.filter((row) => row[4] === id).length,
  }),
)

function personRef(id: string): { id: string; name: string } {
  const person = FIXTURE_PEOPLE.find((candidate) => candidate.id === id)

  return { id, name: person?.name ?? id }
}

export const FIXTURE_INITIATIVES: Initiative[] = [
  initiative(
    'init_sso',
    'Single sign-on for every client',
    'green',
    80,
    'in_progress',
    'person_grace',
  ),
  initiative(
    'init_latency',
    'Cut API latency in half',
    'amber',
    55,
    'in_progress',
    'person_katherine',
  ),
  initiative('init_onboarding', 'New-hire onboarding', 'red', 30, 'planned', 'person_barbara'),
  initiative('init_archive', 'Retire the old archive', 'green', 95, 'done', 'person_grace'),
]

function initiative(
  id: string,
  title: string,
  rag: string,
  confidence: number,
  status: string,
  ownerId: string,
): Initiative {
  const owner = personRef(ownerId)

  return {
    id,
    title,
    summary: `${title}.`,
    outcome: null,
    status,
    rag,
    confidence,
    priority: 2,
    startDate: dayOffset(-60),
    targetDate: dayOffset(45),
    createdAt: STAMP,
    updatedAt: STAMP,
    teamId: 'team_platform',
    teamName: 'Platform',
    organizationId: ORGANIZATION_ID,
    objectives: [
      {
        id: `${id}_objective_1`,
        initiativeId: id,
        title: `Ship the first milestone of ${title.toLowerCase()}`,
        keyResult: 'Used by three teams',
        sortIndex: 0,
      },
      {
        id: `${id}_objective_2`,
        initiativeId: id,
        title: 'Measure the result',
        keyResult: null,
        sortIndex: 1,
      },
    ],
    owners: [
      {
        initiativeId: id,
        personId: owner.id,
        role: 'owner',
        person: { id: owner.id, name: owner.name },
      },
    ],
  }
}

const STATUSES = ['todo', 'doing', 'blocked', 'done', 'dropped', 'todo'] as const
const ASSIGNEES = [
  'person_grace',
  'person_katherine',
  null,
  'person_barbara',
  'person_grace',
  'person_edsger',
  'person_alan',
]
const INITIATIVE_IDS = ['init_sso', 'init_latency', null, 'init_onboarding', 'init_sso']
/** Due-date offsets in days; null means no due date. */
const DUE_OFFSETS = [-5, 0, 3, null, -1, 10, 0, 21, -12, 1]
const TITLE_WORDS = [
  'Review the access policy',
  'Draft the rollout plan',
  'Fix the flaky export',
  'Interview candidates',
  'Update the runbook',
  'Write the quarterly summary',
  'Plan the offsite',
  'Audit the permissions',
  'Migrate the reports',
  'Prepare the demo',
]

/**
 * Thirty tasks covering every status, priority, overdue/today/upcoming, unassigned, no initiative.
 */
export const FIXTURE_TASKS: Task[] = Array.from({ length: 30 }, (_unused, index) => {
  const assigneeId = ASSIGNEES[index % ASSIGNEES.length] ?? null
  const initiativeId = INITIATIVE_IDS[index % INITIATIVE_IDS.length] ?? null
  const dueOffset = DUE_OFFSETS[index % DUE_OFFSETS.length]
  const initiativeRow = FIXTURE_INITIATIVES.find((candidate) => candidate.id === initiativeId)
  const number = String(index + 1).padStart(2, '0')

  return {
    id: `task_${number}`,
    title: `${TITLE_WORDS[index % TITLE_WORDS.length]} #${number}`,
    description: index % 3 === 0 ? null : `Details for task ${number}.`,
    status: STATUSES[index % STATUSES.length] ?? 'todo',
    priority: (index % 5) + 1,
    estimate: null,
    dueDate: dueOffset === null || dueOffset === undefined ? null : dayOffset(dueOffset),
    createdAt: dayOffset(-30 + index),
    updatedAt: dayOffset(-30 + index),
    assigneeId,
    initiativeId,
    objectiveId: null,
    assignee: assigneeId === null ? null : personRef(assigneeId),
    initiative: initiativeRow ? { id: initiativeRow.id, title: initiativeRow.title } : null,
    objective: null,
  }
})

export const FIXTURE_ONE_ON_ONES: OneOnOne[] = [
  oneOnOne('one_1', 'person_grace', 'person_katherine', -7),
  oneOnOne('one_2', 'person_grace', 'person_edsger', 1),
  oneOnOne('one_3', 'person_ada', 'person_grace', 2),
  oneOnOne('one_4', 'person_grace', 'person_katherine', 7),
  oneOnOne('one_5', 'person_alan', 'person_barbara', 3),
]

function oneOnOne(id: string, managerId: string, reportId: string, days: number): OneOnOne {
  return {
    id,
    managerId,
    reportId,
    scheduledAt: dayOffset(days),
    notes: days < 0 ? 'Talked about goals.' : null,
    manager: personRef(managerId),
    report: personRef(reportId),
  }
}

/** A profile as an administrator would hand it out for the fixture organization. */
export const FIXTURE_PROFILE: ConnectionProfile = {
  issuer: 'https://clerk.example.com',
  apiUrl: 'https://mpath.example.com',
  clientId: 'client_fixture',
  redirectUri: DEFAULT_REDIRECT_URI,
  scopes: [...DEFAULT_SCOPES],
  hasClientSecret: false,
}

/** What "Use the local sandbox" proposes. */
export const FIXTURE_SANDBOX_PROFILE: ConnectionProfile = {
  issuer: 'http://127.0.0.1:7071',
  apiUrl: 'http://127.0.0.1:7072',
  clientId: 'sandbox_desktop',
  redirectUri: DEFAULT_REDIRECT_URI,
  loopbackRedirectUri: 'http://127.0.0.1:7073/oauth/callback',
  scopes: [...DEFAULT_SCOPES],
  hasClientSecret: false,
}

export const FIXTURE_APP_INFO: AppInfo = {
  name: 'mpath Desktop',
  version: '0.1.0',
  platform: 'linux',
  runtime: 'electron',
  credentialsInMemoryOnly: false,
  organization: { issuer: FIXTURE_PROFILE.issuer, apiUrl: FIXTURE_PROFILE.apiUrl },
}

/** A complete, idle sync. */
export const FIXTURE_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  collections: {
    people: { syncedAt: '2026-03-10T08:45:00.000Z', count: FIXTURE_PEOPLE.length },
    teams: { syncedAt: '2026-03-10T08:45:00.000Z', count: FIXTURE_TEAMS.length },
    tasks: { syncedAt: '2026-03-10T08:45:00.000Z', count: FIXTURE_TASKS.length },
    initiatives: { syncedAt: '2026-03-10T08:45:00.000Z', count: FIXTURE_INITIATIVES.length },
    oneOnOnes: { syncedAt: '2026-03-10T08:45:00.000Z', count: FIXTURE_ONE_ON_ONES.length },
  },
}

export const FIXTURE_DIAGNOSTICS: DiagnosticsReport = {
  generatedAt: FIXTURE_NOW,
  checks: [
    {
      id: 'scheme',
      status: 'ok',
      title: 'mpath:// links',
      detail: 'This app is registered for mpath:// links.',
    },
    {
      id: 'storage',
      status: 'warn',
      title: 'Credential storage',
      detail: 'Only weak storage is available: sign-ins last until the app closes.',
    },
    {
      id: 'clock',
      status: 'ok',
      title: 'Clock',
      detail: 'Your clock is within 2 seconds of the server.',
    },
    {
      id: 'loopback',
      status: 'fail',
      title: 'Loopback sign-in',
      detail: 'Port 7073 is in use. Close the program using it, or use the browser address.',
    },
  ],
}

/** The redacted report text the fake returns for "Copy report". */
export const FIXTURE_REPORT_TEXT = 'mpath Desktop diagnostics\nscheme: ok\nstorage: warn\n'
