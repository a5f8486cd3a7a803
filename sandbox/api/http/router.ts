import type { IncomingHttpHeaders } from 'node:http'

import type { Reply } from './reply'

/** A request as routes see it: parsed URL, path parameters and a lazy JSON body. */
export interface ApiRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  params: Record<string, string>
  /** The body parsed as JSON; rejects on a body that is not JSON. */
  readJson(): Promise<unknown>
}

/** A route of the API, matched by method and a path such as `/api/tasks/:id`. */
export interface Route {
  method: string
  path: string
  handle(request: ApiRequest): Promise<Reply>
}

/** The outcome of matching: a route, a known path with another method, or nothing. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrongMethod' }
  | { kind: 'notFound' }

/** Finds the route for a method and path. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  let isPathKnown = false

  for (const route of routes) {
    const params = matchPath(route.path, pathname)

    if (!params) {
      continue
    }

    if (route.method === method) {
      return { kind: 'found', route, params }
    }

    isPathKnown = true
  }

  return isPathKnown ? { kind: 'wrongMethod' } : { kind: 'notFound' }
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/')
  const pathParts = pathname.replace(/\/+$/, '').split('/')

  if (patternParts.length !== pathParts.length) {
    return null
  }

  const params: Record<string, string> = {}

  for (let index = 0; index < patternParts.length; index++) {
    const expected = patternParts[index] ?? ''
    const actual = pathParts[index] ?? ''

    if (expected.startsWith(':')) {
      if (actual === '') {
        return null
      }

      params[expected.slice(1)] = decodeURIComponent(actual)
    } else if (expected !== actual) {
      return null
    }
  }

  return params
}
