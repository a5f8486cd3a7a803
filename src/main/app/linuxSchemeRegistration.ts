import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

import type { Logger } from '../log/logger'
import type { CommandRunner } from './commandRunner'
import { SCHEME_MIME_TYPE, type LinuxRegistrationPlan } from './linuxDesktopEntry'

/** The file access the registration needs; tests pass memory. */
export interface TextFiles {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>
  /** Writes the file, creating its folder. */
  write(path: string, text: string): Promise<void>
}

/** {@link TextFiles} on the real file system. */
export const nodeTextFiles: TextFiles = {
  async read(path) {
    try {
      return await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined
      }

      throw error
    }
  },
  async write(path, text) {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text, { encoding: 'utf8', mode: 0o644 })
  },
}

/** What the registration did. */
export type LinuxRegistrationResult = 'skipped' | 'packaged' | 'registered' | 'unchanged'

/** The desktop file `xdg-mime` names for `mpath:` links, or undefined when none or unknown. */
export async function queryDefaultSchemeHandler(run: CommandRunner): Promise<string | undefined> {
  const { stdout } = await run('xdg-mime', ['query', 'default', SCHEME_MIME_TYPE])
  const name = stdout.trim()

  return name === '' ? undefined : name
}

/**
 * Carries out a Linux registration plan. For an AppImage it writes the user-level entry only
 * when its text changed and calls `xdg-mime default` only when another entry is the default, so
 * running it at every start changes nothing the second time.
 */
export async function applyLinuxSchemeRegistration(
  plan: LinuxRegistrationPlan,
  ports: { files: TextFiles; run: CommandRunner; logger: Logger },
): Promise<LinuxRegistrationResult> {
  const log = ports.logger.child('app')

  if (plan.kind === 'skip') {
    log.info('Not registering the mpath scheme at run time', { reason: plan.reason })

    return 'skipped'
  }

  if (plan.kind === 'packaged') {
    return 'packaged'
  }

  const existing = await ports.files.read(plan.path)
  const isWritten = existing !== plan.contents

  if (isWritten) {
    await ports.files.write(plan.path, plan.contents)
  }

  let current: string | undefined

  try {
    current = await queryDefaultSchemeHandler(ports.run)
  } catch (error) {
    log.warn('xdg-mime could not say which app opens mpath:// links', { error })
  }

  if (current === plan.desktopFile && !isWritten) {
    return 'unchanged'
  }

  if (current !== plan.desktopFile) {
    await ports.run('xdg-mime', ['default', plan.desktopFile, SCHEME_MIME_TYPE])
  }

  log.info('Registered the AppImage for mpath:// links', { desktopFile: plan.desktopFile })

  return 'registered'
}
