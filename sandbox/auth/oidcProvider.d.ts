/**
 * The slice of oidc-provider's API that the sandbox uses. The package ships no type
 * definitions, so this declares only what the sandbox calls, kept deliberately narrow.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  /** A registered client as oidc-provider models it. */
  export interface ProviderClient {
    clientId: string
    clientName?: string
    clientAuthMethod: string
    applicationType: string
    redirectUris: string[]
    grantTypeAllowed(type: string): boolean
    redirectUriAllowed(value: string): boolean
  }

  /** A token or code as handed to policies and TTL functions. */
  export interface ProviderToken {
    kind: string
    clientId?: string
    accountId?: string
    grantId?: string
    scope?: string
    scopes: Set<string>
  }

  /** The request context oidc-provider hands to configuration callbacks. */
  export interface ProviderContext {
    method: string
    path: string
    query: Record<string, unknown>
    body?: unknown
    status: number
    type: string
    get(field: string): string
    accepts(...types: string[]): string | false
    oidc: {
      params?: Record<string, unknown>
      body?: Record<string, unknown>
      client?: ProviderClient
      route?: string
      session?: { state?: { secret?: string } }
      urlFor(name: string): string
    }
  }

  /** A pending interaction (login or consent) as `interactionDetails` reports it. */
  export interface InteractionDetails {
    uid: string
    grantId?: string
    session?: { accountId?: string }
    params: Record<string, unknown> & { client_id?: string; scope?: string }
    prompt: {
      name: 'login' | 'consent' | string
      reasons: string[]
      details: {
        missingOIDCScope?: string[]
        missingOIDCClaims?: string[]
        missingResourceScopes?: Record<string, string[]>
      }
    }
  }

  /** The consent record oidc-provider keeps per account and client. */
  export interface ProviderGrant {
    addOIDCScope(scope: string): void
    rejectOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    addResourceScope(indicator: string, scope: string): void
    save(): Promise<string>
  }

  /** What an account lookup returns. */
  export interface ProviderAccount {
    accountId: string
    claims(
      use: 'id_token' | 'userinfo' | string,
      scope: string,
    ): Promise<Record<string, unknown>> | Record<string, unknown>
  }

  /** One model's storage, as oidc-provider's adapter contract defines it. */
  export interface ProviderAdapter {
    upsert(id: string, payload: Record<string, unknown>, expiresIn?: number): Promise<void>
    find(id: string): Promise<Record<string, unknown> | undefined>
    findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined>
    findByUid(uid: string): Promise<Record<string, unknown> | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }

  export type InteractionResult =
    | { login: { accountId: string } }
    | { consent: { grantId: string } }
    | { error: string; error_description?: string }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    readonly issuer: string
    readonly Client: { prototype: ProviderClient; find(id: string): Promise<ProviderClient> }
    readonly Grant: {
      new (input: { accountId: string; clientId: string }): ProviderGrant
      find(id: string): Promise<ProviderGrant | undefined>
    }
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
    on(event: string, listener: (...args: unknown[]) => void): this
  }

  export const errors: {
    InvalidScope: new (description: string, scope?: string) => Error
  }
}
