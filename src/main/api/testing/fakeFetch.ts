import type { FetchPort } from '../../platform/ports'

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string
  url: URL
  headers: Headers
  body: string | undefined
  signal: AbortSignal | undefined
}

/** What a responder answers: a response, a thrown error, or `hang` (never answers). */
export type Responder = (request: RecordedRequest) => Response | Promise<Response> | 'hang'

/** A fetch that answers from per-route queues and records every request. */
export interface FakeFetch {
  fetch: FetchPort
  requests: RecordedRequest[]
  /** Queues answers for `METHOD /path`; the last one repeats. */
  on(route: string, ...responders: Responder[]): FakeFetch
}

/** A fake `fetch`; an unrouted request answers 404 with the framework's HTML page. */
export function createFakeFetch(): FakeFetch {
  const routes = new Map<string, Responder[]>()
  const requests: RecordedRequest[] = []

  const fetchFake = async (input: string | URL | Request, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    }
    requests.push(request)
    const queue = routes.get(`${request.method} ${request.url.pathname}`)
    const responder = queue && (queue.length > 1 ? queue.shift() : queue[0])

    if (!responder) {
      return text(404, '<!DOCTYPE html><title>404</title>')
    }

    const answer = await responder(request)

    return answer === 'hang' ? hang(request.signal) : answer
  }

  const fake: FakeFetch = {
    fetch: fetchFake as FetchPort,
    requests,
    on(route, ...responders) {
      routes.set(route, [...responders])

      return fake
    },
  }

  return fake
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })
}

/** A responder for a raw text answer. */
export function respondText(status: number, body: string, headers: Record<string, string> = {}) {
  return () => text(status, body, headers)
}

/** A responder that throws as `fetch` does when the network fails. */
export function networkFailure(code = 'ECONNREFUSED') {
  return () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })
  }
}

/** A responder that never answers (until the request is aborted). */
export const never: Responder = () => 'hang'

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : body, { status, headers })
}

function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => {
      reject(new DOMException('This operation was aborted', 'AbortError'))
    })
  })
}
