/** A rectangle in screen coordinates (DIP), as Electron reports bounds and work areas. */
export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** A display the window could be placed on. */
export interface DisplayArea {
  id: number
  /** The display minus task bars and docks. */
  workArea: Bounds
}

/** Where a window was and whether it was maximized. */
export interface WindowPlacement {
  bounds: Bounds
  isMaximized: boolean
}

/** What is remembered: one placement per display, and the display used last. */
export interface WindowStateRecord {
  lastDisplayId?: number
  displays: Record<string, WindowPlacement>
}

/** The size of a first window. */
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const

/** The smallest window the layout works in. */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const

const MAX_REMEMBERED_DISPLAYS = 8

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function readBounds(value: unknown): Bounds | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined
  }

  const { x, y, width, height } = value as Record<string, unknown>

  if (![x, y, width, height].every(isFiniteNumber)) {
    return undefined
  }

  if ((width as number) <= 0 || (height as number) <= 0) {
    return undefined
  }

  return {
    x: Math.round(x as number),
    y: Math.round(y as number),
    width: Math.round(width as number),
    height: Math.round(height as number),
  }
}

function readPlacement(value: unknown): WindowPlacement | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined
  }

  const record = value as Record<string, unknown>
  const bounds = readBounds(record.bounds)

  return bounds === undefined ? undefined : { bounds, isMaximized: record.isMaximized === true }
}

/**
 * Reads a remembered window state, dropping whatever does not have the expected shape (an
 * older version or a hand-edited file must not stop the window from opening).
 */
export function readWindowState(value: unknown): WindowStateRecord {
  const state: WindowStateRecord = { displays: {} }

  if (typeof value !== 'object' || value === null) {
    return state
  }

  const record = value as Record<string, unknown>

  if (isFiniteNumber(record.lastDisplayId)) {
    state.lastDisplayId = record.lastDisplayId
  }

  if (typeof record.displays === 'object' && record.displays !== null) {
    for (const [id, placement] of Object.entries(record.displays)) {
      const valid = readPlacement(placement)

      if (valid !== undefined && /^-?\d+$/.test(id)) {
        state.displays[id] = valid
      }
    }
  }

  return state
}

/** The state with `placement` remembered for `displayId`, which becomes the last display. */
export function rememberPlacement(
  state: WindowStateRecord,
  displayId: number,
  placement: WindowPlacement,
): WindowStateRecord {
  const displays = { ...state.displays }
  delete displays[String(displayId)]
  displays[String(displayId)] = placement
  const ids = Object.keys(displays)

  // Keep the most recent few: docking stations come and go, the file should not grow.
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED_DISPLAYS))) {
    delete displays[id]
  }

  return { lastDisplayId: displayId, displays }
}

function clampSize(size: number, minimum: number, available: number): number {
  return Math.min(Math.max(size, minimum), available)
}

function clampPosition(position: number, size: number, start: number, available: number): number {
  return Math.min(Math.max(position, start), start + available - size)
}

/** `bounds` made to fit entirely inside `area`, keeping its size where it can. */
export function fitInside(bounds: Bounds, area: Bounds): Bounds {
  const width = clampSize(bounds.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width)
  const height = clampSize(
    bounds.height,
    Math.min(MIN_WINDOW_SIZE.height, area.height),
    area.height,
  )

  return {
    x: clampPosition(bounds.x, width, area.x, area.width),
    y: clampPosition(bounds.y, height, area.y, area.height),
    width,
    height,
  }
}

/** A window of `size` centred in `area`, shrunk to fit. */
export function centreIn(size: { width: number; height: number }, area: Bounds): Bounds {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)

  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
}

/**
 * Where to open the window: on the display it was last on, as it was (moved inside the work
 * area if the area shrank); when that display is gone, as last placed on the primary display,
 * or at its last size centred on the primary display; the first time, the default size centred
 * on the primary display.
 */
export function restorePlacement(
  state: WindowStateRecord,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
): WindowPlacement {
  const byId = new Map(displays.map((display) => [display.id, display]))
  const last = state.lastDisplayId === undefined ? undefined : state.displays[state.lastDisplayId]
  const lastDisplay = state.lastDisplayId === undefined ? undefined : byId.get(state.lastDisplayId)

  if (last !== undefined && lastDisplay !== undefined) {
    return { bounds: fitInside(last.bounds, lastDisplay.workArea), isMaximized: last.isMaximized }
  }

  const onPrimary = state.displays[String(primary.id)]

  if (onPrimary !== undefined) {
    return {
      bounds: fitInside(onPrimary.bounds, primary.workArea),
      isMaximized: onPrimary.isMaximized,
    }
  }

  if (last !== undefined) {
    return { bounds: centreIn(last.bounds, primary.workArea), isMaximized: last.isMaximized }
  }

  return { bounds: centreIn(DEFAULT_WINDOW_SIZE, primary.workArea), isMaximized: false }
}
