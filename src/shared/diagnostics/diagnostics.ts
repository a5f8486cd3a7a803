/** The outcome of one self-check. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown'

/** One line of the auth self-check. */
export interface DiagnosticCheck {
  id: 'scheme' | 'storage' | 'clock' | 'loopback' | 'connection' | 'logs'
  status: CheckStatus
  title: string
  /** Plain words on what was found and, where something is wrong, what to do. */
  detail: string
}

/** The whole self-check, already redacted. */
export interface DiagnosticsReport {
  generatedAt: string
  checks: DiagnosticCheck[]
}
