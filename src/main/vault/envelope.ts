import type { StorageBackend } from './cipher'

/** The envelope format this build writes and reads. */
export const ENVELOPE_FORMAT = 1

/**
 * How a sealed value is persisted: the ciphertext plus what is needed to
 * explain a value that no longer opens (another backend, another app identity,
 * a newer format).
 */
export interface SealedEnvelope {
  format: typeof ENVELOPE_FORMAT
  backend: StorageBackend
  appIdentity: string
  /** ISO 8601 time of sealing. */
  sealedAt: string
  /** Base64 of the cipher's output. */
  ciphertext: string
}

/** The store key of a sealed value. */
export function envelopeKey(name: string): string {
  return `vault.${name}`
}

/** Either a usable envelope, or why the stored value cannot be one. */
export type EnvelopeReading =
  | { ok: true; envelope: SealedEnvelope; sealed: Uint8Array }
  | { ok: false; reason: string }

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Checks a stored value's shape; never echoes its content in the reason. */
export function readEnvelope(stored: unknown): EnvelopeReading {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { ok: false, reason: 'the stored value is not a sealed envelope' }
  }

  const candidate = stored as Record<string, unknown>

  if (candidate.format !== ENVELOPE_FORMAT) {
    return typeof candidate.format === 'number' && candidate.format > ENVELOPE_FORMAT
      ? { ok: false, reason: `it was sealed in format ${candidate.format} by a newer version` }
      : { ok: false, reason: 'the stored envelope has an unknown format' }
  }

  const { backend, appIdentity, sealedAt, ciphertext } = candidate

  if (
    typeof backend !== 'string' ||
    typeof appIdentity !== 'string' ||
    typeof sealedAt !== 'string' ||
    typeof ciphertext !== 'string' ||
    ciphertext.length === 0 ||
    !BASE64.test(ciphertext)
  ) {
    return { ok: false, reason: 'the stored envelope is damaged' }
  }

  return {
    ok: true,
    envelope: {
      format: ENVELOPE_FORMAT,
      backend: backend as StorageBackend,
      appIdentity,
      sealedAt,
      ciphertext,
    },
    sealed: new Uint8Array(Buffer.from(ciphertext, 'base64')),
  }
}

/** Builds the envelope of freshly sealed bytes. */
export function createEnvelope(
  sealed: Uint8Array,
  backend: StorageBackend,
  appIdentity: string,
  sealedAt: Date,
): SealedEnvelope {
  return {
    format: ENVELOPE_FORMAT,
    backend,
    appIdentity,
    sealedAt: sealedAt.toISOString(),
    ciphertext: Buffer.from(sealed).toString('base64'),
  }
}

/**
 * Says what changed since a value was sealed, to explain why it no longer
 * opens, e.g. "it was sealed under kwallet5, now gnome_libsecret".
 */
export function describeChange(
  envelope: SealedEnvelope,
  backend: StorageBackend,
  appIdentity: string,
): string | undefined {
  const changes: string[] = []

  if (envelope.backend !== backend) {
    changes.push(`it was sealed under ${envelope.backend}, now ${backend}`)
  }

  if (envelope.appIdentity !== appIdentity) {
    changes.push(`it was sealed by "${envelope.appIdentity}", this app is "${appIdentity}"`)
  }

  return changes.length === 0 ? undefined : changes.join('; ')
}
