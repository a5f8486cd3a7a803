import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleAdminRequest } from '../admin/adminRoute'
import type { ReadyDocument, SandboxFaults, SandboxOptions } from '../types'
import { authorizeRequest } from './auth/routeAccess'
import type { TokenAuthority } from './auth/tokenVerifier'
import type { SandboxDatabase } from './database'
import { isMalformed, malformBody, shiftedDate, shouldFail } from './faults'
import { emptyReply, errorReply, jsonReply, type Reply } from './http/reply'
import { matchRoute, type ApiRequest, type Route } from './http/router'
import { createAccountRoutes } from './routes/accountRoutes'
import { createInitiativeRoutes } from './routes/initiativeRoutes'
import { createOneOnOneRoutes } from './routes/oneOnOneRoutes'
import { createPeopleRoutes } from './routes/peopleRoutes'
import type { ApiRoute, RouteContext } from './routes/routeContext'
import { createSearchRoutes } from './routes/searchRoutes'
import { createTaskReminderRoutes } from './routes/taskReminderRoutes'
import { createTaskRoutes } from './routes/taskRoutes'
import { createTaskWriteRoutes } from './routes/taskWriteRoutes'

const MAX_BODY_BYTES = 1_000_000

/** The running mpath API. */
export interface ApiServer {
  url: string
  adminUrl: string
  close(): Promise<void>
}

/**
 * Starts the sandbox's mpath API on loopback. Faults and options are the live objects: a
 * change made through the admin URL (or by a test) applies to the next request.
 */
export async function startApiServer(input: {
  db: SandboxDatabase
  options: SandboxOptions
  faults: SandboxFaults
  authority: TokenAuthority
  /** The ready document for `/sandbox.json`, once the whole sandbox is up. */
  readyDocument(): ReadyDocument | undefined
  now?: () => Date
}): Promise<ApiServer> {
  const { options, faults } = input
  const context: RouteContext = {
    db: input.db,
    options,
    faults,
    now: input.now ?? (() => new Date()),
  }
  const apiRoutes: ApiRoute[] = [
    ...createAccountRoutes(context),
    ...createPeopleRoutes(context),
    ...createTaskRoutes(context),
    ...createTaskWriteRoutes(context),
    ...createTaskReminderRoutes(context),
    ...createInitiativeRoutes(context),
    ...createOneOnOneRoutes(context),
    ...createSearchRoutes(context),
  ]
  const toRoute = (route: ApiRoute): Route => ({
    method: route.method,
    path: route.path,
    async handle(request) {
      if (route.scope === 'none') {
        return route.handle(request)
      }

      const outcome = await authorizeRequest({
        db: input.db,
        authority: input.authority,
        compat: options.compat,
        route,
        request,
      })

      return 'reply' in outcome ? outcome.reply : route.handle(request, outcome.caller)
    },
  })

  const dispatch = async (
    request: ApiRequest,
    remoteAddress: string | undefined,
  ): Promise<Reply> => {
    const pathname = request.url.pathname

    if (pathname === '/sandbox/admin' || pathname === '/sandbox.json') {
      if (!isLoopback(remoteAddress)) {
        return errorReply(403, 'The sandbox admin is reachable from this machine only')
      }

      if (pathname === '/sandbox.json') {
        const document = input.readyDocument()

        return document
          ? jsonReply(200, document)
          : errorReply(503, 'The sandbox is still starting')
      }

      return handleAdminRequest({
        method: request.method,
        readJson: request.readJson,
        faults,
        options,
      })
    }

    if (faults.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
    }

    if (shouldFail(faults, pathname)) {
      return errorReply(500, 'Internal server error (sandbox fault)')
    }

    const enabled = apiRoutes.filter((route) => route.isEnabled?.() ?? true).map(toRoute)
    const match = matchRoute(enabled, request.method, pathname)

    if (match.kind === 'notFound') {
      return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not Found' }
    }

    if (match.kind === 'wrongMethod') {
      return emptyReply(405)
    }

    const reply = await match.route.handle({ ...request, params: match.params })

    if (reply.status === 200 && reply.body !== undefined && isMalformed(faults, pathname)) {
      return { ...reply, body: malformBody(reply.body) }
    }

    return reply
  }

  const server = createServer((incoming, response) => {
    void serve(incoming, response, dispatch, faults)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.apiPort, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host}:${port}`

  return {
    url,
    adminUrl: `${url}/sandbox/admin`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function serve(
  incoming: IncomingMessage,
  response: ServerResponse,
  dispatch: (request: ApiRequest, remoteAddress: string | undefined) => Promise<Reply>,
  faults: SandboxFaults,
): Promise<void> {
  let reply: Reply

  try {
    const request: ApiRequest = {
      method: incoming.method ?? 'GET',
      url: new URL(incoming.url ?? '/', 'http://sandbox.invalid'),
      headers: incoming.headers,
      params: {},
      readJson: async () => JSON.parse(await readBody(incoming)),
    }
    reply = await dispatch(request, incoming.socket.remoteAddress)
  } catch (_error) {
    reply = emptyReply(500)
  }

  response.setHeader('Date', shiftedDate(faults))

  for (const [name, value] of Object.entries(reply.headers)) {
    response.setHeader(name, value)
  }

  response.writeHead(reply.status)
  response.end(reply.body)
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0

  for await (const chunk of incoming) {
    size += (chunk as Buffer).length

    if (size > MAX_BODY_BYTES) {
      throw new Error('The request body is too large')
    }

    chunks.push(chunk as Buffer)
  }

  return Buffer.concat(chunks).toString('utf8')
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}
