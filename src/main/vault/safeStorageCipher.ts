import type { Cipher, StorageBackend } from './cipher'

/**
 * The part of Electron 45's `safeStorage` the vault uses: the async API only.
 */
export interface AsyncSafeStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Uint8Array>
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>
  /** Linux only. */
  getSelectedStorageBackend?(): string
}

const LINUX_BACKENDS: readonly StorageBackend[] = [
  'basic_text',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
]

/**
 * Binds Electron's async `safeStorage` to the cipher port. The vault calls it
 * only after `ready`: before that, macOS would create a keychain item under the
 * wrong name.
 *
 * @example
 * createSafeStorageCipher(safeStorage, process.platform)
 */
export function createSafeStorageCipher(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
): Cipher {
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    backend: () => storageBackend(safeStorage, platform),
    encrypt: async (plainText) => new Uint8Array(await safeStorage.encryptStringAsync(plainText)),
    decrypt: async (sealed) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed))

      return { plainText: result, shouldReEncrypt }
    },
  }
}

function storageBackend(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): StorageBackend {
  switch (platform) {
    case 'darwin':
      return 'keychain'
    case 'win32':
      return 'dpapi'
    default: {
      const reported = safeStorage.getSelectedStorageBackend?.()

      return LINUX_BACKENDS.find((backend) => backend === reported) ?? 'unknown'
    }
  }
}
