/**
 * Bodies shaped like the real mpath server's answers (including its always-null fields and
 * both pagination flavours), for tests of the schemas and the API client.
 */

const AT = '2026-02-26T12:03:46.000Z'

/** A `pagination` block of the `hasNextPage` flavour. */
export function nextPagePagination(page: number, limit: number, totalCount: number) {
  const totalPages = Math.ceil(totalCount / limit)

  return {
    page,
    limit,
    totalCount,
    totalPages,
    hasNextPage: page < totalPages,
    hasPreviousPage: page > 1,
  }
}

/** A `pagination` block of the people (`hasMore`) flavour. */
export function hasMorePagination(page: number, limit: number, totalCount: number) {
  const totalPages = Math.ceil(totalCount / limit)

  return { page, limit, totalCount, totalPages, hasMore: page < totalPages }
}

/** The body of `GET /api/user/current`. */
export const currentUserBody = {
  user: {
    email: 'ada@example.test',
    name: 'Ada Admin',
    clerkUserId: 'user_ada',
    clerkOrganizationId: 'org_acme',
    managerOSUserId: 'cusr_ada',
    managerOSOrganizationId: 'corg_acme',
    managerOSPersonId: 'cper_ada',
    role: 'admin',
  },
}

/** A person list item, with `endDate` and `userId` null as the server always sends them. */
export function personItem(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Person ${id}`,
    email: `${id}@example.test`,
    role: 'Engineer',
    status: 'active',
    avatarUrl: null,
    startDate: AT,
    endDate: null,
    teamId: 'cteam_1',
    managerId: null,
    jobRoleId: null,
    organizationId: 'corg_acme',
    userId: null,
    createdAt: AT,
    updatedAt: AT,
    teamName: 'Platform',
    managerName: null,
    jobRoleTitle: null,
    reportCount: 0,
    ...extra,
  }
}

/** A team list item. */
export function teamItem(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Team ${id}`,
    description: null,
    avatar: null,
    parentId: null,
    organizationId: 'corg_acme',
    createdAt: AT,
    updatedAt: AT,
    parentName: null,
    parent: null,
    _count: { people: 3, initiatives: 1 },
    ...extra,
  }
}

/** A task list item, with `estimate` and `objective` null as the server always sends them. */
export function taskItem(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: `Task ${id}`,
    description: null,
    status: 'todo',
    priority: 2,
    estimate: null,
    dueDate: null,
    createdAt: AT,
    updatedAt: AT,
    assigneeId: 'cper_ada',
    initiativeId: 'cini_1',
    objectiveId: 'cobj_1',
    createdById: 'cusr_ada',
    assignee: { id: 'cper_ada', name: 'Ada Admin' },
    initiative: { id: 'cini_1', title: 'Launch' },
    objective: null,
    createdBy: { id: 'cusr_ada', name: 'Ada Admin' },
    ...extra,
  }
}

/** An initiative list item with one objective and one owner (full person row). */
export function initiativeItem(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: `Initiative ${id}`,
    summary: null,
    outcome: null,
    status: 'in_progress',
    rag: 'amber',
    confidence: 80,
    priority: 2,
    startDate: null,
    targetDate: AT,
    createdAt: AT,
    updatedAt: AT,
    teamId: null,
    teamName: null,
    organizationId: 'corg_acme',
    objectives: [
      { id: 'cobj_1', initiativeId: id, title: 'Ship it', keyResult: null, sortIndex: 0 },
    ],
    owners: [
      {
        initiativeId: id,
        personId: 'cper_ada',
        role: 'owner',
        person: {
          id: 'cper_ada',
          email: 'ada@example.test',
          name: 'Ada Admin',
          role: 'CTO',
          status: 'active',
          birthday: null,
          avatar: null,
          employeeType: 'FULL_TIME',
          organizationId: 'corg_acme',
          teamId: null,
          managerId: null,
          jobRoleId: null,
          startedAt: null,
          createdAt: AT,
          updatedAt: AT,
        },
      },
    ],
    team: null,
    _count: { tasks: 2, checkIns: 0 },
    tasks: [{ status: 'done' }, { status: 'todo' }],
    ...extra,
  }
}

/** A one-on-one list item. */
export function oneOnOneItem(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    managerId: 'cper_ada',
    reportId: 'cper_bob',
    scheduledAt: AT,
    notes: '# Notes',
    createdAt: AT,
    updatedAt: AT,
    manager: { id: 'cper_ada', name: 'Ada Admin', email: null, user: { id: 'cusr_ada' } },
    report: { id: 'cper_bob', name: 'Bob', email: 'bob@example.test', user: null },
    ...extra,
  }
}

/** A reminder delivery. */
export function reminderItem(id: string) {
  return { id, taskId: 'ctask_1', taskTitle: 'Task', taskDueDate: AT, remindAt: AT }
}

/** The body of `GET /api/command-palette/permissions`. */
export const commandPalettePermissionsBody = {
  permissions: {
    'task.create': true,
    'initiative.create': true,
    'feedback.create': true,
    'oneonone.create': true,
    'feedback-campaign.create': false,
    'report.create': false,
    isAdmin: true,
  },
}
