import { describe, expect, it } from 'vitest'

import { capabilitiesSchema } from './capabilities'
import { initiativesResponseSchema } from './initiatives'
import { oneOnOnesResponseSchema } from './oneOnOnes'
import { toPageInfo } from './pagination'
import { peopleResponseSchema } from './people'
import { commandPalettePermissionsResponseSchema } from './permissions'
import { remindersResponseSchema } from './reminders'
import { searchResponseSchema } from './search'
import { taskCreateSchema, tasksResponseSchema, taskUpdateSchema } from './tasks'
import { teamsResponseSchema } from './teams'
import {
  commandPalettePermissionsBody,
  currentUserBody,
  hasMorePagination,
  initiativeItem,
  nextPagePagination,
  oneOnOneItem,
  personItem,
  reminderItem,
  taskItem,
  teamItem,
} from './testing/fixtures'
import { currentUserResponseSchema } from './user'

describe('mpath response schemas', () => {
  it('read every list body the real server sends', () => {
    expect(
      peopleResponseSchema.parse({
        people: [personItem('p1')],
        pagination: hasMorePagination(1, 20, 1),
      }).people[0]?.endDate,
    ).toBeNull()
    expect(
      teamsResponseSchema.parse({
        teams: [teamItem('t1')],
        pagination: nextPagePagination(1, 20, 1),
      }).teams,
    ).toHaveLength(1)
    expect(
      initiativesResponseSchema.parse({
        initiatives: [initiativeItem('i1')],
        pagination: nextPagePagination(1, 20, 1),
      }).initiatives[0]?.objectives[0]?.title,
    ).toBe('Ship it')
    expect(
      oneOnOnesResponseSchema.parse({
        oneonones: [oneOnOneItem('o1')],
        pagination: nextPagePagination(1, 20, 1),
      }).oneonones[0]?.report?.user,
    ).toBeNull()
    expect(currentUserResponseSchema.parse(currentUserBody).user.managerOSPersonId).toBe('cper_ada')
    expect(
      remindersResponseSchema.parse({ reminders: [reminderItem('d1')] }).reminders,
    ).toHaveLength(1)
    expect(
      commandPalettePermissionsResponseSchema.parse(commandPalettePermissionsBody).permissions
        .isAdmin,
    ).toBe(true)
  })

  it('accept the always-null fields as null, absent, or filled one day', () => {
    const parse = (extra: Record<string, unknown>) =>
      tasksResponseSchema.safeParse({
        tasks: [taskItem('a', extra)],
        pagination: nextPagePagination(1, 20, 1),
      }).success

    expect(parse({})).toBe(true)
    expect(parse({ estimate: undefined, objective: undefined })).toBe(true)
    expect(parse({ estimate: 3, objective: { id: 'cobj_1', title: 'Ship it' } })).toBe(true)
    expect(
      peopleResponseSchema.safeParse({
        people: [personItem('p', { userId: 'cusr_1', endDate: '2026-03-01T00:00:00.000Z' })],
        pagination: hasMorePagination(1, 20, 1),
      }).success,
    ).toBe(true)
  })

  it('keep unknown fields instead of rejecting them', () => {
    const body = tasksResponseSchema.parse({
      tasks: [taskItem('a', { completedAt: null, newField: { nested: 1 } })],
      pagination: { ...nextPagePagination(1, 20, 1), cursor: 'x' },
      meta: 'extra',
    })

    expect(body.tasks[0]).toMatchObject({ newField: { nested: 1 } })
    expect(body).toMatchObject({ meta: 'extra' })
  })

  it('reject a wrong type where the contract is firm', () => {
    const result = tasksResponseSchema.safeParse({
      tasks: [taskItem('a', { priority: 'high', dueDate: 'next tuesday' })],
      pagination: nextPagePagination(1, 20, 1),
    })

    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'tasks.0.priority',
      'tasks.0.dueDate',
    ])
  })

  it('accept open-ended status and search kind, so upstream additions do not break reads', () => {
    expect(
      tasksResponseSchema.safeParse({
        tasks: [taskItem('a', { status: 'waiting' })],
        pagination: nextPagePagination(1, 20, 1),
      }).success,
    ).toBe(true)
    expect(
      searchResponseSchema.parse({
        results: [
          { id: 'x', title: 'A task', type: 'task' },
          { id: 'y', title: 'New kind', subtitle: 'sub', type: 'goal' },
        ],
      }).results,
    ).toHaveLength(2)
  })

  it('read a capabilities answer without taskWrites as no writes', () => {
    expect(capabilitiesSchema.parse({})).toEqual({ taskWrites: false })
    expect(capabilitiesSchema.parse({ taskWrites: true, other: 1 }).taskWrites).toBe(true)
  })
})

describe('toPageInfo', () => {
  it('folds both pagination flavours into one', () => {
    expect(toPageInfo(hasMorePagination(1, 20, 45))).toEqual({
      page: 1,
      limit: 20,
      totalCount: 45,
      totalPages: 3,
      hasNextPage: true,
    })
    expect(toPageInfo(nextPagePagination(3, 20, 45)).hasNextPage).toBe(false)
  })

  it('computes totalPages when the server sent null, and gives up only for a zero limit', () => {
    expect(toPageInfo({ page: 1, limit: 20, totalCount: 41, totalPages: null }).totalPages).toBe(3)
    expect(
      toPageInfo({ page: 1, limit: 0, totalCount: 41, totalPages: null, hasMore: false }),
    ).toMatchObject({ totalPages: null, hasNextPage: false })
  })
})

describe('task write bodies', () => {
  it('accept the list-item field names and refuse unknown ones', () => {
    expect(
      taskCreateSchema.parse({
        title: 'Write docs',
        status: 'doing',
        priority: 1,
        dueDate: '2026-03-01T09:00:00.000Z',
        assigneeId: 'cper_ada',
        initiativeId: null,
      }).title,
    ).toBe('Write docs')
    expect(taskCreateSchema.safeParse({ title: 'x', owner: 'me' }).success).toBe(false)
    expect(taskCreateSchema.safeParse({ title: '  ' }).success).toBe(false)
    expect(taskCreateSchema.safeParse({ title: 'x', priority: 6 }).success).toBe(false)
    expect(taskCreateSchema.safeParse({ title: 'x', status: 'waiting' }).success).toBe(false)
  })

  it('take any subset of fields for an update, but not none', () => {
    expect(taskUpdateSchema.parse({ status: 'done' })).toEqual({ status: 'done' })
    expect(taskUpdateSchema.safeParse({}).success).toBe(false)
  })
})
