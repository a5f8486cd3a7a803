import { dirname } from 'node:path'

import log from 'electron-log/main'

import type { LogLevel } from './logger'
import type { LogEntry, LogSink } from './createLogger'
import { redact } from './redact'

type ElectronLogLevel = 'error' | 'warn' | 'info' | 'verbose' | 'debug' | 'silly'

const BACKEND_LEVELS: Record<LogLevel, ElectronLogLevel> = {
  trace: 'silly',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
}

/**
 * Bytes after which the log file is moved to `main.old.log` and started afresh.
 */
export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024

let isRedactionHookInstalled = false

/** Options of {@link createElectronLogSink}. */
export interface ElectronLogSinkOptions {
  /** Development builds log at `debug`, production at `info`. */
  isDevelopment: boolean
}

/** The log sink of the app, plus where its files are. */
export interface ElectronLogSink extends LogSink {
  /** The minimum level this sink was configured for. */
  readonly level: LogLevel
  /**
   * The folder holding the log files, for the diagnostics view and bug reports.
   */
  logFolder(): string
}

/**
 * Binds the logger to electron-log: console plus a file that rotates at {@link
 * LOG_FILE_MAX_BYTES}. The only module that touches electron-log. A last hook
 * redacts again, so nothing electron-log itself writes (caught errors) can leak
 * a secret.
 */
export function createElectronLogSink(options: ElectronLogSinkOptions): ElectronLogSink {
  const level: LogLevel = options.isDevelopment ? 'debug' : 'info'
  const backendLevel = BACKEND_LEVELS[level]

  log.transports.file.level = backendLevel
  log.transports.file.maxSize = LOG_FILE_MAX_BYTES
  log.transports.console.level = backendLevel

  if (!isRedactionHookInstalled) {
    log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }))
    isRedactionHookInstalled = true
  }

  return {
    level,
    write(entry: LogEntry) {
      const data: unknown[] =
        entry.context === undefined ? [entry.message] : [entry.message, entry.context]
      log[BACKEND_LEVELS[entry.level]](...data)
    },
    logFolder: () => logFolderPath(),
  }
}

/** The folder electron-log writes its files to. */
export function logFolderPath(): string {
  return dirname(log.transports.file.getFile().path)
}
