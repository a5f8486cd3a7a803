import { EventEmitter } from 'node:events'

import type { BrowserWindow, Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { DEFAULT_SETTINGS } from '../../shared/settings/appSettings'
import { createServices, type Services } from '../services'
import { fakeServicePorts } from '../services/testing/fakePorts'
import { installTray, type InstalledTray, type TrayElectron } from './installTray'

class FakeWindow extends EventEmitter {
  isShown = false
  destroyed = false
  position: [number, number] | undefined
  loaded: string | undefined
  readonly webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
  })

  constructor(readonly options: Record<string, unknown>) {
    super()
  }

  isDestroyed = () => this.destroyed
  isVisible = () => this.isShown
  show = () => void (this.isShown = true)
  hide = () => void (this.isShown = false)
  focus = vi.fn()
  destroy = () => void (this.destroyed = true)
  setPosition = (x: number, y: number) => void (this.position = [x, y])
  setVisibleOnAllWorkspaces = vi.fn()
  loadFile = async (file: string, options?: { hash?: string }) =>
    void (this.loaded = `${file}#${options?.hash ?? ''}`)
  loadURL = async (url: string) => void (this.loaded = url)
}

class FakeTray extends EventEmitter {
  image = ''
  tooltip = ''
  title = ''
  menu: MenuItemConstructorOptions[] | undefined
  poppedUp: MenuItemConstructorOptions[] | undefined
  destroyed = false
  setImage = (image: NativeImage) => void (this.image = (image as unknown as { path: string }).path)
  setToolTip = (text: string) => void (this.tooltip = text)
  setTitle = (text: string) => void (this.title = text)
  setContextMenu = (menu: Menu) =>
    void (this.menu = menu as unknown as MenuItemConstructorOptions[])
  popUpContextMenu = (menu: Menu) =>
    void (this.poppedUp = menu as unknown as MenuItemConstructorOptions[])
  // Linux StatusNotifierItem trays do not report where the icon is.
  constructor(private readonly platform: NodeJS.Platform) {
    super()
  }

  getBounds = () =>
    this.platform === 'linux'
      ? { x: 0, y: 0, width: 0, height: 0 }
      : { x: 1200, y: 0, width: 22, height: 24 }
  isDestroyed = () => this.destroyed
  destroy = () => void (this.destroyed = true)
}

const flush = async () => {
  for (let index = 0; index < 10; index += 1) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function setUp(platform: NodeJS.Platform) {
  let now = 1_000
  const services: Services = createServices(fakeServicePorts())
  const app = Object.assign(new EventEmitter(), {
    quit: vi.fn(),
    setLoginItemSettings: vi.fn(),
    isPackaged: true,
  })
  const windows: FakeWindow[] = []
  const trays: FakeTray[] = []
  const shortcuts = new Map<string, () => void>()
  const main = new FakeWindow({})
  const mainWindow = { show: vi.fn(() => main.show()), current: () => main as never }
  const attached: unknown[] = []
  const electron: TrayElectron = {
    app: app as unknown as TrayElectron['app'],
    createTray: () => {
      const tray = new FakeTray(platform)
      trays.push(tray)

      return tray as unknown as Tray
    },
    buildMenu: (template) => template as unknown as Menu,
    createImage: (path) => ({ path }) as unknown as NativeImage,
    globalShortcut: {
      register: (accelerator, callback) => {
        shortcuts.set(accelerator, callback)

        return true
      },
      unregister: (accelerator) => void shortcuts.delete(accelerator),
    },
    Notification: Object.assign(vi.fn(), { isSupported: () => false }) as never,
    screen: {
      getDisplayMatching: () => ({ workArea: { x: 0, y: 25, width: 1440, height: 875 } }) as never,
      getDisplayNearestPoint: () =>
        ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }) as never,
      getCursorScreenPoint: () => ({ x: 1900, y: 1060 }),
    },
    createWindow: (options) => {
      const window = new FakeWindow(options as Record<string, unknown>)
      windows.push(window)

      return window as unknown as BrowserWindow
    },
    shell: { openExternal: vi.fn() },
  }
  const installed: InstalledTray = installTray({
    electron,
    services,
    mainWindow,
    attachIpc: (window) => attached.push(window),
    platform,
    preload: '/app/out/preload/index.js',
    content: { file: '/app/out/renderer/index.html' },
    iconFolder: '/app/resources/tray',
    now: () => now,
  })
  const quickView = windows[0]!
  const menuItem = (menu: MenuItemConstructorOptions[] | undefined, id: string) =>
    menu?.find((item) => item.id === id)
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as (() => void) | undefined)?.()

  return {
    services,
    app,
    installed,
    quickView,
    main,
    mainWindow,
    trays,
    shortcuts,
    attached,
    menuItem,
    click,
    passTime: (milliseconds: number) => void (now += milliseconds),
  }
}

let cleanup: (() => void) | undefined

afterEach(() => {
  cleanup?.()
  cleanup = undefined
})

describe('installTray', () => {
  it('prepares a hidden, frameless, hardened quick-view at its own route', () => {
    const { quickView, attached, installed, services } = setUp('win32')
    cleanup = () => (installed.dispose(), services.dispose())

    expect(quickView.options).toMatchObject({
      show: false,
      frame: false,
      skipTaskbar: true,
      width: 360,
      height: 480,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    })
    expect(quickView.loaded).toBe('/app/out/renderer/index.html#/quick-view')
    expect(attached).toEqual([quickView])
    expect(quickView.webContents.setWindowOpenHandler).toHaveBeenCalled()
  })

  it('on Linux, sets a menu whose "Show tasks" opens the quick-view (S22)', async () => {
    const { trays, quickView, menuItem, click, installed, services } = setUp('linux')
    cleanup = () => (installed.dispose(), services.dispose())
    await flush()

    const tray = trays[0]!
    expect(tray.image).toBe('/app/resources/tray/tray.png')
    expect(tray.tooltip).toBe('mpath Desktop: not connected')
    expect(tray.listenerCount('click')).toBe(0)
    expect(menuItem(tray.menu, 'show-tasks')?.label).toBe('Show tasks')

    click(menuItem(tray.menu, 'show-tasks'))
    expect(quickView.isShown).toBe(true)
    // Tray bounds are unknown on Linux: placed by the pointer, inside the work area.
    expect(quickView.position).toEqual([1552, 552])
  })

  it('on macOS, a click toggles the quick-view and a right click pops the menu', async () => {
    const { trays, quickView, installed, services } = setUp('darwin')
    cleanup = () => (installed.dispose(), services.dispose())
    await flush()

    const tray = trays[0]!
    expect(tray.image).toBe('/app/resources/tray/trayTemplate.png')
    expect(tray.menu).toBeUndefined()

    tray.emit('click')
    expect(quickView.isShown).toBe(true)
    expect(quickView.position).toEqual([1031, 33])

    tray.emit('click')
    expect(quickView.isShown).toBe(false)

    tray.emit('right-click')
    expect(tray.poppedUp?.[0]?.label).toBe('Show tasks')
  })

  it('hides the quick-view on blur and on Escape, and the shortcut toggles it', async () => {
    const { quickView, shortcuts, installed, services, passTime } = setUp('win32')
    cleanup = () => (installed.dispose(), services.dispose())
    await flush()

    installed.showQuickView()
    quickView.webContents.emit(
      'before-input-event',
      { preventDefault: vi.fn() },
      {
        type: 'keyDown',
        key: 'Escape',
      },
    )
    expect(quickView.isShown).toBe(false)

    installed.showQuickView()
    quickView.emit('blur')
    expect(quickView.isShown).toBe(false)

    // Right after a blur, the same gesture means "close"; later it opens again.
    shortcuts.get('CommandOrControl+Shift+M')?.()
    expect(quickView.isShown).toBe(false)
    passTime(300)
    shortcuts.get('CommandOrControl+Shift+M')?.()
    expect(quickView.isShown).toBe(true)
  })

  it('keeps the app in the tray when the main window closes, until Quit', async () => {
    const { main, app, trays, menuItem, click, installed, services } = setUp('win32')
    cleanup = () => (installed.dispose(), services.dispose())
    await flush()
    main.show()

    const close = { preventDefault: vi.fn() }
    main.emit('close', close)
    expect(close.preventDefault).toHaveBeenCalled()
    expect(main.isShown).toBe(false)

    click(menuItem(trays[0]!.menu, 'quit'))
    expect(app.quit).toHaveBeenCalled()
    app.emit('before-quit')
    const quitting = { preventDefault: vi.fn() }
    main.emit('close', quitting)
    expect(quitting.preventDefault).not.toHaveBeenCalled()
  })

  it('follows the settings: removes the icon, lets the window close, starts at login', async () => {
    const { main, trays, app, services, installed } = setUp('win32')
    cleanup = () => (installed.dispose(), services.dispose())
    await flush()

    await services.handlers['settings:update']({ trayEnabled: false, startAtLogin: true })
    expect(trays[0]?.destroyed).toBe(true)
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true })

    const close = { preventDefault: vi.fn() }
    main.emit('close', close)
    expect(close.preventDefault).not.toHaveBeenCalled()
    expect(DEFAULT_SETTINGS.trayEnabled).toBe(true)
  })

  it('opens a task from the tray in the main window', async () => {
    const { mainWindow, services, installed, quickView } = setUp('win32')
    cleanup = () => (installed.dispose(), services.dispose())
    const navigations: unknown[] = []
    services.events.subscribe((channel, payload) => {
      if (channel === 'app:did-request-navigation') {
        navigations.push(payload)
      }
    })
    installed.showQuickView()

    await services.handlers['tray:open-task']({ id: 'task_42' })
    expect(quickView.isShown).toBe(false)
    expect(mainWindow.show).toHaveBeenCalled()
    expect(navigations).toEqual([{ target: 'tasks', id: 'task_42' }])
    expect(await services.handlers['app:take-pending-navigation'](undefined)).toEqual({
      target: 'tasks',
      id: 'task_42',
    })
  })
})
