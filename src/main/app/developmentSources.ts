import type { Logger } from '../log/logger'

/** What a development run reads from its environment. */
export interface DevelopmentSources {
  /** electron-vite's development server for the renderer. */
  rendererUrl?: string
  /** The local sandbox to propose a connection from. */
  sandboxApiUrl?: string
  /** A JSON connection profile to use when none is saved. */
  profileFile?: string
}

const NAMES = ['ELECTRON_RENDERER_URL', 'MPATH_SANDBOX_URL', 'MPATH_PROFILE'] as const

/**
 * What development reads from the environment: the renderer's dev server, the sandbox and a
 * profile file. An installed build ignores all three (and says so) and opens on Connect.
 */
export function developmentSources(
  isDevelopment: boolean,
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): DevelopmentSources {
  const given = NAMES.filter((name) => env[name] !== undefined && env[name] !== '')

  if (!isDevelopment) {
    if (given.length > 0) {
      logger
        .child('app')
        .info('Ignoring development settings in an installed build', { names: given })
    }

    return {}
  }

  const value = (name: (typeof NAMES)[number]) => (given.includes(name) ? env[name] : undefined)

  return {
    rendererUrl: value('ELECTRON_RENDERER_URL'),
    sandboxApiUrl: value('MPATH_SANDBOX_URL'),
    profileFile: value('MPATH_PROFILE'),
  }
}
