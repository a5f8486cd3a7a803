import type { TraySummary } from '../../shared/tray/traySummary'

/** The icon sizes drawn for the tray: 16 px, and 32 px for 2× displays (`@2x`). */
export const TRAY_ICON_SIZES = [16, 32] as const

/**
 * The icon file for a platform and badge, inside `resources/tray`. macOS gets `Template`
 * images (black and alpha, tinted by the system for light and dark menu bars); the others get
 * the coloured icon. Electron loads the `@2x` file beside it on 2× displays.
 *
 * @example
 * trayIconFile('darwin', 'offline') // 'trayOfflineTemplate.png'
 */
export function trayIconFile(platform: NodeJS.Platform, badge: TraySummary['badge']): string {
  const variant = badge === 'offline' ? 'Offline' : badge === 'error' ? 'Error' : ''

  return `tray${variant}${platform === 'darwin' ? 'Template' : ''}.png`
}
