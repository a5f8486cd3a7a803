import { posix, win32 } from 'node:path'

import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import { MPATH_SCHEME } from './deepLink'
import { PROTOCOL_LAUNCHER_FLAG } from './deepLinkArgs'

/** What decides how the `mpath` scheme is registered for this run. */
export interface ProtocolClientInput {
  platform: NodeJS.Platform
  /** `app.isPackaged`. */
  isPackaged: boolean
  /**
   * `process.defaultApp`: true when run as `electron <entry>` (development).
   */
  defaultApp?: boolean
  /** `process.execPath`. */
  execPath: string
  /** `process.argv` of this run. */
  argv: readonly string[]
  /** `app.getAppPath()`, used when the command line names no entry script. */
  appPath?: string
  /** Base of a relative entry script; `process.cwd()` by default. */
  cwd?: string
}

/** The arguments of `app.setAsDefaultProtocolClient`. */
export interface ProtocolClientRegistration {
  scheme: typeof MPATH_SCHEME
  executable: string
  args: string[]
}

// Options of Node and Electron that take the next argument as their value, so
// that value is not mistaken for the entry script.
const OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--inspect-port',
])

function entryScript(input: ProtocolClientInput): string {
  const { argv } = input

  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index] ?? ''

    if (arg === '--') {
      break
    }

    if (arg.startsWith('-')) {
      index += OPTIONS_WITH_VALUE.has(arg) ? 1 : 0
      continue
    }

    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(arg)) {
      return arg
    }
  }

  if (input.appPath !== undefined && input.appPath !== '') {
    return input.appPath
  }

  throw new AppError(
    'INTERNAL',
    'Cannot register the mpath scheme for development: the command line names no entry script.',
    { action: 'Start the app with electron-vite or as `electron <path to the app>`.' },
  )
}

/**
 * Computes the `setAsDefaultProtocolClient` arguments. Packaged: no arguments,
 * except the `--protocol-launcher --` guard on Windows. Development: the
 * resolved entry script (never a flag such as `--inspect=…` or a loader's
 * module), then the guard on Windows.
 */
export function protocolClientRegistration(input: ProtocolClientInput): ProtocolClientRegistration {
  const guard = input.platform === 'win32' ? [PROTOCOL_LAUNCHER_FLAG, '--'] : []
  const isDevelopment = input.defaultApp ?? !input.isPackaged

  if (!isDevelopment) {
    return { scheme: MPATH_SCHEME, executable: input.execPath, args: guard }
  }

  const paths = input.platform === 'win32' ? win32 : posix
  const entry = paths.resolve(input.cwd ?? process.cwd(), entryScript(input))

  return { scheme: MPATH_SCHEME, executable: input.execPath, args: [entry, ...guard] }
}

/** The `args` of {@link protocolClientRegistration}. */
export function protocolClientArgs(input: ProtocolClientInput): string[] {
  return protocolClientRegistration(input).args
}

/**
 * Quotes one argument so that Windows' CommandLineToArgvW reads it back
 * unchanged: backslashes before a quote or the closing quote are doubled,
 * quotes escaped.
 */
export function quoteWindowsArgument(argument: string): string {
  let quoted = '"'
  let backslashes = 0

  for (const character of argument) {
    if (character === '\\') {
      backslashes += 1
      continue
    }

    const escapes = character === '"' ? backslashes * 2 + 1 : backslashes
    quoted += `${'\\'.repeat(escapes)}${character}`
    backslashes = 0
  }

  return `${quoted}${'\\'.repeat(backslashes * 2)}"`
}

/**
 * The registry command Windows runs for an `mpath:` link, every part quoted:
 * `"<exe>" "<app path>" "--protocol-launcher" "--" "%1"`.
 */
export function windowsCommandLine(executable: string, args: readonly string[]): string {
  return [...[executable, ...args].map(quoteWindowsArgument), '"%1"'].join(' ')
}

/** The part of Electron's `app` that registers a scheme. */
export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean
}

/**
 * Registers this run as the handler of `mpath:` links; false when the OS
 * refused.
 */
export function registerProtocolClient(
  app: ProtocolClientApp,
  input: ProtocolClientInput,
  logger: Logger,
): boolean {
  const registration = protocolClientRegistration(input)
  const isRegistered = app.setAsDefaultProtocolClient(
    registration.scheme,
    registration.executable,
    registration.args,
  )
  const log = logger.child('app')

  if (isRegistered) {
    log.info('Registered the mpath scheme', { args: registration.args })
  } else {
    log.warn('The OS refused to register the mpath scheme', { args: registration.args })
  }

  return isRegistered
}
