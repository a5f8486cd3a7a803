import * as oidc from 'openid-client'

import type { AuthTransport } from '../../shared/auth/sessionState'
import { AppError } from '../../shared/errors/appError'
import type { ExternalOpener } from '../platform/ports'
import {
  authorizationResponseError,
  isIssuerProblem,
  issuerMismatchError,
  tokenExchangeError,
} from './authorizationFlowErrors'
import { replaced, type AuthorizationFlowHost, type RedirectAttempt } from './authorizationFlowHost'
import { buildAuthorizationUrl } from './authorizationFlowRequest'
import { receivedTokensFrom } from './authorizationFlowTokens'
import type { CallbackVerdict, PendingAuthorizationStore } from './pendingAuthorization'
import type { LoopbackListenerStarter } from './transports/loopbackListener'

/** The browser side of the flow: opening the page, and taking the answer back. */
export interface RedirectTransport {
  /**
   * Judges a callback for the live attempt at once and, when it is taken, exchanges its code.
   * Judging is synchronous so the loopback listener can answer the browser at once.
   */
  receive(url: URL, source: AuthTransport): { verdict: CallbackVerdict; completion: Promise<void> }
  /** Shows the outcome of the attempt once it settles, while it is still the live one. */
  watch(context: RedirectAttempt): void
  /**
   * Starts the loopback listener when the attempt uses one, then opens the authorization page
   * in the system browser. Failures settle the attempt rather than reject.
   */
  open(context: RedirectAttempt): Promise<void>
}

/** Creates the browser side of the flow over the host's live attempt. */
export function createRedirectTransport(
  host: AuthorizationFlowHost,
  options: {
    pending: PendingAuthorizationStore
    opener: ExternalOpener
    /** Starts the loopback listener; `false` when the loopback transport is off. */
    startListener: LoopbackListenerStarter | false
    patienceMs: number
  },
): RedirectTransport {
  const { clock, logger } = host
  const { pending, startListener } = options

  const setWaiting = (context: RedirectAttempt, isSlow: boolean) => {
    host.setState({
      status: 'waiting',
      transport: context.attempt.transport,
      startedAt: new Date(context.attempt.createdAt).toISOString(),
      expiresAt: new Date(context.attempt.expiresAt).toISOString(),
      isSlow,
      alternatives: host.alternativesFor(context.server, context.attempt.transport),
    })
  }

  const exchange = async (context: RedirectAttempt, params: URLSearchParams): Promise<void> => {
    const { attempt, server } = context

    if (params.has('error')) {
      pending.settle(attempt, authorizationResponseError(params, attempt.scopes))

      return
    }

    host.setState({
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

      if (host.active !== context) {
        throw replaced()
      }

      await host.onTokens(receivedTokensFrom(response, attempt.scopes, requestedAt), server)
      pending.settle(attempt)
    } catch (error) {
      pending.settle(attempt, tokenExchangeError(error, attempt.scopes))
    }
  }

  const receive: RedirectTransport['receive'] = (url, source) => {
    const verdict = pending.judge(url, source)

    if (!verdict.accepted) {
      if (verdict.attempt !== undefined && isIssuerProblem(verdict.reason)) {
        pending.settle(verdict.attempt, issuerMismatchError())
      }

      return { verdict, completion: Promise.resolve() }
    }

    const context = host.active

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
        if (host.active === context) {
          void host.release(context)
          host.setState({ status: 'succeeded', transport: context.attempt.transport })
        }
      },
      (error: AppError) => {
        if (host.active === context) {
          host.fail(context, context.server, error)
          void host.release(context)
        }
      },
    )
  }

  const open = async (context: RedirectAttempt): Promise<void> => {
    const { attempt, server } = context
    const { transport, redirectUri } = attempt

    try {
      if (transport === 'loopback' && startListener !== false) {
        context.listener = await startListener({
          redirectUri,
          timeoutMs: attempt.expiresAt - clock.now(),
          clock,
          logger,
          onCallback: (url) => (receive(url, 'loopback').verdict.accepted ? 'accepted' : 'dropped'),
        })
      }

      const authorizationUrl = await buildAuthorizationUrl(server, attempt)

      // A sign-in started meanwhile has replaced this one: open nothing for it, and free
      // the port of a listener that started after the replacement released this attempt.
      if (host.active !== context) {
        await host.release(context)
        await attempt.settled

        return
      }

      setWaiting(context, false)
      context.patienceTimer = clock.setTimeout(() => {
        if (host.active === context && host.state.status === 'waiting') {
          setWaiting(context, true)
        }
      }, options.patienceMs)
      logger.info('opening the authorization page in the system browser', {
        transport,
        endpoint: authorizationUrl.origin,
      })
      await options.opener.openExternal(authorizationUrl.href)
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
  }

  return { receive, watch, open }
}
