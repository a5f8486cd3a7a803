import { describe, expect, it } from 'vitest'

import { quickViewPosition } from './quickViewPosition'

const window = { width: 360, height: 480 }

describe('quickViewPosition', () => {
  it('opens below a macOS menu-bar icon, centred on it', () => {
    expect(
      quickViewPosition({
        trayBounds: { x: 1200, y: 0, width: 22, height: 24 },
        workArea: { x: 0, y: 25, width: 1440, height: 875 },
        window,
      }),
    ).toEqual({ x: 1031, y: 33 })
  })

  it('opens above a Windows task-bar icon and stays inside the screen', () => {
    expect(
      quickViewPosition({
        trayBounds: { x: 1880, y: 1045, width: 24, height: 30 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        window,
      }),
    ).toEqual({ x: 1552, y: 552 })
  })

  it('opens beside a task bar on the left or right edge', () => {
    expect(
      quickViewPosition({
        trayBounds: { x: 10, y: 900, width: 24, height: 24 },
        workArea: { x: 48, y: 0, width: 1872, height: 1080 },
        window,
      }),
    ).toEqual({ x: 56, y: 592 })
    expect(
      quickViewPosition({
        trayBounds: { x: 1890, y: 100, width: 24, height: 24 },
        workArea: { x: 0, y: 0, width: 1872, height: 1080 },
        window,
      }),
    ).toEqual({ x: 1504, y: 8 })
  })

  it('uses the pointer, then the top-right corner, when icon bounds are unknown (Linux)', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 }
    const unknown = { x: 0, y: 0, width: 0, height: 0 }

    expect(
      quickViewPosition({ trayBounds: unknown, workArea, window, cursor: { x: 1800, y: 10 } }),
    ).toEqual({ x: 1552, y: 40 })
    expect(
      quickViewPosition({ trayBounds: unknown, workArea, window, cursor: { x: 300, y: 1070 } }),
    ).toEqual({ x: 120, y: 582 })
    expect(quickViewPosition({ trayBounds: unknown, workArea, window })).toEqual({ x: 1552, y: 40 })
  })

  it('works on a secondary display with negative coordinates', () => {
    const position = quickViewPosition({
      trayBounds: { x: -300, y: 0, width: 22, height: 24 },
      workArea: { x: -1920, y: 25, width: 1920, height: 1055 },
      window,
    })
    expect(position).toEqual({ x: -469, y: 33 })
  })
})
