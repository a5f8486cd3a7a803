import { describe, expect, it } from 'vitest'

import {
  initiativesParams,
  NO_INITIATIVE,
  NO_MANAGER,
  NO_PARENT,
  NO_TEAM,
  oneOnOnesParams,
  peopleParams,
  tasksParams,
  teamsParams,
  UNASSIGNED,
} from './queries'

const decoded = (params: URLSearchParams) => Object.fromEntries(params.entries())

describe('list query builders', () => {
  it('send nothing for an empty query, so the server defaults apply', () => {
    expect(tasksParams().toString()).toBe('')
    expect(peopleParams({}).toString()).toBe('')
  })

  it('join tasks filters as comma lists, keep sentinels, and format sort as field:dir', () => {
    const params = tasksParams({
      page: 2,
      limit: 100,
      search: '  launch ',
      status: ['todo', 'doing', ' '],
      assigneeId: ['cper_1', UNASSIGNED, 'cper_1'],
      initiativeId: [NO_INITIATIVE],
      priority: [1, 2, 2.5],
      dueDateFrom: '2026-03-01',
      dueDateTo: '2026-03-31T23:59:59.999Z',
      sort: [{ field: 'dueDate', direction: 'desc' }, { field: 'title' }],
    })

    expect(decoded(params)).toEqual({
      page: '2',
      limit: '100',
      search: 'launch',
      status: 'todo,doing',
      assigneeId: 'cper_1,unassigned',
      initiativeId: 'no-initiative',
      priority: '1,2',
      dueDateFrom: '2026-03-01',
      dueDateTo: '2026-03-31T23:59:59.999Z',
      sort: 'dueDate:desc,title:asc',
    })
  })

  it('never sends `all` for tasks assigneeId or initiativeId; the filter is dropped', () => {
    const params = tasksParams({
      assigneeId: ['all'],
      initiativeId: ['cini_1', 'ALL'],
      status: ['all'],
    })

    expect(params.toString()).toBe('')
  })

  it('drops list pieces that contain a comma rather than splitting them', () => {
    expect(decoded(tasksParams({ assigneeId: ['a,b', 'c'] }))).toEqual({ assigneeId: 'c' })
  })

  it('refuse a zero, negative or fractional page or limit', () => {
    expect(() => tasksParams({ limit: 0 })).toThrow(
      expect.objectContaining({ code: 'API_BAD_REQUEST' }),
    )
    expect(() => peopleParams({ page: -1 })).toThrow(/page/)
    expect(() => teamsParams({ limit: 2.5 })).toThrow(/limit/)
  })

  it('build people filters with their sentinels', () => {
    expect(
      decoded(
        peopleParams({
          teamId: NO_TEAM,
          managerId: NO_MANAGER,
          jobRoleId: 'all',
          status: ['active', 'on_leave'],
          sort: [{ field: 'manager', direction: 'desc' }],
        }),
      ),
    ).toEqual({
      teamId: 'no-team',
      managerId: 'no-manager',
      status: 'active,on_leave',
      sort: 'manager:desc',
    })
  })

  it('build teams, initiatives and one-on-ones filters', () => {
    expect(decoded(teamsParams({ parentId: NO_PARENT, search: 'plat' }))).toEqual({
      parentId: 'no-parent',
      search: 'plat',
    })
    expect(
      decoded(
        initiativesParams({
          teamId: 'cteam_1',
          ownerId: 'cper_1',
          rag: ['red', 'amber'],
          status: ['in_progress'],
          dateFrom: '2026-01-01',
          dateTo: '2026-12-31',
          sort: [{ field: 'rag' }, { field: 'targetDate', direction: 'desc' }],
        }),
      ),
    ).toEqual({
      teamId: 'cteam_1',
      ownerId: 'cper_1',
      rag: 'red,amber',
      status: 'in_progress',
      dateFrom: '2026-01-01',
      dateTo: '2026-12-31',
      sort: 'rag:asc,targetDate:desc',
    })
    expect(
      decoded(
        oneOnOnesParams({
          scheduledFrom: '2026-03-01',
          scheduledTo: '2026-03-08',
          search: 'bob',
          sort: [{ field: 'scheduledAt', direction: 'desc' }],
        }),
      ),
    ).toEqual({
      scheduledFrom: '2026-03-01',
      scheduledTo: '2026-03-08',
      search: 'bob',
      sort: 'scheduledAt:desc',
    })
  })
})
