/**
 * The composed main services against the real sandbox: sign-in through the deep-link intake,
 * a full sync, capability calls with data, offline from the encrypted cache, a restart that
 * serves the cache before the network answers, and no secret anywhere in the IPC traffic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SessionState } from '../shared/auth/sessionState'
import type { InvokeEnvelope } from '../shared/ipc/bridgeApi'
import type { InvokeChannelName } from '../shared/ipc/contract'
import type { QueryPage } from '../shared/ipc/queries'
import type { MyWork, WriteAvailability } from '../shared/ipc/views'
import type { Task } from '../shared/mpath/tasks'
import type { SyncStatus } from '../shared/sync/syncStatus'
import { createTestLogger } from './log/testing/testLogger'
import { systemClock, type FetchPort } from './platform/ports'
import { memoryKeyValueStore } from './platform/testing/memoryKeyValueStore'
import { createServices, type ServicePorts, type Services } from './services'
import { createTestCipher } from './vault/testing/testCipher'

/** The part of the sandbox these tests use. */
interface RunningSandbox {
  ready: {
    issuer: string
    apiUrl: string
    users: Array<{ email: string; password: string; role: string; personId: string | null }>
  }
  resourceServer: { clientId: string; clientSecret: string }
  close(): Promise<void>
}

interface SandboxKit {
  startSandbox(input: Record<string, unknown>): Promise<RunningSandbox>
}

interface LoginDriver {
  authorizeOverHttp(input: {
    authorizationUrl: string
    email: string
    password: string
  }): Promise<string>
}

// The app never imports the sandbox, and the main zone's type project does not compile it:
// these tests load it at run time through paths the type checker and the lint do not follow.
const SANDBOX_START = '../../sandbox/start'
const SANDBOX_LOGIN_DRIVER = '../../sandbox/auth/testing/driveLogin'

/** Network conditions a test can switch, and everything secret that crossed it. */
function createNetwork() {
  const secrets = new Set<string>()
  let mode: 'up' | 'down' = 'up'
  let failAfterApiRequests = Number.POSITIVE_INFINITY
  let held: Promise<void> | null = null
  let release = () => {}

  const remember = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 8) {
      secrets.add(value)
    }
  }

  const fetchPort = (async (input: Parameters<FetchPort>[0], init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    await held

    if (mode === 'down') {
      throw new TypeError('fetch failed')
    }

    if (url.pathname.startsWith('/api/')) {
      failAfterApiRequests -= 1

      if (failAfterApiRequests < 0) {
        throw new TypeError('fetch failed')
      }
    }

    const headers = new Headers(input instanceof Request ? input.headers : init?.headers)
    remember(headers.get('authorization')?.replace(/^Bearer /, ''))
    const response = await fetch(input, init)

    if (url.pathname.endsWith('/token')) {
      const body = (await response.clone().json()) as Record<string, unknown>
      remember(body.access_token)
      remember(body.refresh_token)
      remember(body.id_token)
    }

    return response
  }) as FetchPort

  return {
    fetch: fetchPort,
    secrets,
    goDown: () => (mode = 'down'),
    goUp: () => {
      mode = 'up'
      failAfterApiRequests = Number.POSITIVE_INFINITY
    },
    failAfter: (requests: number) => (failAfterApiRequests = requests),
    hold: () => {
      held = new Promise((resolve) => (release = resolve))
    },
    release: () => {
      held = null
      release()
    },
  }
}

/** Everything that crossed the IPC boundary, as the renderer would have seen it. */
function recordTraffic(services: Services, traffic: string[]) {
  services.events.subscribe((channel, payload) =>
    traffic.push(JSON.stringify({ channel, payload })),
  )

  const invoke = async <Result>(channel: InvokeChannelName, request?: unknown): Promise<Result> => {
    traffic.push(JSON.stringify({ channel, request }))
    const envelope: InvokeEnvelope<unknown> = await services.ipc.invoke({
      channel,
      request,
      senderId: 'page',
    })
    traffic.push(JSON.stringify(envelope))

    if (!envelope.ok) {
      throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`)
    }

    return envelope.value as Result
  }

  return { traffic, invoke }
}

async function waitFor<Value>(
  read: () => Value | Promise<Value>,
  accept: (value: Value) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs

  for (;;) {
    const value = await read()

    if (accept(value)) {
      return value
    }

    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`)
    }

    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('createServices against the sandbox', () => {
  let sandbox: RunningSandbox
  let driver: LoginDriver
  const network = createNetwork()
  const store = memoryKeyValueStore()
  const cipher = createTestCipher({ backend: 'gnome_libsecret' })
  const opened: string[] = []
  const callbacks: string[] = []
  const running: Services[] = []
  const traffic: string[] = []
  let user: RunningSandbox['ready']['users'][number]

  const build = (): ServicePorts => ({
    cipher,
    store,
    clock: systemClock,
    fetch: network.fetch,
    opener: {
      async openExternal(url) {
        opened.push(url)
        const services = running.at(-1)!
        // The person signs in at the browser; the app receives the callback link.
        void driver
          .authorizeOverHttp({ authorizationUrl: url, email: user.email, password: user.password })
          .then((callback) => {
            callbacks.push(callback)
            services.deepLinks.accept(callback, 'harness')
          })
      },
    },
    logger: createTestLogger({ level: 'warn' }).logger,
    env: {
      isProduction: false,
      runtime: 'preview',
      appVersion: '0.0.0-test',
      platform: 'linux',
      sandboxApiUrl: sandbox.ready.apiUrl,
      connectSandboxAtStart: true,
    },
    isReady: () => true,
    timeZone: () => 'UTC',
  })

  const launch = (): { services: Services } & ReturnType<typeof recordTraffic> => {
    const services = createServices(build())
    running.push(services)
    services.senders.register('page')
    services.deepLinks.markReady()

    return { services, ...recordTraffic(services, traffic) }
  }

  let first: ReturnType<typeof launch>

  beforeAll(async () => {
    const kit = (await import(/* @vite-ignore */ SANDBOX_START)) as SandboxKit
    driver = (await import(/* @vite-ignore */ SANDBOX_LOGIN_DRIVER)) as LoginDriver
    sandbox = await kit.startSandbox({ authPort: 0, apiPort: 0 })
    user = sandbox.ready.users.find(
      (candidate) => candidate.role === 'admin' && candidate.personId,
    )!
    first = launch()
    await first.services.start()
  }, 120_000)

  afterAll(async () => {
    for (const services of running) {
      services.dispose()
    }

    await sandbox?.close()
  })

  it('signs in through the deep-link intake and syncs every collection', async () => {
    const { invoke, services } = first
    const profile = await invoke<{ source: string; profile: { apiUrl: string } }>('profile:get')
    expect(profile.source).toBe('sandbox')
    // Saved, so a restart finds it without asking the sandbox.
    await invoke('profile:save', { profile: profile.profile })

    const started = await invoke<SessionState>('auth:sign-in')
    expect(started.status).toBe('signing-in')

    await waitFor(
      () => invoke<SessionState>('auth:get-state'),
      (s) => s.status === 'signed-in',
      'sign-in',
    )
    const status = await waitFor(
      () => invoke<SyncStatus>('sync:get-status'),
      (s) => s.phase === 'idle' && s.collections.tasks.syncedAt !== null,
      'the first sync',
    )

    for (const collection of ['people', 'teams', 'tasks', 'initiatives', 'oneOnOnes'] as const) {
      expect(status.collections[collection].count).toBeGreaterThan(0)
    }

    const tasks = await invoke<QueryPage<Task>>('tasks:query', { limit: 5 })
    expect(tasks.total).toBe(status.collections.tasks.count)
    expect(tasks.items).toHaveLength(5)
    expect(await invoke<Task | null>('tasks:get', { id: tasks.items[0]!.id })).toEqual(
      tasks.items[0],
    )

    const work = await invoke<MyWork>('work:get-summary')
    expect(work.me.personId).toBe(user.personId)
    const hits = await invoke<unknown[]>('search:query', { q: tasks.items[0]!.title.slice(0, 4) })
    expect(hits.length).toBeGreaterThan(0)
    expect(services.data.currentUser()?.managerOSPersonId).toBe(user.personId)

    const writes = await invoke<WriteAvailability>('tasks:get-write-availability')
    expect(writes).toMatchObject({ available: false })
    expect(writes.reason).toMatch(/write:tasks/)
  })

  it('keeps working offline from the cache and recovers', async () => {
    const { invoke, services } = first
    const before = await invoke<QueryPage<Task>>('tasks:query', { limit: 1000 })
    const blob = store.get('cache.sync-tasks.a') ?? store.get('cache.sync-tasks.b')

    // The network drops half-way through a sync.
    network.failAfter(3)
    const offline = await invoke<SyncStatus>('sync:refresh')
    expect(offline.phase).toBe('offline')
    expect(offline.lastError?.code).toBe('NETWORK_OFFLINE')
    expect((await invoke<QueryPage<Task>>('tasks:query', { limit: 1000 })).total).toBe(before.total)
    expect(store.get('cache.sync-tasks.a') ?? store.get('cache.sync-tasks.b')).toEqual(blob)

    network.goDown()
    expect((await invoke<SyncStatus>('sync:refresh')).phase).toBe('offline')

    network.goUp()
    const recovered = await invoke<SyncStatus>('sync:refresh')
    expect(recovered.phase).toBe('idle')
    expect(recovered.lastError).toBeUndefined()
    expect(services.data.get('tasks').items).toHaveLength(before.total)
  })

  it('serves the encrypted cache after a restart before the network answers', async () => {
    const count = first.services.data.get('tasks').items.length
    first.services.dispose()

    network.hold()
    const second = launch()
    const starting = second.services.start()
    await waitFor(
      () => second.services.data.get('tasks').items.length,
      (length) => length === count,
      'the cached tasks',
    )
    const served = await second.invoke<QueryPage<Task>>('tasks:query', { limit: 1 })
    expect(served.total).toBe(count)

    network.release()
    await starting
    await waitFor(
      () => second.invoke<SessionState>('auth:get-state'),
      (s) => s.status === 'signed-in',
      'restore',
    )
    await waitFor(
      () => second.invoke<SyncStatus>('sync:get-status'),
      (s) => s.phase === 'idle',
      'the sync',
    )
  })

  it('offline at restart stays signed in on the cache, recovers with the network', async () => {
    const previous = running.at(-1)!
    const count = previous.data.get('tasks').items.length
    previous.dispose()

    network.goDown()
    const third = launch()
    await third.services.start()

    expect(await third.invoke<SessionState>('auth:get-state')).toMatchObject({
      status: 'restoring',
      user: { email: user.email },
      // Discovery is the first request of a restore; it cannot reach the sign-in server.
      offline: { code: 'DISCOVERY_FAILED' },
    })
    expect(third.services.data.get('tasks').items).toHaveLength(count)
    expect([...store.data.keys()].some((key) => key.startsWith('cache.'))).toBe(true)
    expect([...store.data.keys()].some((key) => key.includes('auth-session'))).toBe(true)

    network.goUp()
    await third.services.resume()
    await waitFor(
      () => third.invoke<SessionState>('auth:get-state'),
      (state) => state.status === 'signed-in',
      'the restore once the network is back',
    )
    await waitFor(
      () => third.invoke<SyncStatus>('sync:get-status'),
      (status) => status.phase === 'idle' && status.lastError === undefined,
      'the sync after the restore',
    )
    expect(third.services.data.get('tasks').items).toHaveLength(count)
  })

  it('edits tasks once editing is on and the new sign-in grants write:tasks', async () => {
    const services = running.at(-1)!
    const { invoke } = recordTraffic(services, traffic)
    await invoke('settings:update', { editingEnabled: true })
    await invoke('auth:sign-in')
    await waitFor(
      () => invoke<SessionState>('auth:get-state'),
      (state) => state.status === 'signed-in' && state.scopes.includes('write:tasks'),
      'a sign-in with write:tasks',
    )
    expect(await invoke('tasks:get-write-availability')).toEqual({ available: true })

    const created = await invoke<Task>('tasks:create', { title: 'Plan the offsite' })
    expect(created.id).not.toMatch(/^local-/)
    const found = await invoke<QueryPage<Task>>('tasks:query', { search: 'plan the offsite' })
    expect(found.items.map((task) => task.id)).toEqual([created.id])

    expect((await invoke<Task>('tasks:complete', { id: created.id })).status).toBe('done')
    await invoke('tasks:delete', { id: created.id })
    expect(await invoke('tasks:get', { id: created.id })).toBeNull()

    // A refused change is undone in the cache and says so.
    const envelope = await services.ipc.invoke({
      channel: 'tasks:update',
      request: { id: created.id, patch: { title: 'Gone' } },
      senderId: 'page',
    })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'API_NOT_FOUND' } })
  })

  it('sent no token, code, state, secret or authorization URL over IPC', () => {
    const recorded = traffic.join('\n')
    const callback = new URL(callbacks[0]!)
    const forbidden = [
      ...network.secrets,
      callback.searchParams.get('code')!,
      callback.searchParams.get('state')!,
      callbacks[0]!,
      opened[0]!,
      new URL(opened[0]!).searchParams.get('code_challenge')!,
      sandbox.resourceServer.clientSecret,
    ]

    expect(network.secrets.size).toBeGreaterThanOrEqual(2)
    expect(traffic.length).toBeGreaterThan(20)

    for (const secret of forbidden) {
      expect(secret.length).toBeGreaterThan(6)
      expect(recorded).not.toContain(secret)
    }

    expect(recorded).not.toMatch(
      /access_token|refresh_token|authorization_endpoint|\/oauth\/authorize/,
    )
  })

  it('clears the cache in memory and on disk at sign-out', async () => {
    const second = running.at(-1)!
    const { invoke } = recordTraffic(second, traffic)
    await invoke('auth:sign-out')

    expect(second.data.get('tasks').items).toHaveLength(0)
    await waitFor(
      () => [...store.data.keys()].filter((key) => key.startsWith('cache.')),
      (keys) => keys.length === 0,
      'the cache to be removed',
    )
  })
})
