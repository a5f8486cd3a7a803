/**
 * Stable error codes shared by every zone. A code never changes meaning once released; the
 * renderer switches on it, tests assert on it, and logs carry it instead of free text.
 */
export const ERROR_CODES = [
  // Configuration and connection profile
  'PROFILE_INVALID',
  'PROFILE_MISSING',
  'DISCOVERY_FAILED',
  'INSECURE_URL',
  // Authorization
  'AUTH_CANCELLED',
  'AUTH_DENIED',
  'AUTH_TIMEOUT',
  'AUTH_NO_PENDING',
  'AUTH_STATE_MISMATCH',
  'AUTH_ISSUER_MISMATCH',
  'AUTH_INVALID_CALLBACK',
  'AUTH_INVALID_SCOPE',
  'AUTH_SERVER_ERROR',
  'AUTH_TOKEN_EXCHANGE_FAILED',
  'AUTH_ID_TOKEN_INVALID',
  'AUTH_TRANSPORT_UNAVAILABLE',
  // Session
  'SESSION_SIGNED_OUT',
  'SESSION_EXPIRED',
  'SESSION_REFRESH_FAILED',
  'SESSION_REFRESH_LOOP',
  'REVOCATION_FAILED',
  // Vault
  'VAULT_NOT_READY',
  'VAULT_UNAVAILABLE',
  'VAULT_WEAK_BACKEND',
  'VAULT_DECRYPT_FAILED',
  'VAULT_TEST_CIPHER_REFUSED',
  // API and network
  'NETWORK_OFFLINE',
  'NETWORK_TIMEOUT',
  'API_UNAUTHORIZED',
  'API_FORBIDDEN',
  'API_INSUFFICIENT_SCOPE',
  'API_NOT_FOUND',
  'API_RATE_LIMITED',
  'API_UNAVAILABLE',
  'API_SERVER_ERROR',
  'API_BAD_RESPONSE',
  'API_BAD_REQUEST',
  'WRITES_UNAVAILABLE',
  // Deep links and IPC
  'DEEP_LINK_INVALID',
  'IPC_INVALID_ARGUMENT',
  'IPC_UNKNOWN_CHANNEL',
  'IPC_FORBIDDEN_SENDER',
  // Anything that escaped a mapping
  'INTERNAL',
  // A capability this runtime does not offer (e.g. opening the log folder in the preview)
  'NOT_AVAILABLE',
] as const

/** One of the stable error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The shape an error takes when it crosses a process boundary (IPC, the harness binding). */
export interface ErrorData {
  code: ErrorCode
  message: string
  /** What the person can do about it, in one sentence, when there is something to do. */
  action?: string
  /** Facts the interface acts on (e.g. `missingScope`); never a secret. */
  details?: Readonly<Record<string, string>>
}

/**
 * The one error type of the app: a stable `code`, a message a person can read, an optional
 * next step, and the underlying `cause` for logs (never sent across IPC).
 *
 * @example
 * throw new AppError('PROFILE_INVALID', 'Client ID is empty.', {
 *   action: 'Paste the client ID your administrator gave you.',
 * })
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly action?: string
  readonly details?: Readonly<Record<string, string>>

  constructor(
    code: ErrorCode,
    message: string,
    options: { action?: string; cause?: unknown; details?: Readonly<Record<string, string>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.action = options.action
    this.details = options.details
  }

  /** The serializable form: code, message, action and details; never the cause. */
  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message }

    if (this.action !== undefined) {
      data.action = this.action
    }

    if (this.details !== undefined) {
      data.details = { ...this.details }
    }

    return data
  }
}

/** True when `value` is one of the stable error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/**
 * Turns anything thrown into serializable error data; unknown errors become `INTERNAL` with a
 * generic message so no internal detail (or secret) leaks across a boundary.
 */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof AppError) {
    return error.toData()
  }

  return { code: 'INTERNAL', message: 'Something went wrong inside mpath Desktop.' }
}
