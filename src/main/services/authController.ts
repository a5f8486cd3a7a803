import type { SessionState } from '../../shared/auth/sessionState'
import { WRITE_TASKS_SCOPE } from '../../shared/connection/profile'
import { AppError } from '../../shared/errors/appError'
import type { InvokeArguments } from '../../shared/ipc/contract'
import type { SignOutResult } from '../../shared/ipc/views'
import type { AuthorizationFlow } from '../auth/authorizationFlow'
import { toSessionState } from '../auth/authorizationFlowState'
import type { Session } from '../auth/session'
import type { AuthService } from '../ipc/ipcHandlers'
import type { Logger } from '../log/logger'

/** Sign-in for the window: the session and the flow seen as one state. */
export interface AuthController extends AuthService {
  /** Scopes to request at the next sign-in on top of the profile's. */
  extraScopes(): readonly string[]
  onDidChange(listener: (state: SessionState) => void): () => void
  dispose(): void
}

/**
 * Joins the session and the authorization flow: while an attempt runs (or after it failed)
 * and no session is live, the flow's state is the one shown; otherwise the session's.
 */
export function createAuthController(options: {
  session: Session
  flow: AuthorizationFlow
  /** Whether the person turned editing on (adds `write:tasks` to the next sign-in). */
  isEditingEnabled: () => boolean
  logger: Logger
}): AuthController {
  const { session, flow } = options
  const log = options.logger.child('auth/controller')
  const listeners = new Set<(state: SessionState) => void>()
  let requestedExtra: string[] = []
  let last = ''

  const state = (): SessionState => {
    const sessionState = session.state()
    const flowState = toSessionState(flow.state)

    if (flowState === undefined || sessionState.status === 'signed-in') {
      return sessionState
    }

    return flowState
  }

  const publish = (): void => {
    const next = state()
    const serialized = JSON.stringify(next)

    if (serialized === last) {
      return
    }

    last = serialized

    for (const listener of [...listeners]) {
      try {
        listener(next)
      } catch (error) {
        log.error('A session-state listener failed', { error })
      }
    }
  }

  const stopSession = session.onDidChange(publish)
  const stopFlow = flow.onDidChange(publish)

  /**
   * Starts an attempt and resolves once it is under way (the browser is opening) or has
   * failed to start; the attempt itself goes on in the background.
   */
  const begin = async (attempt: () => Promise<void>): Promise<SessionState> => {
    let started: () => void = () => undefined
    const underWay = new Promise<void>((resolve) => {
      started = resolve
    })
    const watcher = flow.onDidChange((next) => {
      if (next.status === 'waiting' || next.status === 'exchanging' || next.status === 'failed') {
        started()
      }
    })
    const running = attempt()
    running.catch((error: unknown) => {
      log.info('A sign-in attempt ended without a session', {
        code: error instanceof AppError ? error.code : 'INTERNAL',
      })
    })

    try {
      await Promise.race([underWay, running])
    } finally {
      watcher.dispose()
    }

    return state()
  }

  return {
    state,
    extraScopes: () => [
      ...new Set([...(options.isEditingEnabled() ? [WRITE_TASKS_SCOPE] : []), ...requestedExtra]),
    ],
    signIn(request: InvokeArguments<'auth:sign-in'>) {
      requestedExtra = request?.extraScopes ?? []

      return begin(() => flow.start({ transport: request?.transport }))
    },
    signInWithDevice: () => begin(() => flow.startDeviceFlow()),
    async cancel() {
      flow.cancel()

      return state()
    },
    async submitRedirect(address) {
      await flow.submitPastedAddress(address)

      return state()
    },
    async signOut(): Promise<SignOutResult> {
      flow.cancel()
      const result = await session.signOut()

      return {
        revoked: result.revoked,
        message: result.message ?? 'You are signed out.',
      }
    },
    onDidChange(listener) {
      listeners.add(listener)

      return () => {
        listeners.delete(listener)
      }
    },
    dispose() {
      stopSession()
      stopFlow.dispose()
      listeners.clear()
    },
  }
}
