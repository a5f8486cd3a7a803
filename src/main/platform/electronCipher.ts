import { AppError } from '../../shared/errors/appError'
import type { Cipher } from '../vault/cipher'
import { createSafeStorageCipher, type AsyncSafeStorage } from '../vault/safeStorageCipher'

function notReady(): AppError {
  return new AppError('VAULT_NOT_READY', 'The keychain was used before mpath Desktop was ready.', {
    action: 'Restart mpath Desktop; if it persists, report it.',
  })
}

/**
 * The safeStorage cipher, refusing every call before `ready`: on macOS an early call creates a
 * keychain item under Chromium's name, and later calls no longer find the secrets sealed there.
 */
export function createElectronCipher(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
  isReady: () => boolean,
): Cipher {
  const cipher = createSafeStorageCipher(safeStorage, platform)
  const guard = <T>(call: () => T): T => {
    if (!isReady()) {
      throw notReady()
    }

    return call()
  }

  return {
    isAvailable: () => (isReady() ? cipher.isAvailable() : Promise.reject(notReady())),
    backend: () => guard(() => cipher.backend()),
    encrypt: (plainText) => (isReady() ? cipher.encrypt(plainText) : Promise.reject(notReady())),
    decrypt: (sealed) => (isReady() ? cipher.decrypt(sealed) : Promise.reject(notReady())),
  }
}
