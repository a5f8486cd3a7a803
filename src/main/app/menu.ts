import type { MenuItemConstructorOptions } from 'electron'

import { APP_NAME } from './appIdentity'

/** The views of the window and the digit of their Ctrl/Cmd shortcut, as the sidebar has them. */
export const VIEW_SHORTCUTS = [
  { label: 'My work', key: '1' },
  { label: 'Tasks', key: '2' },
  { label: 'People', key: '3' },
  { label: 'Initiatives', key: '4' },
  { label: 'One-on-ones', key: '5' },
  { label: 'Settings', key: '6' },
  { label: 'Diagnostics', key: '7' },
] as const

/** The key of the command palette shortcut (Ctrl/Cmd+K). */
export const PALETTE_KEY = 'K'

/** What the menu needs from the app. */
export interface MenuOptions {
  platform: NodeJS.Platform
  isDevelopment: boolean
  /**
   * Runs a window shortcut (a digit or `K`) in the focused window. The page owns these
   * shortcuts; the menu only shows them and offers them to the mouse.
   */
  runShortcut: (key: string) => void
  /** Shows the About box (Windows and Linux; macOS uses the standard panel). */
  showAbout: () => void
}

/**
 * The application menu: the standard roles (the app menu on macOS, Edit, View, Window, Help)
 * plus a Go menu with the view and palette shortcuts. Those shortcuts are shown but not
 * registered with the OS (`registerAccelerator: false`): the page already handles the keys,
 * and a registered accelerator would take them away from it.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const shortcut = (key: string): MenuItemConstructorOptions => ({
    accelerator: `CmdOrCtrl+${key}`,
    registerAccelerator: false,
    click: () => options.runShortcut(key),
  })
  const about: MenuItemConstructorOptions = isMac
    ? { role: 'about' }
    : { label: `About ${APP_NAME}`, click: () => options.showAbout() }

  const template: MenuItemConstructorOptions[] = [
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        ...VIEW_SHORTCUTS.map((view) => ({ label: view.label, ...shortcut(view.key) })),
        { type: 'separator' },
        { label: 'Search…', ...shortcut(PALETTE_KEY) },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.isDevelopment
          ? [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]
          : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Self-check (Diagnostics)', click: () => options.runShortcut('7') },
        ...(isMac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ]

  if (isMac) {
    template.unshift({ role: 'appMenu' })
  } else {
    template.unshift({ label: 'File', submenu: [{ role: 'quit' }] })
  }

  return template
}
