import type { z } from 'zod'

import { AppError } from '../../shared/errors/appError'
import type { AccessTokenSource } from '../auth/types'
import type { Logger } from '../log/logger'
import type { Clock, FetchPort } from '../platform/ports'
import { toNetworkError } from './networkErrors'
import { parseRetryAfter, readErrorBody } from './responseParts'
import { interpretAnswer, type Answer } from './interpretAnswer'

/**
 * How a route reports a dead token on today's mpath server: a clean 401, the framework's
 * bare 500 (the exception escapes the handler), or a 500 carrying the error message.
 */
export type AuthFailureStyle = 'status-401' | 'bare-500' | 'json-500'

/** One call through the request path. */
export interface RequestSpec<Result> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path below the base URL, starting with `/api/`. */
  path: string
  query?: URLSearchParams
  /** Sent as JSON. */
  body?: unknown
  /** Validates a 2xx body; `null` when the answer carries nothing to read (204). */
  schema: z.ZodType<Result> | null
  /** `false` for the routes that need no token. */
  authenticated?: boolean
  /** Defaults to `status-401`. */
  authFailure?: AuthFailureStyle
  /** The scope mpath's guide assigns to the route, named when a 403 names none. */
  scope?: string
  /** Said on a 404 instead of the generic message. */
  notFoundMessage?: string
}

/** What the request path is built from. */
export interface RequestPathOptions {
  /** Base URL of the mpath server (a path prefix is kept). */
  baseUrl: string
  tokens: AccessTokenSource
  fetch: FetchPort
  clock: Clock
  logger: Logger
  /** Deadline for one HTTP exchange, body included. Default 20 s. */
  timeoutMs?: number
  /** Further tries after a 429 or 503. Default 2. */
  maxRetries?: number
  /**
   * Longest wait before a retry, default 30 s; a longer `Retry-After` ends the tries at once.
   */
  maxRetryWaitMs?: number
}

/** The one path every mpath request takes. */
export interface RequestPath {
  /** Sends `spec`, handling tokens, retries and errors; throws only `AppError`. */
  send<Result>(spec: RequestSpec<Result>): Promise<Result>
  /** The `Date` header of the latest answer, for clock-offset diagnostics. */
  readonly lastServerDate: Date | null
  /** Server time minus local time at the latest answer (1 s resolution), in milliseconds. */
  readonly serverClockOffsetMs: number | null
}

const DEFAULT_TIMEOUT_MS = 20_000
const DEFAULT_MAX_RETRIES = 2
const DEFAULT_MAX_RETRY_WAIT_MS = 30_000
const FIRST_BACKOFF_MS = 1_000
const PROBE_PATH = '/api/user/current'

/**
 * Builds the request path. Security-sensitive: the token goes only into the `Authorization`
 * header of requests to `baseUrl`, and logs carry method, path and status, never the token or
 * a query string.
 */
export function createRequestPath(options: RequestPathOptions): RequestPath {
  const baseUrl = normalizeBaseUrl(options.baseUrl)
  const { tokens, clock } = options
  const log = options.logger.child('api')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS
  let serverDate: { date: Date; offsetMs: number } | null = null

  async function send<Result>(spec: RequestSpec<Result>): Promise<Result> {
    const method = spec.method ?? 'GET'
    const started = clock.now()

    try {
      const result = await run(spec)
      log.debug('request done', { method, path: spec.path, ms: clock.now() - started })

      return result
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('INTERNAL', 'Something went wrong talking to mpath.', { cause: error })
      log.warn('request failed', { method, path: spec.path, code: appError.code })
      throw appError
    }
  }

  async function run<Result>(spec: RequestSpec<Result>): Promise<Result> {
    let token = spec.authenticated === false ? null : await obtain(() => tokens.getAccessToken())
    let hasRefreshed = false
    let retries = 0

    for (;;) {
      const answer = await exchange(spec, token)

      if (token !== null && (await meansDeadToken(spec, answer, token))) {
        if (hasRefreshed) {
          throw new AppError(
            'API_UNAUTHORIZED',
            'mpath did not accept your sign-in, even after renewing it.',
            { action: 'Sign in again.' },
          )
        }

        const rejected = token
        token = await obtain(() => tokens.refreshAfterRejection(rejected))
        hasRefreshed = true
        continue
      }

      if ((answer.status === 429 || answer.status === 503) && retries < maxRetries) {
        const wait = retryWait(answer, retries)

        if (wait !== null) {
          retries += 1
          log.info('retrying after the server asked to wait', {
            path: spec.path,
            status: answer.status,
            waitMs: wait,
          })
          await sleep(wait)
          continue
        }
      }

      return interpretAnswer(spec, answer, { log, grantedScopes: () => tokens.grantedScopes() })
    }
  }

  // A 401 always means it. On the real server most list routes answer a dead token with a
  // bare 500 and the reminder routes with a 500 carrying a message; only /api/user/current
  // answers 401 cleanly, so it is asked whether the token still works.
  async function meansDeadToken(
    spec: RequestSpec<unknown>,
    answer: Answer,
    token: string,
  ): Promise<boolean> {
    if (answer.status === 401) {
      return true
    }

    if (answer.status !== 500) {
      return false
    }

    const style = spec.authFailure ?? 'status-401'
    const masks =
      style === 'json-500' || (style === 'bare-500' && readErrorBody(answer.text) === null)

    if (!masks) {
      return false
    }

    const verdict = await probe(token)
    log.info('probed the token after a 500', { path: spec.path, verdict })

    return verdict === 'dead'
  }

  async function probe(token: string): Promise<'dead' | 'alive' | 'unknown'> {
    try {
      const answer = await exchange({ path: PROBE_PATH, schema: null }, token)

      if (answer.status === 401) {
        return 'dead'
      }

      return answer.status >= 200 && answer.status < 300 ? 'alive' : 'unknown'
    } catch {
      return 'unknown'
    }
  }

  async function exchange(spec: RequestSpec<unknown>, token: string | null): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    let body: string | undefined

    if (token !== null) {
      headers.Authorization = `Bearer ${token}`
    }

    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(spec.body)
    }

    const query = spec.query?.toString()
    const url = `${baseUrl}${spec.path}${query ? `?${query}` : ''}`
    const controller = new AbortController()
    let timedOut = false
    const timer = clock.setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)

    try {
      const response = await options.fetch(url, {
        method: spec.method ?? 'GET',
        headers,
        body,
        signal: controller.signal,
      })
      const text = await response.text()
      noteServerDate(response.headers.get('date'))

      return { status: response.status, headers: response.headers, text }
    } catch (error) {
      throw toNetworkError(error, timedOut)
    } finally {
      timer.cancel()
    }
  }

  function retryWait(answer: Answer, retries: number): number | null {
    const asked = parseRetryAfter(
      answer.headers.get('retry-after'),
      clock.now(),
      serverDate?.date.getTime() ?? null,
    )

    if (asked === null) {
      return Math.min(maxRetryWaitMs, FIRST_BACKOFF_MS * 2 ** retries)
    }

    // Retrying earlier than the server asked only earns another refusal.
    return asked > maxRetryWaitMs ? null : asked
  }

  function sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      clock.setTimeout(resolve, milliseconds)
    })
  }

  function noteServerDate(header: string | null): void {
    const at = header ? Date.parse(header) : Number.NaN

    if (!Number.isNaN(at)) {
      serverDate = { date: new Date(at), offsetMs: at - clock.now() }
    }
  }

  return {
    send,
    get lastServerDate() {
      return serverDate ? new Date(serverDate.date) : null
    },
    get serverClockOffsetMs() {
      return serverDate?.offsetMs ?? null
    },
  }
}

async function obtain(getToken: () => Promise<string>): Promise<string> {
  try {
    return await getToken()
  } catch (error) {
    if (error instanceof AppError) {
      throw error
    }

    throw new AppError('SESSION_EXPIRED', 'Your mpath session has ended.', {
      action: 'Sign in again.',
      cause: error,
    })
  }
}

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL

  try {
    url = new URL(baseUrl)
  } catch (error) {
    throw new AppError('PROFILE_INVALID', 'The mpath server address is not a valid URL.', {
      action: 'Check the server address in the connection settings.',
      cause: error,
    })
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('PROFILE_INVALID', 'The mpath server address must start with https://.', {
      action: 'Check the server address in the connection settings.',
    })
  }

  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
