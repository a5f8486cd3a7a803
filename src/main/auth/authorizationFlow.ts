import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock, ExternalOpener } from '../platform/ports'
import { pasteError } from './authorizationFlowErrors'
import { runDeviceAttempt } from './authorizationFlowDevice'
import {
  overtaken,
  replaced,
  type Attempt,
  type AuthorizationFlowHost,
  type DeviceAttempt,
  type RedirectAttempt,
} from './authorizationFlowHost'
import {
  defaultTransport,
  loopbackRedirectOf,
  redirectUriFor,
  type BrowserTransport,
} from './authorizationFlowRequest'
import { createRedirectTransport } from './authorizationFlowRedirect'
import type { AuthorizationFlowState } from './authorizationFlowState'
import { createPendingAuthorizationStore } from './pendingAuthorization'
import { startLoopbackListener, type LoopbackListenerStarter } from './transports/loopbackListener'
import type { AuthServer, ReceivedTokens } from './types'

/** Two minutes without a callback: time to offer the other ways (S19). */
export const DEFAULT_BROWSER_PATIENCE_MS = 2 * 60 * 1000

/** Whether a callback was taken for the live attempt or dropped. */
export type CallbackDisposition = 'accepted' | 'dropped'

/** What the flow is built from. */
export interface AuthorizationFlowOptions {
  /** Resolves the authorization server of the current profile (discovery, usually cached). */
  discover(): Promise<AuthServer>
  /** The only way the authorization URL leaves this module: the system browser. */
  opener: ExternalOpener
  clock: Clock
  logger: Logger
  /** Starts the loopback listener; `false` turns the loopback transport off. */
  loopback?: LoopbackListenerStarter | false
  /** Receives the tokens of a completed sign-in (the session stores them). */
  onTokens(received: ReceivedTokens, server: AuthServer): void | Promise<void>
  /** Lifetime of one attempt, in milliseconds. Default 10 minutes (the code lifetime). */
  ttlMs?: number
  /** How long to wait for the browser before offering the other ways. Default 2 minutes. */
  browserPatienceMs?: number
}

/**
 * Signs a person in through the system browser, a loopback listener, a pasted address or a code.
 */
export interface AuthorizationFlow {
  /** The current state, safe to show anywhere. */
  readonly state: AuthorizationFlowState
  onDidChange(listener: (state: AuthorizationFlowState) => void): { dispose(): void }
  /**
   * Starts a sign-in (replacing any other) and opens the authorization URL in the system
   * browser. Settles when this attempt ends: resolved once `onTokens` has taken the tokens,
   * rejected with an `AppError` when it is declined, fails, times out, or is replaced.
   */
  start(options?: { transport?: BrowserTransport }): Promise<void>
  /** Takes an authorization response from the deep-link intake or the loopback listener. */
  handleCallbackUrl(url: string, source?: AuthTransport): Promise<CallbackDisposition>
  /**
   * Takes the address the browser showed, pasted by the person, for the live attempt. Rejects
   * with an `AppError` saying what is wrong with it, or when the sign-in then fails.
   */
  submitPastedAddress(text: string): Promise<void>
  /** Starts the device authorization grant, when the server offers it (replacing any other). */
  startDeviceFlow(): Promise<void>
  /** Ends the live attempt, whatever its transport. */
  cancel(): void
  /** Ends everything, as at shutdown. */
  dispose(): void
}

/** Creates the flow. Only main holds it; the renderer can only ask for a sign-in. */
export function createAuthorizationFlow(options: AuthorizationFlowOptions): AuthorizationFlow {
  const { clock, opener } = options
  const logger = options.logger.child('auth')
  const startListener = options.loopback === undefined ? startLoopbackListener : options.loopback
  const patienceMs = options.browserPatienceMs ?? DEFAULT_BROWSER_PATIENCE_MS
  const pending = createPendingAuthorizationStore({ clock, logger, ttlMs: options.ttlMs })
  const listeners = new Set<(state: AuthorizationFlowState) => void>()
  let state: AuthorizationFlowState = { status: 'idle' }
  let active: Attempt | undefined
  // Counts calls to start; a call overtaken by a later one while discovering steps aside.
  let generation = 0

  const setState = (next: AuthorizationFlowState) => {
    state = next

    for (const listener of listeners) {
      listener(next)
    }
  }

  const alternativesFor = (server: AuthServer, current: AuthTransport | undefined) => {
    const offered: AuthTransport[] = []

    if (startListener !== false && loopbackRedirectOf(server) !== undefined) {
      offered.push('loopback')
    }

    offered.push('paste')

    if (server.supportsDeviceGrant) {
      offered.push('device')
    }

    return offered.filter((transport) => transport !== current)
  }

  // Resolves once the attempt's loopback port is free again.
  const release = (attempt: Attempt): Promise<void> => {
    if (active === attempt) {
      active = undefined
    }

    if (attempt.kind === 'device') {
      attempt.controller.abort()

      return Promise.resolve()
    }

    attempt.patienceTimer?.cancel()

    return attempt.listener?.close() ?? Promise.resolve()
  }

  // Replacing an attempt rejects its waiters (the pending store does that for redirects).
  const endActive = async () => {
    const previous = active

    if (previous === undefined) {
      return
    }

    const released = release(previous)

    if (previous.kind === 'redirect') {
      pending.settle(previous.attempt, replaced())
    }

    await released
  }

  const fail = (attempt: Attempt | undefined, server: AuthServer | undefined, error: AppError) => {
    const transport = attempt?.kind === 'device' ? 'device' : attempt?.attempt.transport

    if (attempt !== undefined && active !== attempt) {
      return
    }

    if (error.code === 'AUTH_CANCELLED') {
      setState({ status: 'idle' })

      return
    }

    setState({
      status: 'failed',
      ...(transport === undefined ? {} : { transport }),
      error: error.toData(),
      alternatives: server === undefined ? [] : alternativesFor(server, transport),
    })
  }

  const discover = async () => {
    try {
      return await options.discover()
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('DISCOVERY_FAILED', 'The authorization server could not be reached.', {
              action: 'Check your network connection and the connection settings.',
              cause: error,
            })
      fail(undefined, undefined, appError)
      throw appError
    }
  }

  const host: AuthorizationFlowHost = {
    clock,
    logger,
    get state() {
      return state
    },
    get active() {
      return active
    },
    setState,
    alternativesFor,
    fail,
    release,
    onTokens: (received, server) => options.onTokens(received, server),
  }
  const redirect = createRedirectTransport(host, {
    pending,
    opener,
    startListener,
    patienceMs,
  })
  const { receive } = redirect

  const flow: AuthorizationFlow = {
    get state() {
      return state
    },

    onDidChange(listener) {
      listeners.add(listener)

      return { dispose: () => listeners.delete(listener) }
    },

    async start(startOptions = {}) {
      // Starting again ends the previous attempt at once, even if discovery then fails.
      const call = (generation += 1)
      await endActive()
      const server = await discover()

      if (call !== generation) {
        throw overtaken()
      }

      const transport = startOptions.transport ?? defaultTransport(server)
      let redirectUri: string

      try {
        redirectUri = redirectUriFor(server, transport, startListener !== false)
      } catch (error) {
        fail(undefined, server, error as AppError)
        throw error
      }

      const attempt = pending.begin({
        transport,
        redirectUri,
        expectedIssuer: server.issuer,
        issuerRequired: server.requiresIssParameter,
        scopes: server.profile.scopes,
      })
      const context: RedirectAttempt = { kind: 'redirect', attempt, server }
      active = context
      redirect.watch(context)
      await redirect.open(context)

      return attempt.settled
    },

    async handleCallbackUrl(url, source = 'scheme') {
      const parsed = URL.parse(url)

      if (parsed === null) {
        logger.warn('dropped an authorization callback', { reason: 'not-a-url', source })

        return 'dropped'
      }

      const { verdict, completion } = receive(parsed, source)
      await completion

      return verdict.accepted ? 'accepted' : 'dropped'
    },

    async submitPastedAddress(text) {
      const parsed = URL.parse(text.trim())

      if (parsed === null) {
        throw new AppError('AUTH_INVALID_CALLBACK', 'That is not a web address.', {
          action: 'Copy the whole address from your browser’s address bar and paste it here.',
        })
      }

      const { verdict, completion } = receive(parsed, 'paste')

      if (!verdict.accepted) {
        throw pasteError(verdict)
      }

      await completion
      await verdict.attempt.settled
    },

    async startDeviceFlow() {
      const call = (generation += 1)
      await endActive()
      const server = await discover()

      if (call !== generation) {
        throw overtaken()
      }

      if (!server.supportsDeviceGrant) {
        throw new AppError(
          'AUTH_TRANSPORT_UNAVAILABLE',
          'This server does not offer sign-in with a code.',
          {
            action: 'Sign in through the browser instead.',
          },
        )
      }

      endActive()
      const context: DeviceAttempt = { kind: 'device', server, controller: new AbortController() }
      active = context
      await runDeviceAttempt(host, context)
    },

    cancel() {
      generation += 1
      const previous = active

      if (previous !== undefined) {
        void release(previous)
      }

      pending.cancel()
      setState({ status: 'idle' })
    },

    dispose() {
      flow.cancel()
      pending.dispose()
      listeners.clear()
    },
  }

  return flow
}

export type { BrowserTransport } from './authorizationFlowRequest'
