import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { BrowserWindow } from 'electron'
import { describe, expect, it, vi } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { createEventHub } from '../ipc/eventHub'
import { memoryLogSink } from '../log/testing/memoryLogSink'
import { createLogger } from '../log/createLogger'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import type { ServicePorts, Services } from '../services'
import { createTestCipher } from '../vault/testing/testCipher'
import { createDeepLinkIntake, type DeepLinkDelivery } from './deepLinkIntake'
import { startApp, type StartupOptions } from './startup'

type Listener = (...args: unknown[]) => unknown
const CALLBACK = 'mpath://oauth/callback?code=c1&state=s1'

function emitter() {
  const listeners = new Map<string, Listener[]>()

  return {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
    }),
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args)),
  }
}

function fakeWindow(steps: string[], id: number) {
  const own = emitter()
  const contents = emitter()
  const window = {
    on: own.on,
    once: own.on,
    emit: own.emit,
    contents,
    webContents: {
      id,
      on: contents.on,
      once: contents.on,
      setWindowOpenHandler: vi.fn(),
      sendInputEvent: vi.fn(),
    },
    loadFile: vi.fn(async () => steps.push('window.loadFile')),
    loadURL: vi.fn(async () => steps.push('window.loadURL')),
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => false),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(() => steps.push('window.focus')),
    maximize: vi.fn(),
    isMaximized: () => false,
    getNormalBounds: () => ({ x: 0, y: 0, width: 1200, height: 800 }),
  }

  return window
}

function setup(
  overrides: { isPackaged?: boolean; hasLock?: boolean; env?: Record<string, string> } = {},
) {
  const steps: string[] = []
  const step = (name: string) => () => {
    steps.push(name)
  }
  const app = emitter()
  let resolveReady: () => void = () => undefined
  let isReady = false
  const ready = new Promise<void>((resolve) => {
    resolveReady = () => {
      isReady = true
      resolve()
    }
  })
  const windows: Array<ReturnType<typeof fakeWindow>> = []
  const deliveries: DeepLinkDelivery[] = []
  const sink = memoryLogSink()
  let servicePorts: ServicePorts | undefined
  const services = {
    handlers: { 'profile:get': async () => ({ profile: null, source: null }) },
    sendHandlers: {},
    events: createEventHub(createLogger(sink)),
    senders: {},
    deepLinks: createDeepLinkIntake({ logger: createLogger(sink) }),
    start: vi.fn(async () => {
      steps.push('services.start')
    }),
    dispose: vi.fn(),
  } as unknown as Services
  services.deepLinks.onDidReceive((delivery) => deliveries.push(delivery))
  const ipcBinding = { attach: vi.fn(), dispose: vi.fn() }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }
  const session = {
    setPermissionRequestHandler: vi.fn(step('session.permissions')),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  }
  const loadUpdater = vi.fn()
  const options: StartupOptions = {
    electron: {
      app: {
        on: app.on,
        setName: vi.fn(step('app.setName')),
        setAppUserModelId: vi.fn(step('app.setAppUserModelId')),
        requestSingleInstanceLock: vi.fn(() => {
          steps.push('app.requestSingleInstanceLock')

          return overrides.hasLock ?? true
        }),
        quit: vi.fn(step('app.quit')),
        whenReady: vi.fn(() => {
          steps.push('app.whenReady')

          return ready
        }),
        isReady: () => isReady,
        isPackaged: overrides.isPackaged ?? false,
        getVersion: () => '1.2.3',
        getAppPath: () => '/repo',
        getPath: (name: string) => join(tmpdir(), 'mpath-startup-test', name),
        setAsDefaultProtocolClient: vi.fn(() => {
          steps.push('app.setAsDefaultProtocolClient')

          return true
        }),
        isDefaultProtocolClient: vi.fn(() => true),
        setAboutPanelOptions: vi.fn(),
      } as unknown as StartupOptions['electron']['app'],
      createWindow: vi.fn((windowOptions) => {
        steps.push('createWindow')
        const window = fakeWindow(steps, windows.length + 1)
        ;(window as unknown as { options: unknown }).options = windowOptions
        windows.push(window)

        return window as unknown as BrowserWindow
      }),
      setApplicationMenu: vi.fn(step('setApplicationMenu')),
      dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
      net: { fetch: vi.fn() },
      safeStorage: {
        isAsyncEncryptionAvailable: vi.fn(async () => true),
        encryptStringAsync: vi.fn(),
        decryptStringAsync: vi.fn(),
      },
      screen: {
        getAllDisplays: () => [display],
        getPrimaryDisplay: () => display,
        getDisplayMatching: () => display,
      } as unknown as StartupOptions['electron']['screen'],
      defaultSession: () =>
        session as unknown as ReturnType<StartupOptions['electron']['defaultSession']>,
      shell: { openExternal: vi.fn(), openPath: vi.fn() },
    },
    process: {
      argv: ['/opt/mpath/mpath.exe', '--protocol-launcher', '--', CALLBACK],
      platform: 'win32',
      execPath: 'C:\\Program Files\\mpath\\mpath.exe',
      env: overrides.env ?? {},
      versions: { electron: '45.6.0' },
      cwd: () => '/repo',
      on: vi.fn(step('process.on')),
    },
    paths: {
      preload: '/app/out/preload/index.js',
      rendererFile: '/app/out/renderer/index.html',
      home: '/home/u',
    },
    createLogSink: (isDevelopment) => {
      steps.push('createLogSink')

      return Object.assign(sink, {
        level: isDevelopment ? ('debug' as const) : ('info' as const),
        logFolder: () => '/logs',
      })
    },
    openStore: () => {
      steps.push('openStore')

      return memoryKeyValueStore()
    },
    createServices: vi.fn((ports: ServicePorts) => {
      steps.push('createServices')
      servicePorts = ports

      return services
    }),
    bindIpc: vi.fn(() => {
      steps.push('bindIpc')

      return ipcBinding
    }),
    loadUpdater,
    run: vi.fn(async () => ({ stdout: '', stderr: '' })),
    files: { read: vi.fn(async () => undefined), write: vi.fn(async () => undefined) },
    fileExists: () => false,
  }

  return {
    options,
    steps,
    app,
    windows,
    deliveries,
    services,
    ipcBinding,
    loadUpdater,
    ports: () => servicePorts,
    ready: resolveReady,
    session,
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('startApp', () => {
  it('runs the start-up steps in order', async () => {
    const test = setup()
    const started = startApp(test.options)
    await flush()
    test.ready()
    await started

    expect(test.steps.filter((name) => !name.startsWith('process.on'))).toEqual([
      'app.setName',
      'app.setAppUserModelId',
      'createLogSink',
      'app.requestSingleInstanceLock',
      'app.setAsDefaultProtocolClient',
      'app.whenReady',
      'openStore',
      'createServices',
      'bindIpc',
      'session.permissions',
      'setApplicationMenu',
      'createWindow',
      'window.loadFile',
      'services.start',
    ])
    const hooked = test.app.on.mock.calls.map(([event]) => event)
    expect(hooked.slice(0, 3)).toEqual(['open-url', 'second-instance', 'web-contents-created'])
  })

  it('hooks the deep-link sources before ready', async () => {
    const test = setup()
    void startApp(test.options)
    await flush()

    expect(test.steps.at(-1)).toBe('app.whenReady')
    expect(test.app.on).toHaveBeenCalledWith('open-url', expect.any(Function))
    expect(test.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function))
    expect(test.options.createServices).not.toHaveBeenCalled()
  })

  it('quits as a second instance without waiting for ready', async () => {
    const test = setup({ hasLock: false })

    await expect(startApp(test.options)).resolves.toBeUndefined()
    expect(test.steps).toContain('app.quit')
    expect(test.steps).not.toContain('app.whenReady')
  })

  it('opens a hardened window and trusts only it for IPC', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    const window = test.windows[0] as unknown as { options: { webPreferences: object } }

    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    })
    expect(test.ipcBinding.attach).toHaveBeenCalledWith(test.windows[0]?.webContents)
    const { isOwnUrl } = vi.mocked(test.options.bindIpc).mock.calls[0]![0]
    expect(isOwnUrl('file:///app/out/renderer/index.html')).toBe(true)
    expect(isOwnUrl('https://evil.example/')).toBe(false)
  })

  it('delivers the cold-start link once, after the window loaded (S5)', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    expect(test.deliveries).toHaveLength(0)

    test.windows[0]?.contents.emit('did-finish-load')
    test.windows[0]?.contents.emit('did-finish-load')
    expect(test.deliveries.map((delivery) => delivery.source)).toEqual(['argv'])
  })

  it('forwards a second launch’s link to the intake and focuses the window', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    test.windows[0]?.contents.emit('did-finish-load')

    test.app.emit('second-instance', {}, [
      'mpath.exe',
      '--protocol-launcher',
      '--',
      'mpath://tasks/t7',
    ])
    expect(test.deliveries.at(-1)).toMatchObject({
      source: 'second-instance',
      link: { target: 'tasks', id: 't7' },
    })
    expect(test.windows[0]?.focus).toHaveBeenCalled()
    expect(test.windows).toHaveLength(1)
  })

  it('queues a link arriving with no window, opens one, delivers once (S8)', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    test.windows[0]?.contents.emit('did-finish-load')
    test.windows[0]?.emit('closed')

    test.app.emit('second-instance', {}, [
      'mpath.exe',
      '--protocol-launcher',
      '--',
      'mpath://people/p1',
    ])
    expect(test.windows).toHaveLength(2)
    expect(
      test.deliveries.filter((delivery) => delivery.source === 'second-instance'),
    ).toHaveLength(0)

    test.windows[1]?.contents.emit('did-finish-load')
    expect(
      test.deliveries.filter((delivery) => delivery.source === 'second-instance'),
    ).toHaveLength(1)
  })

  it('holds a link from a second launch before ready and opens one window', async () => {
    const test = setup()
    const started = startApp(test.options)
    await flush()
    test.app.emit('second-instance', {}, [
      'mpath.exe',
      '--protocol-launcher',
      '--',
      'mpath://tasks/t1',
    ])
    expect(test.windows).toHaveLength(0)

    test.ready()
    await started
    test.windows[0]?.contents.emit('did-finish-load')
    expect(test.windows).toHaveLength(1)
    expect(test.deliveries.map((delivery) => delivery.source)).toEqual(['argv', 'second-instance'])
  })

  it('refuses to start with a test cipher', async () => {
    const test = setup()
    test.options.createCipher = () => createTestCipher()
    const started = startApp(test.options)
    test.ready()

    await expect(started).rejects.toMatchObject({ code: 'VAULT_TEST_CIPHER_REFUSED' })
    await expect(started).rejects.toBeInstanceOf(AppError)
    expect(test.options.createServices).not.toHaveBeenCalled()
  })

  it('binds a cipher that refuses to run before ready (S16)', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    const cipher = test.ports()!.cipher

    expect(cipher).toBeDefined()
    await expect(cipher.isAvailable()).resolves.toBe(true)
  })

  it('passes the sandbox and profile through in development', async () => {
    const test = setup({
      env: { MPATH_SANDBOX_URL: 'http://127.0.0.1:7072', MPATH_PROFILE: '/p.json' },
    })
    const started = startApp(test.options)
    test.ready()
    await started

    expect(test.ports()?.env).toMatchObject({
      isProduction: false,
      runtime: 'electron',
      sandboxApiUrl: 'http://127.0.0.1:7072',
      connectSandboxAtStart: true,
      profileFile: '/p.json',
    })
    // The sealed cache goes to files of its own, not into the settings store.
    expect(test.ports()?.cacheBlobs).toBeDefined()
  })

  it('ignores the sandbox and profile in an installed build, and opens on Connect', async () => {
    const test = setup({
      isPackaged: true,
      env: {
        MPATH_SANDBOX_URL: 'http://127.0.0.1:7072',
        MPATH_PROFILE: '/p.json',
        ELECTRON_RENDERER_URL: 'http://localhost:5173',
      },
    })
    const started = startApp(test.options)
    test.ready()
    await started

    expect(test.ports()?.env).toMatchObject({ isProduction: true })
    expect(test.ports()?.env.sandboxApiUrl).toBeUndefined()
    expect(test.ports()?.env.profileFile).toBeUndefined()
    expect(test.ports()?.env.connectSandboxAtStart).toBe(false)
    expect(test.windows[0]?.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
  })

  it('never loads the updater in development', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    await flush()

    expect(test.loadUpdater).not.toHaveBeenCalled()
  })

  it('registers the Windows scheme with the launcher guard', async () => {
    const test = setup({ isPackaged: true })
    const started = startApp(test.options)
    test.ready()
    await started

    expect(test.options.electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith(
      'mpath',
      'C:\\Program Files\\mpath\\mpath.exe',
      ['--protocol-launcher', '--'],
    )
  })

  it('denies every permission in the default session', async () => {
    const test = setup()
    const started = startApp(test.options)
    test.ready()
    await started
    const handler = (
      test.session.setPermissionRequestHandler.mock.calls[0] as unknown[]
    )[0] as Listener
    const callback = vi.fn()
    handler({}, 'media', callback)

    expect(callback).toHaveBeenCalledWith(false)
    expect(test.session.setPermissionCheckHandler).toHaveBeenCalled()
  })
})
