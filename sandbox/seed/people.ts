import type { SandboxAccount } from '../types'
import type { SeedClock } from './clock'
import {
  FIRST_NAMES,
  JOB_ROLE_TITLES,
  LAST_NAMES,
  TEAM_STAFF,
  TEAMS,
  type JobRoleTitle,
} from './names'
import { ACCOUNT_LINKS, LEADS, LEADS_WITH_USERS, TEAM_MANAGER } from './leads'
import type { SeededRandom } from './random'
import type { JobRoleRow, MemberRow, PersonRow, TeamRow, UserRow } from './rows'

export interface PeopleSeed {
  jobRoles: JobRoleRow[]
  teams: TeamRow[]
  people: PersonRow[]
  users: UserRow[]
  members: MemberRow[]
  teamIds: Map<string, string>
  /** Person id by lead key (`ada`, `ben`, …). */
  leadPersonIds: Map<string, string>
  /** User id by lead key or account e-mail. */
  userIds: Map<string, string>
}

/** Teams, people with a manager tree, job roles, users and organization memberships. */
export function seedPeople(input: {
  random: SeededRandom
  clock: SeedClock
  organizationId: string
  accounts: readonly SandboxAccount[]
}): PeopleSeed {
  const { random, clock, organizationId } = input
  const stamp = clock.dayAt(-400, 9).toISOString()
  const jobRoles = JOB_ROLE_TITLES.map((title) => ({
    id: random.cuid(),
    title,
    organization_id: organizationId,
  }))
  const jobRoleId = (title: JobRoleTitle | null): string | null =>
    jobRoles.find((role) => role.title === title)?.id ?? null

  const teamIds = new Map<string, string>()
  const teams = TEAMS.map((team): TeamRow => {
    const id = random.cuid()
    teamIds.set(team.key, id)

    return {
      id,
      name: team.name,
      description: team.description,
      avatar: null,
      organization_id: organizationId,
      parent_id: team.parent ? (teamIds.get(team.parent) ?? null) : null,
      created_at: stamp,
      updated_at: stamp,
    }
  })

  const people: PersonRow[] = []
  const leadPersonIds = new Map<string, string>()
  const usedNames = new Set<string>(LEADS.map((lead) => lead.name))
  const addPerson = (
    name: string,
    title: string,
    team: string,
    managerId: string | null,
    role: JobRoleTitle | null,
    email?: string,
  ): PersonRow => {
    const createdAt = clock.dayAt(-random.integer(30, 700), 9).toISOString()
    const person: PersonRow = {
      id: random.cuid(),
      email:
        email ??
        `${name
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z ]/g, '')
          .replace(' ', '.')}@example.test`,
      name,
      role: title,
      status: 'active',
      birthday: random.chance(0.5)
        ? new Date(
            Date.UTC(random.integer(1970, 2000), random.integer(0, 11), random.integer(1, 28)),
          ).toISOString()
        : null,
      avatar: null,
      employee_type: random.weighted([
        ['FULL_TIME', 16],
        ['PART_TIME', 2],
        ['CONSULTANT', 1],
        ['INTERN', 1],
      ]),
      organization_id: organizationId,
      team_id: teamIds.get(team) ?? null,
      manager_id: managerId,
      job_role_id: jobRoleId(role),
      started_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    }
    people.push(person)

    return person
  }

  for (const lead of LEADS) {
    const account = input.accounts.find(
      (candidate) => ACCOUNT_LINKS[candidate.email]?.lead === lead.key,
    )
    const managerId = lead.manager ? (leadPersonIds.get(lead.manager) ?? null) : null
    const person = addPerson(
      lead.name,
      lead.title,
      lead.team,
      managerId,
      lead.jobRole,
      account?.email,
    )
    person.employee_type = 'FULL_TIME'
    leadPersonIds.set(lead.key, person.id)
  }

  const generated: PersonRow[] = []

  for (const team of TEAMS) {
    const staff = TEAM_STAFF[team.key]

    for (let index = 0; index < (staff?.count ?? 0); index++) {
      let name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`

      while (usedNames.has(name)) {
        name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
      }

      usedNames.add(name)
      const [title, role] = random.pick(staff?.titles ?? [['Specialist', null]])
      const managerId = leadPersonIds.get(TEAM_MANAGER[team.key] ?? 'ceo') ?? null
      generated.push(addPerson(name, title, team.key, managerId, role))
    }
  }

  // A few people are away or gone, so status filters and sorts have something to show.
  const away = [...generated].sort(() => random.next() - 0.5).slice(0, 5)
  away.forEach((person, index) => (person.status = index < 3 ? 'inactive' : 'on_leave'))

  const users: UserRow[] = []
  const members: MemberRow[] = []
  const userIds = new Map<string, string>()

  for (const account of input.accounts) {
    const link = ACCOUNT_LINKS[account.email] ?? { lead: null, isMember: true }
    const personId = link.lead ? (leadPersonIds.get(link.lead) ?? null) : null
    const id = random.cuid()
    users.push({
      id,
      email: account.email,
      name: account.name,
      clerk_user_id: account.userId,
      person_id: personId,
      created_at: stamp,
      updated_at: stamp,
    })
    userIds.set(account.email, id)

    if (link.lead) {
      userIds.set(link.lead, id)
    }

    if (link.isMember) {
      const role = account.orgRole === 'admin' ? 'org:admin' : 'org:member'
      members.push({ user_id: id, organization_id: organizationId, role })
    }
  }

  for (const key of LEADS_WITH_USERS) {
    const person = people.find((candidate) => candidate.id === leadPersonIds.get(key))

    if (!person || !person.email) {
      continue
    }

    const id = random.cuid()
    users.push({
      id,
      email: person.email,
      name: person.name,
      clerk_user_id: `user_2sbx${id.slice(1, 21)}`,
      person_id: person.id,
      created_at: stamp,
      updated_at: stamp,
    })
    members.push({
      user_id: id,
      organization_id: organizationId,
      role: key === 'ceo' ? 'org:admin' : 'org:member',
    })
    userIds.set(key, id)
  }

  return { jobRoles, teams, people, users, members, teamIds, leadPersonIds, userIds }
}
