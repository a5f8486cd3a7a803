/**
 * Small ports through which main-process services reach the outside world. The Electron entry
 * binds them to Electron; tests and the desktop harness bind them to fakes or to Node.
 */

/** Persistent key-value storage (electron-store in the app). Values are JSON-serializable. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/** Wall-clock time in milliseconds since the epoch, and timers that can be faked. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, milliseconds: number): { cancel(): void }
}

/** Opens a URL in the person's system browser (never in an app window). */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}

/** The `fetch` used for every network request (Electron's `net.fetch` in the app). */
export type FetchPort = typeof fetch

/** The system clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, milliseconds) {
    const handle = setTimeout(callback, milliseconds)
    handle.unref?.()

    return { cancel: () => clearTimeout(handle) }
  },
}
