import { AppError } from '../../shared/errors/appError'
import {
  capabilitiesSchema,
  healthSchema,
  type Capabilities,
  type Health,
} from '../../shared/mpath/capabilities'
import { initiativesResponseSchema, type Initiative } from '../../shared/mpath/initiatives'
import { oneOnOnesResponseSchema, type OneOnOne } from '../../shared/mpath/oneOnOnes'
import { toPageInfo, type Page } from '../../shared/mpath/pagination'
import { peopleResponseSchema, type Person } from '../../shared/mpath/people'
import {
  commandPalettePermissionsResponseSchema,
  permissionCheckSchema,
  type CommandPalettePermissions,
} from '../../shared/mpath/permissions'
import {
  reminderActionResponseSchema,
  remindersResponseSchema,
  snoozeMinutesSchema,
  type Reminder,
} from '../../shared/mpath/reminders'
import { searchResponseSchema, type SearchResult } from '../../shared/mpath/search'
import {
  tasksResponseSchema,
  type Task,
  type TaskCreate,
  type TaskUpdate,
} from '../../shared/mpath/tasks'
import { teamsResponseSchema, type Team } from '../../shared/mpath/teams'
import { currentUserResponseSchema, type CurrentUser } from '../../shared/mpath/user'
import {
  initiativesParams,
  oneOnOnesParams,
  peopleParams,
  tasksParams,
  teamsParams,
  type InitiativesQuery,
  type OneOnOnesQuery,
  type PeopleQuery,
  type TasksQuery,
  type TeamsQuery,
} from './queries'
import { createRequestPath, type RequestPathOptions } from './request'
import { createTaskWrites, type WriteAvailability } from './taskWrites'

/** What the API client is built from (the request path's options). */
export type ApiClientOptions = RequestPathOptions

/**
 * The mpath REST client. Every method goes through one request path and throws only
 * `AppError`; list methods return one page with its pagination folded into `pageInfo`.
 */
export interface ApiClient {
  /** `GET /api/user/current`: who the token belongs to. */
  currentUser(): Promise<CurrentUser>
  listPeople(query?: PeopleQuery): Promise<Page<Person>>
  listTeams(query?: TeamsQuery): Promise<Page<Team>>
  listTasks(query?: TasksQuery): Promise<Page<Task>>
  listInitiatives(query?: InitiativesQuery): Promise<Page<Initiative>>
  /** One-on-ones the caller takes part in (403 API_FORBIDDEN without a linked person). */
  listOneOnOnes(query?: OneOnOnesQuery): Promise<Page<OneOnOne>>
  /** Search across kinds; a query shorter than 2 characters answers `[]` without a request. */
  search(query: string): Promise<SearchResult[]>
  dueNowReminders(): Promise<Reminder[]>
  upcomingReminders(): Promise<Reminder[]>
  acknowledgeReminder(deliveryId: string): Promise<void>
  snoozeReminder(deliveryId: string, minutes: number): Promise<void>
  commandPalettePermissions(): Promise<CommandPalettePermissions>
  /** `GET /api/permissions/check`: UI guidance for one permission key (e.g. `task.edit`). */
  checkPermission(action: string, id?: string): Promise<boolean>
  /**
   * Extensions the server announces; real mpath has none (its 404 reads as `taskWrites: false`).
   */
  capabilities(): Promise<Capabilities>
  /** Whether task writes can be offered, and the reason when not. */
  writeAvailability(): Promise<WriteAvailability>
  createTask(body: TaskCreate): Promise<Task>
  updateTask(id: string, patch: TaskUpdate): Promise<Task>
  deleteTask(id: string): Promise<void>
  /** `GET /api/health`, without a token. */
  health(): Promise<Health>
  /** The `Date` header of the latest answer. */
  readonly lastServerDate: Date | null
  /** Server time minus local time at the latest answer, in milliseconds. */
  readonly serverClockOffsetMs: number | null
}

const MIN_SEARCH_LENGTH = 2

/**
 * Builds the mpath REST client.
 *
 * @example
 * const api = createApiClient({ baseUrl, tokens: session, fetch, clock, logger })
 * const { items, pageInfo } = await api.listTasks({ assigneeId: [me], limit: 100 })
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const request = createRequestPath(options)
  const writes = createTaskWrites(request, () => options.tokens.grantedScopes(), capabilities)

  async function capabilities(): Promise<Capabilities> {
    let result: Capabilities

    try {
      result = await request.send({ path: '/api/capabilities', schema: capabilitiesSchema })
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'API_NOT_FOUND') {
        throw error
      }

      result = { taskWrites: false }
    }

    writes.noteCapabilities(result)

    return result
  }

  return {
    async currentUser() {
      const body = await request.send({
        path: '/api/user/current',
        schema: currentUserResponseSchema,
      })

      return body.user
    },

    async listPeople(query) {
      const body = await request.send({
        path: '/api/people',
        query: peopleParams(query),
        schema: peopleResponseSchema,
        authFailure: 'bare-500',
        scope: 'read:people',
      })

      return { items: body.people, pageInfo: toPageInfo(body.pagination) }
    },

    async listTeams(query) {
      const body = await request.send({
        path: '/api/teams',
        query: teamsParams(query),
        schema: teamsResponseSchema,
        authFailure: 'bare-500',
        scope: 'read:people',
      })

      return { items: body.teams, pageInfo: toPageInfo(body.pagination) }
    },

    async listTasks(query) {
      const body = await request.send({
        path: '/api/tasks',
        query: tasksParams(query),
        schema: tasksResponseSchema,
        authFailure: 'bare-500',
        scope: 'read:tasks',
      })

      return { items: body.tasks, pageInfo: toPageInfo(body.pagination) }
    },

    async listInitiatives(query) {
      const body = await request.send({
        path: '/api/initiatives',
        query: initiativesParams(query),
        schema: initiativesResponseSchema,
        authFailure: 'bare-500',
        scope: 'read:initiatives',
      })

      return { items: body.initiatives, pageInfo: toPageInfo(body.pagination) }
    },

    async listOneOnOnes(query) {
      const body = await request.send({
        path: '/api/oneonones',
        query: oneOnOnesParams(query),
        schema: oneOnOnesResponseSchema,
        authFailure: 'bare-500',
        scope: 'read:meetings',
      })

      return { items: body.oneonones, pageInfo: toPageInfo(body.pagination) }
    },

    async search(query) {
      const trimmed = typeof query === 'string' ? query.trim() : ''

      if (trimmed.length < MIN_SEARCH_LENGTH) {
        return []
      }

      const body = await request.send({
        path: '/api/search',
        query: new URLSearchParams({ q: trimmed }),
        schema: searchResponseSchema,
        authFailure: 'bare-500',
      })

      return body.results
    },

    async dueNowReminders() {
      const body = await request.send({
        path: '/api/task-reminders/due-now',
        schema: remindersResponseSchema,
        authFailure: 'json-500',
        scope: 'read:tasks',
      })

      return body.reminders
    },

    async upcomingReminders() {
      const body = await request.send({
        path: '/api/task-reminders/upcoming',
        schema: remindersResponseSchema,
        authFailure: 'json-500',
        scope: 'read:tasks',
      })

      return body.reminders
    },

    async acknowledgeReminder(deliveryId) {
      await request.send({
        method: 'POST',
        path: '/api/task-reminders/acknowledge',
        body: { deliveryId: requireId('delivery id', deliveryId) },
        schema: reminderActionResponseSchema,
        authFailure: 'json-500',
        scope: 'read:tasks',
      })
    },

    async snoozeReminder(deliveryId, minutes) {
      const id = requireId('delivery id', deliveryId)

      if (!snoozeMinutesSchema.safeParse(minutes).success) {
        throw new AppError('API_BAD_REQUEST', 'Snooze minutes must be a whole number above 0.')
      }

      await request.send({
        method: 'POST',
        path: '/api/task-reminders/snooze',
        body: { deliveryId: id, snoozeMinutes: minutes },
        schema: reminderActionResponseSchema,
        authFailure: 'json-500',
        scope: 'read:tasks',
      })
    },

    async commandPalettePermissions() {
      const body = await request.send({
        path: '/api/command-palette/permissions',
        schema: commandPalettePermissionsResponseSchema,
      })

      return body.permissions
    },

    async checkPermission(action, id) {
      const query = new URLSearchParams({ action: requireId('permission', action) })

      if (id !== undefined) {
        query.set('id', requireId('id', id))
      }

      const body = await request.send({
        path: '/api/permissions/check',
        query,
        schema: permissionCheckSchema,
        authFailure: 'bare-500',
      })

      return body.hasPermission
    },

    capabilities,
    writeAvailability: writes.writeAvailability,
    createTask: writes.createTask,
    updateTask: writes.updateTask,
    deleteTask: writes.deleteTask,

    health() {
      return request.send({ path: '/api/health', schema: healthSchema, authenticated: false })
    },

    get lastServerDate() {
      return request.lastServerDate
    },

    get serverClockOffsetMs() {
      return request.serverClockOffsetMs
    },
  }
}

function requireId(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('API_BAD_REQUEST', `The ${name} is empty.`)
  }

  return value.trim()
}
