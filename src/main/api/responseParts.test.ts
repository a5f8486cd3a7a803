import { describe, expect, it } from 'vitest'

import { parseBearerChallenge, parseRetryAfter, readErrorBody } from './responseParts'

describe('parseBearerChallenge', () => {
  it('reads quoted and bare auth-params of the Bearer challenge', () => {
    expect(
      parseBearerChallenge(
        'Bearer realm="mpath", error="insufficient_scope", scope="read:tasks write:tasks"',
      ),
    ).toEqual({ realm: 'mpath', error: 'insufficient_scope', scope: 'read:tasks write:tasks' })
    expect(parseBearerChallenge('bearer error=invalid_token')).toEqual({ error: 'invalid_token' })
  })

  it('finds the Bearer challenge after another scheme and ignores non-Bearer headers', () => {
    expect(parseBearerChallenge('Basic realm="x", Bearer error="insufficient_scope"')).toEqual({
      error: 'insufficient_scope',
    })
    expect(parseBearerChallenge('Basic realm="x"')).toBeNull()
    expect(parseBearerChallenge(null)).toBeNull()
  })

  it('keeps escaped quotes inside a quoted value', () => {
    expect(parseBearerChallenge('Bearer error_description="say \\"hi\\""')).toEqual({
      error_description: 'say "hi"',
    })
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 2, 1, 9, 0, 0)

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('5', now, null)).toBe(5_000)
    expect(parseRetryAfter(' 0 ', now, null)).toBe(0)
  })

  it('reads an HTTP date against the server date when known, else the local clock', () => {
    const at = new Date(now + 10_000).toUTCString()

    expect(parseRetryAfter(at, now, null)).toBe(10_000)
    expect(parseRetryAfter(at, now + 60_000, now + 4_000)).toBe(6_000)
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now, null)).toBe(0)
  })

  it('answers null for absent or unreadable values', () => {
    expect(parseRetryAfter(null, now, null)).toBeNull()
    expect(parseRetryAfter('soon', now, null)).toBeNull()
    expect(parseRetryAfter('-3', now, null)).toBeNull()
  })
})

describe('readErrorBody', () => {
  it('reads the routes’ { error } JSON and nothing else', () => {
    expect(readErrorBody('{"error":"Failed to fetch tasks"}')).toEqual({
      error: 'Failed to fetch tasks',
    })
    expect(readErrorBody('{"error":"insufficient_scope","scope":"read:tasks"}')).toEqual({
      error: 'insufficient_scope',
      scope: 'read:tasks',
    })
    expect(readErrorBody('')).toBeNull()
    expect(readErrorBody('Internal Server Error')).toBeNull()
    expect(readErrorBody('{"message":"x"}')).toBeNull()
    expect(readErrorBody('[]')).toBeNull()
  })
})
