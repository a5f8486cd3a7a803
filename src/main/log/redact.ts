import { isErrorCode } from '../../shared/errors/appError'

/** What a masked value is replaced with. */
export const REDACTED = '[redacted]'

const MAX_DEPTH = 12

// Key names are compared after lower-casing and dropping `-` and `_`, so
// `access_token`, `accessToken` and `Access-Token` are one name.
const SENSITIVE_KEY_PATTERNS: readonly RegExp[] = [
  /tokens?$/,
  /secret/,
  /password|passwd|passphrase/,
  /cookie/,
  /^(proxy)?authorization$/,
  /^(auth|authorization|device|user)?code$/,
  /^state$/,
  /nonce$/,
  /verifier$/,
  /assertion$/,
  /apikey|privatekey|credentials?$/,
  /ciphertext|plaintext/,
]

// Error codes (ours, Node's, openid-client's) are stable constants worth
// keeping in logs; an authorization code is a random mixed-case string and
// never has this shape.
const CONSTANT_CODE = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|E[A-Z]{2,})$/

// Header lines (`Authorization: Basic …`, `Cookie: a=b; c=d`) whose whole value
// is secret.
const HEADER_LINE =
  /(^|[\s{,;(])((?:proxy-)?authorization|(?:set-)?cookie)(\s*:\s*)(?!["'\\])[^\r\n]*/gim

// Any value after Bearer is a credential; after Basic only what looks like base64 of
// `id:secret`, so that prose such as "basic authentication" stays readable.
const BEARER = /\b(bearer)(\s+)[A-Za-z0-9\-._~+/]{4,}=*/gi
const BASIC = /\b(basic)(\s+)([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/gi

// JSON Web Tokens anywhere in text (ID tokens, JWT access tokens, client
// assertions).
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

// Any scheme://… run of URL characters, and mpath: links written without the slashes (which
// the OS may hand over); stops at whitespace and quotes.
const URL_IN_TEXT = /\b(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|mpath:)[^\s"'<>`]+/g

// `key: value`, `key=value`, `"key":"value"` (also with JSON escaped inside a
// string) and `key: 'value'` as printed by util.inspect. The replacer decides
// by the key name.
const KEY_VALUE = new RegExp(
  [
    // The key, its quote (escaped when the JSON sits inside a string) closing it again.
    String.raw`(\\?["']?)([A-Za-z][\w-]*)\1`,
    String.raw`(\s*[:=]\s*)`,
    '(',
    // A value masked earlier stays one token, so the replacer can skip it.
    String.raw`\[redacted\]`,
    // A JSON string escaped inside another string.
    String.raw`|\\"(?:[^\\]|\\(?!"))*\\"`,
    String.raw`|"(?:[^"\\]|\\.)*"`,
    String.raw`|'(?:[^'\\]|\\.)*'`,
    // A bare value stops at whitespace, a quote, or what separates or ends a query, list or object.
    String.raw`|[^\s&,;"'}\])]+`,
    ')',
  ].join(''),
  'g',
)

/**
 * True when a field of this name holds a secret (token, code, state, password,
 * …).
 */
export function isSensitiveKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[-_]/g, '')

  return SENSITIVE_KEY_PATTERNS.some((pattern) => pattern.test(name))
}

function looksEncoded(value: string): boolean {
  return /[0-9+/=]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value.slice(1)))
}

function isCodeKey(key: string): boolean {
  return /^(?:error[-_]?)?code$/i.test(key)
}

function keepsValue(key: string, value: unknown): boolean {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') {
    return true
  }

  return (
    isCodeKey(key) && typeof value === 'string' && (isErrorCode(value) || CONSTANT_CODE.test(value))
  )
}

/**
 * A URL without what may carry a credential: query, fragment and user info are
 * replaced.
 *
 * @example
 * redactUrl('mpath://oauth/callback?code=abc&state=xyz') // 'mpath://oauth/callback?[redacted]'
 */
export function redactUrl(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href
  const queryAt = text.search(/[?#]/)
  let base = queryAt === -1 ? text : text.slice(0, queryAt)
  const tail = queryAt === -1 ? '' : `${text[queryAt]}${REDACTED}`

  // User info sits between `//` and the first `@` of the authority.
  base = base.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, `$1${REDACTED}@`)

  return `${base}${tail}`
}

/**
 * A copy of free text with URL queries, credentials, auth headers and token
 * fields masked.
 */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (url) => redactUrl(url))
    .replace(HEADER_LINE, (_match, lead: string, name: string, separator: string) => {
      return `${lead}${name}${separator}${REDACTED}`
    })
    .replace(BEARER, (_match, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(BASIC, (match, scheme: string, space: string, value: string) =>
      looksEncoded(value) ? `${scheme}${space}${REDACTED}` : match,
    )
    .replace(JWT, REDACTED)
    .replace(KEY_VALUE, maskKeyValue)
}

function maskKeyValue(
  match: string,
  quote: string,
  key: string,
  separator: string,
  value: string,
): string {
  const bare = value.replace(/^\\?["']|\\?["']$/g, '')

  if (bare === REDACTED || keepsValue(key, bare)) {
    return match
  }

  if (!isSensitiveKey(key)) {
    // A harmless key may hold a string of escaped JSON with secret fields of
    // its own.
    return /^\\?["']/.test(value)
      ? `${quote}${key}${quote}${separator}${value.replace(KEY_VALUE, maskKeyValue)}`
      : match
  }

  const open = value.startsWith('\\"') ? '\\"' : /^["']/.test(value) ? value[0] : ''
  const close = open === '\\"' ? '\\"' : open

  return `${quote}${key}${quote}${separator}${open}${REDACTED}${close}`
}

interface HeadersLike {
  forEach(callback: (value: unknown, key: unknown) => void): void
  get(name: string): unknown
}

function isHeadersLike(value: object): value is HeadersLike {
  const candidate = value as Partial<HeadersLike>

  return typeof candidate.forEach === 'function' && typeof candidate.get === 'function'
}

function entriesOf(value: HeadersLike): Record<string, unknown> {
  const entries: Record<string, unknown> = {}
  value.forEach((entryValue, key) => {
    entries[String(key)] = entryValue
  })

  return entries
}

function redactError(error: Error, seen: WeakSet<object>, depth: number): Error {
  const copy = new Error(redactText(error.message))
  copy.name = error.name
  copy.stack = error.stack === undefined ? undefined : redactText(error.stack)
  const fields = redactRecord(error as unknown as Record<string, unknown>, seen, depth)
  Object.assign(copy, fields)

  if (error.cause !== undefined) {
    Object.defineProperty(copy, 'cause', {
      value: redactValue(error.cause, seen, depth + 1),
      enumerable: false,
      writable: true,
      configurable: true,
    })
  }

  return copy
}

function redactRecord(
  record: Record<string, unknown>,
  seen: WeakSet<object>,
  depth: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}

  for (const key of Object.keys(record)) {
    const value = record[key]
    result[key] =
      isSensitiveKey(key) && !keepsValue(key, value)
        ? REDACTED
        : redactValue(value, seen, depth + 1)
  }

  return result
}

function redactObject(value: object, seen: WeakSet<object>, depth: number): unknown {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  }

  if (value instanceof URL) {
    return redactUrl(value)
  }

  if (value instanceof URLSearchParams) {
    return redactRecord(Object.fromEntries(value), seen, depth)
  }

  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[${value.byteLength} bytes]`
  }

  if (typeof Response !== 'undefined' && value instanceof Response) {
    return { status: value.status, statusText: value.statusText, url: redactUrl(value.url) }
  }

  if (typeof Request !== 'undefined' && value instanceof Request) {
    return { method: value.method, url: redactUrl(value.url) }
  }

  if (value instanceof Error) {
    return redactError(value, seen, depth)
  }

  if (Array.isArray(value) || value instanceof Set) {
    return Array.from(value, (item: unknown) => redactValue(item, seen, depth + 1))
  }

  if (value instanceof Map || isHeadersLike(value)) {
    return redactRecord(entriesOf(value as HeadersLike), seen, depth)
  }

  return redactRecord(value as Record<string, unknown>, seen, depth)
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value)
    case 'function':
      return `[function ${value.name || 'anonymous'}]`
    case 'symbol':
      return value.toString()
    case 'object':
      break
    default:
      return value
  }

  if (value === null) {
    return value
  }

  if (seen.has(value)) {
    return '[circular]'
  }

  if (depth >= MAX_DEPTH) {
    return '[too deep]'
  }

  seen.add(value)

  try {
    return redactObject(value, seen, depth)
  } catch (_error) {
    // A getter that throws or an exotic object must not break logging.
    return '[unreadable]'
  } finally {
    seen.delete(value)
  }
}

/**
 * A deep copy of `value` safe to log: fields named like secrets are masked,
 * every string loses URL queries, fragments, credentials, `Bearer`/`Basic`
 * values, JWTs and token fields of embedded JSON or form bodies; Headers, Maps
 * and URLSearchParams become plain objects; Errors keep name, redacted message
 * and stack. Cycles print as `[circular]`.
 *
 * @example
 * redact({ headers: { Authorization: 'Bearer abc' }, url: 'https://x/cb?code=1' })
 * // { headers: { Authorization: '[redacted]' }, url: 'https://x/cb?[redacted]' }
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet(), 0)
}
