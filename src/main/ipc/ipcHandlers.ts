import type { SessionState } from '../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../shared/connection/profile'
import type { InvokeArguments } from '../../shared/ipc/contract'
import type {
  AppInfo,
  ConnectionTestResult,
  ProfileInfo,
  SignOutResult,
} from '../../shared/ipc/views'
import type { Logger } from '../log/logger'
import type { DiagnosticsService } from '../diagnostics/diagnosticsService'
import type { SettingsService } from '../settings/settingsService'
import type { DataStore } from '../sync/dataStore'
import { buildOrgChart } from '../sync/queries/orgChart'
import { queryInitiatives } from '../sync/queries/initiativeQuery'
import { queryOneOnOnes } from '../sync/queries/oneOnOneQuery'
import { searchPalette } from '../sync/queries/paletteSearch'
import { queryPeople } from '../sync/queries/personQuery'
import { queryTasks } from '../sync/queries/taskQuery'
import type { Sync } from '../sync/sync'
import type { TaskEditor } from '../sync/taskEditor'
import type { MyWorkService } from '../work/myWork'
import type { NavigationRequests } from '../services/navigationRequests'
import { createTrayHandlers } from '../tray/trayHandlers'
import type { TrayService } from '../tray/trayService'
import type { InvokeHandlers, SendHandlers } from './dispatch'
import { systemClock } from '../platform/ports'
import { createRendererLog } from './rendererLog'

/** The connection profile as the window may manage it. */
export interface ProfileService {
  get(): Promise<ProfileInfo>
  save(request: InvokeArguments<'profile:save'>): Promise<ProfileInfo>
  test(profile: ConnectionProfile): Promise<ConnectionTestResult>
  useSandbox(apiUrl?: string): Promise<ConnectionProfile>
  /** Signs out, forgets the profile and clears the cache. */
  forget(): Promise<void>
}

/** Sign-in as the window may drive it: status only, never a token or an address to open. */
export interface AuthService {
  state(): SessionState
  signIn(options: InvokeArguments<'auth:sign-in'>): Promise<SessionState>
  signInWithDevice(): Promise<SessionState>
  cancel(): Promise<SessionState>
  submitRedirect(address: string): Promise<SessionState>
  signOut(): Promise<SignOutResult>
}

/** Everything the IPC handlers answer from. */
export interface IpcServices {
  profile: ProfileService
  auth: AuthService
  data: DataStore
  work: MyWorkService
  tasks: TaskEditor
  sync: Pick<Sync, 'status' | 'refresh' | 'requestRefresh'>
  settings: SettingsService
  diagnostics: DiagnosticsService
  appInfo(): Promise<AppInfo>
  /** Items a link or the tray asked the window to show. */
  navigation: NavigationRequests
  tray: TrayService
  /** Where the renderer's forwarded log entries go. */
  rendererLogger: Logger
}

/**
 * Maps every request channel of the contract to its handler. Arguments arrive validated
 * (`dispatchInvoke` parses them); the object type makes a missing channel a compile error.
 */
export function createIpcHandlers(services: IpcServices): InvokeHandlers {
  const { data } = services

  return {
    'profile:get': () => services.profile.get(),
    'profile:save': (request) => services.profile.save(request),
    'profile:test': (request) => services.profile.test(request.profile),
    'profile:use-sandbox': (request) => services.profile.useSandbox(request?.apiUrl),
    'profile:forget': () => services.profile.forget(),

    'auth:get-state': async () => services.auth.state(),
    'auth:sign-in': (request) => services.auth.signIn(request),
    'auth:sign-in-with-device': () => services.auth.signInWithDevice(),
    'auth:cancel': () => services.auth.cancel(),
    'auth:submit-redirect': (request) => services.auth.submitRedirect(request.address),
    'auth:sign-out': () => services.auth.signOut(),

    'work:get-summary': async () => services.work.summary(),

    'tasks:query': async (query) => queryTasks(data.get('tasks'), query),
    'tasks:get': async (request) => data.get('tasks').byId.get(request.id) ?? null,
    'tasks:get-write-availability': () => services.tasks.availability(),
    'tasks:create': (draft) => services.tasks.create(draft),
    'tasks:update': (request) => services.tasks.update(request),
    'tasks:complete': (request) => services.tasks.complete(request.id),
    'tasks:delete': (request) => services.tasks.remove(request.id),

    'people:query': async (query) => queryPeople(data.get('people'), query),
    'people:get': async (request) => data.get('people').byId.get(request.id) ?? null,
    'people:get-org-chart': async () => buildOrgChart(data.get('people')),
    'teams:list': async () => [...data.get('teams').items],
    'initiatives:query': async (query) => queryInitiatives(data.get('initiatives'), query),
    'initiatives:get': async (request) => data.get('initiatives').byId.get(request.id) ?? null,
    'oneonones:query': async (query) => queryOneOnOnes(data.get('oneOnOnes'), query),
    'search:query': async (query) =>
      searchPalette(
        {
          people: data.get('people'),
          tasks: data.get('tasks'),
          initiatives: data.get('initiatives'),
        },
        query,
      ),

    'sync:get-status': async () => services.sync.status(),
    'sync:refresh': () => services.sync.refresh(),

    'settings:get': async () => services.settings.get(),
    'settings:update': async (change) => services.settings.update(change),

    'app:get-info': () => services.appInfo(),
    'app:take-pending-navigation': async () => services.navigation.take(),
    'diagnostics:run': () => services.diagnostics.run(),
    'diagnostics:get-report-text': () => services.diagnostics.reportText(),
    'diagnostics:open-logs': () => services.diagnostics.openLogs(),
    ...createTrayHandlers(services.tray),
  }
}

/** Maps every one-way channel to its handler. */
export function createSendHandlers(services: IpcServices): SendHandlers {
  const writeRendererLog = createRendererLog(services.rendererLogger, systemClock)

  return {
    'log:write': writeRendererLog,
    'sync:request-refresh': () => services.sync.requestRefresh(),
  }
}
