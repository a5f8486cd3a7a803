import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import type { BrowserWindow, Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'

import { memoryLogSink as createMemoryLogSink } from '../log/testing/memoryLogSink'
import { createLogger } from '../log/createLogger'
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './contentSecurityPolicy'
import { hardenWebContents, hardenWindow } from './hardenWindow'
import type { NavigationPolicy } from './navigationPolicy'
import { offerReload } from './rendererCrash'
import { secureWebPreferences } from './secureWebPreferences'
import { hardenAllWebContents, hardenSession } from './sessionHardening'

type Listener = (...args: unknown[]) => unknown

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: vi.fn((event: string, listener: Listener) => listeners.set(event, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler
    }),
  }
  const navigate = (event: string, url: string) => {
    const preventDefault = vi.fn()
    listeners.get(event)?.({ url, preventDefault })

    return preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed'
  }

  return {
    contents,
    asWebContents: contents as unknown as WebContents,
    navigate,
    open: (url: string) => openHandler?.({ url }),
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.(...args),
  }
}

const policy: NavigationPolicy = {
  ownOrigins: [],
  rendererFolderUrl: 'file:///app/out/renderer',
}

function setup() {
  const sink = createMemoryLogSink()
  const logger = createLogger(sink)
  const opener = { openExternal: vi.fn(async () => undefined) }
  const fake = fakeContents()
  hardenWebContents(fake.asWebContents, { policy, opener, logger })

  return { ...fake, opener, sink }
}

describe('secureWebPreferences', () => {
  it('sets every hardening flag', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('never enables blink features or remote content', () => {
    const preferences = secureWebPreferences('/p.js')
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
    expect(preferences).not.toHaveProperty('additionalArguments')
  })
})

describe('hardenWebContents', () => {
  it('lets the app’s own page navigate', () => {
    const { navigate, opener } = setup()
    expect(navigate('will-navigate', 'file:///app/out/renderer/index.html')).toBe('allowed')
    expect(opener.openExternal).not.toHaveBeenCalled()
  })

  it('blocks navigation away and hands external https to the browser', () => {
    const { navigate, opener } = setup()
    expect(navigate('will-navigate', 'https://www.mpath.dev/help')).toBe('blocked')
    expect(opener.openExternal).toHaveBeenCalledWith('https://www.mpath.dev/help')
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'mpath://tasks/t1', 'data:text/html,x'])(
    'blocks %s without opening anything',
    (url) => {
      const { navigate, opener } = setup()
      expect(navigate('will-navigate', url)).toBe('blocked')
      expect(opener.openExternal).not.toHaveBeenCalled()
    },
  )

  it('refuses a redirect away from the app, even to https', () => {
    const { navigate, opener } = setup()
    expect(navigate('will-redirect', 'https://www.mpath.dev/')).toBe('blocked')
    expect(opener.openExternal).not.toHaveBeenCalled()
  })

  it('denies every new window, handing only checked https links to the browser', () => {
    const { open, opener } = setup()
    expect(open('https://www.mpath.dev/x')).toEqual({ action: 'deny' })
    expect(open('file:///app/out/renderer/index.html')).toEqual({ action: 'deny' })
    expect(open('https://accounts.google.com/o/oauth2/auth?client_id=a')).toEqual({
      action: 'deny',
    })
    expect(opener.openExternal).toHaveBeenCalledTimes(1)
    expect(opener.openExternal).toHaveBeenCalledWith('https://www.mpath.dev/x')
  })

  it('never attaches a <webview>', () => {
    const { emit } = setup()
    const preventDefault = vi.fn()
    emit('will-attach-webview', { preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })

  it('logs a blocked address without its query', () => {
    const { navigate, sink } = setup()
    navigate('will-navigate', 'http://evil.example/?code=secret-code')
    expect(JSON.stringify(sink.entries)).not.toContain('secret-code')
  })
})

describe('hardenWindow', () => {
  it('offers a reload when the renderer dies, not on a clean exit', () => {
    const fake = fakeContents()
    const onRendererGone = vi.fn()
    const window = { webContents: fake.asWebContents } as unknown as BrowserWindow
    hardenWindow(window, {
      policy,
      opener: { openExternal: vi.fn() },
      logger: createLogger(createMemoryLogSink()),
      onRendererGone,
    })
    fake.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(onRendererGone).not.toHaveBeenCalled()
    fake.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(onRendererGone).toHaveBeenCalledWith({ reason: 'crashed', exitCode: 139 })
  })
})

describe('offerReload', () => {
  const window = () => ({ isDestroyed: () => false, reload: vi.fn(), close: vi.fn() })
  const logger = createLogger(createMemoryLogSink())

  it('reloads when the person chooses to', async () => {
    const target = window()
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) }
    await expect(
      offerReload({ window: target, dialog, details: { reason: 'crashed' }, logger }),
    ).resolves.toBe('reloaded')
    expect(target.reload).toHaveBeenCalled()
  })

  it('closes the window otherwise', async () => {
    const target = window()
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) }
    await expect(
      offerReload({ window: target, dialog, details: { reason: 'oom' }, logger }),
    ).resolves.toBe('closed')
    expect(target.reload).not.toHaveBeenCalled()
  })
})

describe('hardenSession', () => {
  function fakeSession() {
    const handlers: Record<string, Listener> = {}
    const session = {
      setPermissionRequestHandler: vi.fn((handler: Listener) => (handlers.request = handler)),
      setPermissionCheckHandler: vi.fn((handler: Listener) => (handlers.check = handler)),
      webRequest: { onHeadersReceived: vi.fn((handler: Listener) => (handlers.headers = handler)) },
    }
    hardenSession(session as unknown as Session, createLogger(createMemoryLogSink()))

    return handlers
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies a %s request',
    (permission) => {
      const callback = vi.fn()
      fakeSession().request?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    },
  )

  it('answers every permission check with no', () => {
    expect(fakeSession().check?.({}, 'clipboard-sanitized-write', 'file:///', {})).toBe(false)
  })

  it('adds the Content Security Policy header, replacing any other', () => {
    const callback = vi.fn()
    fakeSession().headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      callback,
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})

describe('hardenAllWebContents', () => {
  it('blocks webviews and new windows in every webContents the app creates', () => {
    const appListeners = new Map<string, Listener>()
    hardenAllWebContents(
      {
        on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      } as never,
      createLogger(createMemoryLogSink()),
    )
    const fake = fakeContents()
    appListeners.get('web-contents-created')?.({}, fake.contents)
    const preventDefault = vi.fn()
    fake.emit('will-attach-webview', { preventDefault })
    expect(preventDefault).toHaveBeenCalled()
    expect(fake.open('https://www.mpath.dev/')).toEqual({ action: 'deny' })
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy of the renderer’s <meta> tag', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
  })

  it('keeps scripts to the app itself and forbids framing, plugins and forms', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })
})
