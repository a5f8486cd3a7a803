import type { ViewId } from '../stores/navigationStore'

/** One sidebar entry: its view, label and the digit of its Ctrl/Cmd shortcut. */
export interface NavItem {
  view: ViewId
  label: string
  digit: number
}

/** The sidebar, in order; the digits are the view shortcuts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { view: 'my-work', label: 'My work', digit: 1 },
  { view: 'tasks', label: 'Tasks', digit: 2 },
  { view: 'people', label: 'People', digit: 3 },
  { view: 'initiatives', label: 'Initiatives', digit: 4 },
  { view: 'one-on-ones', label: 'One-on-ones', digit: 5 },
  { view: 'settings', label: 'Settings', digit: 6 },
  { view: 'diagnostics', label: 'Diagnostics', digit: 7 },
]

/** True on macOS, where shortcuts use Cmd rather than Ctrl. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent)
}

/** How a shortcut is written for people on this platform, e.g. "Ctrl+1" or "⌘1". */
export function shortcutLabel(key: string): string {
  return isMac() ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`
}

/** The `aria-keyshortcuts` value of a shortcut on this platform. */
export function shortcutAria(key: string): string {
  return isMac() ? `Meta+${key.toUpperCase()}` : `Control+${key.toUpperCase()}`
}
