import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import {
  protocolClientArgs,
  protocolClientRegistration,
  quoteWindowsArgument,
  registerProtocolClient,
  windowsCommandLine,
} from './protocolRegistration'

describe('protocolClientArgs when packaged', () => {
  it('adds only the launcher guard on Windows', () => {
    const input = { isPackaged: true, execPath: 'C:\\Program Files\\mpath\\mpath.exe', argv: ['x'] }
    expect(protocolClientArgs({ ...input, platform: 'win32' })).toEqual([
      '--protocol-launcher',
      '--',
    ])
    expect(protocolClientArgs({ ...input, platform: 'darwin' })).toEqual([])
    expect(protocolClientArgs({ ...input, platform: 'linux' })).toEqual([])
  })
})

describe('S10: development registration picks the entry script, never a flag', () => {
  it('skips --inspect and resolves the script', () => {
    expect(
      protocolClientArgs({
        platform: 'linux',
        isPackaged: false,
        defaultApp: true,
        execPath: '/p/node_modules/electron/dist/electron',
        argv: ['/p/node_modules/electron/dist/electron', '--inspect=5858', 'dist/main.js'],
        cwd: '/home/u/my app',
      }),
    ).toEqual(['/home/u/my app/dist/main.js'])
  })

  it('skips a loader and its module, and links', () => {
    const args = protocolClientArgs({
      platform: 'win32',
      isPackaged: false,
      defaultApp: true,
      execPath: 'C:\\p\\electron.exe',
      argv: [
        'C:\\p\\electron.exe',
        '-r',
        'ts-node/register',
        '--inspect-brk',
        'mpath://tasks/t1',
        '.',
      ],
      cwd: 'C:\\Users\\Ann Lee\\src\\mpath desktop',
    })
    expect(args).toEqual(['C:\\Users\\Ann Lee\\src\\mpath desktop', '--protocol-launcher', '--'])
  })

  it('falls back to the app path when the command line names no script', () => {
    expect(
      protocolClientArgs({
        platform: 'linux',
        isPackaged: false,
        defaultApp: true,
        execPath: '/e/electron',
        argv: ['/e/electron', '--inspect=9229'],
        appPath: '/home/u/app',
      }),
    ).toEqual(['/home/u/app'])
  })

  it('refuses to guess without a script or an app path', () => {
    expect(() =>
      protocolClientArgs({
        platform: 'linux',
        isPackaged: false,
        execPath: '/e/electron',
        argv: ['/e/electron', '--inspect=9229'],
      }),
    ).toThrow(/no entry script/)
  })
})

describe('S9: the Windows command is quoted part by part', () => {
  it('builds the command for paths with spaces', () => {
    const registration = protocolClientRegistration({
      platform: 'win32',
      isPackaged: false,
      defaultApp: true,
      execPath: 'C:\\Program Files\\node js\\electron.exe',
      argv: ['C:\\Program Files\\node js\\electron.exe', '--inspect=5858', 'out\\main\\index.js'],
      cwd: 'C:\\Users\\Ann Lee\\mpath desktop',
    })
    expect(windowsCommandLine(registration.executable, registration.args)).toBe(
      '"C:\\Program Files\\node js\\electron.exe" ' +
        '"C:\\Users\\Ann Lee\\mpath desktop\\out\\main\\index.js" ' +
        '"--protocol-launcher" "--" "%1"',
    )
  })

  it('builds the packaged command', () => {
    expect(windowsCommandLine('C:\\Apps\\mpath.exe', ['--protocol-launcher', '--'])).toBe(
      '"C:\\Apps\\mpath.exe" "--protocol-launcher" "--" "%1"',
    )
  })

  it('quotes so that CommandLineToArgvW reads each part back', () => {
    expect(quoteWindowsArgument('C:\\dir\\')).toBe('"C:\\dir\\\\"')
    expect(quoteWindowsArgument('say "hi"')).toBe('"say \\"hi\\""')
    expect(quoteWindowsArgument('a\\\\"b')).toBe('"a\\\\\\\\\\"b"')
    expect(quoteWindowsArgument('')).toBe('""')
  })
})

describe('registerProtocolClient', () => {
  it('registers mpath with the computed arguments and logs the outcome', () => {
    const { logger, entries } = createTestLogger()
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) }
    const registered = registerProtocolClient(
      app,
      { platform: 'win32', isPackaged: true, execPath: 'C:\\Apps\\mpath.exe', argv: [] },
      logger,
    )
    expect(registered).toBe(true)
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('mpath', 'C:\\Apps\\mpath.exe', [
      '--protocol-launcher',
      '--',
    ])
    expect(entries[0]?.message).toBe('[app] Registered the mpath scheme')
  })
})
