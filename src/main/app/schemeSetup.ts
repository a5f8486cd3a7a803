import type { App } from 'electron'

import type { Logger } from '../log/logger'
import type { CommandRunner } from './commandRunner'
import { planLinuxSchemeRegistration, type LinuxRegistrationPlan } from './linuxDesktopEntry'
import { applyLinuxSchemeRegistration, type TextFiles } from './linuxSchemeRegistration'
import {
  protocolClientRegistration,
  registerProtocolClient,
  type ProtocolClientInput,
  type ProtocolClientRegistration,
} from './protocolRegistration'

/** What {@link setUpScheme} needs. */
export interface SchemeSetupOptions {
  app: Pick<App, 'setAsDefaultProtocolClient'>
  input: ProtocolClientInput
  env: Readonly<Record<string, string | undefined>>
  home: string
  files: TextFiles
  run: CommandRunner
  logger: Logger
}

/** How this install registered the scheme, for the self-check. */
export interface SchemeSetup {
  registration?: ProtocolClientRegistration
  linuxPlan?: LinuxRegistrationPlan
}

/**
 * Registers this install as the handler of `mpath:` links. On Linux Electron's own call
 * names the packaged desktop entry, which an AppImage does not have (and which Flatpak cannot
 * change), so Linux follows its own plan; elsewhere Electron's call writes the registry
 * (Windows, with the `--protocol-launcher --` guard) or asks LaunchServices (macOS).
 */
export function setUpScheme(options: SchemeSetupOptions): SchemeSetup {
  const log = options.logger.child('app')
  let registration: ProtocolClientRegistration | undefined

  try {
    registration = protocolClientRegistration(options.input)
  } catch (error) {
    log.warn('The mpath scheme is not registered for this run', { error })

    return {}
  }

  if (options.input.platform !== 'linux') {
    registerProtocolClient(options.app, options.input, options.logger)

    return { registration }
  }

  const linuxPlan = planLinuxSchemeRegistration({
    env: options.env,
    isPackaged: options.input.isPackaged,
    home: options.home,
  })

  if (linuxPlan.kind === 'packaged') {
    registerProtocolClient(options.app, options.input, options.logger)
  }

  applyLinuxSchemeRegistration(linuxPlan, options).catch((error: unknown) => {
    log.warn('Could not register the AppImage for mpath:// links', { error })
  })

  return { registration, linuxPlan }
}
