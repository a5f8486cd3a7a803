import type { MenuItemConstructorOptions } from 'electron'

import type { TraySummary, TrayTask } from '../../shared/tray/traySummary'
import { describeCounts } from './trayModel'

/**
 * How a desktop delivers tray events. `click`: the icon reports clicks (macOS, Windows).
 * `menu-only`: the icon only opens its menu (Linux StatusNotifierItem / AppIndicator trays,
 * where Electron's `click` never fires), so everything must be reachable from the menu.
 */
export type TrayCapability = 'click' | 'menu-only'

/** The tray capability of a platform. */
export function trayCapabilityOf(platform: NodeJS.Platform): TrayCapability {
  // Linux desktops show the icon through StatusNotifierItem (GNOME's AppIndicator extension,
  // KDE, Wayland compositors): clicks go to the menu, never to the app.
  return platform === 'darwin' || platform === 'win32' ? 'click' : 'menu-only'
}

/** How the Electron view binds the icon on a platform. */
export interface TrayBinding {
  /** Give the menu to `tray.setContextMenu` (it then opens on the desktop's own gesture). */
  setsContextMenu: boolean
  /** A left click toggles the quick-view. */
  clickTogglesQuickView: boolean
  /** A right click pops the menu up by hand (macOS, where a set menu would swallow clicks). */
  rightClickPopsMenu: boolean
}

/** Which events the tray view listens to on a platform. */
export function trayBindingOf(platform: NodeJS.Platform): TrayBinding {
  if (platform === 'darwin') {
    // A context menu set on a macOS status item opens on every click, so `click` would never
    // reach the app; the menu is popped up on a right click instead.
    return { setsContextMenu: false, clickTogglesQuickView: true, rightClickPopsMenu: true }
  }

  if (platform === 'win32') {
    return { setsContextMenu: true, clickTogglesQuickView: true, rightClickPopsMenu: false }
  }

  return { setsContextMenu: true, clickTogglesQuickView: false, rightClickPopsMenu: false }
}

/** The global shortcut that opens the quick-view on every desktop. */
export const QUICK_VIEW_SHORTCUT = 'CommandOrControl+Shift+M'

/** What the menu's items do. */
export interface TrayMenuActions {
  showTasks(): void
  openTask(id: string): void
  openApp(): void
  signIn(): void
  quit(): void
}

/** Options of {@link buildTrayMenu}. */
export interface TrayMenuOptions {
  summary: TraySummary
  platform: NodeJS.Platform
  actions: TrayMenuActions
  /** How many tasks the menu lists. Default 5. */
  taskLimit?: number
  /** The shortcut shown beside "Show tasks", when it was registered. */
  shortcut?: string
}

const MAX_LABEL_LENGTH = 60

/**
 * A label as the menu must receive it: shortened, and with `&` doubled on Windows and Linux,
 * where a single `&` marks the next letter as the item's access key.
 */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const short =
    flat.length > MAX_LABEL_LENGTH ? `${flat.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…` : flat

  return platform === 'darwin' ? short : short.replace(/&/g, '&&')
}

function firstTasks(summary: TraySummary, limit: number): { task: TrayTask; prefix: string }[] {
  const tagged = [
    ...summary.groups.overdue.map((task) => ({ task, prefix: 'Overdue' })),
    ...summary.groups.today.map((task) => ({ task, prefix: 'Today' })),
    ...summary.groups.upcoming.map((task) => ({ task, prefix: 'Upcoming' })),
  ]

  return tagged.slice(0, limit)
}

/**
 * The tray menu, the same on every desktop: "Show tasks" (opens the quick-view) always first,
 * a line with the counts, the first few tasks (each opens that task in the main window),
 * "Open mpath Desktop", "Sign in" when signed out, and "Quit". Where the desktop delivers no
 * clicks, this menu and the global shortcut are the way to the quick-view.
 */
export function buildTrayMenu(options: TrayMenuOptions): MenuItemConstructorOptions[] {
  const { summary, platform, actions } = options
  const items: MenuItemConstructorOptions[] = [
    {
      id: 'show-tasks',
      label: 'Show tasks',
      click: () => actions.showTasks(),
      ...(options.shortcut === undefined
        ? {}
        : { accelerator: options.shortcut, registerAccelerator: false }),
    },
    { type: 'separator' },
  ]
  const isSignedOut = summary.condition === 'signed-out' || summary.condition === 'not-connected'

  if (isSignedOut) {
    items.push({ id: 'status', label: menuLabel(summary.notice ?? '', platform), enabled: false })
  } else {
    items.push({ id: 'status', label: describeCounts(summary.counts), enabled: false })

    if (summary.notice !== null) {
      items.push({ id: 'notice', label: menuLabel(summary.notice, platform), enabled: false })
    }

    for (const { task, prefix } of firstTasks(summary, options.taskLimit ?? 5)) {
      items.push({
        id: `task:${task.id}`,
        label: menuLabel(`${prefix}: ${task.title}`, platform),
        click: () => actions.openTask(task.id),
      })
    }
  }

  items.push(
    { type: 'separator' },
    { id: 'open-app', label: 'Open mpath Desktop', click: () => actions.openApp() },
  )

  if (summary.condition === 'signed-out') {
    items.push({ id: 'sign-in', label: 'Sign in', click: () => actions.signIn() })
  }

  items.push(
    { type: 'separator' },
    { id: 'quit', label: 'Quit mpath Desktop', click: () => actions.quit() },
  )

  return items
}
