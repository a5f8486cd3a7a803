import type { Logger, LogLevel } from '../logger'
import { createLogger, type LogEntry } from '../createLogger'
import { memoryLogSink } from './memoryLogSink'

/**
 * A real logger (same redaction as the app's) writing to memory at `trace`
 * level, so tests can assert both what was logged and that no secret reached
 * the sink.
 *
 * @example
 * const { logger, entries } = createTestLogger()
 * expect(entries.some((entry) => entry.message.includes('[auth]'))).toBe(true)
 */
export function createTestLogger(options: { level?: LogLevel } = {}): {
  logger: Logger
  entries: LogEntry[]
} {
  const sink = memoryLogSink()

  return { logger: createLogger(sink, { level: options.level ?? 'trace' }), entries: sink.entries }
}
