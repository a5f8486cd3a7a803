/** What closing the main window should do. */
export interface WindowCloseInput {
  platform: NodeJS.Platform
  /** The tray icon is on (settings). */
  trayEnabled: boolean
  /** The person chose Quit (menu, tray, shortcut), or the system is shutting down. */
  isQuitting: boolean
}

/**
 * True when closing the main window should end the app. With the tray on, the app stays in
 * the tray; without it, macOS apps stay running in the dock as the platform expects, and
 * elsewhere closing the last window quits.
 */
export function shouldQuitOnWindowClose(input: WindowCloseInput): boolean {
  if (input.isQuitting) {
    return true
  }

  if (input.trayEnabled) {
    return false
  }

  return input.platform !== 'darwin'
}

/**
 * What the main window's `close` event does: `hide` keeps the window (and its page, so links
 * and reminders can show it again at once) while the app lives in the tray; `close` lets it
 * close.
 */
export function windowCloseAction(input: WindowCloseInput): 'hide' | 'close' {
  return !input.isQuitting && input.trayEnabled ? 'hide' : 'close'
}
