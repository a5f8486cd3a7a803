import { describe, expect, it } from 'vitest'

import type { EventChannelName } from '../shared/ipc/contract'
import { COLLECTIONS } from '../shared/sync/syncStatus'
import { createServices } from './services'
import { fakeServicePorts } from './services/testing/fakePorts'
import { createKeyValueCacheBlobStore } from './sync/cacheBlobs'
import { createEncryptedCache } from './sync/encryptedCache'
import { sampleOrganization } from './sync/testing/sampleData'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function launch(ports = fakeServicePorts()) {
  const services = createServices(ports)
  services.senders.register('page')
  const events: Array<[EventChannelName, unknown]> = []
  services.events.subscribe((channel, payload) => events.push([channel, payload]))
  const invoke = async (channel: string, request?: unknown) => {
    const envelope = await services.ipc.invoke({ channel, request, senderId: 'page' })

    if (!envelope.ok) {
      throw Object.assign(new Error(envelope.error.message), envelope.error)
    }

    return envelope.value
  }

  return { services, ports, events, invoke }
}

describe('createServices', () => {
  it('starts signed out without a profile and answers every kind of call', async () => {
    const { services, invoke } = launch()
    await services.start()

    expect(await invoke('auth:get-state')).toEqual({ status: 'signed-out' })
    expect(await invoke('profile:get')).toEqual({ profile: null, source: null })
    expect(await invoke('tasks:query', {})).toEqual({ items: [], total: 0 })
    expect(await invoke('app:get-info')).toMatchObject({
      name: 'mpath Desktop',
      runtime: 'preview',
      credentialsInMemoryOnly: true,
      organization: null,
    })
    expect(await invoke('tasks:get-write-availability')).toMatchObject({ available: false })
    expect(await invoke('auth:sign-in')).toMatchObject({
      status: 'error',
      error: { code: 'PROFILE_MISSING' },
    })
    services.dispose()
  })

  it('removes a cache left on disk when the start is signed out', async () => {
    const ports = fakeServicePorts()
    const cache = createEncryptedCache({
      cipher: ports.cipher,
      blobs: createKeyValueCacheBlobStore(ports.store),
      mayPersist: async () => true,
      logger: ports.logger,
      entries: [...COLLECTIONS, 'me'],
    })
    await cache.save('tasks', sampleOrganization({ tasks: 3 }).tasks, '2026-03-01T00:00:00.000Z')
    expect([...ports.store.data.keys()].some((key) => key.startsWith('cache.'))).toBe(true)

    const { services } = launch(ports)
    await services.start()

    expect(services.data.get('tasks').items).toHaveLength(0)
    expect([...ports.store.data.keys()].some((key) => key.startsWith('cache.'))).toBe(false)
    services.dispose()
  })

  it('hands OAuth callback links to the flow and turns open links into navigation', async () => {
    const { services, ports, events } = launch()
    await services.start()
    services.deepLinks.accept('mpath://oauth/callback?code=c0de-value&state=st4te-value', 'harness')
    services.deepLinks.accept('mpath://tasks/task_1', 'open-url')
    expect(events.filter(([channel]) => channel === 'app:did-request-navigation')).toEqual([])

    services.deepLinks.markReady()
    await flush()

    expect(events).toContainEqual(['app:did-request-navigation', { target: 'tasks', id: 'task_1' }])
    const dropped = ports.entries.filter((entry) =>
      entry.message.includes('dropped an authorization callback'),
    )
    expect(dropped).toHaveLength(1)
    expect(JSON.stringify(ports.entries)).not.toContain('c0de-value')
    services.dispose()
  })

  it('announces settings and data changes as events', async () => {
    const { services, events, invoke } = launch()
    await services.start()
    await invoke('settings:update', { theme: 'dark' })
    services.data.replace('people', sampleOrganization({ people: 2 }).people, null)

    expect(events).toContainEqual([
      'settings:did-change',
      expect.objectContaining({ theme: 'dark' }),
    ])
    expect(events).toContainEqual(['data:did-change', { collections: ['people'] }])
    services.dispose()
  })
})
