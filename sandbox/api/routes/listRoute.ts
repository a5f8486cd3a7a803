import type { Caller } from '../auth/caller'
import type { RouteScope } from '../auth/routeAccess'
import { errorReply, type Reply } from '../http/reply'
import { rejectBadImmutableFilters } from './immutableFilters'
import { noOrganizationMessage, type ApiRoute } from './routeContext'

/** A caller that belongs to an organization, as every list route requires. */
export type OrganizationCaller = Caller & { organizationId: string }

/** What makes one `GET` list route; {@link listRoute} adds the checks they all share. */
export interface ListRouteSpec {
  path: string
  scope: RouteScope
  /** The listed things in mpath's wording of its errors, e.g. "one-on-ones". */
  things: string
  /** A further check of the caller, answered before the filters are read. */
  refuseCaller?(caller: OrganizationCaller): Reply | null
  /** Answers the list; anything it throws becomes mpath's bare "Failed to fetch" 500. */
  list(url: URL, caller: OrganizationCaller): Promise<Reply>
}

/**
 * A list route as mpath's are built: 403 for a caller without an organization, 400 for a
 * filter on an immutable field, then the list, with any failure answered as a 500 that names
 * the things and nothing else.
 */
export function listRoute(spec: ListRouteSpec): ApiRoute {
  return {
    method: 'GET',
    path: spec.path,
    scope: spec.scope,
    realAuthFailure: 'bare500',
    async handle(request, caller) {
      if (!belongsToOrganization(caller)) {
        return errorReply(403, noOrganizationMessage(spec.things))
      }

      const refusal = spec.refuseCaller?.(caller)

      if (refusal) {
        return refusal
      }

      const bad = rejectBadImmutableFilters(request.url)

      if (bad) {
        return bad
      }

      try {
        return await spec.list(request.url, caller)
      } catch (_error) {
        return errorReply(500, `Failed to fetch ${spec.things}`)
      }
    },
  }
}

function belongsToOrganization(caller: Caller): caller is OrganizationCaller {
  return !!caller.organizationId
}
