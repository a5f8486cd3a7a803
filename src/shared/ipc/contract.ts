import { z } from 'zod'

import type { SessionState } from '../auth/sessionState'
import type { ConnectionProfile } from '../connection/profile'
import { connectionProfileSchema } from '../connection/profile'
import type { DiagnosticsReport } from '../diagnostics/diagnostics'
import type { Initiative } from '../mpath/initiatives'
import type { OneOnOne } from '../mpath/oneOnOnes'
import type { Person } from '../mpath/people'
import type { Task } from '../mpath/tasks'
import type { Team } from '../mpath/teams'
import type { AppSettings } from '../settings/appSettings'
import { appSettingsSchema } from '../settings/appSettings'
import type { SyncStatus } from '../sync/syncStatus'
import type { TraySummary } from '../tray/traySummary'
import {
  byIdSchema,
  initiativeQuerySchema,
  oneOnOneQuerySchema,
  personQuerySchema,
  searchQuerySchema,
  taskDraftSchema,
  taskPatchSchema,
  taskQuerySchema,
} from './queries'
import type { PaletteResult, QueryPage } from './queries'
import type { MyWork, OrgChartNode, ProfileInfo, SignOutResult, WriteAvailability } from './views'
import type { AppInfo, ConnectionTestResult } from './views'

/** A request/response channel: the schema main validates arguments with, and the result type. */
export interface InvokeChannel<Request extends z.ZodType, Result> {
  request: Request
  /** Type-level only (undefined at run time): what the handler resolves with. */
  readonly result: Result
}

/** A main → renderer event and the schema of its payload. */
export interface EventChannel<Payload> {
  /** Type-level only (undefined at run time). */
  readonly payload: Payload
}

const invokeReturning =
  <Result>() =>
  <Request extends z.ZodType>(request: Request): InvokeChannel<Request, Result> => ({
    request,
    result: undefined as Result,
  })

const event = <Payload>(): EventChannel<Payload> => ({ payload: undefined as Payload })

const NO_ARGUMENTS = z.undefined()

/**
 * Every request the renderer can make of main. Channel names are `area:action` in kebab-case;
 * the bridge exposes each as `window.mpath.<area>.<actionInCamelCase>(request)`.
 */
export const INVOKE_CHANNELS = {
  /** The saved connection profile (never the client secret) and where it came from. */
  'profile:get': invokeReturning<ProfileInfo>()(NO_ARGUMENTS),
  /** Validates and saves a profile; a client secret, when given, is sealed in the vault. */
  'profile:save': invokeReturning<ProfileInfo>()(
    z.object({
      profile: connectionProfileSchema,
      clientSecret: z.string().max(500).optional(),
    }),
  ),
  /** Checks a profile's discovery documents without saving it. */
  'profile:test': invokeReturning<ConnectionTestResult>()(
    z.object({ profile: connectionProfileSchema }),
  ),
  /** Reads a running local sandbox's ready document and proposes its public client. */
  'profile:use-sandbox': invokeReturning<ConnectionProfile>()(
    z.object({ apiUrl: z.string().max(200).optional() }).optional(),
  ),
  /** Signs out, forgets the profile and clears the cache. */
  'profile:forget': invokeReturning<void>()(NO_ARGUMENTS),

  'auth:get-state': invokeReturning<SessionState>()(NO_ARGUMENTS),
  /** Opens the system browser at the authorization server; resolves once the attempt starts. */
  'auth:sign-in': invokeReturning<SessionState>()(
    z
      .object({
        transport: z.enum(['scheme', 'loopback']).optional(),
        /** Extra scopes to ask for, e.g. after an insufficient_scope answer. */
        extraScopes: z.array(z.string().min(1).max(100)).max(20).optional(),
      })
      .optional(),
  ),
  'auth:sign-in-with-device': invokeReturning<SessionState>()(NO_ARGUMENTS),
  'auth:cancel': invokeReturning<SessionState>()(NO_ARGUMENTS),
  /** The address the browser showed, pasted by the person when the app was not reopened. */
  'auth:submit-redirect': invokeReturning<SessionState>()(
    z.object({ address: z.string().min(1).max(8192) }),
  ),
  'auth:sign-out': invokeReturning<SignOutResult>()(NO_ARGUMENTS),

  'work:get-summary': invokeReturning<MyWork>()(NO_ARGUMENTS),

  'tasks:query': invokeReturning<QueryPage<Task>>()(taskQuerySchema),
  'tasks:get': invokeReturning<Task | null>()(byIdSchema),
  'tasks:get-write-availability': invokeReturning<WriteAvailability>()(NO_ARGUMENTS),
  'tasks:create': invokeReturning<Task>()(taskDraftSchema),
  'tasks:update': invokeReturning<Task>()(taskPatchSchema),
  'tasks:complete': invokeReturning<Task>()(byIdSchema),
  'tasks:delete': invokeReturning<void>()(byIdSchema),

  'people:query': invokeReturning<QueryPage<Person>>()(personQuerySchema),
  'people:get': invokeReturning<Person | null>()(byIdSchema),
  'people:get-org-chart': invokeReturning<OrgChartNode[]>()(NO_ARGUMENTS),
  'teams:list': invokeReturning<Team[]>()(NO_ARGUMENTS),
  'initiatives:query': invokeReturning<QueryPage<Initiative>>()(initiativeQuerySchema),
  'initiatives:get': invokeReturning<Initiative | null>()(byIdSchema),
  'oneonones:query': invokeReturning<QueryPage<OneOnOne>>()(oneOnOneQuerySchema),
  'search:query': invokeReturning<PaletteResult[]>()(searchQuerySchema),

  'sync:get-status': invokeReturning<SyncStatus>()(NO_ARGUMENTS),
  /** Starts a sync now (no-op while one runs) and resolves with the status. */
  'sync:refresh': invokeReturning<SyncStatus>()(NO_ARGUMENTS),

  'settings:get': invokeReturning<AppSettings>()(NO_ARGUMENTS),
  'settings:update': invokeReturning<AppSettings>()(appSettingsSchema.partial()),

  'app:get-info': invokeReturning<AppInfo>()(NO_ARGUMENTS),
  /**
   * The item a link or the tray asked the window to show, if that request is recent and no
   * window has taken it yet (a window that loads after the request asks for it once).
   */
  'app:take-pending-navigation': invokeReturning<NavigationRequest | null>()(NO_ARGUMENTS),
  'diagnostics:run': invokeReturning<DiagnosticsReport>()(NO_ARGUMENTS),
  /** The report as redacted text, for the person to copy. */
  'diagnostics:get-report-text': invokeReturning<string>()(NO_ARGUMENTS),
  'diagnostics:open-logs': invokeReturning<void>()(NO_ARGUMENTS),

  /** My open tasks grouped overdue / today / upcoming, with the tray's words and state. */
  'tray:get-summary': invokeReturning<TraySummary>()(NO_ARGUMENTS),
  /** Hides the quick-view and shows the main window at that task. */
  'tray:open-task': invokeReturning<void>()(byIdSchema),
  /** Hides the quick-view and shows the main window. */
  'tray:open-app': invokeReturning<void>()(NO_ARGUMENTS),
  /**
   * Starts signing in from the quick-view (the browser opens); without a connection profile
   * it shows the main window, where the person connects first.
   */
  'tray:sign-in': invokeReturning<void>()(NO_ARGUMENTS),
} as const

/** One-way messages from the renderer. */
export const SEND_CHANNELS = {
  /** A renderer log entry, forwarded to main's logger (which redacts it). */
  'log:write': z.object({
    level: z.enum(['trace', 'debug', 'info', 'warn', 'error']),
    message: z.string().max(2000),
    context: z.record(z.string(), z.unknown()).optional(),
  }),
  /** The window gained focus: main refreshes stale data. */
  'sync:request-refresh': z.undefined(),
} as const

/** Events from main. The bridge exposes each as `window.mpath.<area>.on<ActionInPascalCase>`. */
export const EVENT_CHANNELS = {
  'auth:did-change-session': event<SessionState>(),
  'data:did-change': event<{ collections: string[] }>(),
  'sync:did-change-status': event<SyncStatus>(),
  'settings:did-change': event<AppSettings>(),
  /** A link such as mpath://tasks/<id> asks the window to show that item. */
  'app:did-request-navigation': event<NavigationRequest>(),
  /** The tray's summary changed (data, session or sync status). */
  'tray:did-change': event<TraySummary>(),
} as const

/** An item the window is asked to show. */
export interface NavigationRequest {
  target: 'tasks' | 'people' | 'initiatives'
  id: string
}

export type InvokeChannels = typeof INVOKE_CHANNELS
export type InvokeChannelName = keyof InvokeChannels
export type SendChannelName = keyof typeof SEND_CHANNELS
export type EventChannelName = keyof typeof EVENT_CHANNELS

/** What a renderer passes for a channel (defaults not yet applied). */
export type InvokeRequest<C extends InvokeChannelName> = z.input<InvokeChannels[C]['request']>
/** What main's handler receives for a channel (validated, defaults applied). */
export type InvokeArguments<C extends InvokeChannelName> = z.output<InvokeChannels[C]['request']>
/** What a channel resolves with. */
export type InvokeResult<C extends InvokeChannelName> = InvokeChannels[C]['result']
/** The payload of an event. */
export type EventPayload<E extends EventChannelName> = (typeof EVENT_CHANNELS)[E]['payload']
/** The payload of a one-way message. */
export type SendPayload<S extends SendChannelName> = z.input<(typeof SEND_CHANNELS)[S]>

/** True when `channel` is a request channel of the contract. */
export function isInvokeChannel(channel: unknown): channel is InvokeChannelName {
  return typeof channel === 'string' && Object.hasOwn(INVOKE_CHANNELS, channel)
}

/** True when `channel` is a one-way channel of the contract. */
export function isSendChannel(channel: unknown): channel is SendChannelName {
  return typeof channel === 'string' && Object.hasOwn(SEND_CHANNELS, channel)
}

/** True when `channel` is an event channel of the contract. */
export function isEventChannel(channel: unknown): channel is EventChannelName {
  return typeof channel === 'string' && Object.hasOwn(EVENT_CHANNELS, channel)
}
