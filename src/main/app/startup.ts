import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  MenuItemConstructorOptions,
  Net,
  Screen,
  Session,
  Shell,
} from 'electron'

import { AppError } from '../../shared/errors/appError'
import type { ElectronIpcBinding, ElectronIpcWiring } from '../ipc/electronIpc'
import { createLogger, type LogSink } from '../log/createLogger'
import type { LogLevel } from '../log/logger'
import { createElectronFetch } from '../platform/electronFetch'
import { createElectronOpener } from '../platform/electronOpener'
import { systemClock, type KeyValueStore } from '../platform/ports'
import { createFileCacheBlobStore } from '../sync/cacheBlobs'
import type { ServicePorts, Services } from '../services'
import type { Cipher } from '../vault/cipher'
import type { AsyncSafeStorage } from '../vault/safeStorageCipher'
import { isTestCipher } from '../vault/testing/testCipher'
import { createElectronCipher } from '../platform/electronCipher'
import { hardenAllWebContents, hardenSession } from '../windows/sessionHardening'
import { createMainWindow, type WindowContent } from '../windows/mainWindow'
import {
  createMainWindowController,
  type MainWindowController,
} from '../windows/mainWindowController'
import { decideNavigation, hostsOf, type NavigationPolicy } from '../windows/navigationPolicy'
import { offerReload } from '../windows/rendererCrash'
import { replayShortcut } from '../windows/replayShortcut'
import { aboutPanelOptions, showAboutDialog } from './aboutBox'
import { APP_NAME, pinAppIdentity } from './appIdentity'
import type { CommandRunner } from './commandRunner'
import { createDeepLinkRelay } from './deepLinkRelay'
import { bindDeepLinkSources } from './deepLinkSources'
import type { TextFiles } from './linuxSchemeRegistration'
import { buildMenuTemplate } from './menu'
import { installProcessErrorHandlers } from './processErrors'
import { checkSchemeRegistration } from './schemeRegistrationCheck'
import { setUpScheme } from './schemeSetup'
import { createShellProbes } from './shellProbes'
import { acquireSingleInstanceLock } from './singleInstance'
import { developmentSources } from './developmentSources'
import { askToRestartWithDialog, decideUpdates, startUpdates, type Updater } from './updates'

/** The pieces of Electron the start-up uses, passed in so a test can fake each one. */
export interface StartupElectron {
  app: Pick<
    App,
    | 'setName'
    | 'setAppUserModelId'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'on'
    | 'whenReady'
    | 'isReady'
    | 'isPackaged'
    | 'getVersion'
    | 'getAppPath'
    | 'setAsDefaultProtocolClient'
    | 'isDefaultProtocolClient'
    | 'setAboutPanelOptions'
    | 'getPath'
  >
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  setApplicationMenu: (template: MenuItemConstructorOptions[]) => void
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>
  net: Pick<Net, 'fetch'>
  safeStorage: AsyncSafeStorage
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>
  /** `session.defaultSession`, read only after `ready`. */
  defaultSession: () => Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
  >
  shell: Pick<Shell, 'openExternal' | 'openPath'>
}

/** The facts of the process the app runs in. */
export interface StartupProcess {
  argv: string[]
  platform: NodeJS.Platform
  execPath: string
  env: Readonly<Record<string, string | undefined>>
  defaultApp?: boolean
  resourcesPath?: string
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>
  cwd(): string
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown
}

/** Everything {@link startApp} is built from. */
export interface StartupOptions {
  electron: StartupElectron
  process: StartupProcess
  paths: { preload: string; rendererFile: string; home: string }
  createLogSink: (isDevelopment: boolean) => LogSink & { level: LogLevel; logFolder(): string }
  openStore: () => KeyValueStore
  createServices: (ports: ServicePorts) => Services
  /** Binds the contract to Electron IPC (the entry adds Electron's IPC module). */
  bindIpc: (options: ElectronIpcWiring) => ElectronIpcBinding
  loadUpdater: () => Promise<Updater>
  run: CommandRunner
  files: TextFiles
  fileExists: (path: string) => boolean
  /** The cipher from safeStorage; only tests replace it (and a test cipher is refused). */
  createCipher?: (
    safeStorage: AsyncSafeStorage,
    platform: NodeJS.Platform,
    isReady: () => boolean,
  ) => Cipher
}

/** The running app. */
export interface StartedApp {
  services: Services
  ipc: ElectronIpcBinding
  windows: MainWindowController
  /** What the main window loads; the tray's quick-view loads the same page at its route. */
  content: WindowContent
}

/**
 * Starts the app in the order Electron requires. Before `ready`: pin the name and identity,
 * take the single-instance lock, hook every deep-link source, guard all future web contents,
 * register the scheme. After `ready`: bind the ports, build the services, bind IPC, lock the
 * session down, set the menu, open the window, start the services and the updater. Resolves
 * undefined in a second instance, which quits.
 */
export async function startApp(options: StartupOptions): Promise<StartedApp | undefined> {
  const { electron, process: proc } = options
  const { app } = electron
  pinAppIdentity(app)

  const isDevelopment = !app.isPackaged
  const sink = options.createLogSink(isDevelopment)
  const logger = createLogger(sink, { level: sink.level })
  const log = logger.child('app')
  installProcessErrorHandlers({
    process: proc,
    logger,
    showError: (title, content) => electron.dialog.showErrorBox(title, content),
  })

  if (!acquireSingleInstanceLock(app, logger)) {
    return undefined
  }

  const relay = createDeepLinkRelay()
  // Filled in after `ready`; the handlers below run before and after.
  const late: { services?: Services; windows?: MainWindowController } = {}
  bindDeepLinkSources({
    app,
    intake: relay,
    argv: proc.argv,
    platform: proc.platform,
    onSecondInstance: () => late.windows?.show(),
  })
  hardenAllWebContents(app, logger)
  const scheme = setUpScheme({
    app,
    input: {
      platform: proc.platform,
      isPackaged: app.isPackaged,
      defaultApp: proc.defaultApp,
      execPath: proc.execPath,
      argv: proc.argv,
      appPath: app.getAppPath(),
      cwd: proc.cwd(),
    },
    env: proc.env,
    home: options.paths.home,
    files: options.files,
    run: options.run,
    logger,
  })

  await app.whenReady()

  const isReady = () => app.isReady()
  const cipher = (options.createCipher ?? createElectronCipher)(
    electron.safeStorage,
    proc.platform,
    isReady,
  )

  if (isTestCipher(cipher)) {
    throw new AppError('VAULT_TEST_CIPHER_REFUSED', 'mpath Desktop was given a test cipher.', {
      action: 'Reinstall mpath Desktop; if it persists, report it.',
    })
  }

  const store = options.openStore()
  const opener = createElectronOpener(electron.shell, logger)
  const development = developmentSources(isDevelopment, proc.env, logger)
  let issuerHosts: string[] = []
  const policy: NavigationPolicy = {
    ownOrigins:
      development.rendererUrl === undefined ? [] : [new URL(development.rendererUrl).origin],
    rendererFolderUrl: pathToFileURL(dirname(options.paths.rendererFile)).href,
    identityProviderHosts: () => issuerHosts,
  }
  const currentProfile = async () =>
    (await late.services?.handlers['profile:get'](undefined))?.profile
  const services = options.createServices({
    cipher,
    store,
    clock: systemClock,
    fetch: createElectronFetch(electron.net),
    opener,
    logger,
    isReady,
    env: {
      isProduction: app.isPackaged,
      runtime: 'electron',
      appVersion: app.getVersion(),
      platform: proc.platform,
      profileFile: development.profileFile,
      sandboxApiUrl: development.sandboxApiUrl,
      // `npm start` names a running sandbox: connect to it unless a profile is saved.
      connectSandboxAtStart: development.sandboxApiUrl !== undefined,
    },
    cacheBlobs: createFileCacheBlobStore(join(app.getPath('userData'), 'cache')),
    diagnosticsProbes: createShellProbes({
      scheme: async () =>
        scheme.registration === undefined
          ? { status: 'unknown', detail: 'This run did not register the mpath scheme.' }
          : checkSchemeRegistration({
              platform: proc.platform,
              app,
              registration: scheme.registration,
              linuxPlan: scheme.linuxPlan,
              run: options.run,
            }),
      loopbackRedirectUri: async () => (await currentProfile())?.loopbackRedirectUri,
      logFolder: () => sink.logFolder(),
      home: options.paths.home,
      openPath: (path) => electron.shell.openPath(path),
    }),
  })
  late.services = services

  const refreshIssuerHosts = () => {
    currentProfile()
      .then((profile) => {
        issuerHosts = hostsOf([profile?.issuer])
      })
      .catch((error: unknown) => log.debug('Could not read the profile', { error }))
  }
  services.events.subscribe((channel) => {
    if (channel === 'auth:did-change-session') {
      refreshIssuerHosts()
    }
  })

  const ipc = options.bindIpc({
    handlers: services.handlers,
    sendHandlers: services.sendHandlers,
    events: services.events,
    senders: services.senders,
    logger,
    isOwnUrl: (url) => decideNavigation(url, policy).action === 'allow',
  })
  hardenSession(electron.defaultSession(), logger)

  const facts = { version: app.getVersion(), versions: proc.versions }
  app.setAboutPanelOptions(aboutPanelOptions(facts))
  electron.setApplicationMenu(
    buildMenuTemplate({
      platform: proc.platform,
      isDevelopment,
      runShortcut: (key) => replayShortcut(late.windows?.current(), key, proc.platform),
      showAbout: () => void showAboutDialog(electron.dialog, facts),
    }),
  )

  const content: WindowContent =
    development.rendererUrl === undefined
      ? { file: options.paths.rendererFile }
      : { url: development.rendererUrl }
  const windows = createMainWindowController({
    open: () => {
      const window = createMainWindow({
        createWindow: electron.createWindow,
        screen: electron.screen,
        store,
        preload: options.paths.preload,
        content,
        title: APP_NAME,
        hardening: {
          policy,
          opener,
          logger,
          onRendererGone: (details) =>
            void offerReload({ window, dialog: electron.dialog, details, logger }),
        },
      })
      ipc.attach(window.webContents)

      return window
    },
    onDidLoad: () => {
      relay.connect(services.deepLinks)
      services.deepLinks.markReady()
    },
    // Links that arrive while no window exists wait for the next one (see `relay.pause`).
    onDidClose: () => relay.pause(),
  })
  late.windows = windows
  windows.enable()
  windows.show()

  app.on('open-url', () => late.windows?.show())
  app.on('activate', () => late.windows?.show())
  app.on('window-all-closed', () => {
    if (proc.platform !== 'darwin') {
      app.quit()
    }
  })
  app.on('before-quit', () => {
    ipc.dispose()
    services.dispose()
  })

  services
    .start()
    .then(refreshIssuerHosts)
    .catch((error: unknown) => log.error('The services did not start', { error }))
  startUpdates({
    decision: decideUpdates({
      isPackaged: app.isPackaged,
      env: proc.env,
      resourcesPath: proc.resourcesPath,
      fileExists: options.fileExists,
    }),
    loadUpdater: options.loadUpdater,
    askToRestart: (version) => askToRestartWithDialog(electron.dialog, version),
    logger,
  }).catch((error: unknown) => log.warn('Updates did not start', { error }))

  return { services, ipc, windows, content }
}
