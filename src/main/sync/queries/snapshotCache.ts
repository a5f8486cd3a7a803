/**
 * Derives a value once per snapshot. Snapshots are immutable and replaced on every change, so
 * a weak map keyed by the snapshot object is both the cache and its invalidation.
 *
 * @example
 * const indexOf = perSnapshot((snapshot: CollectionSnapshot<Task>) => buildIndex(snapshot))
 */
export function perSnapshot<Snapshot extends object, Value>(
  build: (snapshot: Snapshot) => Value,
): (snapshot: Snapshot) => Value {
  const cache = new WeakMap<Snapshot, Value>()

  return (snapshot) => {
    let value = cache.get(snapshot)

    if (value === undefined) {
      value = build(snapshot)
      cache.set(snapshot, value)
    }

    return value
  }
}

/**
 * Remembers the last few filtered and sorted lists of a snapshot, keyed by the query without
 * its window, so scrolling through a long list never filters or sorts again.
 */
export interface ResultCache<Snapshot extends object, Value> {
  get(snapshot: Snapshot, key: string, compute: () => Value): Value
}

/** Creates a {@link ResultCache} holding at most `capacity` results per snapshot. */
export function createResultCache<Snapshot extends object, Value>(
  capacity = 8,
): ResultCache<Snapshot, Value> {
  const cache = new WeakMap<Snapshot, Map<string, Value>>()

  return {
    get(snapshot, key, compute) {
      let results = cache.get(snapshot)

      if (results === undefined) {
        results = new Map()
        cache.set(snapshot, results)
      }

      const hit = results.get(key)

      if (hit !== undefined) {
        // Re-insert so the map's order tracks recency and the oldest entry goes first.
        results.delete(key)
        results.set(key, hit)

        return hit
      }

      const value = compute()
      results.set(key, value)

      if (results.size > capacity) {
        const oldest = results.keys().next().value

        if (oldest !== undefined) {
          results.delete(oldest)
        }
      }

      return value
    },
  }
}

/** A stable cache key for a query: its fields minus the window, in sorted key order. */
export function queryKey(query: Record<string, unknown>): string {
  const { offset: _offset, limit: _limit, ...rest } = query
  const sorted: Record<string, unknown> = {}

  for (const key of Object.keys(rest).sort()) {
    if (rest[key] !== undefined) {
      sorted[key] = rest[key]
    }
  }

  return JSON.stringify(sorted)
}

/** The window `[offset, offset + limit)` of a list, and the list's length. */
export function windowOf<Item>(
  items: readonly Item[],
  offset = 0,
  limit = 100,
): { items: Item[]; total: number } {
  return { items: items.slice(offset, offset + limit), total: items.length }
}
