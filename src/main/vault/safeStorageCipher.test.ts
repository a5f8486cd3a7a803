import type { SafeStorage } from 'electron'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'

import { createSafeStorageCipher, type AsyncSafeStorage } from './safeStorageCipher'

function fakeSafeStorage(backend = 'gnome_libsecret'): AsyncSafeStorage {
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    encryptStringAsync: vi.fn(async (plainText: string) => Buffer.from(`enc:${plainText}`)),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => ({
      shouldReEncrypt: true,
      result: encrypted.toString().replace(/^enc:/, ''),
    })),
    getSelectedStorageBackend: vi.fn(() => backend),
  }
}

describe('createSafeStorageCipher', () => {
  it("accepts Electron's safeStorage as it is typed", () => {
    expectTypeOf<SafeStorage>().toExtend<AsyncSafeStorage>()
  })

  it('round-trips through the async API and passes shouldReEncrypt on', async () => {
    const safeStorage = fakeSafeStorage()
    const cipher = createSafeStorageCipher(safeStorage, 'linux')
    await expect(cipher.isAvailable()).resolves.toBe(true)
    const sealed = await cipher.encrypt('value')
    expect(sealed).toBeInstanceOf(Uint8Array)
    await expect(cipher.decrypt(sealed)).resolves.toEqual({
      plainText: 'value',
      shouldReEncrypt: true,
    })
    expect(safeStorage.decryptStringAsync).toHaveBeenCalledWith(expect.any(Buffer))
  })

  it('names the backend per platform', () => {
    expect(createSafeStorageCipher(fakeSafeStorage(), 'darwin').backend()).toBe('keychain')
    expect(createSafeStorageCipher(fakeSafeStorage(), 'win32').backend()).toBe('dpapi')
    expect(createSafeStorageCipher(fakeSafeStorage('kwallet6'), 'linux').backend()).toBe('kwallet6')
    expect(createSafeStorageCipher(fakeSafeStorage('basic_text'), 'linux').backend()).toBe(
      'basic_text',
    )
    expect(createSafeStorageCipher(fakeSafeStorage('something-new'), 'linux').backend()).toBe(
      'unknown',
    )
  })

  it('calls nothing on safeStorage while being created', () => {
    const safeStorage = fakeSafeStorage()
    createSafeStorageCipher(safeStorage, 'linux')
    Object.values(safeStorage).forEach((method) => expect(method).not.toHaveBeenCalled())
  })
})
