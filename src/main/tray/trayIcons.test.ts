import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { TRAY_ICON_SIZES, trayIconFile } from './trayIcons'

const FOLDER = join(import.meta.dirname, '..', '..', '..', 'resources', 'tray')

function pngSize(path: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')

  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25]! }
}

describe('tray icons', () => {
  it('names a template image on macOS and a coloured one elsewhere, per badge', () => {
    expect(trayIconFile('darwin', 'none')).toBe('trayTemplate.png')
    expect(trayIconFile('darwin', 'error')).toBe('trayErrorTemplate.png')
    expect(trayIconFile('win32', 'offline')).toBe('trayOffline.png')
    expect(trayIconFile('linux', 'none')).toBe('tray.png')
  })

  it('has every file at 16 and 32 pixels with an alpha channel', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const badge of ['none', 'offline', 'error'] as const) {
        const file = trayIconFile(platform, badge)
        const [small, large] = TRAY_ICON_SIZES

        expect(pngSize(join(FOLDER, file))).toEqual({ width: small, height: small, colourType: 6 })
        expect(pngSize(join(FOLDER, file.replace('.png', '@2x.png')))).toEqual({
          width: large,
          height: large,
          colourType: 6,
        })
      }
    }
  })
})
