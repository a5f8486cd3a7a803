import { AppError } from '../../shared/errors/appError'

// Node (undici) puts the system error code on `cause`; Electron's net.fetch says
// `net::ERR_…` in the message.
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ETIMEDOUT'])

/**
 * Maps a failure of `fetch` itself (no HTTP answer) to a coded error. `timedOut` says the
 * request path aborted it after its own deadline.
 */
export function toNetworkError(error: unknown, timedOut: boolean): AppError {
  if (error instanceof AppError) {
    return error
  }

  if (timedOut || isTimeout(error)) {
    return new AppError('NETWORK_TIMEOUT', 'The mpath server took too long to answer.', {
      action: 'Check your connection and try again.',
      cause: error,
    })
  }

  return new AppError(
    'NETWORK_OFFLINE',
    'You appear to be offline, or the mpath server cannot be reached.',
    {
      action: 'Check your connection; mpath Desktop keeps showing what it has saved.',
      cause: error,
    },
  )
}

function isTimeout(error: unknown): boolean {
  const code = systemCode(error)

  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return true
  }

  return error instanceof Error && /net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/.test(error.message)
}

function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code

    if (typeof code === 'string') {
      return code
    }

    current = (current as { cause?: unknown }).cause
  }

  return undefined
}
