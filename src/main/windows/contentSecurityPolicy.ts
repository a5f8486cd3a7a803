/**
 * The Content Security Policy of every app page. The renderer's `index.html` carries the same
 * policy as a `<meta>` tag (so the browser preview enforces it too); main adds it as a response
 * header for defence in depth. A test keeps the two equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes; no stylesheet is fetched from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Response headers as Electron's `onHeadersReceived` passes them. */
export type ResponseHeaders = Record<string, string | string[]>

/**
 * The headers with our policy set, replacing any policy the response carried (only our own
 * pages load in app windows).
 */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): ResponseHeaders {
  const result: ResponseHeaders = {}

  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') {
      result[name] = value
    }
  }

  result['Content-Security-Policy'] = [policy]

  return result
}
