import { describe, expect, it } from 'vitest'

import {
  DEFAULT_WINDOW_SIZE,
  readWindowState,
  rememberPlacement,
  restorePlacement,
  type DisplayArea,
} from './windowState'

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1415 } }

describe('restorePlacement', () => {
  it('opens the first window at the default size, centred on the primary display', () => {
    expect(restorePlacement(readWindowState(undefined), [laptop], laptop)).toEqual({
      bounds: { x: 120, y: 63, ...DEFAULT_WINDOW_SIZE },
      isMaximized: false,
    })
  })

  it('restores the window where it was on the display it was last on', () => {
    const state = rememberPlacement(readWindowState(undefined), 2, {
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      isMaximized: true,
    })
    expect(restorePlacement(state, [laptop, monitor], laptop)).toEqual({
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      isMaximized: true,
    })
  })

  it('remembers a placement per display', () => {
    let state = rememberPlacement(readWindowState(undefined), 1, {
      bounds: { x: 10, y: 40, width: 900, height: 700 },
      isMaximized: false,
    })
    state = rememberPlacement(state, 2, {
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      isMaximized: false,
    })
    // The monitor is unplugged: the laptop's own placement comes back.
    expect(restorePlacement(state, [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 40,
      width: 900,
      height: 700,
    })
  })

  it('brings the window back onto the primary display when its display is gone', () => {
    const state = rememberPlacement(readWindowState(undefined), 2, {
      bounds: { x: 3000, y: 200, width: 1000, height: 700 },
      isMaximized: false,
    })
    const { bounds } = restorePlacement(state, [laptop], laptop)
    expect(bounds).toEqual({ x: 220, y: 113, width: 1000, height: 700 })
  })

  it('shrinks a window larger than the remaining display and keeps it inside', () => {
    const state = rememberPlacement(readWindowState(undefined), 2, {
      bounds: { x: 1500, y: 0, width: 2500, height: 1400 },
      isMaximized: false,
    })
    const { bounds } = restorePlacement(state, [laptop], laptop)
    expect(bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 })
  })

  it('moves a window that hangs off its display back inside', () => {
    const state = rememberPlacement(readWindowState(undefined), 1, {
      bounds: { x: -500, y: 800, width: 1000, height: 700 },
      isMaximized: false,
    })
    expect(restorePlacement(state, [laptop], laptop).bounds).toEqual({
      x: 0,
      y: 200,
      width: 1000,
      height: 700,
    })
  })
})

describe('readWindowState', () => {
  it.each([null, 'x', 42, { displays: { 1: { bounds: { x: 'a' } } } }, { displays: { abc: {} } }])(
    'ignores a malformed record (%j)',
    (value) => {
      expect(readWindowState(value).displays).toEqual({})
    },
  )

  it('keeps only a few displays', () => {
    let state = readWindowState(undefined)

    for (let id = 1; id <= 12; id += 1) {
      state = rememberPlacement(state, id, {
        bounds: { x: 0, y: 0, width: 800, height: 600 },
        isMaximized: false,
      })
    }

    expect(Object.keys(state.displays)).toHaveLength(8)
    expect(state.lastDisplayId).toBe(12)
    expect(state.displays['12']).toBeDefined()
  })
})
