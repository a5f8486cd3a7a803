import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  GlobalShortcut,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  Screen,
  Shell,
  Tray,
} from 'electron'

import type { AppSettings } from '../../shared/settings/appSettings'
import type { TraySummary } from '../../shared/tray/traySummary'
import { createElectronOpener } from '../platform/electronOpener'
import { createElectronNotifier, type NotificationClass } from '../reminders/electronNotifier'
import type { Services } from '../services'
import type { WindowContent } from '../windows/mainWindow'
import { createQuickViewWindow, QUICK_VIEW_SIZE, type QuickViewWindow } from './quickViewWindow'
import { quickViewPosition } from './quickViewPosition'
import { trayIconFile } from './trayIcons'
import { buildTrayMenu, QUICK_VIEW_SHORTCUT, trayBindingOf } from './trayMenu'
import { windowCloseAction } from './windowClose'

/** The pieces of Electron the tray uses, passed in so the entry stays the only importer. */
export interface TrayElectron {
  app: Pick<App, 'on' | 'quit' | 'setLoginItemSettings' | 'isPackaged'>
  createTray: (image: NativeImage) => Tray
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu
  createImage: (path: string) => NativeImage
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>
  Notification: NotificationClass
  screen: Pick<Screen, 'getDisplayMatching' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'>
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  shell: Pick<Shell, 'openExternal'>
}

/** Everything {@link installTray} is built from. */
export interface InstallTrayOptions {
  electron: TrayElectron
  services: Pick<Services, 'tray' | 'reminders' | 'logger' | 'events' | 'handlers'>
  /** The shell's main window controller (`show` creates the window when there is none). */
  mainWindow: { show(): void; current(): BrowserWindow | undefined }
  /** Trusts a window for IPC (the shell's `ipc.attach`). */
  attachIpc: (window: BrowserWindow) => void
  platform: NodeJS.Platform
  preload: string
  /** What the main window loads; the quick-view loads the same page at its own route. */
  content: WindowContent
  /** The folder holding the tray PNGs (`resources/tray` in development). */
  iconFolder: string
  /** The clock the quick-view reads (tests). */
  now?: () => number
}

/** The installed tray. */
export interface InstalledTray {
  quickView: QuickViewWindow
  /** The tray icon, while the setting shows it. */
  tray(): Tray | undefined
  /** Shows the quick-view beside the icon (or the pointer). */
  showQuickView(): void
  dispose(): void
}

const NO_BOUNDS = { x: 0, y: 0, width: 0, height: 0 }

/**
 * Installs the tray after the app is ready and the main window exists: the prepared
 * quick-view window, the icon with its tooltip, title and menu (rebuilt whenever the summary
 * changes), the global shortcut, native notifications for reminders, "close keeps the app in
 * the tray", Quit, and the start-at-login option. Follows the settings as they change.
 */
export function installTray(options: InstallTrayOptions): InstalledTray {
  const { electron, services, platform } = options
  const log = services.logger.child('tray')
  const binding = trayBindingOf(platform)
  const opener = createElectronOpener(electron.shell, services.logger)
  const content = options.content
  const quickView = createQuickViewWindow({
    createWindow: electron.createWindow,
    preload: options.preload,
    content,
    platform,
    now: options.now,
    attachIpc: options.attachIpc,
    hardening: {
      policy: {
        ownOrigins: 'url' in content ? [new URL(content.url).origin] : [],
        rendererFolderUrl:
          'file' in content ? pathToFileURL(dirname(content.file)).href : undefined,
        identityProviderHosts: () => [],
      },
      opener,
      logger: services.logger,
    },
  })
  let tray: Tray | undefined
  let settings: AppSettings | undefined
  let isQuitting = false
  let shortcut: string | undefined
  let summary: TraySummary = services.tray.summary()

  const showQuickView = () => {
    const trayBounds = tray?.getBounds() ?? NO_BOUNDS
    const cursor = electron.screen.getCursorScreenPoint()
    const isTrayKnown = trayBounds.width > 0 && trayBounds.height > 0
    const display = isTrayKnown
      ? electron.screen.getDisplayMatching(trayBounds)
      : electron.screen.getDisplayNearestPoint(cursor)
    quickView.showAt(
      quickViewPosition({
        trayBounds,
        workArea: display.workArea,
        window: QUICK_VIEW_SIZE,
        cursor,
      }),
    )
  }

  const toggleQuickView = () => {
    if (quickView.isVisible()) {
      quickView.hide()
    } else if (!quickView.wasJustHidden()) {
      showQuickView()
    }
  }

  const menuOf = () =>
    electron.buildMenu(
      buildTrayMenu({
        summary,
        platform,
        shortcut,
        actions: {
          showTasks: showQuickView,
          openTask: (id) => services.tray.openTask(id),
          openApp: () => services.tray.openApp(),
          signIn: () =>
            void services.tray.signIn().catch((error: unknown) => {
              log.warn('Could not start signing in from the tray', { error })
              services.tray.openApp()
            }),
          quit: () => electron.app.quit(),
        },
      }),
    )

  const render = () => {
    if (tray === undefined || tray.isDestroyed()) {
      return
    }

    tray.setImage(
      electron.createImage(join(options.iconFolder, trayIconFile(platform, summary.badge))),
    )
    tray.setToolTip(summary.tooltip)

    if (platform === 'darwin') {
      tray.setTitle(summary.title)
    }

    if (binding.setsContextMenu) {
      tray.setContextMenu(menuOf())
    }
  }

  const createTrayIcon = () => {
    if (tray !== undefined) {
      return
    }

    const icon = electron.createImage(join(options.iconFolder, trayIconFile(platform, 'none')))
    tray = electron.createTray(icon)

    if (binding.clickTogglesQuickView) {
      tray.on('click', toggleQuickView)
    }

    if (binding.rightClickPopsMenu) {
      tray.on('right-click', () => tray?.popUpContextMenu(menuOf()))
    }

    render()
  }

  const destroyTrayIcon = () => {
    tray?.destroy()
    tray = undefined
  }

  const applySettings = (next: AppSettings) => {
    const previous = settings
    settings = next

    if (next.trayEnabled) {
      createTrayIcon()
    } else {
      destroyTrayIcon()
    }

    // A development build would register the bare Electron binary to start at login.
    if (electron.app.isPackaged && previous?.startAtLogin !== next.startAtLogin) {
      electron.app.setLoginItemSettings({ openAtLogin: next.startAtLogin })
    }
  }

  const guardClose = (window: BrowserWindow) => {
    // Windows ends the session by closing every window: hiding instead would hold up logging off.
    window.on('session-end', () => {
      isQuitting = true
    })
    window.on('close', (event) => {
      const action = windowCloseAction({
        platform,
        trayEnabled: (settings?.trayEnabled ?? false) && tray !== undefined,
        isQuitting,
      })

      if (action === 'hide') {
        event.preventDefault()
        window.hide()
      }
    })
  }

  const current = options.mainWindow.current()

  if (current !== undefined) {
    guardClose(current)
  }

  electron.app.on('browser-window-created', (_event, window) => {
    if (window !== quickView.window) {
      guardClose(window)
    }
  })
  electron.app.on('before-quit', () => {
    isQuitting = true
  })

  if (electron.globalShortcut.register(QUICK_VIEW_SHORTCUT, toggleQuickView)) {
    shortcut = QUICK_VIEW_SHORTCUT
  } else {
    log.warn('The quick-view shortcut is taken by another app', { shortcut: QUICK_VIEW_SHORTCUT })
  }

  const unbindShell = services.tray.bindShell({
    showMainWindow: () => options.mainWindow.show(),
    showQuickView,
    hideQuickView: () => quickView.hide(),
  })
  const unbindNotifier = services.reminders.useNotifier(
    createElectronNotifier({
      Notification: electron.Notification,
      platform,
      logger: services.logger,
    }),
  )
  const stopSummary = services.tray.onDidChange((next) => {
    summary = next
    render()
  })
  const stopSettings = services.events.subscribe((channel, payload) => {
    if (channel === 'settings:did-change') {
      applySettings(payload as AppSettings)
    }
  })
  services.handlers['settings:get'](undefined)
    .then((loaded) => {
      if (settings === undefined) {
        applySettings(loaded)
      }
    })
    .catch((error: unknown) => log.error('Could not read the settings for the tray', { error }))

  return {
    quickView,
    tray: () => tray,
    showQuickView,
    dispose() {
      stopSummary()
      stopSettings()
      unbindShell()
      unbindNotifier()

      if (shortcut !== undefined) {
        electron.globalShortcut.unregister(shortcut)
      }

      destroyTrayIcon()

      if (!quickView.window.isDestroyed()) {
        quickView.window.destroy()
      }
    },
  }
}
