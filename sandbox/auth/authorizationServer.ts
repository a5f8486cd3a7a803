import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Provider, type ProviderClient } from 'oidc-provider'

import type { SandboxAccount, SandboxClient, SandboxFaults, SandboxOptions } from '../types'
import { buildSandboxClients, RESOURCE_SERVER } from './clients'
import { sendJson } from './httpUtilities'
import { createInteractionHandler, INTERACTION_PATH_PREFIX } from './interactions'
import { MemoryStore } from './memoryAdapter'
import { buildProviderConfiguration, generateSigningKey, ROUTES } from './providerConfiguration'
import { applyTokenEndpointFaults, refuseRevocationWithoutSecret } from './tokenEndpointFaults'

/** A running Clerk-shaped authorization server. */
export interface AuthorizationServer {
  /** The issuer, e.g. `http://127.0.0.1:7071`, with the port actually bound. */
  issuer: string
  /** The desktop clients: public, confidential with Basic, confidential with a form body. */
  clients: SandboxClient[]
  /** Credentials of the "mpath server" client that the API uses to call `/oauth/token_info`. */
  resourceServer: { clientId: string; clientSecret: string }
  close(): Promise<void>
}

const OIDC_DISCOVERY_PATH = '/.well-known/openid-configuration'
const OAUTH_DISCOVERY_PATH = '/.well-known/oauth-authorization-server'

/** Fields Clerk's RFC 8414 document leaves out: OpenID-only ones and introspection. */
const FIELDS_ABSENT_FROM_OAUTH_METADATA = [
  'userinfo_endpoint',
  'introspection_endpoint',
  'claims_parameter_supported',
  'claim_types_supported',
  'request_parameter_supported',
  'request_uri_parameter_supported',
]

/**
 * Starts the sandbox's authorization server: oidc-provider behind Clerk's endpoint paths,
 * with the sandbox's own login, consent and device-code pages and the token-endpoint faults.
 *
 * `options` and `faults` are live: lifetimes and faults are read on every request, so the
 * admin URL can change them while the server runs. The loopback redirect port is read once.
 */
export async function startAuthorizationServer(input: {
  options: SandboxOptions
  faults: SandboxFaults
  accounts: readonly SandboxAccount[]
}): Promise<AuthorizationServer> {
  const { options, faults, accounts } = input
  const held = new Set<ServerResponse>()
  const signingKey = await generateSigningKey()
  const server = createServer()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.authPort, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const { port } = server.address() as AddressInfo
  const issuer = `http://${options.host}:${port}`
  const clients = buildSandboxClients(options.loopbackPort)
  let provider: Provider

  try {
    const store = new MemoryStore()
    const configuration = buildProviderConfiguration({
      options,
      accounts,
      clients,
      store,
      signingKey,
    })
    provider = new Provider(issuer, configuration)
  } catch (error) {
    server.close()
    throw error
  }

  requireExactRedirectUris(provider)

  const providerCallback = provider.callback()
  const handleInteraction = createInteractionHandler({ provider, accounts })

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', issuer).pathname

    if (path.startsWith(INTERACTION_PATH_PREFIX)) {
      await handleInteraction(req, res, path)

      return
    }

    if (path === OAUTH_DISCOVERY_PATH && req.method === 'GET') {
      sendJson(res, 200, await fetchOAuthMetadata(issuer))

      return
    }

    if (path === ROUTES.token && (await applyTokenEndpointFaults(req, res, faults, held))) {
      return
    }

    if (path === ROUTES.revocation && (await refuseRevocationWithoutSecret(req, res, faults))) {
      return
    }

    providerCallback(req, res)
  }

  // Attached in the same tick as the listen callback's continuation, so no request can
  // arrive before the provider exists.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      process.stderr.write(`[auth] request failed: ${String(error)}\n`)

      if (!res.headersSent) {
        sendJson(res, 500, { error: 'server_error' })
      }
    })
  })

  return {
    issuer,
    clients,
    resourceServer: { ...RESOURCE_SERVER },
    close: async () => {
      for (const res of held) {
        res.destroy()
      }

      held.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}

/**
 * oidc-provider lets native clients use any port on a loopback redirect (RFC 8252 §7.3).
 * Clerk compares the registered URI exactly, port included, so the sandbox does too.
 */
function requireExactRedirectUris(provider: Provider): void {
  provider.Client.prototype.redirectUriAllowed = function (this: ProviderClient, value: string) {
    return this.redirectUris.includes(value)
  }
}

/** The RFC 8414 document, derived from the OpenID document so the two never disagree. */
async function fetchOAuthMetadata(issuer: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${issuer}${OIDC_DISCOVERY_PATH}`)
  const metadata = (await response.json()) as Record<string, unknown>

  for (const field of FIELDS_ABSENT_FROM_OAUTH_METADATA) {
    delete metadata[field]
  }

  return metadata
}
