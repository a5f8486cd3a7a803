/**
 * Small readers for the parts of an HTTP answer the request path acts on: the error body,
 * the RFC 6750 bearer challenge and `Retry-After`.
 */

/** What an mpath error body says, when it is the `{ "error": "…" }` JSON the routes produce. */
export interface ErrorBody {
  error: string
  /** Scopes an RFC 6750-style JSON error names, when it names any. */
  scope?: string
}

/**
 * Reads `{ "error": "…" }` bodies. Anything else (empty, HTML, plain text, other JSON) is
 * `null`: that is the framework's bare answer, not the route's.
 */
export function readErrorBody(text: string): ErrorBody | null {
  const parsed = parseJson(text)

  if (!isRecord(parsed) || typeof parsed.error !== 'string') {
    return null
  }

  const scope = typeof parsed.scope === 'string' ? parsed.scope : undefined

  return scope === undefined ? { error: parsed.error } : { error: parsed.error, scope }
}

/** `JSON.parse` that answers `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * The auth-params of a `Bearer` challenge in `WWW-Authenticate` (RFC 6750 §3), keys lower
 * case; `null` when the header holds no Bearer challenge.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function parseBearerChallenge(header: string | null): Record<string, string> | null {
  const start = header?.search(/(^|[\s,])Bearer(\s|$)/i) ?? -1

  if (!header || start < 0) {
    return null
  }

  const params: Record<string, string> = {}
  const rest = header.slice(start).replace(/^[\s,]*Bearer/i, '')
  const pattern = /([A-Za-z0-9_-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,]*)/g

  for (const match of rest.matchAll(pattern)) {
    const name = match[1]?.toLowerCase()
    const value = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : match[2]

    // A following challenge of another scheme ends this one.
    if (name === undefined || value === undefined || name in params) {
      break
    }

    params[name] = value
  }

  return params
}

/**
 * Milliseconds to wait from `Retry-After`: delta-seconds, or an HTTP date measured against the
 * server's own `Date` header when there is one (so a skewed local clock does not matter).
 * `null` when absent or unreadable.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(
  value: string | null,
  now: number,
  serverDate: number | null,
): number | null {
  const trimmed = value?.trim()

  if (!trimmed) {
    return null
  }

  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000
  }

  // An HTTP date always names its weekday and month; Date.parse alone would read "-3" as a year.
  const at = /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN

  if (Number.isNaN(at)) {
    return null
  }

  return Math.max(0, at - (serverDate ?? now))
}

/**
 * A server message shortened for display: mpath's own messages are short sentences; anything
 * long is more likely an error page than a message.
 */
export function displayableMessage(message: string): string {
  const flattened = message.replace(/\s+/g, ' ').trim()

  return flattened.length > 200 ? `${flattened.slice(0, 197)}...` : flattened
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
