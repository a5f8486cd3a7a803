import type { StorageBackend, StorageStrength } from './cipher'

/**
 * How sensitive a sealed value is, which decides whether a weak backend may
 * persist it.
 */
export type SecretSensitivity = 'refresh-token' | 'secret' | 'cache'

/**
 * What the vault can promise right now, and why, in words a person can act on.
 */
export interface Protection {
  backend: StorageBackend
  strength: StorageStrength
  reason?: string
}

/** What the vault knows about the cipher after asking it. */
export interface ProtectionFacts {
  available: boolean
  backend: StorageBackend
  /**
   * Encryption threw earlier in this session although the cipher said it was
   * available.
   */
  encryptionFailed: boolean
  platform: NodeJS.Platform
  allowWeakPersistence: boolean
}

const LINUX_FIX =
  'Install and unlock a keyring (GNOME Keyring or KWallet), or start mpath Desktop with ' +
  '--password-store=gnome-libsecret.'

function unavailableReason(platform: NodeJS.Platform): string {
  const sessionOnly = 'so you stay signed in for this session only.'

  switch (platform) {
    case 'darwin':
      return (
        `The macOS Keychain could not be used, ${sessionOnly} ` +
        'Unlock your login keychain and restart mpath Desktop.'
      )
    case 'win32':
      return (
        `Windows data protection could not be used, ${sessionOnly} ` +
        'Restart mpath Desktop; if it persists, check your Windows user profile.'
      )
    default:
      return `No OS keyring could be used, ${sessionOnly} ${LINUX_FIX}`
  }
}

function weakReason(backend: StorageBackend, allowWeakPersistence: boolean): string {
  if (backend === 'test') {
    return 'A test cipher is in use: credentials stay in memory for this session only.'
  }

  const what =
    backend === 'basic_text'
      ? 'No OS keyring was found; the basic_text store only obfuscates secrets'
      : 'The OS did not say which keyring protects secrets'

  return allowWeakPersistence
    ? `${what}, and you allowed saving your sign-in with it anyway. ${LINUX_FIX}`
    : `${what}, so your sign-in is kept for this session only. ${LINUX_FIX} ` +
        'Or allow saving it anyway in Settings.'
}

/**
 * Classifies the cipher's state: strong, weak (`basic_text`, unknown, test) or
 * none.
 */
export function assessProtection(facts: ProtectionFacts): Protection {
  const { backend } = facts

  if (!facts.available || facts.encryptionFailed) {
    return { backend, strength: 'none', reason: unavailableReason(facts.platform) }
  }

  if (backend === 'basic_text' || backend === 'unknown' || backend === 'test') {
    return { backend, strength: 'weak', reason: weakReason(backend, facts.allowWeakPersistence) }
  }

  return { backend, strength: 'strong' }
}

/**
 * Whether a value may be written to disk. A weak backend persists only with the
 * person's consent and never cached personal data; nothing is ever written
 * under the test cipher.
 */
export function mayPersist(
  protection: Protection,
  sensitivity: SecretSensitivity,
  allowWeakPersistence: boolean,
): boolean {
  switch (protection.strength) {
    case 'strong':
      return true
    case 'weak':
      return protection.backend !== 'test' && allowWeakPersistence && sensitivity !== 'cache'
    case 'none':
      return false
  }
}
