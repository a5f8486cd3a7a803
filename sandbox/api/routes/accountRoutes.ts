import { jsonReply } from '../http/reply'
import type { ApiRoute, RouteContext } from './routeContext'

const NO_CACHE = {
  'Cache-Control': 'no-store, no-cache, must-revalidate, proxy-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
}

/** `/api/user/current`, `/api/command-palette/permissions`, `/api/health`, `/api/capabilities`. */
export function createAccountRoutes(context: RouteContext): ApiRoute[] {
  const startedAt = Date.now()

  return [
    {
      method: 'GET',
      path: '/api/user/current',
      scope: 'token',
      realAuthFailure: 'unauthorized',
      async handle(_request, caller) {
        const user = {
          email: caller.email,
          name: caller.name,
          clerkUserId: caller.clerkUserId,
          clerkOrganizationId: caller.clerkOrganizationId,
          managerOSUserId: caller.userId,
          managerOSOrganizationId: caller.organizationId,
          managerOSPersonId: caller.personId,
          role: caller.role,
        }

        return jsonReply(200, { user }, NO_CACHE)
      },
    },
    {
      method: 'GET',
      path: '/api/command-palette/permissions',
      scope: 'anyRead',
      realAuthFailure: 'unauthorized',
      async handle(_request, caller) {
        const inOrganization = caller.organizationId !== null
        const canCreate = inOrganization && (caller.isAdmin || caller.personId !== null)

        return jsonReply(200, {
          permissions: {
            'task.create': canCreate,
            'initiative.create': canCreate,
            'feedback.create': canCreate,
            'oneonone.create': canCreate,
            'feedback-campaign.create': inOrganization && caller.personId !== null,
            'report.create': inOrganization && caller.isAdmin,
            isAdmin: caller.isAdmin,
          },
        })
      },
    },
    {
      method: 'GET',
      path: '/api/health',
      scope: 'none',
      async handle() {
        return jsonReply(200, {
          status: 'ok',
          timestamp: context.now().toISOString(),
          uptime: (Date.now() - startedAt) / 1000,
        })
      },
    },
  ]
}
