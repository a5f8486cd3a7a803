import { COLLECTIONS } from '../shared/sync/syncStatus'
import { createDeepLinkIntake, type DeepLinkIntake } from './app/deepLinkIntake'
import type { ApiClient } from './api/apiClient'
import { createAuthorizationFlow } from './auth/authorizationFlow'
import { createSession } from './auth/session'
import { createDiagnostics, type DiagnosticsProbes } from './diagnostics/diagnosticsService'
import { createEventHub, type EventHub } from './ipc/eventHub'
import { createIpcEndpoint, type IpcEndpoint } from './ipc/ipcEndpoint'
import { createIpcHandlers, createSendHandlers, type IpcServices } from './ipc/ipcHandlers'
import type { InvokeHandlers, SendHandlers } from './ipc/dispatch'
import { createSenderRegistry, type SenderRegistry } from './ipc/senderRegistry'
import type { Logger } from './log/logger'
import type { Clock, ExternalOpener, FetchPort, KeyValueStore } from './platform/ports'
import { createApiClients } from './services/apiClients'
import { createAppInfo, describeApp } from './services/appInfo'
import { createAuthController } from './services/authController'
import { createFlowDiscovery } from './services/flowDiscovery'
import { createServiceProbes } from './services/defaultProbes'
import { createOrganizationLifecycle } from './services/organizationLifecycle'
import { createProfileController } from './services/profileController'
import { createTrayAndReminders } from './services/trayAndReminders'
import { createSettingsService } from './settings/settingsService'
import { createKeyValueCacheBlobStore, type CacheBlobStore } from './sync/cacheBlobs'
import { createDataStore, type DataStore } from './sync/dataStore'
import { createEncryptedCache } from './sync/encryptedCache'
import { createSync, type Sync } from './sync/sync'
import { createTaskEditor } from './sync/taskEditor'
import type { Reminders } from './reminders/reminders'
import { createNavigationRequests } from './services/navigationRequests'
import type { TrayService } from './tray/trayService'
import type { Cipher } from './vault/cipher'
import { createVault } from './vault/vault'
import { systemTimeZone } from './work/localDay'
import { createMyWork } from './work/myWork'

/** Facts about the process the services run in. */
export interface ServiceEnvironment {
  isProduction: boolean
  runtime: 'electron' | 'preview'
  appVersion: string
  platform: string
  /** A JSON connection profile to use when none is saved (development, tests). */
  profileFile?: string
  /** A local sandbox that "Use the local sandbox" reads its profile from. */
  sandboxApiUrl?: string
  /** Connect to that sandbox at start when no profile is saved (development only). */
  connectSandboxAtStart?: boolean
}

/** Everything the services take from the outside world. */
export interface ServicePorts {
  cipher: Cipher
  store: KeyValueStore
  clock: Clock
  fetch: FetchPort
  opener: ExternalOpener
  logger: Logger
  env: ServiceEnvironment
  /** Probes only the shell can run (scheme registration, loopback, log folder). */
  diagnosticsProbes?: DiagnosticsProbes
  /** True once the app is ready; the vault touches the cipher only after. */
  isReady: () => boolean
  /** Where sealed cache blobs go (a folder in the app); the key-value store otherwise. */
  cacheBlobs?: CacheBlobStore
  /** The person's time zone for "my work"; the system's by default. */
  timeZone?: () => string
}

/** The composed main process, as the Electron entry and the desktop harness use it. */
export interface Services {
  handlers: InvokeHandlers
  sendHandlers: SendHandlers
  /** The handlers behind the sender and argument checks: what every transport calls. */
  ipc: IpcEndpoint
  events: EventHub
  senders: SenderRegistry
  /** Feed it links from argv, `second-instance`, `open-url` or the harness; call `markReady()`. */
  deepLinks: DeepLinkIntake
  /** The data in memory (for the tray model and tests). */
  data: DataStore
  sync: Sync
  /** The tray's summary and actions; the Electron view binds its windows with `bindShell`. */
  tray: TrayService
  /** Task reminders; the Electron view binds the desktop's notifications with `useNotifier`. */
  reminders: Reminders
  /** The main logger, for the Electron views built after the services. */
  logger: Logger
  /** Loads the profile, restores the session, serves the cache, then syncs in the background. */
  start(): Promise<void>
  /** After the system wakes from sleep: renew the session if due, then refresh the data. */
  resume(): Promise<void>
  dispose(): void
}

const APP_IDENTITY = 'mpath-desktop'

/** Builds every main-process service from its ports and wires them together. */
export function createServices(ports: ServicePorts): Services {
  const { clock, logger } = ports
  const log = logger.child('services')
  const events = createEventHub(logger)
  const senders = createSenderRegistry()
  const settings = createSettingsService({ store: ports.store, logger })
  const vault = createVault({
    cipher: ports.cipher,
    store: ports.store,
    appIdentity: APP_IDENTITY,
    logger,
    isReady: ports.isReady,
    allowWeakPersistence: () => settings.get().allowWeakRefreshTokenStorage,
    isProduction: ports.env.isProduction,
    clock,
  })
  const profiles = createProfileController({
    store: ports.store,
    vault,
    fetch: ports.fetch,
    logger,
    sources: {
      profileFile: ports.env.profileFile,
      sandboxApiUrl: ports.env.sandboxApiUrl,
      connectSandboxAtStart: ports.env.connectSandboxAtStart,
    },
  })
  const session = createSession({
    vault,
    clock,
    logger,
    fetch: ports.fetch,
    discover: (profile) => profiles.discover(profile),
    profileSource: async () => profiles.current(),
  })
  // The flow asks for the profile's scopes plus those of editing and of a step-up request.
  const flow = createAuthorizationFlow({
    discover: createFlowDiscovery({ profiles, extraScopes: () => auth.extraScopes() }),
    opener: ports.opener,
    clock,
    logger,
    onTokens: (received, server) => session.establish(received, server),
  })
  const auth = createAuthController({
    session,
    flow,
    isEditingEnabled: () => settings.get().editingEnabled,
    logger,
  })

  const apiClients = createApiClients({
    profile: () => profiles.current(),
    isSignedIn: () => session.state().status === 'signed-in',
    tokens: session,
    fetch: ports.fetch,
    clock,
    logger,
  })
  const signedInApi = (): ApiClient | null => apiClients.signedIn()

  const data = createDataStore()
  const cache = createEncryptedCache({
    cipher: ports.cipher,
    blobs: ports.cacheBlobs ?? createKeyValueCacheBlobStore(ports.store),
    async mayPersist() {
      return (await vault.status()).strength === 'strong'
    },
    logger,
    entries: [...COLLECTIONS, 'me'],
  })
  const sync = createSync({ api: signedInApi, data, cache, clock, logger })
  const tasks = createTaskEditor({
    api: signedInApi,
    data,
    persist: () => sync.persist('tasks'),
    clock,
    logger,
  })
  const timeZone = ports.timeZone ?? systemTimeZone
  const work = createMyWork({ data, clock, timeZone })
  const navigation = createNavigationRequests({
    clock,
    emit: (request) => events.emit('app:did-request-navigation', request),
  })
  const { tray, reminders } = createTrayAndReminders({
    work,
    profiles,
    auth,
    sync,
    data,
    settings,
    navigation,
    api: signedInApi,
    store: ports.store,
    timeZone,
    clock,
    logger,
  })
  const diagnostics = createDiagnostics({
    probes: {
      ...createServiceProbes({
        vaultStatus: () => vault.status(),
        serverClockOffsetMs: () => apiClients.serverClockOffsetMs(),
        profile: () => profiles.current(),
        session: () => session.state(),
      }),
      ...ports.diagnosticsProbes,
    },
    clock,
    logger,
    describeApp: () => describeApp(ports.env),
  })
  const organizations = createOrganizationLifecycle({
    flow,
    session,
    sync,
    profiles,
    onDidSwitch: () => apiClients.reset(),
  })

  const services: IpcServices = {
    profile: {
      get: async () => profiles.info(),
      save: (request) => profiles.save(request),
      test: (profile) => profiles.test(profile),
      useSandbox: (apiUrl) => profiles.propose(apiUrl),
      forget: () => organizations.forget(),
    },
    auth,
    data,
    work,
    tasks,
    sync,
    settings,
    diagnostics,
    navigation,
    tray,
    appInfo: createAppInfo({
      env: ports.env,
      vaultStatus: () => vault.status(),
      profile: () => profiles.current(),
      logger: log,
    }),
    rendererLogger: logger.child('renderer'),
  }
  const handlers = createIpcHandlers(services)
  const sendHandlers = createSendHandlers(services)
  const ipc = createIpcEndpoint({ handlers, sendHandlers, senders, logger })

  // Wiring: each service's changes become events, and the session drives the sync.
  const subscriptions: Array<() => void> = []
  let wasSignedIn = false
  let isStarted = false
  subscriptions.push(
    auth.onDidChange((state) => {
      events.emit('auth:did-change-session', state)
    }),
    session.onDidChange((state) => {
      const isSignedIn = state.status === 'signed-in'

      if (isSignedIn && !wasSignedIn && isStarted) {
        void sync.refresh()
      }

      if (isSignedIn && isStarted) {
        reminders.start()
      } else if (!isSignedIn) {
        reminders.stop()
      }

      wasSignedIn = isSignedIn
    }),
    session.onDidSignOut(() => {
      void sync.clear()
    }),
    profiles.onDidChange((profile) => organizations.followProfile(profile)),
    data.onDidChange((collections) => events.emit('data:did-change', { collections })),
    sync.onDidChangeStatus((status) => events.emit('sync:did-change-status', status)),
    settings.onDidChange((value) => events.emit('settings:did-change', value)),
    tray.onDidChange((summary) => events.emit('tray:did-change', summary)),
  )

  const deepLinks = createDeepLinkIntake({ logger, clock })
  subscriptions.push(
    deepLinks.onDidReceive((delivery) => {
      const { link } = delivery

      if (link.kind === 'oauth-callback') {
        void flow.handleCallbackUrl(link.url.href, 'scheme').catch((error: unknown) => {
          log.warn('A sign-in callback could not be handled', { error })
        })

        return
      }

      navigation.request({ target: link.target, id: link.id })
    }),
  )

  return {
    handlers,
    sendHandlers,
    ipc,
    events,
    senders,
    deepLinks,
    data,
    sync,
    tray,
    reminders,
    logger,
    async start() {
      await profiles.load()
      organizations.remember(profiles.current())
      // The cache is served while the session is restored (which needs the network): data
      // is on screen at once, even offline. Every sign-out clears the cache, so a cache on
      // disk belongs to the sealed session being restored.
      const restoring = session.restore()
      await sync.loadCache()
      const state = await restoring
      wasSignedIn = state.status === 'signed-in'
      isStarted = true
      log.info('Session restored', { status: state.status })

      // Only a session that is gone takes its cache along (a refused or unreadable token). One
      // still `restoring` is offline with its sealed token kept: the cache stays on screen, and
      // the first sync follows the session once it is signed in.
      if (state.status === 'signed-out') {
        await sync.clear()

        return
      }

      if (state.status === 'signed-in') {
        void sync.refresh()
        reminders.start()
      }
    },
    async resume() {
      await session.checkNow()
      void sync.refresh()
      reminders.resume()
    },
    dispose() {
      for (const unsubscribe of subscriptions.splice(0)) {
        unsubscribe()
      }

      reminders.dispose()
      tray.dispose()
      sync.dispose()
      flow.dispose()
      auth.dispose()
      session.dispose()
    },
  }
}
