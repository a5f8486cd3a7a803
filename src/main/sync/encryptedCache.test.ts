import { describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../shared/sync/syncStatus'
import { createTestLogger } from '../log/testing/testLogger'
import type { Cipher } from '../vault/cipher'
import { createTestCipher } from '../vault/testing/testCipher'
import { splitFrames } from './cacheFrames'
import { CACHE_SLICE_CHARS, createEncryptedCache } from './encryptedCache'
import { createMemoryCacheBlobStore } from './testing/memoryCacheBlobStore'
import { sampleOrganization } from './testing/sampleData'

const SYNCED_AT = '2026-03-01T12:00:00.000Z'

function build(options: { cipher?: Cipher; mayPersist?: boolean } = {}) {
  const { logger, entries } = createTestLogger()
  const cipher = options.cipher ?? createTestCipher({ backend: 'gnome_libsecret' })
  const blobs = createMemoryCacheBlobStore()
  const cache = createEncryptedCache({
    cipher,
    blobs,
    mayPersist: async () => options.mayPersist ?? true,
    logger,
    entries: [...COLLECTIONS, 'me'],
  })
  const reasons = (): unknown[] =>
    entries
      .filter((entry) => entry.message.includes('Discarded a cached collection'))
      .map((entry) => entry.context?.reason)

  return { cache, blobs, cipher, entries, reasons }
}

function framesOf(blob: Uint8Array | undefined): Uint8Array[] {
  const frames = blob === undefined ? undefined : splitFrames(blob)

  if (frames === undefined) {
    throw new Error('The blob is not framed.')
  }

  return frames
}

describe('createEncryptedCache', () => {
  const organization = sampleOrganization({ tasks: 20_000 })

  it('round-trips a 20k-item collection sealed slice by slice', async () => {
    const cipher = createTestCipher({ backend: 'gnome_libsecret' })
    const { cache, blobs } = build({ cipher })

    expect(await cache.save('tasks', organization.tasks, SYNCED_AT)).toBe(true)

    // One sealed frame per slice, then the summary; each slice decrypts on its own.
    const frames = framesOf(blobs.blobs.get('sync-tasks'))
    const json = JSON.stringify(organization.tasks).length
    expect(frames.length).toBeGreaterThanOrEqual(Math.floor(json / CACHE_SLICE_CHARS))
    expect(cipher.calls.encrypt).toBe(frames.length)
    const slices: unknown[] = []

    for (const frame of frames.slice(0, -1)) {
      const plainText = (await cipher.decrypt(frame)).plainText
      expect(plainText.length).toBeLessThan(2 * CACHE_SLICE_CHARS)
      slices.push(...(JSON.parse(plainText) as unknown[]))
    }

    expect(slices).toEqual(organization.tasks)
    expect(Buffer.from(blobs.blobs.get('sync-tasks')!).toString('utf8')).not.toContain(
      organization.tasks[0]!.title,
    )

    const loaded = await cache.load('tasks')
    expect(loaded?.syncedAt).toBe(SYNCED_AT)
    expect(loaded?.items).toEqual(organization.tasks)
  })

  it('round-trips an empty collection and the signed-in user', async () => {
    const { cache } = build()
    await cache.save('teams', [], null)
    await cache.saveCurrentUser(organization.me)

    expect(await cache.load('teams')).toEqual({ items: [], syncedAt: null })
    expect(await cache.loadCurrentUser()).toEqual(organization.me)
    expect(await cache.load('people')).toBeUndefined()
  })

  it('drops a collection whose middle slice is corrupt, alone, with the reason', async () => {
    const { cache, blobs, reasons } = build()
    await cache.save('tasks', organization.tasks, SYNCED_AT)
    await cache.save('people', organization.people, SYNCED_AT)

    // The frames are views into the stored blob: damage the ciphertext of a middle slice.
    const frames = framesOf(blobs.blobs.get('sync-tasks'))
    expect(frames.length).toBeGreaterThan(10)
    frames[Math.floor(frames.length / 2)]!.fill(0x21, 0, 8)

    expect(await cache.load('tasks')).toBeUndefined()
    expect(reasons()).toEqual(['it no longer decrypts'])
    expect(blobs.blobs.has('sync-tasks')).toBe(false)
    expect((await cache.load('people'))?.items).toEqual(organization.people)
  })

  it('discards a blob whose frames do not match its summary', async () => {
    const { cache, blobs, reasons } = build()
    await cache.save('tasks', organization.tasks.slice(0, 1_000), SYNCED_AT)
    const summary = framesOf(blobs.blobs.get('sync-tasks')).at(-1)
    // The summary alone, as if the slices had been cut off: a blob of one unframed frame.
    blobs.blobs.set('sync-tasks', new Uint8Array(summary!))

    expect(await cache.load('tasks')).toBeUndefined()
    expect(reasons()).toEqual(['its format is not one this version reads'])
  })

  it('discards a blob of the one-piece format 1 with the reason', async () => {
    const cipher = createTestCipher({ backend: 'gnome_libsecret' })
    const { cache, blobs, reasons } = build({ cipher })
    const old = { format: 1, entry: 'tasks', syncedAt: SYNCED_AT, payload: [] }
    blobs.blobs.set('sync-tasks', await cipher.encrypt(JSON.stringify(old)))
    blobs.blobs.set('sync-people', new Uint8Array([1, 2, 3]))

    expect(await cache.load('tasks')).toBeUndefined()
    expect(await cache.load('people')).toBeUndefined()
    expect(reasons()).toEqual(['its format is not one this version reads', 'it no longer decrypts'])
    expect(blobs.blobs.size).toBe(0)
  })

  it('keeps the previous blob when sealing fails half-way', async () => {
    const inner = createTestCipher({ backend: 'gnome_libsecret' })
    let sealsLeft = Number.POSITIVE_INFINITY
    const cipher: Cipher = {
      ...inner,
      encrypt: async (plainText) => {
        sealsLeft -= 1

        if (sealsLeft < 0) {
          throw new Error('Encryption is not available.')
        }

        return inner.encrypt(plainText)
      },
    }
    const { cache, blobs, entries } = build({ cipher })
    await cache.save('tasks', organization.tasks.slice(0, 10), SYNCED_AT)
    const before = blobs.blobs.get('sync-tasks')

    sealsLeft = 4
    expect(await cache.save('tasks', organization.tasks, SYNCED_AT)).toBe(false)
    expect(blobs.blobs.get('sync-tasks')).toBe(before)
    expect(entries.some((entry) => entry.message.includes('previous copy is kept'))).toBe(true)
    expect((await cache.load('tasks'))?.items).toEqual(organization.tasks.slice(0, 10))
  })

  it('writes nothing when the cache may not persist', async () => {
    const { cache, blobs, cipher } = build({ mayPersist: false })

    expect(await cache.save('tasks', organization.tasks, SYNCED_AT)).toBe(false)
    expect(await cache.saveCurrentUser(organization.me)).toBe(false)
    expect(blobs.blobs.size).toBe(0)
    expect((cipher as ReturnType<typeof createTestCipher>).calls.encrypt).toBe(0)
  })

  it('clears every blob', async () => {
    const { cache, blobs } = build()
    await cache.save('tasks', organization.tasks.slice(0, 5), SYNCED_AT)
    await cache.saveCurrentUser(organization.me)

    await cache.clear()
    expect(blobs.blobs.size).toBe(0)
  })
})
