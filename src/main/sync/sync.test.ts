import { describe, expect, it } from 'vitest'

import { COLLECTIONS, type SyncStatus } from '../../shared/sync/syncStatus'
import { createFakeClock, settle } from '../api/testing/fakeClock'
import { createTestLogger } from '../log/testing/testLogger'
import { createTestCipher } from '../vault/testing/testCipher'
import type { CacheBlobStore } from './cacheBlobs'
import { createDataStore } from './dataStore'
import { createEncryptedCache } from './encryptedCache'
import { createSync } from './sync'
import { createFakeSyncApi, type FakeSyncApi } from './testing/fakeSyncApi'
import { createMemoryCacheBlobStore } from './testing/memoryCacheBlobStore'
import { sampleOrganization } from './testing/sampleData'

const cipher = createTestCipher({ backend: 'gnome_libsecret' })

function build(options: { api: FakeSyncApi | null; blobs?: CacheBlobStore; mayPersist?: boolean }) {
  const { logger, entries } = createTestLogger()
  const clock = createFakeClock()
  const data = createDataStore()
  const blobs = options.blobs ?? createMemoryCacheBlobStore()
  const cache = createEncryptedCache({
    cipher,
    blobs,
    mayPersist: async () => options.mayPersist ?? true,
    logger,
    entries: [...COLLECTIONS, 'me'],
  })
  const sync = createSync({
    api: () => options.api,
    data,
    cache,
    clock,
    logger,
    pageSize: 50,
    refreshIntervalMs: 300_000,
    offlineRetryMs: 30_000,
    staleAfterMs: 60_000,
  })
  const statuses: SyncStatus[] = []
  sync.onDidChangeStatus((status) => statuses.push(status))
  const changes: string[][] = []
  data.onDidChange((collections) => changes.push(collections))

  return { sync, data, blobs, clock, statuses, changes, entries }
}

describe('createSync', () => {
  it('downloads every collection with progress and stamps each as fresh', async () => {
    const organization = sampleOrganization({ tasks: 1234 })
    const api = createFakeSyncApi(organization)
    const { sync, data, statuses, clock, changes } = build({ api })

    const status = await settle(sync.refresh(), clock)

    expect(status.phase).toBe('idle')
    expect(status.lastError).toBeUndefined()
    expect(data.get('tasks').items).toHaveLength(1234)
    expect(data.get('people').items).toHaveLength(organization.people.length)
    expect(data.get('oneOnOnes').items).toHaveLength(organization.oneOnOnes.length)
    expect(data.currentUser()?.managerOSPersonId).toBe('person_0')

    for (const collection of COLLECTIONS) {
      expect(status.collections[collection].syncedAt).toBe(new Date(clock.now()).toISOString())
      expect(status.collections[collection].count).toBe(data.get(collection).items.length)
    }

    const taskProgress = statuses
      .map((entry) => entry.progress)
      .filter((progress) => progress?.collection === 'tasks')
    expect(taskProgress.at(-1)).toEqual({ collection: 'tasks', loaded: 1234, total: 1234 })
    expect(taskProgress.length).toBeGreaterThan(20)
    expect(statuses[0]?.phase).toBe('syncing')
    expect(changes.flat()).toEqual(expect.arrayContaining([...COLLECTIONS]))
    // Pages of 50: 25 task pages, each requested once.
    expect(api.requests.filter((request) => request.startsWith('tasks:'))).toHaveLength(25)
  })

  it('serves the cache after a restart before the network answers', async () => {
    const organization = sampleOrganization({ tasks: 300 })
    const blobs = createMemoryCacheBlobStore()
    const first = build({ api: createFakeSyncApi(organization), blobs })
    await settle(first.sync.refresh(), first.clock)
    expect(blobs.blobs.size).toBe(COLLECTIONS.length + 1)
    // Ciphertext only: no title is readable in a blob.
    const tasksBlob = Buffer.from(blobs.blobs.get('sync-tasks')!).toString('utf8')
    expect(tasksBlob).not.toContain(organization.tasks[0]!.title)

    const api = createFakeSyncApi(organization)
    api.hold()
    const second = build({ api, blobs })
    await second.sync.start()

    expect(second.data.get('tasks').items).toHaveLength(300)
    expect(second.data.currentUser()?.managerOSPersonId).toBe('person_0')
    expect(second.sync.status().collections.tasks.count).toBe(300)
    expect(second.sync.status().phase).toBe('syncing')

    api.release()
    await settle(second.sync.refresh(), second.clock)
    expect(second.sync.status().phase).toBe('idle')
  })

  it('drops a corrupt cache blob alone and serves the others', async () => {
    const organization = sampleOrganization({ tasks: 100 })
    const blobs = createMemoryCacheBlobStore()
    const first = build({ api: createFakeSyncApi(organization), blobs })
    await settle(first.sync.refresh(), first.clock)
    blobs.blobs.set('sync-tasks', new Uint8Array([1, 2, 3]))
    blobs.blobs.set('sync-people', await cipher.encrypt('{"format":1,"entry":"people",'))

    const second = build({ api: null, blobs })
    await second.sync.loadCache()

    expect(second.data.get('tasks').items).toHaveLength(0)
    expect(second.data.get('people').items).toHaveLength(0)
    expect(second.data.get('initiatives').items).toHaveLength(organization.initiatives.length)
    expect(blobs.blobs.has('sync-tasks')).toBe(false)
    expect(blobs.blobs.has('sync-people')).toBe(false)
    expect(blobs.blobs.has('sync-initiatives')).toBe(true)
    const reasons = second.entries
      .filter((entry) => entry.message.includes('Discarded a cached collection'))
      .map((entry) => entry.context?.reason)
    expect(reasons).toEqual(
      expect.arrayContaining(['it no longer decrypts', 'it is not valid JSON']),
    )
  })

  it('goes offline mid-sync with the old cache intact, then recovers', async () => {
    const organization = sampleOrganization({ tasks: 400 })
    const blobs = createMemoryCacheBlobStore()
    const api = createFakeSyncApi(organization)
    const { sync, data, clock } = build({ api, blobs })
    await settle(sync.refresh(), clock)
    const cachedTasks = blobs.blobs.get('sync-tasks')
    const syncedAt = sync.status().collections.tasks.syncedAt

    // Fail half-way through the tasks (after the small collections and 3 task pages).
    api.goOfflineAfter(10)
    const offline = await settle(sync.refresh(), clock)

    expect(offline.phase).toBe('offline')
    expect(offline.lastError?.code).toBe('NETWORK_OFFLINE')
    expect(offline.progress).toBeUndefined()
    expect(data.get('tasks').items).toHaveLength(400)
    expect(blobs.blobs.get('sync-tasks')).toBe(cachedTasks)
    expect(offline.collections.tasks.syncedAt).toBe(syncedAt)

    // The retry timer brings it back by itself once the network returns.
    api.goOfflineAfter(Number.POSITIVE_INFINITY)
    expect(clock.runNextTimer()).toBe(true)
    await settle(new Promise((resolve) => setTimeout(resolve, 0)), clock)
    await settle(sync.refresh(), clock)
    expect(sync.status().phase).toBe('idle')
    expect(sync.status().lastError).toBeUndefined()
    expect(clock.firedDelays).toContain(30_000)
  })

  it('keeps the previous cache when writing the new one fails', async () => {
    const organization = sampleOrganization({ tasks: 50 })
    const blobs = createMemoryCacheBlobStore()
    const first = build({ api: createFakeSyncApi(organization), blobs })
    await settle(first.sync.refresh(), first.clock)
    const before = blobs.blobs.get('sync-tasks')

    blobs.failWrites(true)
    await settle(first.sync.refresh(), first.clock)
    expect(first.sync.status().phase).toBe('idle')
    expect(blobs.blobs.get('sync-tasks')).toBe(before)
    expect(first.entries.some((entry) => entry.message.includes('previous copy is kept'))).toBe(
      true,
    )
  })

  it('skips a collection the server refuses and syncs the rest', async () => {
    const api = createFakeSyncApi(sampleOrganization({ tasks: 20 }))
    api.failCollection('oneOnOnes', 'API_FORBIDDEN')
    const { sync, data, clock } = build({ api })

    const status = await settle(sync.refresh(), clock)

    expect(status.phase).toBe('idle')
    expect(status.lastError?.code).toBe('API_FORBIDDEN')
    expect(data.get('tasks').items).toHaveLength(20)
    expect(status.collections.oneOnOnes.syncedAt).toBeNull()
  })

  it('reports a session failure as an error and keeps the data', async () => {
    const api = createFakeSyncApi(sampleOrganization({ tasks: 20 }))
    const { sync, data, clock } = build({ api })
    await settle(sync.refresh(), clock)
    api.failWith('SESSION_EXPIRED')

    const status = await settle(sync.refresh(), clock)
    expect(status.phase).toBe('error')
    expect(status.lastError?.code).toBe('SESSION_EXPIRED')
    expect(data.get('tasks').items).toHaveLength(20)
  })

  it('keeps data in memory only when the cache may not be written', async () => {
    const organization = sampleOrganization({ tasks: 20 })
    const blobs = createMemoryCacheBlobStore()
    const { sync, data, clock } = build({
      api: createFakeSyncApi(organization),
      blobs,
      mayPersist: false,
    })
    await settle(sync.refresh(), clock)
    expect(data.get('tasks').items).toHaveLength(20)
    expect(blobs.blobs.size).toBe(0)
  })

  it('refreshes on focus only when stale, and joins a running refresh', async () => {
    const api = createFakeSyncApi(sampleOrganization({ tasks: 20 }))
    const { sync, clock } = build({ api })
    const first = sync.refresh()
    expect(sync.refresh()).toBe(first)
    await settle(first, clock)
    const requests = api.requests.length

    sync.requestRefresh()
    expect(api.requests.length).toBe(requests)

    // The interval timer is the next one: five minutes later the data is stale anyway.
    expect(clock.runNextTimer()).toBe(true)
    expect(clock.firedDelays.at(-1)).toBe(300_000)
    await settle(sync.refresh(), clock)
    expect(api.requests.length).toBeGreaterThan(requests)
  })

  it('forgets memory and disk on clear, and drops a refresh that was running', async () => {
    const organization = sampleOrganization({ tasks: 30 })
    const blobs = createMemoryCacheBlobStore()
    const api = createFakeSyncApi(organization)
    const { sync, data, clock } = build({ api, blobs })
    await settle(sync.refresh(), clock)

    api.hold()
    const running = sync.refresh()
    await sync.clear()
    api.release()
    await settle(running, clock)

    expect(data.get('tasks').items).toHaveLength(0)
    expect(data.currentUser()).toBeNull()
    expect(blobs.blobs.size).toBe(0)
    expect(sync.status().collections.tasks).toEqual({ syncedAt: null, count: 0 })
  })
})
