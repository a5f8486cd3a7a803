/** Why the tray cannot show a fresh list, or `ready` when it can. */
export type TrayCondition = 'ready' | 'not-connected' | 'signed-out' | 'offline' | 'error'

/** One of my open tasks as the tray and the quick-view show it. */
export interface TrayTask {
  id: string
  title: string
  /** ISO due date, or null for a task without one. */
  dueDate: string | null
  priority: number
  status: string
  initiativeTitle: string | null
}

/** The groups of the quick-view, in the order they are shown. */
export const TRAY_GROUPS = ['overdue', 'today', 'upcoming'] as const

/** One group of the quick-view. */
export type TrayGroup = (typeof TRAY_GROUPS)[number]

/**
 * What the tray icon, its menu and the quick-view show: my open tasks grouped by the local
 * calendar day, their counts (before any group is shortened), and the words for the icon.
 */
export interface TraySummary {
  condition: TrayCondition
  /** A sentence for the person when the condition is not `ready` (or the list is stale). */
  notice: string | null
  groups: Record<TrayGroup, TrayTask[]>
  counts: Record<TrayGroup, number>
  /** The icon's tooltip, e.g. `mpath Desktop: 3 overdue, 2 due today`. */
  tooltip: string
  /** The short text beside the icon in the macOS menu bar; empty when nothing is due. */
  title: string
  /** Which icon variant to show. */
  badge: 'none' | 'offline' | 'error'
}
