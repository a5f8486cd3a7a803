/** Severity levels, lowest first. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error'

/** Structured context attached to a log entry; redacted before any sink sees it. */
export type LogContext = Record<string, unknown>

/**
 * The one logging interface of the main process. Messages read `[area] short sentence`; the
 * area comes from `child()`. Pass an `Error` under the `error` key to keep its stack.
 */
export interface Logger {
  trace(message: string, context?: LogContext): void
  debug(message: string, context?: LogContext): void
  info(message: string, context?: LogContext): void
  warn(message: string, context?: LogContext): void
  error(message: string, context?: LogContext): void
  /** A logger whose messages are tagged with `area` (e.g. `auth`, `vault`). */
  child(area: string): Logger
}
