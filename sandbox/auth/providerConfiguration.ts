import { generateKeyPair, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import {
  errors,
  type ProviderAccount,
  type ProviderClient,
  type ProviderContext,
  type ProviderToken,
} from 'oidc-provider'

import type { SandboxAccount, SandboxClient, SandboxOptions } from '../types'
import { RESOURCE_SERVER, toProviderClients } from './clients'
import { INTERACTION_PATH_PREFIX } from './interactions'
import type { MemoryStore } from './memoryAdapter'
import { renderDeviceCodePage, renderDeviceSuccessPage, renderErrorPage } from './pages'
import { ALL_SCOPES, CLAIMS_BY_SCOPE, findUnknownScopes } from './scopes'

/** The Clerk-style instance id userinfo reports. */
export const SANDBOX_INSTANCE_ID = 'ins_2sandbox00000000000000000001'

const ID_TOKEN_TTL_SECONDS = 24 * 60 * 60
const INTERACTION_TTL_SECONDS = 60 * 60
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60

/** Endpoint paths as Clerk's Frontend API serves them. */
export const ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  userinfo: '/oauth/userinfo',
  introspection: '/oauth/token_info',
  revocation: '/oauth/token/revoke',
  jwks: '/.well-known/jwks.json',
  device_authorization: '/oauth/device_authorization',
  code_verification: '/oauth/device',
} as const

/** A fresh RS256 signing key for ID tokens, different on every run. */
export async function generateSigningKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })

  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `sandbox-${randomBytes(6).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  }
}

/**
 * oidc-provider's configuration for the sandbox. Every default that would print a notice
 * is replaced: stdout carries only the sandbox's ready line. Lifetimes are functions of the
 * live options object, so a change at run time applies to the next token issued.
 */
export function buildProviderConfiguration(input: {
  options: SandboxOptions
  accounts: readonly SandboxAccount[]
  clients: readonly SandboxClient[]
  store: MemoryStore
  signingKey: Record<string, unknown>
}): Record<string, unknown> {
  const { options, accounts, clients, store, signingKey } = input

  return {
    adapter: store.adapterFor,
    clients: toProviderClients(clients),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: ROUTES,
    scopes: [...ALL_SCOPES],
    claims: CLAIMS_BY_SCOPE,
    responseTypes: ['code'],
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    clientBasedCORS: () => false,
    // PKCE is required of public clients, as Clerk's specification marks it; S256 only.
    pkce: { required: (_ctx: ProviderContext, client: ProviderClient) => isPublic(client) },
    rotateRefreshToken: true,
    discovery: { ui_locales_supported: ['en'], claim_types_supported: ['normal'] },
    extraParams: { scope: rejectUnknownScopes },
    findAccount: (_ctx: ProviderContext, sub: string) => findAccount(accounts, sub),
    interactions: {
      url: (_ctx: ProviderContext, interaction: { uid: string }) =>
        `${INTERACTION_PATH_PREFIX}${interaction.uid}`,
    },
    renderError,
    ttl: {
      AccessToken: () => options.accessTokenTtlSeconds,
      AuthorizationCode: () => options.codeTtlSeconds,
      DeviceCode: () => options.codeTtlSeconds,
      RefreshToken: () => options.refreshTokenTtlSeconds,
      Grant: () => options.refreshTokenTtlSeconds,
      IdToken: () => ID_TOKEN_TTL_SECONDS,
      Interaction: () => INTERACTION_TTL_SECONDS,
      Session: () => SESSION_TTL_SECONDS,
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true, allowedPolicy: ownTokenOnly },
      introspection: {
        enabled: true,
        allowedPolicy: (ctx: ProviderContext, client: ProviderClient, token: ProviderToken) =>
          client.clientId === RESOURCE_SERVER.clientId || ownTokenOnly(ctx, client, token),
      },
      deviceFlow: {
        enabled: true,
        userCodeInputSource,
        // The code page submits its own confirmation; this page only shows if it was bypassed.
        userCodeConfirmSource: (ctx: ProviderContext) => userCodeInputSource(ctx, ''),
        successSource,
      },
    },
  }
}

function isPublic(client: ProviderClient): boolean {
  return client.clientAuthMethod === 'none'
}

function ownTokenOnly(_ctx: ProviderContext, client: ProviderClient, token: ProviderToken) {
  return token.clientId === client.clientId
}

/**
 * oidc-provider ignores scopes it does not know; Clerk refuses them. Registered as the
 * validator of the `scope` parameter so the error reaches the client's redirect URI.
 */
function rejectUnknownScopes(ctx: ProviderContext): void {
  const raw = rawScopeParameter(ctx)
  const unknown = findUnknownScopes(raw)

  if (unknown.length > 0) {
    throw new errors.InvalidScope('requested scope is not recognized', unknown.join(' '))
  }

  // oidc-provider drops offline_access when `prompt` lacks `consent`; Clerk keeps it, and
  // the consent page is always shown here anyway.
  const params = ctx.oidc.params ?? {}
  const scopes = String(params.scope ?? '').split(' ')

  if (raw?.split(' ').includes('offline_access') && !scopes.includes('offline_access')) {
    params.scope = [...scopes.filter(Boolean), 'offline_access'].join(' ')
  }
}

function rawScopeParameter(ctx: ProviderContext): string | undefined {
  const source = ctx.method === 'POST' ? ctx.oidc.body : ctx.query
  const value = source?.scope

  return typeof value === 'string' ? value : undefined
}

function findAccount(
  accounts: readonly SandboxAccount[],
  sub: string,
): ProviderAccount | undefined {
  const account = accounts.find((candidate) => candidate.userId === sub)

  if (!account) {
    return undefined
  }

  return {
    accountId: account.userId,
    claims: (use) => ({
      sub: account.userId,
      user_id: account.userId,
      ...(use === 'userinfo'
        ? { object: 'oauth_user_info', instance_id: SANDBOX_INSTANCE_ID }
        : {}),
      email: account.email,
      email_verified: true,
      name: account.name,
      given_name: account.givenName,
      family_name: account.familyName,
      preferred_username: account.email.split('@')[0],
    }),
  }
}

/** Browsers get a page; anything else gets the JSON error, as Clerk answers it. */
function renderError(ctx: ProviderContext, out: { error: string; error_description?: string }) {
  if (ctx.accepts('json', 'html') === 'html') {
    ctx.type = 'html'
    ctx.body = renderErrorPage(out.error, out.error_description)

    return
  }

  ctx.type = 'json'
  ctx.body = out
}

function userCodeInputSource(
  ctx: ProviderContext,
  _form: string,
  _out?: unknown,
  error?: Error & { userCode?: string },
): void {
  let message: string | undefined

  if (error?.name === 'AbortedError') {
    message = 'The sign-in was cancelled. Enter the code again to retry.'
  } else if (error) {
    message = 'That code is not valid or has expired. Check the code on your device.'
  }

  ctx.type = 'html'
  ctx.body = renderDeviceCodePage({
    action: ctx.oidc.urlFor('code_verification'),
    xsrf: ctx.oidc.session?.state?.secret ?? '',
    error: message,
  })
}

function successSource(ctx: ProviderContext): void {
  const client = ctx.oidc.client
  ctx.type = 'html'
  ctx.body = renderDeviceSuccessPage(client?.clientName ?? client?.clientId ?? 'your device')
}
