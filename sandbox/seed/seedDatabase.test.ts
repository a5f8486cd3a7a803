import { describe, expect, it } from 'vitest'

import type { MemberRow, PersonRow, TaskRow, UserRow, InitiativeRow, OwnerRow } from './rows'
import { SANDBOX_ACCOUNTS } from './accounts'
import { buildSeed, type SeedTables } from './seedDatabase'

const NOW = new Date('2026-03-10T09:30:00')

function rowsOf<T>(tables: SeedTables, table: string): T[] {
  return (tables.find(([name]) => name === table)?.[1] ?? []) as T[]
}

describe('buildSeed', () => {
  const tables = buildSeed({ accounts: SANDBOX_ACCOUNTS, taskCount: 600, now: NOW })
  const people = rowsOf<PersonRow>(tables, 'person')
  const users = rowsOf<UserRow>(tables, 'app_user')
  const members = rowsOf<MemberRow>(tables, 'organization_member')
  const tasks = rowsOf<TaskRow>(tables, 'task')
  const userOf = (email: string) => users.find((user) => user.email === email)

  it('is the same organization every time', () => {
    expect(buildSeed({ accounts: SANDBOX_ACCOUNTS, taskCount: 600, now: NOW })).toEqual(tables)
  })

  it('has about 60 people in a single manager tree, a few of them away', () => {
    const ids = new Set(people.map((person) => person.id))

    expect(people).toHaveLength(60)
    expect(people.filter((person) => person.manager_id === null)).toHaveLength(1)
    expect(people.every((person) => person.manager_id === null || ids.has(person.manager_id))).toBe(
      true,
    )
    expect(people.filter((person) => person.status !== 'active').length).toBe(5)
    expect(people.every((person) => /^c[0-9a-z]{24}$/.test(person.id))).toBe(true)
  })

  it('maps the accounts: Ada and Ben linked, Cleo a member without a person, Dev outside', () => {
    const memberIds = new Set(members.map((member) => member.user_id))
    const ada = userOf('ada@example.test')
    const dev = userOf('dev@example.test')

    expect(people.find((person) => person.id === ada?.person_id)?.name).toBe('Ada Lovelace')
    expect(userOf('ben@example.test')?.person_id).toEqual(expect.any(String))
    expect(userOf('cleo@example.test')?.person_id).toBeNull()
    expect(memberIds.has(userOf('cleo@example.test')?.id ?? '')).toBe(true)
    expect(memberIds.has(dev?.id ?? '')).toBe(false)
    expect(members.find((member) => member.user_id === ada?.id)?.role).toBe('org:admin')
  })

  it('has 12 initiatives with objectives, some owned by Ada', () => {
    const initiatives = rowsOf<InitiativeRow>(tables, 'initiative')
    const owners = rowsOf<OwnerRow>(tables, 'initiative_owner')
    const adaPerson = userOf('ada@example.test')?.person_id

    expect(initiatives).toHaveLength(12)
    expect(
      owners.filter((owner) => owner.person_id === adaPerson && owner.role === 'owner'),
    ).toHaveLength(4)
    expect(new Set(initiatives.map((initiative) => initiative.rag))).toEqual(
      new Set(['green', 'amber', 'red']),
    )
  })

  it('gives Ben overdue, due-today and standalone work; leaves some unassigned', () => {
    const ben = userOf('ben@example.test')
    const open = tasks.filter(
      (task) =>
        task.assignee_id === ben?.person_id && ['todo', 'doing', 'blocked'].includes(task.status),
    )
    const endOfDay = new Date(NOW)
    endOfDay.setHours(23, 59, 59)
    const due = open.flatMap((task) => (task.due_date ? [new Date(task.due_date)] : []))

    expect(tasks).toHaveLength(600)
    expect(due.filter((date) => date < NOW).length).toBeGreaterThanOrEqual(3)
    expect(due.filter((date) => date >= NOW && date <= endOfDay).length).toBeGreaterThanOrEqual(3)
    expect(
      tasks.filter(
        (task) => task.created_by_id === ben?.id && !task.initiative_id && !task.objective_id,
      ).length,
    ).toBeGreaterThan(3)
    expect(tasks.filter((task) => task.assignee_id === null).length).toBeGreaterThan(20)
    expect(rowsOf(tables, 'task_reminder_preference').length).toBeGreaterThan(5)
  })

  it('scales the task count for benchmarks', () => {
    const large = buildSeed({ accounts: SANDBOX_ACCOUNTS, taskCount: 20_000, now: NOW })

    expect(rowsOf<TaskRow>(large, 'task')).toHaveLength(20_000)
    expect(rowsOf<PersonRow>(large, 'person')).toEqual(people)
  })
})
