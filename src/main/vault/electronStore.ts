import type { KeyValueStore } from '../platform/ports'

/** The methods of an electron-store instance this adapter uses. */
export interface ElectronStoreLike {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/**
 * Binds a constructed electron-store to the key-value port. Keys with dots
 * address nested objects, as electron-store does; the vault keeps its entries
 * under `vault.<name>`.
 */
export function createElectronKeyValueStore(store: ElectronStoreLike): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  }
}
