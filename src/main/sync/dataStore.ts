import type { Initiative } from '../../shared/mpath/initiatives'
import type { OneOnOne } from '../../shared/mpath/oneOnOnes'
import type { Person } from '../../shared/mpath/people'
import type { Task } from '../../shared/mpath/tasks'
import type { Team } from '../../shared/mpath/teams'
import type { CurrentUser } from '../../shared/mpath/user'
import { COLLECTIONS, type Collection } from '../../shared/sync/syncStatus'

/** The item type of each cached collection. */
export interface CollectionItems {
  people: Person
  teams: Team
  tasks: Task
  initiatives: Initiative
  oneOnOnes: OneOnOne
}

/** One collection as held in memory. Never mutated in place: each change makes a new value. */
export interface CollectionSnapshot<Item> {
  items: readonly Item[]
  byId: ReadonlyMap<string, Item>
  /** ISO time of the last complete download, or null before the first. */
  syncedAt: string | null
  /** Bumped on every change, so derived indexes and query results know when to rebuild. */
  version: number
}

/**
 * The organization data in memory: one snapshot per collection, plus who "me" is. Every
 * change goes through here so readers see whole snapshots and listeners hear of each change.
 */
export interface DataStore {
  get<C extends Collection>(collection: C): CollectionSnapshot<CollectionItems[C]>
  /** Replaces a whole collection (a completed download or a loaded cache). */
  replace<C extends Collection>(
    collection: C,
    items: readonly CollectionItems[C][],
    syncedAt: string | null,
  ): void
  /** Replaces or appends one item by id (an optimistic or confirmed write). */
  put<C extends Collection>(collection: C, item: CollectionItems[C], replacingId?: string): void
  /** Removes one item by id; returns it and its position so a failed write can restore it. */
  remove<C extends Collection>(
    collection: C,
    id: string,
  ): { item: CollectionItems[C]; index: number } | undefined
  /** Puts an item back at the position it was removed from. */
  restore<C extends Collection>(collection: C, item: CollectionItems[C], index: number): void
  currentUser(): CurrentUser | null
  setCurrentUser(user: CurrentUser | null): void
  /** Forgets everything (sign-out). */
  clear(): void
  /** Called with the collections that changed. Returns the function that stops listening. */
  onDidChange(listener: (collections: Collection[]) => void): () => void
}

let nextVersion = 1

function snapshotOf<Item extends { id: string }>(
  items: readonly Item[],
  syncedAt: string | null,
): CollectionSnapshot<Item> {
  const byId = new Map<string, Item>()

  for (const item of items) {
    byId.set(item.id, item)
  }

  return { items, byId, syncedAt, version: nextVersion++ }
}

/** Creates an empty in-memory store of the organization data. */
export function createDataStore(): DataStore {
  const snapshots = new Map<Collection, CollectionSnapshot<{ id: string }>>()
  const listeners = new Set<(collections: Collection[]) => void>()
  let me: CurrentUser | null = null

  const reset = (): void => {
    for (const collection of COLLECTIONS) {
      snapshots.set(collection, snapshotOf([], null))
    }
  }

  const notify = (collections: Collection[]): void => {
    for (const listener of [...listeners]) {
      listener(collections)
    }
  }

  const current = (collection: Collection): CollectionSnapshot<{ id: string }> =>
    snapshots.get(collection) ?? snapshotOf([], null)

  const update = (collection: Collection, items: { id: string }[]): void => {
    snapshots.set(collection, snapshotOf(items, current(collection).syncedAt))
    notify([collection])
  }

  reset()

  return {
    get: <C extends Collection>(collection: C) =>
      current(collection) as unknown as CollectionSnapshot<CollectionItems[C]>,
    replace(collection, items, syncedAt) {
      snapshots.set(collection, snapshotOf(items, syncedAt))
      notify([collection])
    },
    put(collection, item, replacingId) {
      const items = [...current(collection).items]
      const targetId = replacingId ?? item.id
      const index = items.findIndex((existing) => existing.id === targetId)

      if (index === -1) {
        items.push(item)
      } else {
        items[index] = item
      }

      update(collection, items)
    },
    remove: <C extends Collection>(collection: C, id: string) => {
      const items = [...current(collection).items]
      const index = items.findIndex((existing) => existing.id === id)

      if (index === -1) {
        return undefined
      }

      const [item] = items.splice(index, 1)
      update(collection, items)

      return { item: item as CollectionItems[C], index }
    },
    restore(collection, item, index) {
      const items = current(collection).items.filter((existing) => existing.id !== item.id)
      items.splice(Math.min(index, items.length), 0, item)
      update(collection, items)
    },
    currentUser: () => me,
    setCurrentUser(user) {
      me = user
    },
    clear() {
      me = null
      reset()
      notify([...COLLECTIONS])
    },
    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
  }
}
