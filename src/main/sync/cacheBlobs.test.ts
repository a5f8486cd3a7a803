import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import { createFileCacheBlobStore, createKeyValueCacheBlobStore } from './cacheBlobs'

async function* bytes(...texts: string[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) {
    yield new Uint8Array(Buffer.from(text))
  }
}

// Yields one chunk, then fails as a cipher refusing mid-way does.
async function* failingAfterOneChunk(): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(Buffer.from('partial'))
  throw new Error('Encryption is not available.')
}
const text = (blob: Uint8Array | undefined): string | undefined =>
  blob === undefined ? undefined : Buffer.from(blob).toString('utf8')

describe('createFileCacheBlobStore', () => {
  const directories: string[] = []

  afterAll(async () => {
    await Promise.all(
      directories.map((directory) => rm(directory, { recursive: true, force: true })),
    )
  })

  it('replaces a blob through a temporary file and leaves nothing else behind', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mpath-cache-'))
    directories.push(directory)
    const store = createFileCacheBlobStore(join(directory, 'cache'))

    expect(await store.read('sync-tasks')).toBeUndefined()
    await store.write('sync-tasks', bytes('one'))
    await store.write('sync-tasks', bytes('tw', '', 'o'))
    expect(text(await store.read('sync-tasks'))).toBe('two')
    expect(await readdir(join(directory, 'cache'))).toEqual(['sync-tasks.sealed'])

    await store.remove('sync-tasks')
    expect(await store.read('sync-tasks')).toBeUndefined()
  })

  it('keeps the previous blob when a write fails', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mpath-cache-'))
    directories.push(directory)
    const store = createFileCacheBlobStore(directory)
    await store.write('sync-people', bytes('good'))

    // Chunks that stop half-way fail before the rename and leave no temporary file.
    await expect(store.write('sync-people', failingAfterOneChunk())).rejects.toThrow(
      /not available/,
    )
    expect(text(await store.read('sync-people'))).toBe('good')
    expect(await readdir(directory)).toEqual(['sync-people.sealed'])
  })

  it('refuses names that could leave the folder', async () => {
    const store = createFileCacheBlobStore(tmpdir())
    await expect(store.write('../escape', bytes('x'))).rejects.toThrow(/Invalid cache blob name/)
  })
})

describe('createKeyValueCacheBlobStore', () => {
  it('writes the free slot before moving the pointer', async () => {
    const kv = memoryKeyValueStore()
    const store = createKeyValueCacheBlobStore(kv)
    await store.write('sync-tasks', bytes('one'))
    await store.write('sync-tasks', bytes('t', 'wo'))
    expect(text(await store.read('sync-tasks'))).toBe('two')
    expect([...kv.data.keys()].sort()).toEqual(['cache.sync-tasks.b', 'cache.sync-tasks.current'])

    // A crash after the new slot was written but before the swap: the old blob is served.
    kv.set('cache.sync-tasks.a', Buffer.from('half').toString('base64'))
    expect(text(await store.read('sync-tasks'))).toBe('two')

    // Chunks that stop half-way leave the pointer where it was.
    await expect(store.write('sync-tasks', failingAfterOneChunk())).rejects.toThrow()
    expect(text(await store.read('sync-tasks'))).toBe('two')

    await store.remove('sync-tasks')
    expect(kv.data.size).toBe(0)
  })
})
