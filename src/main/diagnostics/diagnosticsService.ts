import type {
  CheckStatus,
  DiagnosticCheck,
  DiagnosticsReport,
} from '../../shared/diagnostics/diagnostics'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import { redactText } from '../log/redact'
import type { Clock } from '../platform/ports'

/** What one probe found. */
export interface ProbeOutcome {
  status: CheckStatus
  /** Plain words; redacted again before it is shown or copied. */
  detail: string
}

/** The id of one check of the self-check. */
export type CheckId = DiagnosticCheck['id']

/**
 * The self-check's probes, each a port: the Electron shell binds the scheme-registration,
 * loopback and log-folder probes; the services bind storage, clock and connection. A probe
 * left out reports `unknown`.
 */
export type DiagnosticsProbes = Partial<Record<CheckId, () => Promise<ProbeOutcome>>> & {
  /** Opens the log folder in the system's file manager. */
  openLogFolder?: () => Promise<void>
}

/** The self-check. */
export interface DiagnosticsService {
  run(): Promise<DiagnosticsReport>
  /** The report as redacted plain text, for the person to copy into a support request. */
  reportText(): Promise<string>
  openLogs(): Promise<void>
}

const TITLES: Record<CheckId, string> = {
  scheme: 'mpath:// links open this app',
  storage: 'Credential storage',
  clock: 'Clock matches the server',
  loopback: 'Local sign-in listener',
  connection: 'Connection to your organization',
  logs: 'Log files',
}

const ORDER: readonly CheckId[] = ['connection', 'storage', 'scheme', 'loopback', 'clock', 'logs']
const PROBE_TIMEOUT_MS = 5_000
const STATUS_LABELS: Record<CheckStatus, string> = {
  ok: 'OK',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: '??',
}

/** Builds the {@link DiagnosticsService}. */
export function createDiagnostics(options: {
  probes: DiagnosticsProbes
  clock: Clock
  logger: Logger
  /** Heads the text report, e.g. `mpath Desktop 0.1.0 (linux, electron)`. */
  describeApp: () => string
}): DiagnosticsService {
  const log = options.logger.child('diagnostics')

  const probe = async (id: CheckId): Promise<DiagnosticCheck> => {
    const run = options.probes[id]

    if (run === undefined) {
      return { id, status: 'unknown', title: TITLES[id], detail: 'Not checked in this runtime.' }
    }

    let timer: { cancel(): void } | undefined

    try {
      const outcome = await Promise.race([
        run(),
        new Promise<ProbeOutcome>((resolve) => {
          timer = options.clock.setTimeout(
            () =>
              resolve({ status: 'unknown', detail: 'The check took too long and was stopped.' }),
            PROBE_TIMEOUT_MS,
          )
        }),
      ])

      return { id, status: outcome.status, title: TITLES[id], detail: redactText(outcome.detail) }
    } catch (error) {
      log.warn('A self-check probe failed', { id, error })

      return { id, status: 'unknown', title: TITLES[id], detail: 'The check could not run.' }
    } finally {
      timer?.cancel()
    }
  }

  const run = async (): Promise<DiagnosticsReport> => ({
    generatedAt: new Date(options.clock.now()).toISOString(),
    checks: await Promise.all(ORDER.map(probe)),
  })

  return {
    run,
    async reportText() {
      const report = await run()
      const lines = [
        `${options.describeApp()} — self-check at ${report.generatedAt}`,
        ...report.checks.map(
          (check) => `[${STATUS_LABELS[check.status]}] ${check.title}: ${check.detail}`,
        ),
      ]

      return redactText(lines.join('\n'))
    },
    async openLogs() {
      if (options.probes.openLogFolder === undefined) {
        throw new AppError('NOT_AVAILABLE', 'Opening the log folder is not available here.', {
          action: "The log files are in the app's data folder.",
        })
      }

      await options.probes.openLogFolder()
    },
  }
}
