/** What a route answers; the server adds the `Date` header and applies faults on the way out. */
export interface Reply {
  status: number
  headers: Record<string, string>
  /** The body text; absent for an empty body. */
  body?: string
}

/** A JSON answer. */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(value),
  }
}

/** mpath's route-produced error body: `{ "error": "<message>" }`. */
export function errorReply(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return jsonReply(status, { error: message }, headers)
}

/** A status with no body (a 204, or the framework's bare 500). */
export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers }
}
