/**
 * Where sealed secrets are protected, as the OS reports it. `basic_text` (Linux without a
 * keyring) is obfuscation, not protection; `test` is the plainly-marked cipher of tests and
 * the desktop harness, refused in production.
 */
export type StorageBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'test'

/** What the vault can promise about a backend. */
export type StorageStrength = 'strong' | 'weak' | 'none'

/**
 * The port through which the vault reaches OS encryption (Electron's async safeStorage in
 * the app). Every method may be called only after the app is ready.
 */
export interface Cipher {
  /** True when encryption can be used at all. */
  isAvailable(): Promise<boolean>
  /** The backend in use; call after `isAvailable()`. */
  backend(): StorageBackend
  encrypt(plainText: string): Promise<Uint8Array>
  /** `shouldReEncrypt` is the OS saying the key rotated: seal the value again. */
  decrypt(sealed: Uint8Array): Promise<{ plainText: string; shouldReEncrypt: boolean }>
}
