import { describe, expect, it, vi } from 'vitest'

// The composition root with Electron faked: importing it must start the sequence and stop at
// the ready gate, touching nothing that needs `ready`.
const electron = vi.hoisted(() => {
  const calls: string[] = []
  const record =
    (name: string, result?: unknown) =>
    (..._args: unknown[]) => {
      calls.push(name)

      return result
    }
  const app = {
    isPackaged: false,
    setName: vi.fn(record('app.setName')),
    setAppUserModelId: vi.fn(record('app.setAppUserModelId')),
    requestSingleInstanceLock: vi.fn(record('app.requestSingleInstanceLock', true)),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn(record('app.on')),
    once: vi.fn(),
    whenReady: vi.fn(record('app.whenReady', new Promise(() => undefined))),
    isReady: () => false,
    getName: () => 'mpath Desktop',
    getVersion: () => '0.0.0',
    getAppPath: () => process.cwd(),
    getPath: () => '/tmp',
    setAsDefaultProtocolClient: vi.fn(record('app.setAsDefaultProtocolClient', true)),
    isDefaultProtocolClient: vi.fn(() => true),
    setAboutPanelOptions: vi.fn(),
  }
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(),
    encryptStringAsync: vi.fn(),
    decryptStringAsync: vi.fn(),
  }
  const module = {
    app,
    safeStorage,
    BrowserWindow: vi.fn(),
    Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn(), removeListener: vi.fn() },
    ipcRenderer: { on: vi.fn(), invoke: vi.fn(async () => undefined), send: vi.fn() },
    net: { fetch: vi.fn() },
    screen: {},
    session: {},
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
  }

  return { calls, module }
})

vi.mock('electron', () => ({ default: electron.module, ...electron.module }))
// electron-log requires `electron` from CommonJS, out of the mock's reach: stand in for it.
vi.mock('electron-log/main', () => {
  const backend = {
    transports: { file: { getFile: () => ({ path: '/tmp/logs/main.log' }) }, console: {} },
    hooks: [],
    silly: vi.fn(),
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  }

  return { default: backend, ...backend }
})

describe('src/main/index.ts', () => {
  it('pins the identity, takes the lock and hooks links before ready, then waits', async () => {
    await import('./index')
    await new Promise((resolve) => setTimeout(resolve, 0))
    const { app, safeStorage, BrowserWindow } = electron.module

    expect(app.setName).toHaveBeenCalledWith('mpath Desktop')
    expect(app.setAppUserModelId).toHaveBeenCalledWith('dev.mpath.desktop')
    expect(electron.calls.indexOf('app.setName')).toBe(0)
    expect(electron.calls.indexOf('app.requestSingleInstanceLock')).toBeLessThan(
      electron.calls.indexOf('app.whenReady'),
    )
    expect(app.on).toHaveBeenCalledWith('open-url', expect.any(Function))
    expect(app.on).toHaveBeenCalledWith('second-instance', expect.any(Function))
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function))
    expect(electron.calls.at(-1)).toBe('app.whenReady')
    // Nothing that needs `ready` ran: no keychain call, no window.
    expect(safeStorage.isAsyncEncryptionAvailable).not.toHaveBeenCalled()
    expect(BrowserWindow).not.toHaveBeenCalled()
  })
})
