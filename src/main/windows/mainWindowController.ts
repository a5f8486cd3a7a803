import type { BrowserWindow } from 'electron'

import { focusWindow } from './mainWindow'

/** Keeps track of the one main window. */
export interface MainWindowController {
  /** Windows can be created from now on (after `ready`). */
  enable(): void
  /** Brings the window to the front, creating it if there is none; nothing before `enable()`. */
  show(): void
  current(): BrowserWindow | undefined
}

/** What the controller does when it needs a window, and what it reports. */
export interface MainWindowControllerOptions {
  open: () => BrowserWindow
  /** The window's page (re)loaded: it can take events now. */
  onDidLoad: (window: BrowserWindow) => void
  /** The window is gone. */
  onDidClose: () => void
}

/** Creates the {@link MainWindowController}. */
export function createMainWindowController(
  options: MainWindowControllerOptions,
): MainWindowController {
  let window: BrowserWindow | undefined
  let isEnabled = false

  const open = () => {
    const created = options.open()
    window = created
    created.webContents.on('did-finish-load', () => options.onDidLoad(created))
    created.on('closed', () => {
      if (window === created) {
        window = undefined
      }

      options.onDidClose()
    })
  }

  return {
    enable() {
      isEnabled = true
    },
    show() {
      if (!isEnabled) {
        return
      }

      if (window !== undefined && !window.isDestroyed()) {
        focusWindow(window)

        return
      }

      open()
    },
    current: () => window,
  }
}
