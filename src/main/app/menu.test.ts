import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

import { buildMenuTemplate } from './menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ])
}

const options = (platform: NodeJS.Platform, isDevelopment = false) => ({
  platform,
  isDevelopment,
  runShortcut: vi.fn(),
  showAbout: vi.fn(),
})

describe('buildMenuTemplate', () => {
  it('has the app menu on macOS and the standard roles', () => {
    const template = buildMenuTemplate(options('darwin'))
    expect(template.map((item) => item.role ?? item.label)).toEqual([
      'appMenu',
      'editMenu',
      'Go',
      'View',
      'windowMenu',
      'help',
    ])
  })

  it('offers About in Help on Windows and Linux', () => {
    const menu = options('linux')
    const about = flatten(buildMenuTemplate(menu)).find(
      (item) => item.label === 'About mpath Desktop',
    )
    ;(about?.click as () => void)()
    expect(menu.showAbout).toHaveBeenCalled()
    expect(buildMenuTemplate(options('win32'))[0]).toMatchObject({ label: 'File' })
  })

  it('shows the view and palette shortcuts without taking the keys from the page', () => {
    const menu = options('win32')
    const items = flatten(buildMenuTemplate(menu)).filter((item) => item.accelerator !== undefined)
    expect(items.map((item) => item.accelerator)).toEqual([
      'CmdOrCtrl+1',
      'CmdOrCtrl+2',
      'CmdOrCtrl+3',
      'CmdOrCtrl+4',
      'CmdOrCtrl+5',
      'CmdOrCtrl+6',
      'CmdOrCtrl+7',
      'CmdOrCtrl+K',
    ])
    expect(items.every((item) => item.registerAccelerator === false)).toBe(true)
    ;(items.at(-1)?.click as () => void)()
    expect(menu.runShortcut).toHaveBeenCalledWith('K')
  })

  it('offers developer tools only in development', () => {
    const roles = (isDevelopment: boolean) =>
      flatten(buildMenuTemplate(options('linux', isDevelopment))).map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})
