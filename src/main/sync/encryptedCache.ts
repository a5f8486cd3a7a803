import type { CurrentUser } from '../../shared/mpath/user'
import type { Collection } from '../../shared/sync/syncStatus'
import type { Logger } from '../log/logger'
import type { Cipher } from '../vault/cipher'
import type { CacheBlobStore } from './cacheBlobs'
import type { CollectionItems } from './dataStore'

/** What a cache blob holds once opened. */
export interface CachedCollection<Item> {
  items: Item[]
  syncedAt: string | null
}

/** The names under which blobs are kept: one per collection, and who "me" is. */
export type CacheEntry = Collection | 'me'

/**
 * The organization data at rest: one sealed blob per collection. It is personal data, so it
 * is written only where the OS offers strong encryption; elsewhere the data lives in memory
 * for the session. Reading never throws: a blob that fails to open or parse is removed alone,
 * with the reason logged, and the app carries on as if it had not been cached.
 */
export interface EncryptedCache {
  load<C extends Collection>(
    collection: C,
  ): Promise<CachedCollection<CollectionItems[C]> | undefined>
  loadCurrentUser(): Promise<CurrentUser | undefined>
  /** Seals and writes one collection; false when it was not written (memory only or failed). */
  save<C extends Collection>(
    collection: C,
    items: readonly CollectionItems[C][],
    syncedAt: string | null,
  ): Promise<boolean>
  saveCurrentUser(user: CurrentUser): Promise<boolean>
  /** Removes every blob (sign-out, a forgotten profile). */
  clear(): Promise<void>
}

/** What the cache is built from. */
export interface EncryptedCacheOptions {
  /** The vault's cipher (the OS keychain in the app). */
  cipher: Cipher
  blobs: CacheBlobStore
  /**
   * Whether personal data may be written now: true only under strong OS encryption. The
   * services ask the vault (`status().strength === 'strong'`).
   */
  mayPersist: () => Promise<boolean>
  logger: Logger
  entries: readonly CacheEntry[]
}

const FORMAT = 1

function blobName(entry: CacheEntry): string {
  return `sync-${entry.toLowerCase()}`
}

/** Builds the {@link EncryptedCache}. */
export function createEncryptedCache(options: EncryptedCacheOptions): EncryptedCache {
  const log = options.logger.child('sync/cache')
  const chains = new Map<CacheEntry, Promise<unknown>>()

  // One operation per blob at a time, so an older save can never land after a newer one.
  const serialize = <Result>(entry: CacheEntry, task: () => Promise<Result>): Promise<Result> => {
    const result = (chains.get(entry) ?? Promise.resolve()).then(task)
    chains.set(
      entry,
      result.catch(() => undefined),
    )

    return result
  }

  const discard = async (
    entry: CacheEntry,
    reason: string,
    error?: unknown,
  ): Promise<undefined> => {
    log.warn('Discarded a cached collection that could not be read', { entry, reason, error })

    try {
      await options.blobs.remove(blobName(entry))
    } catch (removeError) {
      log.warn('Could not remove an unreadable cache blob', { entry, error: removeError })
    }

    return undefined
  }

  const read = (
    entry: CacheEntry,
  ): Promise<{ payload: unknown; syncedAt: string | null } | undefined> =>
    serialize(entry, async () => {
      let blob: Uint8Array | undefined

      try {
        blob = await options.blobs.read(blobName(entry))
      } catch (error) {
        log.warn('Could not read a cache blob', { entry, error })

        return undefined
      }

      if (blob === undefined) {
        return undefined
      }

      let plainText: string

      try {
        plainText = (await options.cipher.decrypt(blob)).plainText
      } catch (error) {
        return discard(entry, 'it no longer decrypts', error)
      }

      let parsed: unknown

      try {
        parsed = JSON.parse(plainText)
      } catch (error) {
        return discard(entry, 'it is not valid JSON', error)
      }

      const record = parsed as {
        format?: unknown
        entry?: unknown
        syncedAt?: unknown
        payload?: unknown
      }

      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        record.format !== FORMAT ||
        record.entry !== entry ||
        !(record.syncedAt === null || typeof record.syncedAt === 'string')
      ) {
        return discard(entry, 'its format is not one this version reads')
      }

      return { payload: record.payload, syncedAt: record.syncedAt }
    })

  const write = (entry: CacheEntry, payload: unknown, syncedAt: string | null): Promise<boolean> =>
    serialize(entry, async () => {
      let persist: boolean

      try {
        persist = await options.mayPersist()
      } catch (error) {
        log.warn('Could not learn whether the cache may be written', { error })
        persist = false
      }

      if (!persist) {
        return false
      }

      try {
        const plainText = JSON.stringify({ format: FORMAT, entry, syncedAt, payload })
        const sealed = await options.cipher.encrypt(plainText)
        await options.blobs.write(blobName(entry), sealed)

        return true
      } catch (error) {
        // The previous blob is untouched (the store replaces atomically); keep serving it.
        log.warn('Could not write the cache; the previous copy is kept', { entry, error })

        return false
      }
    })

  return {
    async load(collection) {
      const record = await read(collection)

      if (record === undefined) {
        return undefined
      }

      if (!Array.isArray(record.payload) || !record.payload.every(hasId)) {
        return discard(collection, 'its items are not a list of records')
      }

      return { items: record.payload, syncedAt: record.syncedAt }
    },
    async loadCurrentUser() {
      const record = await read('me')

      if (record === undefined) {
        return undefined
      }

      if (typeof record.payload !== 'object' || record.payload === null) {
        return discard('me', 'it is not a user record')
      }

      return record.payload as CurrentUser
    },
    save: (collection, items, syncedAt) => write(collection, items, syncedAt),
    saveCurrentUser: (user) => write('me', user, null),
    async clear() {
      await Promise.all(
        options.entries.map((entry) =>
          serialize(entry, async () => {
            try {
              await options.blobs.remove(blobName(entry))
            } catch (error) {
              log.warn('Could not remove a cache blob', { entry, error })
            }
          }),
        ),
      )
    },
  }
}

function hasId(item: unknown): boolean {
  return (
    typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
  )
}
