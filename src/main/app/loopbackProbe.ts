import { createServer, type Server } from 'node:net'

import type { ProbeOutcome } from '../diagnostics/diagnosticsService'

/** The only address a loopback listener may bind (RFC 8252 §7.3; never all interfaces). */
export const LOOPBACK_HOST = '127.0.0.1'

/** What binding the port found. */
export type BindResult = 'free' | 'in-use' | 'denied' | 'failed'

/**
 * Tries to listen on `127.0.0.1:<port>` and closes again at once. Never binds any other
 * interface: a listener on all interfaces triggers firewall prompts and exposes the callback.
 */
export function tryBindLoopback(
  port: number,
  makeServer: () => Server = () => createServer(),
): Promise<BindResult> {
  return new Promise((resolve) => {
    const server = makeServer()

    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close()

      if (error.code === 'EADDRINUSE') {
        resolve('in-use')
      } else if (error.code === 'EACCES' || error.code === 'EPERM') {
        resolve('denied')
      } else {
        resolve('failed')
      }
    })
    server.listen({ host: LOOPBACK_HOST, port, exclusive: true }, () => {
      server.close(() => resolve('free'))
    })
  })
}

/**
 * Whether a sign-in listener could start on the loopback redirect registered for this
 * connection.
 */
export async function checkLoopback(
  redirectUri: string | undefined,
  bind: (port: number) => Promise<BindResult> = tryBindLoopback,
): Promise<ProbeOutcome> {
  if (redirectUri === undefined) {
    return {
      status: 'unknown',
      detail: 'No loopback address is registered for this connection, so it is not used.',
    }
  }

  let url: URL

  try {
    url = new URL(redirectUri)
  } catch (_error) {
    return { status: 'fail', detail: 'The registered loopback address is not a valid URL.' }
  }

  const port = Number(url.port)

  if (
    url.hostname !== LOOPBACK_HOST ||
    url.protocol !== 'http:' ||
    !Number.isInteger(port) ||
    port <= 0
  ) {
    return {
      status: 'fail',
      detail: `The loopback address must read http://${LOOPBACK_HOST}:<port>/…; ask your administrator to register one.`,
    }
  }

  switch (await bind(port)) {
    case 'free':
      return { status: 'ok', detail: `A sign-in listener can start on ${LOOPBACK_HOST}:${port}.` }
    case 'in-use':
      return {
        status: 'warn',
        detail:
          `Port ${port} on ${LOOPBACK_HOST} is in use ` +
          '(by a sign-in in progress or another program).',
      }
    case 'denied':
      return { status: 'fail', detail: `The system does not allow listening on port ${port}.` }
    case 'failed':
      return { status: 'fail', detail: `A listener on ${LOOPBACK_HOST}:${port} could not start.` }
  }
}
