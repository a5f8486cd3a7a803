import type { LogEntry, LogSink } from '../createLogger'

/** A sink that keeps every entry in memory, for tests. */
export interface MemoryLogSink extends LogSink {
  readonly entries: LogEntry[]
  /**
   * Every message and context serialized into one string, to assert what never
   * appears.
   */
  text(): string
}

/**
 * A log sink that records entries in an array, for tests and the desktop
 * harness.
 */
export function memoryLogSink(): MemoryLogSink {
  const entries: LogEntry[] = []

  return {
    entries,
    write: (entry) => {
      entries.push(entry)
    },
    text: () => entries.map((entry) => serializeEntry(entry)).join('\n'),
  }
}

function serializeEntry(entry: LogEntry): string {
  const context = entry.context === undefined ? '' : ` ${JSON.stringify(entry.context, replacer)}`

  return `${entry.level} ${entry.message}${context}`
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { ...value, name: value.name, message: value.message, stack: value.stack }
  }

  return typeof value === 'bigint' ? value.toString() : value
}
