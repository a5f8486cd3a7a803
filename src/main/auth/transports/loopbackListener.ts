import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { AppError } from '../../../shared/errors/appError'
import type { Logger } from '../../log/logger'
import type { Clock } from '../../platform/ports'

/** The only address the listener binds: never all interfaces (RFC 8252 §7.3, §8.3). */
export const LOOPBACK_HOST = '127.0.0.1'

/** What the flow decided about a callback the listener received. */
export type LoopbackVerdict = 'accepted' | 'dropped'

/** How the listener ended. */
export type LoopbackCloseReason = 'callback' | 'timeout' | 'closed'

/** What the listener needs. */
export interface LoopbackListenerOptions {
  /** The registered loopback redirect URI, e.g. http://127.0.0.1:7073/oauth/callback. */
  redirectUri: string
  /** Judges one callback; only an accepted one closes the listener. */
  onCallback(callbackUrl: URL): LoopbackVerdict | Promise<LoopbackVerdict>
  /** How long to wait for the browser, in milliseconds. */
  timeoutMs: number
  clock: Clock
  logger: Logger
}

/** A running loopback listener. */
export interface LoopbackListener {
  /** The bound address, always 127.0.0.1. */
  readonly host: string
  readonly port: number
  /** Settles when the listener has closed, with the reason. */
  readonly closed: Promise<LoopbackCloseReason>
  /** Stops listening now; safe to call more than once. */
  close(): Promise<void>
}

/** Starts a listener; the flow injects this so tests can replace it. */
export type LoopbackListenerStarter = (
  options: LoopbackListenerOptions,
) => Promise<LoopbackListener>

const CLOSE_PAGE = page('Sign-in received', 'You can close this tab and return to mpath Desktop.')
const UNEXPECTED_PAGE = page(
  'Not the sign-in mpath Desktop expected',
  'This answer does not belong to the sign-in mpath Desktop is waiting for. ' +
    'Return to mpath Desktop and sign in again.',
)

/**
 * Listens on 127.0.0.1 at the port of the registered redirect URI for one authorization
 * response: it answers a "you can close this tab" page, then closes. Other paths, methods and
 * hosts are refused; a callback the flow drops is answered but does not end the listener, so a
 * forged request cannot shut out the real one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export async function startLoopbackListener(
  options: LoopbackListenerOptions,
): Promise<LoopbackListener> {
  const logger = options.logger.child('loopback')
  const redirect = new URL(options.redirectUri)

  if (redirect.protocol !== 'http:' || redirect.hostname !== LOOPBACK_HOST) {
    throw new AppError(
      'AUTH_TRANSPORT_UNAVAILABLE',
      'The loopback redirect is not an http://127.0.0.1 address.',
      {
        action: 'Fix the loopback redirect URI in the connection settings.',
      },
    )
  }

  let finished = false
  let resolveClosed!: (reason: LoopbackCloseReason) => void
  const closed = new Promise<LoopbackCloseReason>((resolve) => {
    resolveClosed = resolve
  })
  const server = createServer()
  let timer: { cancel(): void } | undefined = undefined

  const shutDown = (reason: LoopbackCloseReason) => {
    if (finished) {
      return closed.then(() => undefined)
    }

    finished = true
    timer?.cancel()

    return new Promise<void>((resolve) => {
      server.close(() => {
        resolveClosed(reason)
        resolve()
      })
      server.closeAllConnections()
    })
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response)
  })

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const port = (server.address() as AddressInfo).port

    // A page elsewhere could aim a request here through a host name that resolves to this
    // computer; the browser's redirect always names the IP literal and port.
    if (request.headers.host !== `${LOOPBACK_HOST}:${port}`) {
      answer(response, 400, 'Bad request')

      return
    }

    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}:${port}`)

    if (url.pathname !== redirect.pathname) {
      answer(response, 404, 'Not found')

      return
    }

    if (request.method !== 'GET' || finished) {
      response.setHeader('Allow', 'GET')
      answer(response, finished ? 410 : 405, finished ? 'Gone' : 'Method not allowed')

      return
    }

    let verdict: LoopbackVerdict

    try {
      verdict = await options.onCallback(url)
    } catch (error) {
      logger.error('the loopback callback could not be judged', { error })
      verdict = 'dropped'
    }

    if (verdict === 'dropped') {
      answer(response, 400, UNEXPECTED_PAGE, 'text/html')

      return
    }

    response.on('finish', () => void shutDown('callback'))
    answer(response, 200, CLOSE_PAGE, 'text/html')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: LOOPBACK_HOST, port: Number(redirect.port), exclusive: true }, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'AUTH_TRANSPORT_UNAVAILABLE',
      error.code === 'EADDRINUSE'
        ? `Port ${redirect.port} on this computer is used by another program.`
        : `mpath Desktop could not listen on port ${redirect.port} of this computer.`,
      {
        action: 'Close the program using that port, or finish signing in another way.',
        cause: error,
      },
    )
  })

  server.on('error', (error) => logger.warn('loopback listener error', { error }))
  timer = options.clock.setTimeout(() => {
    logger.info('loopback listener timed out without a callback')
    void shutDown('timeout')
  }, options.timeoutMs)
  const address = server.address() as AddressInfo
  logger.debug('loopback listener started', { host: address.address, port: address.port })

  return {
    host: address.address,
    port: address.port,
    closed,
    close: () => shutDown('closed'),
  }
}

function answer(
  response: ServerResponse,
  status: number,
  body: string,
  type: 'text/plain' | 'text/html' = 'text/plain',
): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  })
  response.end(body)
}

function page(title: string, message: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title} – mpath Desktop</title>`,
    '<style>body{font:16px system-ui,sans-serif;margin:4rem auto;',
    'max-width:32rem;color:#222}</style>',
    `</head><body><h1>${title}</h1><p>${message}</p></body></html>`,
  ].join('')
}
