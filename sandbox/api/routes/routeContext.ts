import type { SandboxFaults, SandboxOptions } from '../../types'
import type { ProtectedRoute } from '../auth/routeAccess'
import type { SandboxDatabase } from '../database'
import type { Reply } from '../http/reply'
import type { ApiRequest } from '../http/router'

/** What every route module is built from. */
export interface RouteContext {
  db: SandboxDatabase
  options: SandboxOptions
  /** The live faults (the admin URL changes them while the sandbox runs). */
  faults: SandboxFaults
  now(): Date
}

/** A route that needs no token (health, capabilities). */
export interface PublicRoute {
  method: string
  path: string
  scope: 'none'
  isEnabled?(): boolean
  handle(request: ApiRequest): Promise<Reply>
}

/** Any API route. */
export type ApiRoute = ProtectedRoute | PublicRoute

/** mpath's "no organization" answer, worded per resource. */
export function noOrganizationMessage(things: string): string {
  return `User must belong to an organization to view ${things}`
}
