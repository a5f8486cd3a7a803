import type { StoreApi } from 'zustand'

const resets = new Set<() => void>()

/**
 * Records a store's initial state so tests can put it back. Every store module calls this once
 * at creation; it costs one closure in production.
 */
export function registerStoreReset<State>(
  store: Pick<StoreApi<State>, 'getInitialState' | 'setState'>,
): void {
  const initial = store.getInitialState()
  resets.add(() => store.setState(initial, true))
}

/** Puts every registered store back to the state it was created with. */
export function resetAllStores(): void {
  for (const reset of resets) {
    reset()
  }
}
