import { posix } from 'node:path'

import { AppError } from '../../shared/errors/appError'
import { APP_NAME, PACKAGED_DESKTOP_FILE } from './appIdentity'
import { MPATH_SCHEME } from './deepLink'

/** The MIME type through which Linux desktops route `mpath:` links. */
export const SCHEME_MIME_TYPE = `x-scheme-handler/${MPATH_SCHEME}`

/** The user-level desktop entry an AppImage writes so that links reach it. */
export const URL_HANDLER_DESKTOP_FILE = 'mpath-desktop-url-handler.desktop'

/** What the runtime registration on Linux should do for this install. */
export type LinuxRegistrationPlan =
  | { kind: 'skip'; reason: string }
  /** A packaged install (deb) whose own desktop entry declares the scheme. */
  | { kind: 'packaged'; desktopFile: string }
  /** An AppImage: write a user-level entry pointing at the AppImage file, then make it default. */
  | { kind: 'appimage'; desktopFile: string; path: string; contents: string }

/** What decides the Linux registration. */
export interface LinuxRegistrationInput {
  env: Readonly<Record<string, string | undefined>>
  isPackaged: boolean
  /** The home folder, for `~/.local/share/applications` when `XDG_DATA_HOME` is unset. */
  home: string
}

// The freedesktop Exec rules: inside double quotes, `"`, backtick, `$` and `\` are escaped with a
// backslash; the string-value escape then doubles every backslash again; `%` is doubled as it
// starts a field code.
// https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
function quoteExecArgument(argument: string): string {
  if (/[\r\n\0]/.test(argument)) {
    throw new AppError('INTERNAL', 'The AppImage path contains a line break.', {
      action: 'Move the AppImage to a folder whose name has no line breaks.',
    })
  }

  const quoted = argument.replace(/["`$\\]/g, (character) => `\\${character}`)

  return `"${quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`
}

/**
 * The `Exec=` value that launches `executable` with the link: the path always quoted (it may
 * hold spaces), then `%u` so the desktop passes the URL.
 *
 * @example
 * desktopExecLine('/home/u/Apps/mPath.AppImage') // '"/home/u/Apps/mPath.AppImage" %u'
 */
export function desktopExecLine(executable: string): string {
  return `${quoteExecArgument(executable)} %u`
}

/**
 * The user-level desktop entry of an AppImage install. It points at the AppImage file itself,
 * never at `process.execPath`, which lives in a temporary mount that is gone after exit.
 */
export function appImageDesktopEntry(appImagePath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${APP_NAME}`,
    'Comment=Opens mpath:// links in mpath Desktop',
    `Exec=${desktopExecLine(appImagePath)}`,
    'Terminal=false',
    // A handler, not a second launcher: the AppImage's own entry (if any) stays in menus.
    'NoDisplay=true',
    `MimeType=${SCHEME_MIME_TYPE};`,
    '',
  ].join('\n')
}

/**
 * Decides how this install registers the `mpath` scheme on Linux. Inside Flatpak the sandbox
 * cannot change the host's handlers (the manifest's desktop entry declares the scheme) and in a
 * Snap the snap's own entry does; an AppImage writes a user-level entry; a deb install relies on
 * the entry its package installed.
 */
export function planLinuxSchemeRegistration(input: LinuxRegistrationInput): LinuxRegistrationPlan {
  const { env } = input

  if (env.FLATPAK_ID !== undefined && env.FLATPAK_ID !== '') {
    return {
      kind: 'skip',
      reason:
        'Running inside Flatpak: the app cannot register URL handlers from the sandbox; the ' +
        "Flatpak's desktop entry declares x-scheme-handler/mpath.",
    }
  }

  if (env.SNAP !== undefined && env.SNAP !== '') {
    return {
      kind: 'skip',
      reason: "Running as a Snap: the snap's desktop entry declares x-scheme-handler/mpath.",
    }
  }

  if (!input.isPackaged) {
    return {
      kind: 'skip',
      reason: 'Development run: links are registered only by an installed build.',
    }
  }

  const appImage = env.APPIMAGE

  if (appImage !== undefined && appImage !== '') {
    if (!posix.isAbsolute(appImage)) {
      return { kind: 'skip', reason: 'APPIMAGE is not an absolute path; nothing was registered.' }
    }

    const dataHome =
      env.XDG_DATA_HOME !== undefined && posix.isAbsolute(env.XDG_DATA_HOME)
        ? env.XDG_DATA_HOME
        : posix.join(input.home, '.local', 'share')

    return {
      kind: 'appimage',
      desktopFile: URL_HANDLER_DESKTOP_FILE,
      path: posix.join(dataHome, 'applications', URL_HANDLER_DESKTOP_FILE),
      contents: appImageDesktopEntry(appImage),
    }
  }

  return { kind: 'packaged', desktopFile: PACKAGED_DESKTOP_FILE }
}

/** The `[Desktop Entry]` group of a desktop file as key → value. */
export function parseDesktopEntry(text: string): Map<string, string> {
  const entries = new Map<string, string>()
  let isMainGroup = false

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()

    if (line === '' || line.startsWith('#')) {
      continue
    }

    if (line.startsWith('[')) {
      isMainGroup = line === '[Desktop Entry]'
      continue
    }

    const separator = line.indexOf('=')

    if (isMainGroup && separator > 0) {
      entries.set(line.slice(0, separator).trim(), line.slice(separator + 1).trim())
    }
  }

  return entries
}

/**
 * What is wrong with a desktop entry meant to open `mpath:` links; empty when nothing is. An
 * `Exec` without `%u`/`%U` launches the app but never hands it the link; one that runs from an
 * AppImage's temporary mount stops working after the app exits.
 */
export function lintDesktopEntry(text: string): string[] {
  const entry = parseDesktopEntry(text)
  const problems: string[] = []
  const exec = entry.get('Exec')
  const mimeTypes = (entry.get('MimeType') ?? '').split(';').map((type) => type.trim())

  if (entry.get('Type') !== 'Application') {
    problems.push('Type is not Application')
  }

  if (exec === undefined || exec === '') {
    problems.push('Exec is missing')
  } else {
    const fieldCodes: string[] = exec.replace(/%%/g, '').match(/%[a-zA-Z]/g) ?? []

    if (!fieldCodes.includes('%u') && !fieldCodes.includes('%U')) {
      problems.push('Exec does not pass the link (%u or %U)')
    }

    if (/(^|["\s])\/tmp\/\.mount_/.test(exec)) {
      problems.push("Exec points into an AppImage's temporary mount")
    }
  }

  if (!mimeTypes.includes(SCHEME_MIME_TYPE)) {
    problems.push(`MimeType does not declare ${SCHEME_MIME_TYPE}`)
  }

  return problems
}
