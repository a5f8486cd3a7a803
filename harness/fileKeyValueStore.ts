import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { KeyValueStore } from '../src/main/platform/ports'

/**
 * A key-value store in one JSON file, standing in for electron-store in the harness so a
 * restart on the same data folder finds what the last run sealed. Written through a temporary
 * file and a rename, so a killed run never leaves half a file.
 */
export function fileKeyValueStore(directory: string): KeyValueStore & { keys(): string[] } {
  mkdirSync(directory, { recursive: true })
  const file = join(directory, 'store.json')
  const data: Record<string, unknown> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {}

  const flushSync = (): void => {
    writeFileSync(`${file}.tmp`, JSON.stringify(data))
    renameSync(`${file}.tmp`, file)
  }

  return {
    keys: () => Object.keys(data),
    get: (key) => (key in data ? structuredClone(data[key]) : undefined),
    set(key, value) {
      data[key] = structuredClone(value)
      flushSync()
    },
    delete(key) {
      delete data[key]
      flushSync()
    },
  }
}
