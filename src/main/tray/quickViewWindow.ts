import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

import { hardenWindow, type WindowHardeningOptions } from '../windows/hardenWindow'
import type { WindowContent } from '../windows/mainWindow'
import { secureWebPreferences } from '../windows/secureWebPreferences'

/** The quick-view's size; small enough to sit beside the tray icon on any screen. */
export const QUICK_VIEW_SIZE = { width: 360, height: 480 } as const

/** The renderer route of the quick-view page (the main window's bundle, another route). */
export const QUICK_VIEW_HASH = '/quick-view'

/** A click on the tray right after a blur closed the window means "close", not "reopen". */
const REOPEN_AFTER_BLUR_MS = 250

/** Options of {@link createQuickViewWindow}. */
export interface QuickViewWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  preload: string
  content: WindowContent
  hardening: WindowHardeningOptions
  platform: NodeJS.Platform
  /** Trusts the window's page for IPC (its requests are answered, events reach it). */
  attachIpc: (window: BrowserWindow) => void
  now?: () => number
}

/** The prepared quick-view window. */
export interface QuickViewWindow {
  readonly window: BrowserWindow
  /** Moves the window to `position`, shows and focuses it. */
  showAt(position: { x: number; y: number }): void
  hide(): void
  isVisible(): boolean
  /** True right after a blur hid it, when a tray click should not reopen it. */
  wasJustHidden(): boolean
}

/**
 * Creates the quick-view hidden at start, so a tray click shows it at once: frameless, not in
 * the task bar, hardened like every app window, hidden when it loses focus or on Escape.
 */
export function createQuickViewWindow(options: QuickViewWindowOptions): QuickViewWindow {
  const now = options.now ?? Date.now
  let hiddenAt = Number.NEGATIVE_INFINITY
  const window = options.createWindow({
    ...QUICK_VIEW_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'mpath Desktop: my tasks',
    webPreferences: secureWebPreferences(options.preload),
  })
  hardenWindow(window, options.hardening)
  options.attachIpc(window)

  const hide = () => {
    if (!window.isDestroyed() && window.isVisible()) {
      hiddenAt = now()
      window.hide()
    }
  }

  window.on('blur', hide)
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault()
      hide()
    }
  })

  if (options.platform === 'darwin') {
    // Over full-screen apps and on every Space, as a menu-bar popover is.
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
  }

  const loading =
    'url' in options.content
      ? window.loadURL(`${options.content.url}#${QUICK_VIEW_HASH}`)
      : window.loadFile(options.content.file, { hash: QUICK_VIEW_HASH })
  loading.catch((error: unknown) => {
    options.hardening.logger.child('tray').error('The quick-view could not load', { error })
  })

  return {
    window,
    showAt(position) {
      if (window.isDestroyed()) {
        return
      }

      window.setPosition(position.x, position.y, false)
      window.show()
      window.focus()
    },
    hide,
    isVisible: () => !window.isDestroyed() && window.isVisible(),
    wasJustHidden: () => now() - hiddenAt < REOPEN_AFTER_BLUR_MS,
  }
}
