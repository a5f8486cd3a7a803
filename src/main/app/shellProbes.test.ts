import { createServer, type Server } from 'node:net'

import { afterEach, describe, expect, it, vi } from 'vitest'

import type { CommandRunner } from './commandRunner'
import { checkLoopback, LOOPBACK_HOST, tryBindLoopback } from './loopbackProbe'
import { checkSchemeRegistration } from './schemeRegistrationCheck'
import { createShellProbes } from './shellProbes'

const registration = { scheme: 'mpath' as const, executable: '/opt/m', args: [] }
const xdg = (stdout: string): CommandRunner => vi.fn(async () => ({ stdout, stderr: '' }))

describe('checkSchemeRegistration', () => {
  const app = (isDefault: boolean) => ({ isDefaultProtocolClient: vi.fn(() => isDefault) })

  it('asks the OS on Windows and macOS with this install’s command', async () => {
    const windows = app(true)
    const win32 = { ...registration, args: ['--protocol-launcher', '--'] }
    await expect(
      checkSchemeRegistration({ platform: 'win32', app: windows, registration: win32 }),
    ).resolves.toMatchObject({ status: 'ok' })
    expect(windows.isDefaultProtocolClient).toHaveBeenCalledWith('mpath', '/opt/m', [
      '--protocol-launcher',
      '--',
    ])
    await expect(
      checkSchemeRegistration({ platform: 'darwin', app: app(false), registration }),
    ).resolves.toMatchObject({ status: 'fail' })
  })

  it('on Linux compares xdg-mime’s answer with this install’s desktop entry', async () => {
    const linuxPlan = { kind: 'packaged' as const, desktopFile: 'mpath-desktop.desktop' }
    const input = { platform: 'linux' as const, app: app(false), registration, linuxPlan }
    await expect(
      checkSchemeRegistration({ ...input, run: xdg('mpath-desktop.desktop\n') }),
    ).resolves.toMatchObject({ status: 'ok' })
    await expect(
      checkSchemeRegistration({ ...input, run: xdg('other.desktop\n') }),
    ).resolves.toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('other.desktop'),
    })
    await expect(checkSchemeRegistration({ ...input, run: xdg('') })).resolves.toMatchObject({
      status: 'fail',
    })
  })

  it('reports the Flatpak skip rather than a failure', async () => {
    await expect(
      checkSchemeRegistration({
        platform: 'linux',
        app: app(false),
        registration,
        linuxPlan: { kind: 'skip', reason: 'Running inside Flatpak.' },
        run: xdg(''),
      }),
    ).resolves.toEqual({ status: 'unknown', detail: 'Running inside Flatpak.' })
  })
})

describe('loopback probe', () => {
  let occupied: Server | undefined

  afterEach(async () => {
    await new Promise((resolve) => (occupied ? occupied.close(resolve) : resolve(undefined)))
    occupied = undefined
  })

  it('binds 127.0.0.1 only', async () => {
    const listen = vi.fn((_options: unknown, callback: () => void) => callback())
    const server = { once: vi.fn(), listen, close: vi.fn((callback?: () => void) => callback?.()) }
    await expect(tryBindLoopback(7073, () => server as unknown as Server)).resolves.toBe('free')
    expect(listen).toHaveBeenCalledWith(
      { host: '127.0.0.1', port: 7073, exclusive: true },
      expect.any(Function),
    )
  })

  it('finds a free port free and a taken one in use', async () => {
    occupied = createServer()
    await new Promise<void>((resolve) =>
      occupied!.listen({ host: LOOPBACK_HOST, port: 0 }, resolve),
    )
    const port = (occupied.address() as { port: number }).port

    await expect(checkLoopback(`http://127.0.0.1:${port}/oauth/callback`)).resolves.toMatchObject({
      status: 'warn',
    })
    await new Promise((resolve) => occupied!.close(resolve))
    occupied = undefined
    await expect(checkLoopback(`http://127.0.0.1:${port}/oauth/callback`)).resolves.toMatchObject({
      status: 'ok',
    })
  })

  it.each([
    ['http://localhost:7073/cb', 'fail'],
    ['http://0.0.0.0:7073/cb', 'fail'],
    ['https://127.0.0.1:7073/cb', 'fail'],
    ['nonsense', 'fail'],
  ])('refuses %s as a loopback redirect', async (uri, status) => {
    const bind = vi.fn()
    await expect(checkLoopback(uri, bind)).resolves.toMatchObject({ status })
    expect(bind).not.toHaveBeenCalled()
  })

  it('reports no loopback redirect as not used', async () => {
    await expect(checkLoopback(undefined)).resolves.toMatchObject({ status: 'unknown' })
  })
})

describe('createShellProbes', () => {
  it('names the log folder without the user name and opens it', async () => {
    const openPath = vi.fn(async () => '')
    const probes = createShellProbes({
      scheme: async () => ({ status: 'ok', detail: '' }),
      loopbackRedirectUri: async () => undefined,
      logFolder: () => '/home/alice/.config/mpath Desktop/logs',
      home: '/home/alice',
      openPath,
    })
    await expect(probes.logs?.()).resolves.toEqual({
      status: 'ok',
      detail: 'Logs are in ~/.config/mpath Desktop/logs.',
    })
    await probes.openLogFolder?.()
    expect(openPath).toHaveBeenCalledWith('/home/alice/.config/mpath Desktop/logs')
    openPath.mockResolvedValueOnce('no file manager')
    await expect(probes.openLogFolder?.()).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
