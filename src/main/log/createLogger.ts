import type { LogContext, Logger, LogLevel } from './logger'
import { redact, redactText } from './redact'

/**
 * Levels from the most to the least verbose; a logger drops entries below its
 * minimum.
 */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error']

/** One entry as a sink receives it: already tagged and redacted. */
export interface LogEntry {
  level: LogLevel
  /** Milliseconds since the epoch. */
  time: number
  /**
   * The area of the child logger that wrote it (`auth`, `vault/envelope`), if
   * any.
   */
  area?: string
  /** `[area] short sentence`, redacted. */
  message: string
  /** Structured context, redacted; absent when none was given. */
  context?: LogContext
}

/**
 * Where entries go (electron-log in the app, memory in tests). Must not throw.
 */
export interface LogSink {
  write(entry: LogEntry): void
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Entries below this level are dropped before redaction. Default `info`. */
  level?: LogLevel
  /** The time source of entries. Default `Date.now`. */
  now?: () => number
}

/** True when `level` is at least as severe as `minimum`. */
export function isLevelEnabled(level: LogLevel, minimum: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum)
}

/**
 * The main process's logger: tags messages with the area of `child()`, drops
 * entries below the minimum level, and redacts message text and context before
 * the sink sees them, so no transport can receive a token, a code, a state or a
 * URL query.
 *
 * @example
 * const logger = createLogger(createElectronLogSink({ isDevelopment }), { level: 'debug' })
 * logger.child('vault').warn('Dropped a sealed value', { name: 'refreshToken', reason })
 */
export function createLogger(sink: LogSink, options: LoggerOptions = {}): Logger {
  const minimum = options.level ?? 'info'
  const now = options.now ?? Date.now

  const write = (area: string | undefined, level: LogLevel, text: string, context?: LogContext) => {
    if (!isLevelEnabled(level, minimum)) {
      return
    }

    const message = redactText(area === undefined ? text : `[${area}] ${text}`)
    const entry: LogEntry = { level, time: now(), message }

    if (area !== undefined) {
      entry.area = area
    }

    if (context !== undefined) {
      entry.context = redact(context) as LogContext
    }

    try {
      sink.write(entry)
    } catch (error) {
      // The one fallback a logger has: the console, with the entry already
      // redacted.
      console.error('Log sink failed', entry.message, redact(error))
    }
  }

  const build = (area: string | undefined): Logger => ({
    trace: (message, context) => write(area, 'trace', message, context),
    debug: (message, context) => write(area, 'debug', message, context),
    info: (message, context) => write(area, 'info', message, context),
    warn: (message, context) => write(area, 'warn', message, context),
    error: (message, context) => write(area, 'error', message, context),
    child: (childArea) => build(area === undefined ? childArea : `${area}/${childArea}`),
  })

  return build(undefined)
}
