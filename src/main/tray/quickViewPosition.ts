/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** What the quick-view's place is computed from. */
export interface QuickViewPlacementInput {
  /** The tray icon's bounds; all zero where the desktop does not tell (Linux). */
  trayBounds: Bounds
  /** The work area of the display the icon (or the cursor) is on: the screen minus task bars. */
  workArea: Bounds
  window: { width: number; height: number }
  /** Where the pointer is, used when the icon's bounds are unknown. */
  cursor?: { x: number; y: number }
  /** Space between the icon or the screen edge and the window. Default 8. */
  gap?: number
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(Math.max(value, low), Math.max(low, high))

/**
 * Where the quick-view opens: beside the tray icon, on the side away from the task bar (below
 * a top menu bar, above a bottom task bar, beside a side task bar), always inside the work
 * area. Where the icon's bounds are unknown, near the pointer, else the work area's top-right
 * corner.
 */
export function quickViewPosition(input: QuickViewPlacementInput): { x: number; y: number } {
  const { trayBounds: tray, workArea: area, window } = input
  const gap = input.gap ?? 8
  const minX = area.x + gap
  const maxX = area.x + area.width - window.width - gap
  const minY = area.y + gap
  const maxY = area.y + area.height - window.height - gap
  const isTrayKnown = tray.width > 0 && tray.height > 0

  if (!isTrayKnown) {
    if (input.cursor !== undefined) {
      const isLowerHalf = input.cursor.y > area.y + area.height / 2

      return {
        x: Math.round(clamp(input.cursor.x - window.width / 2, minX, maxX)),
        y: Math.round(
          clamp(
            isLowerHalf ? input.cursor.y - window.height - gap : input.cursor.y + gap,
            minY,
            maxY,
          ),
        ),
      }
    }

    return { x: Math.round(maxX), y: Math.round(minY) }
  }

  const centerX = tray.x + tray.width / 2
  const centerY = tray.y + tray.height / 2
  const isLeftOfArea = centerX < area.x
  const isRightOfArea = centerX > area.x + area.width

  if (isLeftOfArea || isRightOfArea) {
    // A task bar on the left or right edge: open beside it, level with the icon.
    const x = isLeftOfArea ? area.x + gap : area.x + area.width - window.width - gap

    return {
      x: Math.round(x),
      y: Math.round(clamp(centerY - window.height / 2, minY, maxY)),
    }
  }

  const isBelowMiddle = centerY > area.y + area.height / 2
  const y = isBelowMiddle ? tray.y - window.height - gap : tray.y + tray.height + gap

  return {
    x: Math.round(clamp(centerX - window.width / 2, minX, maxX)),
    y: Math.round(clamp(y, minY, maxY)),
  }
}
