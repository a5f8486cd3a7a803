import { checkedName, collectChunks, type CacheBlobStore } from '../cacheBlobs'

/** Blobs in memory, for tests: `failWrites` makes the next writes throw half-way. */
export function createMemoryCacheBlobStore(): CacheBlobStore & {
  readonly blobs: Map<string, Uint8Array>
  failWrites(fail: boolean): void
} {
  const blobs = new Map<string, Uint8Array>()
  let failing = false

  return {
    blobs,
    failWrites(fail) {
      failing = fail
    },
    async read(name) {
      return blobs.get(checkedName(name))
    },
    async write(name, chunks) {
      const blob = await collectChunks(chunks)

      if (failing) {
        throw new Error('Disk full (simulated).')
      }

      blobs.set(checkedName(name), blob)
    },
    async remove(name) {
      blobs.delete(checkedName(name))
    },
  }
}
