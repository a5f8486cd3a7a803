import type { BrowserWindow, BrowserWindowConstructorOptions, Screen } from 'electron'

import type { KeyValueStore } from '../platform/ports'
import { hardenWindow, type WindowHardeningOptions } from './hardenWindow'
import { secureWebPreferences } from './secureWebPreferences'
import {
  MIN_WINDOW_SIZE,
  readWindowState,
  rememberPlacement,
  restorePlacement,
  type DisplayArea,
} from './windowState'

/** Where the main window's placement is kept in the key-value store. */
export const MAIN_WINDOW_STATE_KEY = 'windowState.main'

/** What the main window loads: the development server, or the packaged page. */
export type WindowContent = { url: string } | { file: string }

/** Options of {@link createMainWindow}. */
export interface MainWindowOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>
  store: KeyValueStore
  preload: string
  content: WindowContent
  title: string
  hardening: WindowHardeningOptions
}

function displayArea(display: { id: number; workArea: DisplayArea['workArea'] }): DisplayArea {
  return { id: display.id, workArea: display.workArea }
}

/**
 * Opens the main window where it was last (see `restorePlacement`), hardened, hidden until its
 * first paint; remembers its placement per display when it closes.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { screen, store } = options
  const state = readWindowState(store.get(MAIN_WINDOW_STATE_KEY))
  const placement = restorePlacement(
    state,
    screen.getAllDisplays().map(displayArea),
    displayArea(screen.getPrimaryDisplay()),
  )
  const window = options.createWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    webPreferences: secureWebPreferences(options.preload),
  })

  hardenWindow(window, options.hardening)

  if (placement.isMaximized) {
    window.maximize()
  }

  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    const displayId = screen.getDisplayMatching(bounds).id
    const current = readWindowState(store.get(MAIN_WINDOW_STATE_KEY))
    store.set(
      MAIN_WINDOW_STATE_KEY,
      rememberPlacement(current, displayId, { bounds, isMaximized: window.isMaximized() }),
    )
  })

  const loading =
    'url' in options.content
      ? window.loadURL(options.content.url)
      : window.loadFile(options.content.file)
  loading.catch((error: unknown) => {
    options.hardening.logger.child('windows').error('The window could not load', { error })
  })

  return window
}

/** Brings a window to the front, restoring it from the dock or task bar first. */
export function focusWindow(
  window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (window.isMinimized()) {
    window.restore()
  }

  window.show()
  window.focus()
}
