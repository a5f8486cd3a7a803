import type { ErrorData } from '../../../shared/errors/appError'
import { isErrorCode } from '../../../shared/errors/appError'
import type { MpathApi } from '../../../shared/ipc/bridgeApi'

/** The bridge to main, read at call time so a test can install its fake before acting. */
export function mpath(): MpathApi {
  return window.mpath
}

/**
 * The error data a bridge request rejected with. Anything that is not the contract's shape
 * becomes `INTERNAL`, so a component can always show `message`.
 */
export function asErrorData(error: unknown): ErrorData {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as Partial<ErrorData>

    if (isErrorCode(candidate.code) && typeof candidate.message === 'string') {
      return candidate as ErrorData
    }
  }

  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside mpath Desktop.',
    action: 'Try again; if it keeps happening, copy the report from Diagnostics.',
  }
}

/**
 * Forwards a renderer problem to main's log (which redacts it). Only the error code travels,
 * never the message, which could quote a server answer.
 */
export function logProblem(
  message: string,
  error: unknown,
  level: 'warn' | 'error' = 'warn',
): void {
  try {
    mpath().log.write({ level, message, context: { code: asErrorData(error).code } })
  } catch {
    // Logging must never break the window; a missing bridge shows up as failed requests.
  }
}
