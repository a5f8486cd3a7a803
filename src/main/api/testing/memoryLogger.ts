import type { LogContext, Logger, LogLevel } from '../../log/logger'

/** One recorded log entry. */
export interface LogEntry {
  level: LogLevel
  area: string
  message: string
  context?: LogContext
}

/** A logger that keeps entries in memory, for assertions on what was (not) logged. */
export interface MemoryLogger extends Logger {
  readonly entries: LogEntry[]
  /** Everything logged, as one string, for "never logs X" assertions. */
  dump(): string
}

/** A memory logger shared by all its children. */
export function createMemoryLogger(entries: LogEntry[] = [], area = ''): MemoryLogger {
  const write = (level: LogLevel) => (message: string, context?: LogContext) => {
    entries.push({ level, area, message, context })
  }

  return {
    entries,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (childArea) => createMemoryLogger(entries, childArea),
    dump: () => JSON.stringify(entries),
  }
}
