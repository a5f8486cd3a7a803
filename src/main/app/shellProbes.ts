import { AppError } from '../../shared/errors/appError'
import type { DiagnosticsProbes, ProbeOutcome } from '../diagnostics/diagnosticsService'
import { checkLoopback } from './loopbackProbe'

/** What the shell's self-check probes need. */
export interface ShellProbeOptions {
  /** Whether `mpath://` links reach this install (see `checkSchemeRegistration`). */
  scheme: () => Promise<ProbeOutcome>
  /** The loopback redirect of the current connection, if it registers one. */
  loopbackRedirectUri: () => Promise<string | undefined>
  logFolder: () => string
  /** The home folder, shown as `~` so a copied report does not carry the user name. */
  home: string
  /** Electron's `shell.openPath`: resolves with an error message, empty on success. */
  openPath: (path: string) => Promise<string>
}

function shortenHome(path: string, home: string): string {
  return home !== '' && path.startsWith(home) ? `~${path.slice(home.length)}` : path
}

/** The self-check probes only the Electron shell can answer: scheme, loopback and logs. */
export function createShellProbes(options: ShellProbeOptions): DiagnosticsProbes {
  return {
    scheme: options.scheme,
    loopback: async () => checkLoopback(await options.loopbackRedirectUri()),
    async logs() {
      return {
        status: 'ok',
        detail: `Logs are in ${shortenHome(options.logFolder(), options.home)}.`,
      }
    },
    async openLogFolder() {
      const problem = await options.openPath(options.logFolder())

      if (problem !== '') {
        throw new AppError('INTERNAL', 'The log folder could not be opened.', {
          action: 'Open the folder shown in the self-check yourself.',
        })
      }
    },
  }
}
