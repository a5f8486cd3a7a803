import type { SessionState } from '../../shared/auth/sessionState'
import type { ConnectionProfile } from '../../shared/connection/profile'
import type { DiagnosticsProbes, ProbeOutcome } from '../diagnostics/diagnosticsService'
import type { VaultStatus } from '../vault/vault'

const MINUTE = 60_000

/**
 * The probes the services can answer themselves: storage from the vault, the clock from the
 * API's `Date` header, the connection from the profile and the session. The Electron shell
 * adds scheme, loopback and log probes.
 */
export function createServiceProbes(options: {
  vaultStatus: () => Promise<VaultStatus>
  serverClockOffsetMs: () => number | null
  profile: () => ConnectionProfile | undefined
  session: () => SessionState
}): DiagnosticsProbes {
  return {
    async storage(): Promise<ProbeOutcome> {
      const status = await options.vaultStatus()
      const reason = status.reason === undefined ? '' : ` ${status.reason}`

      switch (status.strength) {
        case 'strong':
          return { status: 'ok', detail: `Sign-ins are sealed by the OS (${status.backend}).` }
        case 'weak':
          return {
            status: 'warn',
            detail: `The OS offers only weak protection (${status.backend}).${reason}`,
          }
        case 'none':
          return { status: 'fail', detail: `No OS encryption is available.${reason}` }
      }
    },

    async clock(): Promise<ProbeOutcome> {
      const offset = options.serverClockOffsetMs()

      if (offset === null) {
        return { status: 'unknown', detail: 'No answer from the mpath server yet to compare with.' }
      }

      const seconds = Math.round(Math.abs(offset) / 1000)
      const direction = offset > 0 ? 'behind' : 'ahead of'
      const detail = `This computer's clock is ${seconds} s ${direction} the server.`

      if (Math.abs(offset) < MINUTE) {
        return { status: 'ok', detail }
      }

      return {
        status: Math.abs(offset) < 5 * MINUTE ? 'warn' : 'fail',
        detail: `${detail} Turn on automatic time in the system settings.`,
      }
    },

    async connection(): Promise<ProbeOutcome> {
      const profile = options.profile()
      const session = options.session()

      if (profile === undefined) {
        return { status: 'warn', detail: 'Not connected to an organization yet.' }
      }

      const where = new URL(profile.apiUrl).host

      switch (session.status) {
        case 'signed-in':
          return { status: 'ok', detail: `Signed in to ${where}.` }
        case 'error':
          return { status: 'fail', detail: `${where}: ${session.error.message}` }
        case 'restoring':
          return session.offline
            ? { status: 'warn', detail: `${where}: offline (${session.offline.message})` }
            : { status: 'unknown', detail: `Restoring the session with ${where}.` }
        case 'signing-in':
          return { status: 'unknown', detail: `Signing in to ${where}.` }
        case 'signed-out':
          return { status: 'warn', detail: `Connected to ${where}, signed out.` }
      }
    },
  }
}
