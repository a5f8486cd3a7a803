import type { CurrentUser } from '../../shared/mpath/user'
import type { Collection } from '../../shared/sync/syncStatus'
import type { Logger } from '../log/logger'
import type { Cipher } from '../vault/cipher'
import type { CacheBlobStore } from './cacheBlobs'
import { splitFrames, withFrameTrailer } from './cacheFrames'
import type { CollectionItems } from './dataStore'

/** What a cache blob holds once opened. */
export interface CachedCollection<Item> {
  items: Item[]
  syncedAt: string | null
}

/** The names under which blobs are kept: one per collection, and who "me" is. */
export type CacheEntry = Collection | 'me'

/**
 * The organization data at rest: one blob per collection, sealed in slices of about
 * {@link CACHE_SLICE_CHARS} characters so a large collection is never one huge text. It is personal
 * data, so it is written only where the OS offers strong encryption; elsewhere the data lives
 * in memory for the session. Reading never throws: a blob that fails to open or parse (any of
 * its slices) is removed alone, with the reason logged, and the app carries on as if it had
 * not been cached.
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

/** Format 2 seals a collection in slices; any other blob is discarded when read. */
const FORMAT = 2
/**
 * The JSON characters per sealed slice, about 64 KiB. Kept well under V8's large-object size
 * (128 KiB, ciphertext included) so each slice's text and ciphertext die young and cheaply:
 * bigger slices pile up as old garbage and cost a large collection ~100 MiB while sealing.
 */
export const CACHE_SLICE_CHARS = 64 * 1024

/** The last sealed frame of a blob: what the slices before it belong to. */
interface SliceSummary {
  format: number
  entry: CacheEntry
  syncedAt: string | null
  slices: number
}

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

  // Opens one sealed frame as JSON; a string is the reason it could not be.
  const openFrame = async (frame: Uint8Array): Promise<{ value: unknown } | string> => {
    let plainText: string

    try {
      plainText = (await options.cipher.decrypt(frame)).plainText
    } catch {
      return 'it no longer decrypts'
    }

    try {
      return { value: JSON.parse(plainText) as unknown }
    } catch {
      return 'it is not valid JSON'
    }
  }

  const read = (
    entry: CacheEntry,
  ): Promise<{ items: unknown[]; syncedAt: string | null } | undefined> =>
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

      // A blob without the slice trailer is opened as one sealed frame (how format 1 was
      // written), so an old blob is discarded with the reason it fails for.
      const sliceFrames = splitFrames(blob) ?? [blob]
      const summaryFrame = sliceFrames.pop()
      const opened = summaryFrame === undefined ? 'it is empty' : await openFrame(summaryFrame)

      if (typeof opened === 'string') {
        return discard(entry, opened)
      }

      const summary = opened.value as Partial<SliceSummary> | null

      if (
        typeof summary !== 'object' ||
        summary === null ||
        summary.format !== FORMAT ||
        summary.entry !== entry ||
        summary.slices !== sliceFrames.length ||
        !(summary.syncedAt === null || typeof summary.syncedAt === 'string')
      ) {
        return discard(entry, 'its format is not one this version reads')
      }

      const items: unknown[] = []

      for (const frame of sliceFrames) {
        const slice = await openFrame(frame)

        if (typeof slice === 'string') {
          return discard(entry, slice)
        }

        if (!Array.isArray(slice.value)) {
          return discard(entry, 'a slice is not a list')
        }

        for (const item of slice.value as unknown[]) {
          items.push(item)
        }
      }

      return { items, syncedAt: summary.syncedAt }
    })

  // Seals each slice on its own (only one slice's text is alive at a time), then the summary,
  // which comes last because only then is the number of slices known.
  async function* sealSlices(
    entry: CacheEntry,
    items: readonly unknown[],
    syncedAt: string | null,
  ): AsyncGenerator<Uint8Array> {
    let slices = 0
    let parts: string[] = []
    let chars = 0

    for (const [index, item] of items.entries()) {
      const text = JSON.stringify(item) ?? 'null'
      parts.push(text)
      chars += text.length + 1

      if (chars >= CACHE_SLICE_CHARS || index === items.length - 1) {
        const sliceText = `[${parts.join(',')}]`
        parts = []
        chars = 0
        slices += 1
        yield await options.cipher.encrypt(sliceText)
      }
    }

    const summary: SliceSummary = { format: FORMAT, entry, syncedAt, slices }
    yield await options.cipher.encrypt(JSON.stringify(summary))
  }

  const write = (
    entry: CacheEntry,
    items: readonly unknown[],
    syncedAt: string | null,
  ): Promise<boolean> =>
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
        await options.blobs.write(
          blobName(entry),
          withFrameTrailer(sealSlices(entry, items, syncedAt)),
        )

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

      if (!record.items.every(hasId)) {
        return discard(collection, 'its items are not a list of records')
      }

      return {
        items: record.items as CollectionItems[typeof collection][],
        syncedAt: record.syncedAt,
      }
    },
    async loadCurrentUser() {
      const record = await read('me')

      if (record === undefined) {
        return undefined
      }

      const [user] = record.items

      if (record.items.length !== 1 || typeof user !== 'object' || user === null) {
        return discard('me', 'it is not a user record')
      }

      return user as CurrentUser
    },
    save: (collection, items, syncedAt) => write(collection, items, syncedAt),
    saveCurrentUser: (user) => write('me', [user], null),
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
