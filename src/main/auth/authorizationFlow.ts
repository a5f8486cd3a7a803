import * as oidc from 'openid-client'

import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import type { Clock, ExternalOpener } from '../platform/ports'
import {
  authorizationResponseError,
  deviceError,
  isIssuerProblem,
  issuerMismatchError,
  pasteError,
  tokenExchangeError,
} from './authorizationFlowErrors'
import {
  buildAuthorizationUrl,
  defaultTransport,
  loopbackRedirectOf,
  redirectUriFor,
  type BrowserTransport,
} from './authorizationFlowRequest'
import type { AuthorizationFlowState } from './authorizationFlowState'
import { receivedTokensFrom } from './authorizationFlowTokens'
import { createPendingAuthorizationStore, type PendingAuthorization } from './pendingAuthorization'
import { runDeviceAuthorization } from './transports/deviceFlow'
import {
  startLoopbackListener,
  type LoopbackListener,
  type LoopbackListenerStarter,
} from './transports/loopbackListener'
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

/** Signs a person in through the system browser, a loopback listener, a pasted address or a code. */
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

interface RedirectAttempt {
  kind: 'redirect'
  attempt: PendingAuthorization
  server: AuthServer
  listener?: LoopbackListener
  patienceTimer?: { cancel(): void }
}

interface DeviceAttempt {
  kind: 'device'
  server: AuthServer
  controller: AbortController
}

type Attempt = RedirectAttempt | DeviceAttempt

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

  const exchange = async (context: RedirectAttempt, params: URLSearchParams): Promise<void> => {
    const { attempt, server } = context

    if (params.has('error')) {
      pending.settle(attempt, authorizationResponseError(params, attempt.scopes))

      return
    }

    setState({
      status: 'exchanging',
      transport: attempt.transport,
      startedAt: new Date(attempt.createdAt).toISOString(),
      expiresAt: new Date(attempt.expiresAt).toISOString(),
    })
    // The exchange is made against the exact redirect URI of the request, whatever spelling
    // the callback arrived in; the server compares them as strings.
    const callbackUrl = new URL(attempt.redirectUri)
    params.forEach((value, key) => callbackUrl.searchParams.append(key, value))

    try {
      // Measured before the request, so the expiry errs early rather than late.
      const requestedAt = clock.now()
      const response = await oidc.authorizationCodeGrant(server.configuration, callbackUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: attempt.scopes.includes('openid'),
      })

      if (active !== context) {
        throw replaced()
      }

      await options.onTokens(receivedTokensFrom(response, attempt.scopes, requestedAt), server)
      pending.settle(attempt)
    } catch (error) {
      pending.settle(attempt, tokenExchangeError(error, attempt.scopes))
    }
  }

  // Judging is synchronous so the loopback listener can answer the browser at once.
  const receive = (url: URL, source: AuthTransport) => {
    const verdict = pending.judge(url, source)

    if (!verdict.accepted) {
      if (verdict.attempt !== undefined && isIssuerProblem(verdict.reason)) {
        pending.settle(verdict.attempt, issuerMismatchError())
      }

      return { verdict, completion: Promise.resolve() }
    }

    const context = active

    if (context?.kind !== 'redirect' || context.attempt !== verdict.attempt) {
      // Cannot happen while `active` mirrors the store; refuse rather than guess.
      pending.settle(verdict.attempt, new AppError('AUTH_CANCELLED', 'Sign-in was cancelled.'))

      return { verdict, completion: Promise.resolve() }
    }

    return { verdict, completion: exchange(context, verdict.params) }
  }

  const watch = (context: RedirectAttempt) => {
    context.attempt.settled.then(
      () => {
        if (active === context) {
          void release(context)
          setState({ status: 'succeeded', transport: context.attempt.transport })
        }
      },
      (error: AppError) => {
        if (active === context) {
          fail(context, context.server, error)
          void release(context)
        }
      },
    )
  }

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
      watch(context)

      try {
        if (transport === 'loopback' && startListener !== false) {
          context.listener = await startListener({
            redirectUri,
            timeoutMs: attempt.expiresAt - clock.now(),
            clock,
            logger,
            onCallback: (url) =>
              receive(url, 'loopback').verdict.accepted ? 'accepted' : 'dropped',
          })
        }

        const authorizationUrl = await buildAuthorizationUrl(server, attempt)

        // A sign-in started meanwhile has replaced this one: open nothing for it, and free
        // the port of a listener that started after the replacement released this attempt.
        if (active !== context) {
          await release(context)

          return await attempt.settled
        }

        setWaiting(context, false)
        context.patienceTimer = clock.setTimeout(() => {
          if (active === context && state.status === 'waiting') {
            setWaiting(context, true)
          }
        }, patienceMs)
        logger.info('opening the authorization page in the system browser', {
          transport,
          endpoint: authorizationUrl.origin,
        })
        await opener.openExternal(authorizationUrl.href)
      } catch (error) {
        pending.settle(
          attempt,
          error instanceof AppError
            ? error
            : new AppError('AUTH_TRANSPORT_UNAVAILABLE', 'Your browser could not be opened.', {
                action: 'Open your default browser once, then sign in again.',
                cause: error,
              }),
        )
      }

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
      const startedAt = new Date(clock.now()).toISOString()
      setState({
        status: 'waiting',
        transport: 'device',
        startedAt,
        expiresAt: startedAt,
        isSlow: false,
        alternatives: alternativesFor(server, 'device'),
      })

      try {
        const requestedAt = clock.now()
        const response = await runDeviceAuthorization({
          server,
          scopes: server.profile.scopes,
          clock,
          signal: context.controller.signal,
          onPrompt: (prompt) => {
            if (active === context) {
              setState({
                status: 'waiting',
                transport: 'device',
                startedAt,
                expiresAt: new Date(prompt.expiresAt).toISOString(),
                isSlow: false,
                alternatives: alternativesFor(server, 'device'),
                device: { userCode: prompt.userCode, verificationUri: prompt.verificationUri },
              })
            }
          },
        })

        if (active !== context) {
          throw replaced()
        }

        await options.onTokens(
          receivedTokensFrom(response, server.profile.scopes, requestedAt),
          server,
        )
        void release(context)
        setState({ status: 'succeeded', transport: 'device' })
      } catch (error) {
        const appError = deviceError(
          error,
          context.controller.signal.aborted,
          server.profile.scopes,
        )
        fail(context, server, appError)
        void release(context)
        throw appError
      }
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

  const setWaiting = (context: RedirectAttempt, isSlow: boolean) => {
    setState({
      status: 'waiting',
      transport: context.attempt.transport,
      startedAt: new Date(context.attempt.createdAt).toISOString(),
      expiresAt: new Date(context.attempt.expiresAt).toISOString(),
      isSlow,
      alternatives: alternativesFor(context.server, context.attempt.transport),
    })
  }

  return flow
}

export type { BrowserTransport } from './authorizationFlowRequest'

function replaced(): AppError {
  return new AppError('AUTH_CANCELLED', 'A newer sign-in replaced this one.', {
    action: 'Finish the newer sign-in in your browser.',
  })
}

function overtaken(): AppError {
  return new AppError('AUTH_CANCELLED', 'This sign-in was cancelled or replaced before it began.')
}
