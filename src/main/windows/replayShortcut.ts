import type { BrowserWindow } from 'electron'

/**
 * Presses Ctrl/Cmd+`key` in the window. The page owns the view and palette shortcuts; a menu
 * click replays the key into it rather than adding a second path for the same command.
 */
export function replayShortcut(
  window: Pick<BrowserWindow, 'isDestroyed' | 'focus' | 'webContents'> | undefined,
  key: string,
  platform: NodeJS.Platform,
): void {
  if (window === undefined || window.isDestroyed()) {
    return
  }

  const modifiers: Array<'meta' | 'control'> = [platform === 'darwin' ? 'meta' : 'control']
  window.focus()
  window.webContents.sendInputEvent({ type: 'keyDown', keyCode: key, modifiers })
  window.webContents.sendInputEvent({ type: 'keyUp', keyCode: key, modifiers })
}
