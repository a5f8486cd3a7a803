import type { App } from 'electron'

import type { ProbeOutcome } from '../diagnostics/diagnosticsService'
import type { CommandRunner } from './commandRunner'
import type { LinuxRegistrationPlan } from './linuxDesktopEntry'
import { queryDefaultSchemeHandler } from './linuxSchemeRegistration'
import type { ProtocolClientRegistration } from './protocolRegistration'

/** What the scheme check needs. */
export interface SchemeCheckInput {
  platform: NodeJS.Platform
  app: Pick<App, 'isDefaultProtocolClient'>
  /** How this install registers itself (see `protocolClientRegistration`). */
  registration: ProtocolClientRegistration
  /** Linux: the plan this install follows, which names its desktop entry. */
  linuxPlan?: LinuxRegistrationPlan
  /** Linux: runs `xdg-mime`. */
  run?: CommandRunner
}

const REINSTALL = 'Reinstall mpath Desktop, or use the loopback or "paste the address" sign-in.'

async function checkLinux(input: SchemeCheckInput): Promise<ProbeOutcome | undefined> {
  const plan = input.linuxPlan

  if (plan?.kind === 'skip') {
    return { status: 'unknown', detail: plan.reason }
  }

  if (plan === undefined || input.run === undefined) {
    return undefined
  }

  let handler: string | undefined

  try {
    handler = await queryDefaultSchemeHandler(input.run)
  } catch (_error) {
    // Without xdg-mime (a minimal desktop) Electron's own answer is the best there is.
    return undefined
  }

  if (handler === undefined) {
    return { status: 'fail', detail: `No app is set to open mpath:// links. ${REINSTALL}` }
  }

  return handler === plan.desktopFile
    ? { status: 'ok', detail: `mpath:// links open this install (${handler}).` }
    : {
        status: 'fail',
        detail: `mpath:// links open ${handler}, not this install (${plan.desktopFile}). ${REINSTALL}`,
      }
}

/**
 * Whether `mpath://` links open this install: on Linux the desktop entry `xdg-mime` names must
 * be this install's; elsewhere (and as a fallback) the OS must name this executable with the
 * same arguments (Windows registry, macOS LaunchServices).
 */
export async function checkSchemeRegistration(input: SchemeCheckInput): Promise<ProbeOutcome> {
  if (input.platform === 'linux') {
    const outcome = await checkLinux(input)

    if (outcome !== undefined) {
      return outcome
    }
  }

  const { registration } = input
  const isDefault = input.app.isDefaultProtocolClient(
    registration.scheme,
    registration.executable,
    registration.args,
  )

  return isDefault
    ? { status: 'ok', detail: 'mpath:// links open this install.' }
    : {
        status: 'fail',
        detail: `mpath:// links open another app or another copy of mpath Desktop. ${REINSTALL}`,
      }
}
