import { describe, expect, it } from 'vitest'

import { shouldQuitOnWindowClose, windowCloseAction } from './windowClose'

describe('closing the main window', () => {
  it('keeps the app in the tray on every platform while the tray is on', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const input = { platform, trayEnabled: true, isQuitting: false }
      expect(shouldQuitOnWindowClose(input)).toBe(false)
      expect(windowCloseAction(input)).toBe('hide')
    }
  })

  it('quits when the person chose Quit', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const input = { platform, trayEnabled: true, isQuitting: true }
      expect(shouldQuitOnWindowClose(input)).toBe(true)
      expect(windowCloseAction(input)).toBe('close')
    }
  })

  it('without the tray, quits on Windows and Linux and stays in the dock on macOS', () => {
    expect(
      shouldQuitOnWindowClose({ platform: 'win32', trayEnabled: false, isQuitting: false }),
    ).toBe(true)
    expect(
      shouldQuitOnWindowClose({ platform: 'linux', trayEnabled: false, isQuitting: false }),
    ).toBe(true)
    expect(
      shouldQuitOnWindowClose({ platform: 'darwin', trayEnabled: false, isQuitting: false }),
    ).toBe(false)
    expect(windowCloseAction({ platform: 'darwin', trayEnabled: false, isQuitting: false })).toBe(
      'close',
    )
  })
})
