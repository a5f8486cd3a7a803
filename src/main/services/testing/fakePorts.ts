import { createFakeClock, type FakeClock } from '../../api/testing/fakeClock'
import type { LogEntry } from '../../log/createLogger'
import { createTestLogger } from '../../log/testing/testLogger'
import type { FetchPort } from '../../platform/ports'
import {
  memoryKeyValueStore,
  type MemoryKeyValueStore,
} from '../../platform/testing/memoryKeyValueStore'
import { createTestCipher, type TestCipher } from '../../vault/testing/testCipher'
import type { ServicePorts } from '../../services'

/** Ports for `createServices` in tests, with their fakes exposed. */
export interface FakeServicePorts extends ServicePorts {
  cipher: TestCipher
  store: MemoryKeyValueStore
  clock: FakeClock
  opened: string[]
  entries: LogEntry[]
}

/**
 * Ports with no network (every request fails as offline unless `fetch` is given), a test
 * cipher claiming the OS keyring, a store in memory and a fake clock.
 */
export function fakeServicePorts(overrides: Partial<ServicePorts> = {}): FakeServicePorts {
  const { logger, entries } = createTestLogger()
  const opened: string[] = []
  const offline: FetchPort = async () => {
    throw new TypeError('fetch failed')
  }

  return {
    cipher: createTestCipher({ backend: 'gnome_libsecret' }),
    store: memoryKeyValueStore(),
    clock: createFakeClock(),
    fetch: offline,
    opener: {
      async openExternal(url) {
        opened.push(url)
      },
    },
    logger,
    env: { isProduction: false, runtime: 'preview', appVersion: '0.0.0-test', platform: 'linux' },
    isReady: () => true,
    timeZone: () => 'UTC',
    ...overrides,
    opened,
    entries,
  } as FakeServicePorts
}
