import type { SessionState, SessionUser } from '../../shared/auth/sessionState'
import { AppError, type ErrorData } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock } from '../platform/ports'
import { createRefreshBreaker, type RefreshBreaker } from './refreshBreaker'
import { signedOutError } from './sessionPolicy'
import { createTokenStore, type SessionVault, type TokenStore } from './tokenStore'
import type { AuthServer } from './types'

/** Fired whenever a session ends: `reason` is absent when the person signed out. */
export interface SignOutEvent {
  reason?: ErrorData
}

/** The signed-in session as main holds it; the access token never leaves memory. */
export interface LiveSession {
  server: AuthServer
  /** Empty until the first refresh of a restored session. */
  accessToken: string
  receivedAt: number
  expiresAt: number
  refreshToken: string | undefined
  scopes: string[]
  user: SessionUser
  persistence: 'persistent' | 'session-only'
}

/**
 * The mutable state the parts of the session share (refresher, restore, the service
 * itself). Internal to the auth folder; the outside sees only the `Session` interface.
 */
export interface SessionContext {
  readonly clock: Clock
  readonly logger: Logger
  readonly tokenStore: TokenStore
  readonly breaker: RefreshBreaker
  live: LiveSession | undefined
  /** Bumped whenever a session starts or ends, so late answers of an older one are ignored. */
  epoch: number
  /** Start-up could not reach the server; the sealed session waits for a retry. */
  isRestorePending: boolean
  isDisposed: boolean
  state(): SessionState
  setState(next: SessionState): void
  /** Publishes the live session as `signed-in` (once it has an access token). */
  publishSignedIn(): void
  /** The error a caller gets when there is no usable session. */
  currentError(): AppError
  onDidChange(listener: (state: SessionState) => void): () => void
  onDidSignOut(listener: (event: SignOutEvent) => void): () => void
  emitSignOut(event: SignOutEvent): void
  clearListeners(): void
}

/** Creates the shared state of one session service. */
export function createSessionContext(input: {
  vault: SessionVault
  clock: Clock
  logger: Logger
  breaker?: { maxRefreshes?: number }
}): SessionContext {
  const { clock, logger } = input
  const changeListeners = new Set<(state: SessionState) => void>()
  const signOutListeners = new Set<(event: SignOutEvent) => void>()
  let current: SessionState = { status: 'signed-out' }

  function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value)
      } catch (error) {
        logger.error('a session listener threw', { error })
      }
    }
  }

  function subscribe<T>(listeners: Set<T>, listener: T): () => void {
    listeners.add(listener)

    return () => {
      listeners.delete(listener)
    }
  }

  const context: SessionContext = {
    clock,
    logger,
    tokenStore: createTokenStore(input.vault, () => clock.now()),
    breaker: createRefreshBreaker({ clock, ...input.breaker }),
    live: undefined,
    epoch: 0,
    isRestorePending: false,
    isDisposed: false,
    state: () => current,
    setState(next) {
      if (JSON.stringify(next) === JSON.stringify(current)) {
        return
      }

      current = next
      emit(changeListeners, next)
    },
    publishSignedIn() {
      const { live } = context

      if (!live || !live.accessToken || context.breaker.isOpen()) {
        return
      }

      context.setState({
        status: 'signed-in',
        user: { ...live.user },
        scopes: [...live.scopes],
        accessTokenExpiresAt: new Date(live.expiresAt).toISOString(),
        persistence: live.persistence,
      })
    },
    currentError() {
      const error =
        current.status === 'error'
          ? current.error
          : current.status === 'restoring'
            ? current.offline
            : undefined

      return error
        ? new AppError(error.code, error.message, { action: error.action })
        : signedOutError()
    },
    onDidChange: (listener) => subscribe(changeListeners, listener),
    onDidSignOut: (listener) => subscribe(signOutListeners, listener),
    emitSignOut: (event) => emit(signOutListeners, event),
    clearListeners() {
      changeListeners.clear()
      signOutListeners.clear()
    },
  }

  return context
}

/** A short name for an error in logs: its code, never its message (which may echo input). */
export function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : error instanceof Error ? error.name : 'unknown'
}
