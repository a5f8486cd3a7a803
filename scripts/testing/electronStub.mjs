// Stands in for `electron` when the built main bundle is loaded under plain Node: every
// `require('electron')` gets a recording fake, and the calls are written to
// MPATH_STUB_LOG when the process ends. MPATH_STUB_READY=1 lets `app.whenReady()` resolve,
// so the whole composition runs; otherwise start-up stops at the ready gate.
import Module from 'node:module'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const calls = []
const record = (name, args = []) => {
  calls.push({ name, args: args.map(summarize) })
}

function summarize(value) {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) {
    return value
  }

  if (typeof value === 'function') {
    return '[function]'
  }

  try {
    return JSON.parse(
      JSON.stringify(value, (_key, item) => (typeof item === 'function' ? '[function]' : item)),
    )
  } catch {
    return '[object]'
  }
}

// Anything not modelled below: a callable that records and returns another such callable.
function permissive(path) {
  const target = function () {}

  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then' || typeof property === 'symbol') {
        return undefined
      }

      return permissive(`${path}.${String(property)}`)
    },
    apply(_target, _this, args) {
      record(path, args)

      return permissive(`${path}()`)
    },
    construct(_target, args) {
      record(`new ${path}`, args)

      return permissive(`${path}#instance`)
    },
  })
}

function recorder(name, implementation = () => undefined) {
  return (...args) => {
    record(name, args)

    return implementation(...args)
  }
}

function withFallback(name, object) {
  return new Proxy(object, {
    get(target, property) {
      if (property in target || typeof property === 'symbol' || property === 'then') {
        return target[property]
      }

      return permissive(`${name}.${String(property)}`)
    },
  })
}

const userData = mkdtempSync(join(tmpdir(), 'mpath-stub-'))
const isReadyAllowed = process.env.MPATH_STUB_READY === '1'
let isReady = false

const webContents = (id) =>
  withFallback('webContents', {
    id,
    on: recorder('webContents.on'),
    once: recorder('webContents.once'),
    setWindowOpenHandler: recorder('webContents.setWindowOpenHandler'),
    isDestroyed: () => false,
    send: recorder('webContents.send'),
  })

class BrowserWindow {
  constructor(options) {
    record('new BrowserWindow', [options])
    this.webContents = webContents(1)
  }
  on = recorder('BrowserWindow.on')
  once = recorder('BrowserWindow.once')
  loadFile = recorder('BrowserWindow.loadFile', () => Promise.resolve())
  loadURL = recorder('BrowserWindow.loadURL', () => Promise.resolve())
  isDestroyed = () => false
  isMinimized = () => false
  maximize = recorder('BrowserWindow.maximize')
  show = recorder('BrowserWindow.show')
  focus = recorder('BrowserWindow.focus')
  static getAllWindows = () => []
}

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const app = withFallback('app', {
  isPackaged: false,
  setName: recorder('app.setName'),
  setAppUserModelId: recorder('app.setAppUserModelId'),
  requestSingleInstanceLock: recorder('app.requestSingleInstanceLock', () => true),
  quit: recorder('app.quit'),
  exit: recorder('app.exit'),
  on: recorder('app.on'),
  once: recorder('app.once'),
  whenReady: recorder('app.whenReady', () => {
    if (!isReadyAllowed) {
      return new Promise(() => undefined)
    }

    isReady = true

    return Promise.resolve()
  }),
  isReady: () => isReady,
  getVersion: () => '0.0.0-stub',
  getName: () => 'mpath Desktop',
  getAppPath: () => process.cwd(),
  getPath: (name) => join(userData, name),
  setPath: recorder('app.setPath'),
  setAsDefaultProtocolClient: recorder('app.setAsDefaultProtocolClient', () => true),
  isDefaultProtocolClient: () => true,
  setAboutPanelOptions: recorder('app.setAboutPanelOptions'),
})

const electron = {
  app,
  BrowserWindow,
  Menu: withFallback('Menu', {
    buildFromTemplate: recorder('Menu.buildFromTemplate', (template) => ({ template })),
    setApplicationMenu: recorder('Menu.setApplicationMenu'),
  }),
  dialog: withFallback('dialog', {
    showErrorBox: recorder('dialog.showErrorBox'),
    showMessageBox: recorder('dialog.showMessageBox', () => Promise.resolve({ response: 1 })),
  }),
  ipcMain: withFallback('ipcMain', {
    handle: recorder('ipcMain.handle'),
    on: recorder('ipcMain.on'),
    removeHandler: recorder('ipcMain.removeHandler'),
    removeListener: recorder('ipcMain.removeListener'),
  }),
  net: { fetch: recorder('net.fetch', () => Promise.reject(new Error('offline in the stub'))) },
  safeStorage: withFallback('safeStorage', {
    isAsyncEncryptionAvailable: recorder('safeStorage.isAsyncEncryptionAvailable', () =>
      Promise.resolve(false),
    ),
    getSelectedStorageBackend: () => 'basic_text',
  }),
  screen: withFallback('screen', {
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
    getDisplayMatching: () => display,
  }),
  session: {
    defaultSession: withFallback('session', {
      setPermissionRequestHandler: recorder('session.setPermissionRequestHandler'),
      setPermissionCheckHandler: recorder('session.setPermissionCheckHandler'),
      webRequest: { onHeadersReceived: recorder('session.webRequest.onHeadersReceived') },
    }),
  },
  shell: withFallback('shell', {
    openExternal: recorder('shell.openExternal', () => Promise.resolve()),
    openPath: recorder('shell.openPath', () => Promise.resolve('')),
  }),
}
// The tray, notifications and power events, installed once the main window is up.
class Tray {
  constructor(...args) {
    record('new Tray', args)
  }

  setToolTip = recorder('Tray.setToolTip')
  setTitle = recorder('Tray.setTitle')
  setImage = recorder('Tray.setImage')
  setContextMenu = recorder('Tray.setContextMenu')
  on = recorder('Tray.on')
  getBounds = () => ({ x: 0, y: 0, width: 0, height: 0 })
  isDestroyed = () => false
  destroy = recorder('Tray.destroy')
}

class Notification {
  static isSupported = () => true

  constructor(...args) {
    record('new Notification', args)
  }

  on = recorder('Notification.on')
  show = recorder('Notification.show')
  close = recorder('Notification.close')
}

Object.assign(electron, {
  Tray,
  Notification,
  nativeImage: withFallback('nativeImage', {
    createFromPath: recorder('nativeImage.createFromPath', () =>
      withFallback('NativeImage', { isEmpty: () => false, setTemplateImage: () => undefined }),
    ),
  }),
  globalShortcut: withFallback('globalShortcut', {
    register: recorder('globalShortcut.register', () => true),
    unregister: recorder('globalShortcut.unregister'),
  }),
  powerMonitor: withFallback('powerMonitor', { on: recorder('powerMonitor.on') }),
})

const fake = withFallback('electron', { ...electron, default: electron })

const originalLoad = Module._load
Module._load = function load(request, parent, isMain) {
  if (request === 'electron' || request === 'electron/main') {
    return fake
  }

  return originalLoad.call(this, request, parent, isMain)
}

process.on('exit', () => {
  rmSync(userData, { recursive: true, force: true })

  if (process.env.MPATH_STUB_LOG) {
    writeFileSync(process.env.MPATH_STUB_LOG, JSON.stringify(calls))
  }
})

// A composition that is still running after this long has done its start-up.
if (process.env.MPATH_STUB_EXIT_AFTER_MS) {
  setTimeout(() => process.exit(0), Number(process.env.MPATH_STUB_EXIT_AFTER_MS)).unref()
}
