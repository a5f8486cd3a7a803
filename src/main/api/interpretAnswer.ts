import type { z } from 'zod'

import { AppError } from '../../shared/errors/appError'
import type { Logger } from '../log/logger'
import { displayableMessage, parseBearerChallenge, parseJson, readErrorBody } from './responseParts'

/** An HTTP answer with its body read. */
export interface Answer {
  status: number
  headers: Headers
  text: string
}

interface InterpretContext {
  log: Logger
  grantedScopes(): readonly string[]
}

interface InterpretedSpec<Result> {
  path: string
  schema: z.ZodType<Result> | null
  scope?: string
  notFoundMessage?: string
}

const MAX_LOGGED_ISSUES = 10

/**
 * Turns a final answer (after refreshes and retries) into the validated result or a coded
 * error. Validation failures log the paths of the offending fields, never their values.
 */
export function interpretAnswer<Result>(
  spec: InterpretedSpec<Result>,
  answer: Answer,
  context: InterpretContext,
): Result {
  if (answer.status >= 200 && answer.status < 300) {
    return readResult(spec, answer, context.log)
  }

  const body = readErrorBody(answer.text)
  const serverMessage = body ? displayableMessage(body.error) : undefined

  switch (answer.status) {
    case 400:
      return fail('API_BAD_REQUEST', serverMessage ?? 'mpath refused the request as malformed.')
    case 401:
      return fail('API_UNAUTHORIZED', 'mpath did not accept your sign-in.', 'Sign in again.')
    case 403:
      throw forbidden(spec, answer, context)
    case 404:
    case 405:
    case 410:
      return fail(
        'API_NOT_FOUND',
        spec.notFoundMessage ?? serverMessage ?? 'mpath does not have what was asked for.',
      )
    case 429:
      throw new AppError('API_RATE_LIMITED', 'mpath is receiving too many requests.', {
        action: 'Wait a minute and try again.',
        details: retryDetails(answer),
      })
    case 502:
    case 503:
    case 504:
      throw new AppError('API_UNAVAILABLE', 'The mpath server is unavailable right now.', {
        action: 'Try again in a few minutes.',
        details: retryDetails(answer),
      })
    default:
      break
  }

  if (answer.status >= 500) {
    context.log.warn('server error', {
      path: spec.path,
      status: answer.status,
      hasMessage: body !== null,
    })

    return fail('API_SERVER_ERROR', 'The mpath server ran into a problem.', 'Try again later.')
  }

  return fail('API_BAD_RESPONSE', `mpath answered with an unexpected status (${answer.status}).`)
}

function readResult<Result>(spec: InterpretedSpec<Result>, answer: Answer, log: Logger): Result {
  if (spec.schema === null) {
    return undefined as Result
  }

  const json = answer.text.trim() === '' ? undefined : parseJson(answer.text)

  if (json === undefined) {
    log.warn('unreadable answer', { path: spec.path, status: answer.status, reason: 'not JSON' })

    return fail('API_BAD_RESPONSE', 'mpath sent an answer mpath Desktop cannot read.')
  }

  const parsed = spec.schema.safeParse(json)

  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_LOGGED_ISSUES).map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
    }))
    log.warn('answer does not match the expected shape', {
      path: spec.path,
      issues,
      issueCount: parsed.error.issues.length,
    })

    return fail(
      'API_BAD_RESPONSE',
      'mpath sent data in a shape mpath Desktop does not know.',
      'Update mpath Desktop, or tell your administrator which server version you use.',
    )
  }

  return parsed.data
}

// RFC 6750 §3.1: insufficient_scope asks for a new authorization with more scope, not for a
// refresh. The scope comes from the challenge, the JSON error, or the route's known scope.
function forbidden(
  spec: InterpretedSpec<unknown>,
  answer: Answer,
  context: InterpretContext,
): AppError {
  const challenge = parseBearerChallenge(answer.headers.get('www-authenticate'))
  const body = readErrorBody(answer.text)
  const isScopeError =
    challenge?.error === 'insufficient_scope' || body?.error === 'insufficient_scope'

  if (!isScopeError) {
    return new AppError(
      'API_FORBIDDEN',
      body ? displayableMessage(body.error) : 'mpath does not allow you to see this.',
      { action: 'Ask your mpath administrator for access.' },
    )
  }

  const missingScope = pickMissingScope(
    challenge?.scope ?? body?.scope ?? spec.scope,
    context.grantedScopes(),
  )

  if (missingScope === undefined) {
    return new AppError('API_INSUFFICIENT_SCOPE', 'Your sign-in lacks a permission mpath needs.', {
      action: 'Sign in again and allow every permission mpath Desktop asks for.',
    })
  }

  return new AppError(
    'API_INSUFFICIENT_SCOPE',
    `Your sign-in does not include the ${missingScope} permission.`,
    { action: `Sign in again and allow ${missingScope}.`, details: { missingScope } },
  )
}

function pickMissingScope(named: string | undefined, granted: readonly string[]) {
  const scopes = (named ?? '').split(/\s+/).filter(Boolean)
  const missing = scopes.filter((scope) => !granted.includes(scope))
  const chosen = missing.length > 0 ? missing : scopes

  return chosen.length > 0 ? chosen.join(' ') : undefined
}

function retryDetails(answer: Answer): Record<string, string> | undefined {
  const retryAfter = answer.headers.get('retry-after')?.trim()

  return retryAfter ? { retryAfter } : undefined
}

function fail(code: AppError['code'], message: string, action?: string): never {
  throw new AppError(code, message, action === undefined ? {} : { action })
}
