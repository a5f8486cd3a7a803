/**
 * The senders main answers: the webContents ids of our own windows in the app, the harness
 * page's id in the desktop harness. Anything else is refused before its request is read.
 */
export interface SenderRegistry {
  register(id: number | string): void
  unregister(id: number | string): void
  isTrusted(id: unknown): boolean
}

/** Creates an empty {@link SenderRegistry}. */
export function createSenderRegistry(): SenderRegistry {
  const trusted = new Set<number | string>()

  return {
    register(id) {
      trusted.add(id)
    },
    unregister(id) {
      trusted.delete(id)
    },
    isTrusted: (id) => (typeof id === 'number' || typeof id === 'string') && trusted.has(id),
  }
}
