import type { AuthTransport, SessionState } from '../../shared/auth/sessionState'
import type { ErrorData } from '../../shared/errors/appError'

/**
 * Where the authorization flow stands, as plain data: never a token, a code, a state value or an
 * authorization URL, so it may be forwarded to the renderer as it is.
 */
export type AuthorizationFlowState =
  | { status: 'idle' }
  | {
      status: 'waiting'
      transport: AuthTransport
      startedAt: string
      expiresAt: string
      /** True once the browser took longer than expected; `alternatives` are worth offering. */
      isSlow: boolean
      /** Other ways to finish; `paste` applies to this very attempt. */
      alternatives: AuthTransport[]
      /** For the device grant: what the person types, and where. */
      device?: { userCode: string; verificationUri: string }
    }
  | { status: 'exchanging'; transport: AuthTransport; startedAt: string; expiresAt: string }
  | { status: 'succeeded'; transport: AuthTransport }
  | {
      status: 'failed'
      transport?: AuthTransport
      error: ErrorData
      /** Other ways to try; after a timeout these are the point (S19). */
      alternatives: AuthTransport[]
    }

/**
 * The session's view of a flow state: `signing-in` while waiting or exchanging, an `error` after
 * a failure, and undefined when the flow has nothing to say (idle, or done and handed over).
 */
export function toSessionState(state: AuthorizationFlowState): SessionState | undefined {
  switch (state.status) {
    case 'waiting':
      return {
        status: 'signing-in',
        transport: state.transport,
        startedAt: state.startedAt,
        expiresAt: state.expiresAt,
        ...(state.device === undefined ? {} : { device: state.device }),
      }
    case 'exchanging':
      return {
        status: 'signing-in',
        transport: state.transport,
        startedAt: state.startedAt,
        expiresAt: state.expiresAt,
      }
    case 'failed':
      return { status: 'error', error: state.error }
    case 'idle':
    case 'succeeded':
      return undefined
  }
}
