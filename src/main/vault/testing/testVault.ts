import { createTestLogger } from '../../log/testing/testLogger'
import type { Logger } from '../../log/logger'
import type { Clock } from '../../platform/ports'
import { memoryKeyValueStore } from '../../platform/testing/memoryKeyValueStore'
import { createVault } from '../vault'
import { createTestCipher } from './testCipher'

/** Options of {@link createTestVault} beyond its store and cipher. */
export interface TestVaultOptions {
  /** Where the vault logs; a fresh test logger by default. */
  logger?: Logger
  /** Source of the `sealedAt` time; the system clock by default. */
  clock?: Pick<Clock, 'now'>
  /** Whether the person consented to a weak backend; false by default. */
  allowWeakPersistence?: boolean
}

/**
 * A ready vault over a memory store with a test cipher that claims a strong keychain. Pass the
 * store and cipher of an earlier one to reopen what it sealed, as a restarted app would.
 */
export function createTestVault(
  store = memoryKeyValueStore(),
  cipher = createTestCipher({ backend: 'keychain' }),
  options: TestVaultOptions = {},
) {
  const vault = createVault({
    cipher,
    store,
    appIdentity: 'mpath-desktop-test',
    logger: options.logger ?? createTestLogger().logger,
    isReady: () => true,
    allowWeakPersistence: () => options.allowWeakPersistence ?? false,
    isProduction: false,
    clock: options.clock,
  })

  return { vault, store, cipher }
}
