import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'
import type { AuthorizationFlowState } from './authorizationFlowState'
import type { PendingAuthorization } from './pendingAuthorization'
import type { LoopbackListener } from './transports/loopbackListener'
import type { AuthServer, ReceivedTokens } from './types'

/** A sign-in through the browser: a pending request and, for loopback, its listener. */
export interface RedirectAttempt {
  kind: 'redirect'
  attempt: PendingAuthorization
  server: AuthServer
  listener?: LoopbackListener
  patienceTimer?: { cancel(): void }
}

/** A sign-in with a code typed on another device. */
export interface DeviceAttempt {
  kind: 'device'
  server: AuthServer
  controller: AbortController
}

/** The one live sign-in attempt, whatever its transport. */
export type Attempt = RedirectAttempt | DeviceAttempt

/**
 * What the transports of the flow see of it: the live attempt and its state. A transport acts
 * only while its attempt is still the active one.
 */
export interface AuthorizationFlowHost {
  readonly clock: Clock
  readonly logger: Logger
  readonly state: AuthorizationFlowState
  readonly active: Attempt | undefined
  setState(next: AuthorizationFlowState): void
  /** The other ways to sign in this server offers, besides `current`. */
  alternativesFor(server: AuthServer, current: AuthTransport | undefined): AuthTransport[]
  /** Shows the failure of the attempt, unless another one has replaced it. */
  fail(attempt: Attempt | undefined, server: AuthServer | undefined, error: AppError): void
  /** Ends the attempt's transport; resolves once its loopback port is free again. */
  release(attempt: Attempt): Promise<void>
  /** Hands the tokens of a completed sign-in to the session. */
  onTokens(received: ReceivedTokens, server: AuthServer): void | Promise<void>
}

/** The error of an attempt that a newer sign-in has replaced. */
export function replaced(): AppError {
  return new AppError('AUTH_CANCELLED', 'A newer sign-in replaced this one.', {
    action: 'Finish the newer sign-in in your browser.',
  })
}

/** The error of a sign-in cancelled or replaced while it was still discovering the server. */
export function overtaken(): AppError {
  return new AppError('AUTH_CANCELLED', 'This sign-in was cancelled or replaced before it began.')
}
