import type { KeyValueStore } from '../ports'

/** A key-value store in memory, with its raw contents visible to tests. */
export interface MemoryKeyValueStore extends KeyValueStore {
  /** Every key and value written so far, as the store holds them. */
  readonly data: Map<string, unknown>
}

/**
 * A {@link KeyValueStore} kept in a Map, for tests and the desktop harness.
 * Values are copied through JSON on the way in and out, as a file-backed store
 * would do.
 */
export function memoryKeyValueStore(initial: Record<string, unknown> = {}): MemoryKeyValueStore {
  const data = new Map<string, unknown>(Object.entries(initial))
  const copy = (value: unknown): unknown =>
    value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown)

  return {
    data,
    get: (key) => copy(data.get(key)),
    set: (key, value) => {
      data.set(key, copy(value))
    },
    delete: (key) => {
      data.delete(key)
    },
  }
}
