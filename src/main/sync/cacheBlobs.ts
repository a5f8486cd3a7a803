import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

import type { KeyValueStore } from '../platform/ports'

/**
 * Where sealed cache blobs are kept. `write` replaces a blob atomically: the previous blob
 * stays readable until the new one is complete, so a crash or a failed write mid-way (the
 * chunks throwing included) leaves the last good cache in place.
 */
export interface CacheBlobStore {
  read(name: string): Promise<Uint8Array | undefined>
  /**
   * Writes the blob made of `chunks`, in order. Chunks are consumed one at a time, so a large
   * blob need never be whole in memory.
   */
  write(name: string, chunks: AsyncIterable<Uint8Array>): Promise<void>
  remove(name: string): Promise<void>
}

/** Joins `chunks` into one blob, for stores that can only keep a value whole. */
export async function collectChunks(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []

  for await (const chunk of chunks) {
    parts.push(chunk)
  }

  return new Uint8Array(Buffer.concat(parts))
}

/** Names are plain identifiers so they can be file names and store keys alike. */
export const CACHE_BLOB_NAME = /^[a-z][A-Za-z0-9-]{0,63}$/

/** Returns `name` when it is a valid blob name; throws otherwise. */
export function checkedName(name: string): string {
  if (!CACHE_BLOB_NAME.test(name)) {
    throw new Error(`Invalid cache blob name: ${name.slice(0, 64)}`)
  }

  return name
}

/**
 * Blobs as files in `directory`: each write goes to a temporary file that is renamed over the
 * old one (an atomic replace on every OS the app runs on), so a blob is never half-written.
 * The files hold only ciphertext.
 */
export function createFileCacheBlobStore(directory: string): CacheBlobStore {
  const pathOf = (name: string): string => join(directory, `${checkedName(name)}.sealed`)
  let writes = 0

  return {
    async read(name) {
      try {
        return new Uint8Array(await readFile(pathOf(name)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return undefined
        }

        throw error
      }
    },
    async write(name, chunks) {
      const target = pathOf(name)
      writes += 1
      const temporary = `${target}.${process.pid}.${writes}.tmp`
      await mkdir(directory, { recursive: true })
      const file = await open(temporary, 'w')

      try {
        try {
          for await (const chunk of chunks) {
            let written = 0

            while (written < chunk.length) {
              written += (await file.write(chunk, written)).bytesWritten
            }
          }

          await file.sync()
        } finally {
          await file.close()
        }

        await rename(temporary, target)
      } catch (error) {
        await rm(temporary, { force: true })
        throw error
      }
    },
    async remove(name) {
      await rm(pathOf(name), { force: true })
    },
  }
}

/**
 * Blobs in the key-value store, for runtimes without a cache folder. Two slots per blob and a
 * pointer: the new blob is written to the free slot, then the pointer swaps to it, then the
 * old slot is cleared, so an interrupted write leaves the pointer on the previous blob.
 */
export function createKeyValueCacheBlobStore(store: KeyValueStore): CacheBlobStore {
  const pointerKey = (name: string): string => `cache.${checkedName(name)}.current`
  const slotKey = (name: string, slot: string): string => `cache.${checkedName(name)}.${slot}`
  const currentSlot = (name: string): 'a' | 'b' | undefined => {
    const slot = store.get(pointerKey(name))

    return slot === 'a' || slot === 'b' ? slot : undefined
  }

  return {
    async read(name) {
      const slot = currentSlot(name)
      const stored = slot === undefined ? undefined : store.get(slotKey(name, slot))

      return typeof stored === 'string' ? new Uint8Array(Buffer.from(stored, 'base64')) : undefined
    },
    async write(name, chunks) {
      const blob = await collectChunks(chunks)
      const previous = currentSlot(name)
      const next = previous === 'a' ? 'b' : 'a'
      store.set(slotKey(name, next), Buffer.from(blob).toString('base64'))
      store.set(pointerKey(name), next)

      if (previous !== undefined) {
        store.delete(slotKey(name, previous))
      }
    },
    async remove(name) {
      store.delete(pointerKey(name))
      store.delete(slotKey(name, 'a'))
      store.delete(slotKey(name, 'b'))
    },
  }
}
