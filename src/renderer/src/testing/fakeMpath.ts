import type { SessionState } from '../../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../../shared/connection/profile'
import type { DiagnosticsReport } from '../../../shared/diagnostics/diagnostics'
import type { ErrorData } from '../../../shared/errors/appError'
import { AppError, toErrorData } from '../../../shared/errors/appError'
import type { MpathApi } from '../../../shared/ipc/bridgeApi'
import { bridgePath } from '../../../shared/ipc/bridgeApi'
import type {
  EventChannelName,
  EventPayload,
  InvokeArguments,
  InvokeChannelName,
  InvokeResult,
  NavigationRequest,
  SendChannelName,
} from '../../../shared/ipc/contract'
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS } from '../../../shared/ipc/contract'
import type { AppInfo, ProfileInfo, WriteAvailability } from '../../../shared/ipc/views'
import type { Team } from '../../../shared/mpath/teams'
import type { AppSettings } from '../../../shared/settings/appSettings'
import { DEFAULT_SETTINGS } from '../../../shared/settings/appSettings'
import type { SyncStatus } from '../../../shared/sync/syncStatus'
import type { TrayCondition } from '../../../shared/tray/traySummary'
import type { FakeData } from './fakeQueries'
import {
  buildOrgChart,
  queryInitiatives,
  queryOneOnOnes,
  queryPeople,
  queryTasks,
  searchPalette,
  summarizeWork,
} from './fakeQueries'
import {
  FIXTURE_APP_INFO,
  FIXTURE_DIAGNOSTICS,
  FIXTURE_INITIATIVES,
  FIXTURE_ME_ID,
  FIXTURE_NOW,
  FIXTURE_ONE_ON_ONES,
  FIXTURE_PEOPLE,
  FIXTURE_PROFILE,
  FIXTURE_REPORT_TEXT,
  FIXTURE_SANDBOX_PROFILE,
  FIXTURE_SYNC_STATUS,
  FIXTURE_TASKS,
  FIXTURE_TEAMS,
} from './fixtures'
import { fakeTrayHandlers, fakeTraySummary } from './fakeTray'

/** How the fake answers one channel: receives the validated request, may throw error data. */
export type FakeHandler<C extends InvokeChannelName> = (
  request: InvokeArguments<C>,
) => InvokeResult<C> | Promise<InvokeResult<C>>

/** Per-channel answers that replace the fake's own. */
export type FakeHandlers = { [C in InvokeChannelName]?: FakeHandler<C> }

/** Everything the fake remembers; tests may read and change it. */
export interface FakeState {
  session: SessionState
  profile: ProfileInfo
  settings: AppSettings
  syncStatus: SyncStatus
  appInfo: AppInfo
  diagnostics: DiagnosticsReport
  reportText: string
  writeAvailability: WriteAvailability
  sandboxProfile: ConnectionProfile
  /** The signed-in person's id, for My work. */
  meId: string | null
  /** "Now" for My work; fixed so tests never depend on the wall clock. */
  now: string
  data: FakeData
  teams: Team[]
  /** Forces the tray's condition (e.g. `offline`); derived from the session otherwise. */
  trayCondition?: TrayCondition
  /** What `app:take-pending-navigation` answers once. */
  pendingNavigation?: NavigationRequest | null
}

/** Options for {@link createFakeMpath}: starting state and per-channel answers. */
export interface FakeMpathOptions extends Partial<Omit<FakeState, 'data'>> {
  data?: Partial<FakeData>
  handlers?: FakeHandlers
}

/** One recorded request or one-way message. */
export interface FakeCall {
  channel: InvokeChannelName | SendChannelName
  request: unknown
}

/** Test controls that sit beside the bridge methods. */
export interface FakeControls {
  /** Every request and one-way message, in order. */
  readonly calls: FakeCall[]
  /** The fake's state (session, settings, data …). */
  readonly state: FakeState
  /** The requests sent on one channel. */
  callsTo<C extends InvokeChannelName | SendChannelName>(channel: C): unknown[]
  /** Fires an event to every listener, as main would. */
  emit<E extends EventChannelName>(channel: E, payload: EventPayload<E>): void
  /** Replaces the answer of one channel. */
  handle<C extends InvokeChannelName>(channel: C, handler: FakeHandler<C>): void
  /** Makes one channel reject with `{ code, message, action? }`. */
  reject(channel: InvokeChannelName, error: ErrorData): void
  /** Gives a channel back its default answer. */
  restore(channel: InvokeChannelName): void
  /** How many listeners an event has, to check that subscriptions are undone. */
  listenerCount(channel: EventChannelName): number
}

/** A complete `window.mpath` over fixtures, with test controls. */
export type FakeMpath = MpathApi & FakeControls

const GRACE = { subject: 'user_grace', name: 'Grace Hopper', email: 'grace@example.com' }

/** The fake's default session: Grace, signed in with read scopes. */
export const SIGNED_IN: SessionState = {
  status: 'signed-in',
  user: GRACE,
  scopes: ['openid', 'profile', 'email', 'offline_access', 'read:tasks', 'read:people'],
  accessTokenExpiresAt: '2026-03-10T10:00:00.000Z',
  persistence: 'persistent',
}

/** Grace's sealed session being restored at start-up, before the server answered. */
export const RESTORING: SessionState = { status: 'restoring', user: GRACE }

/** Grace's sealed session kept while the sign-in server cannot be reached at start-up. */
export const RESTORING_OFFLINE: SessionState = {
  status: 'restoring',
  user: GRACE,
  offline: { code: 'NETWORK_OFFLINE', message: 'The sign-in server could not be reached.' },
}

function initialState(options: FakeMpathOptions): FakeState {
  return {
    session: options.session ?? SIGNED_IN,
    trayCondition: options.trayCondition,
    pendingNavigation: options.pendingNavigation ?? null,
    profile: options.profile ?? { profile: FIXTURE_PROFILE, source: 'settings' },
    settings: options.settings ?? { ...DEFAULT_SETTINGS },
    syncStatus: options.syncStatus ?? FIXTURE_SYNC_STATUS,
    appInfo: options.appInfo ?? FIXTURE_APP_INFO,
    diagnostics: options.diagnostics ?? FIXTURE_DIAGNOSTICS,
    reportText: options.reportText ?? FIXTURE_REPORT_TEXT,
    writeAvailability: options.writeAvailability ?? {
      available: false,
      reason: 'Editing is off. Turn it on in Settings, then sign in again.',
    },
    sandboxProfile: options.sandboxProfile ?? FIXTURE_SANDBOX_PROFILE,
    meId: options.meId === undefined ? FIXTURE_ME_ID : options.meId,
    now: options.now ?? FIXTURE_NOW,
    teams: options.teams ?? FIXTURE_TEAMS,
    data: {
      people: options.data?.people ?? FIXTURE_PEOPLE,
      tasks: options.data?.tasks ?? FIXTURE_TASKS,
      initiatives: options.data?.initiatives ?? FIXTURE_INITIATIVES,
      oneOnOnes: options.data?.oneOnOnes ?? FIXTURE_ONE_ON_ONES,
    },
  }
}

function notFound(what: string): AppError {
  return new AppError('API_NOT_FOUND', `That ${what} is not in your organization.`)
}

/**
 * A complete fake of `window.mpath` for component tests: every contract channel answers from
 * deterministic fixtures, requests are validated with the contract's schemas (as main does),
 * results are copied (as IPC does) and failures reject with plain `{ code, message }` data.
 *
 * @example
 * const fake = createFakeMpath({ handlers: { 'tasks:query': () => { throw offline } } })
 * fake.emit('sync:did-change-status', { ...fake.state.syncStatus, phase: 'offline' })
 */
export function createFakeMpath(options: FakeMpathOptions = {}): FakeMpath {
  const state = initialState(options)
  const calls: FakeCall[] = []
  const listeners = new Map<EventChannelName, Set<(payload: unknown) => void>>()

  const emit = <E extends EventChannelName>(channel: E, payload: EventPayload<E>): void => {
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      listener(structuredClone(payload))
    }
  }

  const changeSession = (session: SessionState): SessionState => {
    state.session = session
    emit('auth:did-change-session', session)

    return session
  }

  const signingIn = (
    transport: 'scheme' | 'loopback' | 'device',
    device?: { userCode: string; verificationUri: string },
  ): SessionState => ({
    status: 'signing-in',
    transport,
    startedAt: state.now,
    expiresAt: new Date(Date.parse(state.now) + 10 * 60_000).toISOString(),
    ...(device ? { device } : {}),
  })

  const findTask = (id: string) => {
    const task = state.data.tasks.find((candidate) => candidate.id === id)

    if (!task) {
      throw notFound('task')
    }

    return task
  }

  const replaceTask = (next: (typeof state.data.tasks)[number]) => {
    state.data.tasks = state.data.tasks.map((task) => (task.id === next.id ? next : task))
    emit('data:did-change', { collections: ['tasks'] })
    emit('tray:did-change', fakeTraySummary(state))

    return next
  }

  const requireWrites = () => {
    if (!state.writeAvailability.available) {
      throw new AppError(
        'WRITES_UNAVAILABLE',
        state.writeAvailability.reason ?? 'Editing is not available.',
      )
    }
  }

  const defaults: { [C in InvokeChannelName]: FakeHandler<C> } = {
    'profile:get': () => state.profile,
    'profile:save': ({ profile, clientSecret }) => {
      state.profile = {
        profile: { ...profile, hasClientSecret: Boolean(clientSecret) || profile.hasClientSecret },
        source: 'settings',
      }

      return state.profile
    },
    'profile:test': () => ({
      ok: true,
      message: 'Found the sign-in server and the mpath server.',
      supportsDeviceGrant: true,
      supportsRevocation: true,
    }),
    'profile:use-sandbox': () => state.sandboxProfile,
    'profile:forget': () => {
      state.profile = { profile: null, source: null }
      changeSession({ status: 'signed-out' })
    },
    'auth:get-state': () => state.session,
    'auth:sign-in': (request) => changeSession(signingIn(request?.transport ?? 'scheme')),
    'auth:sign-in-with-device': () =>
      changeSession(
        signingIn('device', {
          userCode: 'WDJB-MJHT',
          verificationUri: 'https://clerk.example.com/device',
        }),
      ),
    'auth:cancel': () =>
      changeSession({
        status: 'signed-out',
        reason: { code: 'AUTH_CANCELLED', message: 'Sign-in was cancelled.' },
      }),
    'auth:submit-redirect': () => changeSession(SIGNED_IN),
    'auth:sign-out': () => {
      changeSession({ status: 'signed-out' })

      return { revoked: true, message: 'You are signed out.' }
    },
    'work:get-summary': () => summarizeWork(state.data, state.meId, state.now),
    'tasks:query': (query) => queryTasks(state.data.tasks, query),
    'tasks:get': ({ id }) => state.data.tasks.find((task) => task.id === id) ?? null,
    'tasks:get-write-availability': () => state.writeAvailability,
    'tasks:create': (draft) => {
      requireWrites()
      const task = {
        id: `task_new_${state.data.tasks.length + 1}`,
        title: draft.title,
        description: draft.description ?? null,
        status: draft.status ?? 'todo',
        priority: draft.priority ?? 2,
        estimate: null,
        dueDate: draft.dueDate ?? null,
        createdAt: state.now,
        updatedAt: state.now,
        assigneeId: draft.assigneeId ?? null,
        initiativeId: draft.initiativeId ?? null,
        objectiveId: null,
      }
      state.data.tasks = [...state.data.tasks, task]
      emit('data:did-change', { collections: ['tasks'] })

      return task
    },
    'tasks:update': ({ id, patch }) => {
      requireWrites()

      return replaceTask({ ...findTask(id), ...patch, updatedAt: state.now })
    },
    'tasks:complete': ({ id }) => {
      requireWrites()

      return replaceTask({ ...findTask(id), status: 'done', completedAt: state.now })
    },
    'tasks:delete': ({ id }) => {
      requireWrites()
      findTask(id)
      state.data.tasks = state.data.tasks.filter((task) => task.id !== id)
      emit('data:did-change', { collections: ['tasks'] })
    },
    'people:query': (query) => queryPeople(state.data.people, query),
    'people:get': ({ id }) => state.data.people.find((person) => person.id === id) ?? null,
    'people:get-org-chart': () => buildOrgChart(state.data.people),
    'teams:list': () => state.teams,
    'initiatives:query': (query) => queryInitiatives(state.data.initiatives, query),
    'initiatives:get': ({ id }) =>
      state.data.initiatives.find((initiative) => initiative.id === id) ?? null,
    'oneonones:query': (query) => queryOneOnOnes(state.data.oneOnOnes, query),
    'search:query': ({ q, limit }) => searchPalette(state.data, q, limit),
    'sync:get-status': () => state.syncStatus,
    'sync:refresh': () => state.syncStatus,
    'settings:get': () => state.settings,
    'settings:update': (patch) => {
      state.settings = { ...state.settings, ...patch }
      emit('settings:did-change', state.settings)

      return state.settings
    },
    'app:get-info': () => state.appInfo,
    'diagnostics:run': () => state.diagnostics,
    'diagnostics:get-report-text': () => state.reportText,
    'diagnostics:open-logs': () => undefined,
    ...fakeTrayHandlers(state, emit, () => {
      changeSession(signingIn('scheme'))
    }),
  }
  const overrides: FakeHandlers = { ...options.handlers }

  const invoke = async (channel: InvokeChannelName, request: unknown): Promise<unknown> => {
    calls.push({ channel, request })
    const parsed = INVOKE_CHANNELS[channel].request.safeParse(request)

    if (!parsed.success) {
      throw {
        code: 'IPC_INVALID_ARGUMENT',
        message: `The request for ${channel} was not valid: ${parsed.error.message}`,
      } satisfies ErrorData
    }

    const handler = (overrides[channel] ?? defaults[channel]) as (input: unknown) => unknown

    try {
      return structuredClone(await handler(parsed.data))
    } catch (error) {
      throw toPlainError(error)
    }
  }

  const controls: FakeControls = {
    calls,
    state,
    callsTo: (channel) =>
      calls.filter((call) => call.channel === channel).map((call) => call.request),
    emit,
    handle: (channel, handler) => {
      ;(overrides as Record<string, unknown>)[channel] = handler
    },
    reject: (channel, error) => {
      ;(overrides as Record<string, unknown>)[channel] = () => {
        throw { ...error }
      }
    },
    restore: (channel) => {
      Reflect.deleteProperty(overrides, channel)
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  }

  const api: Record<string, Record<string, unknown>> = {}
  const place = ([area, name]: [string, string], method: unknown): void => {
    api[area] ??= {}
    api[area][name] = method
  }

  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannelName[]) {
    place(bridgePath(channel, 'invoke'), (request?: unknown) => invoke(channel, request))
  }

  for (const channel of Object.keys(SEND_CHANNELS) as SendChannelName[]) {
    place(bridgePath(channel, 'send'), (payload?: unknown) => {
      calls.push({ channel, request: payload })
    })
  }

  for (const channel of Object.keys(EVENT_CHANNELS) as EventChannelName[]) {
    place(bridgePath(channel, 'event'), (listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)

      return () => {
        set.delete(listener)
      }
    })
  }

  return Object.assign(api, controls) as unknown as FakeMpath
}

/** Error data as the real bridge delivers it: a plain object, never an Error instance. */
function toPlainError(error: unknown): ErrorData {
  if (error instanceof AppError) {
    return error.toData()
  }

  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    return { ...(error as ErrorData) }
  }

  return toErrorData(error)
}

/**
 * Sets `window.mpath` to a fresh fake for the current test and returns it; the setup file
 * removes it after each test.
 */
export function installFakeMpath(options?: FakeMpathOptions): FakeMpath {
  const fake = createFakeMpath(options)
  window.mpath = fake

  return fake
}

/** Removes the fake bridge installed by {@link installFakeMpath}. */
export function uninstallFakeMpath(): void {
  Reflect.deleteProperty(window, 'mpath')
}
