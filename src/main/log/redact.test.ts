import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { isSensitiveKey, redact, REDACTED, redactText, redactUrl } from './redact'

const SECRETS = ['abc', 'xyz', 'at-123', 'rt-456', 'sekret', 'hunter2', 'verif-1']

function expectNoSecret(output: unknown): void {
  const text = typeof output === 'string' ? output : JSON.stringify(output)

  for (const secret of SECRETS) {
    expect(text).not.toContain(secret)
  }
}

describe('redactUrl', () => {
  it('strips the query of a callback URL', () => {
    expect(redactUrl('mpath://oauth/callback?code=abc&state=xyz')).toBe(
      'mpath://oauth/callback?[redacted]',
    )
  })

  it('strips the fragment and user info', () => {
    expect(redactUrl('https://user:hunter2@host.example/path#access_token=abc')).toBe(
      'https://[redacted]@host.example/path#[redacted]',
    )
  })

  it('accepts URL objects and leaves plain URLs alone', () => {
    expect(redactUrl(new URL('https://issuer.example/oauth/token'))).toBe(
      'https://issuer.example/oauth/token',
    )
  })
})

describe('isSensitiveKey', () => {
  it.each([
    'token',
    'access_token',
    'accessToken',
    'refresh_token',
    'id_token',
    'secret',
    'client_secret',
    'clientSecret',
    'password',
    'code',
    'state',
    'nonce',
    'code_verifier',
    'codeVerifier',
    'Authorization',
    'proxy-authorization',
    'cookie',
    'Set-Cookie',
    'device_code',
    'client_assertion',
    'apiKey',
  ])('masks %s', (key) => {
    expect(isSensitiveKey(key)).toBe(true)
  })

  it.each(['tokenEndpoint', 'token_type', 'expires_in', 'scope', 'statusCode', 'issuer', 'name'])(
    'keeps %s',
    (key) => {
      expect(isSensitiveKey(key)).toBe(false)
    },
  )
})

describe('redactText', () => {
  it('masks URL queries anywhere in a sentence', () => {
    expect(redactText('Callback mpath://oauth/callback?code=abc&state=xyz arrived')).toBe(
      'Callback mpath://oauth/callback?[redacted] arrived',
    )
  })

  it('masks Bearer and Basic credentials', () => {
    const text = redactText('sent Bearer at-123 and basic c2VrcmV0OmhpZGRlbg==')
    expect(text).toBe('sent Bearer [redacted] and basic [redacted]')
  })

  it('keeps prose about tokens and basic authentication readable', () => {
    const text = 'Refresh token rotated; basic authentication and the basic_text store'
    expect(redactText(text)).toBe(text)
  })

  it('masks whole Authorization and Cookie header lines', () => {
    const text = redactText(
      'Authorization: Digest username=x, response=sekret\nCookie: a=abc; b=xyz',
    )
    expect(text).toBe('Authorization: [redacted]\nCookie: [redacted]')
  })

  it('masks token fields of a JSON body but keeps harmless ones', () => {
    const body = JSON.stringify({
      access_token: 'at-123',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'rt-456',
      scope: 'openid read:tasks',
    })
    const text = redactText(`Token endpoint answered ${body}`)
    expectNoSecret(text)
    expect(text).toContain('"token_type":"Bearer"')
    expect(text).toContain('"expires_in":3600')
    expect(text).toContain('"access_token":"[redacted]"')
  })

  it('masks JSON escaped inside a JSON string', () => {
    const inner = JSON.stringify({ refresh_token: 'rt-456' })
    const text = redactText(JSON.stringify({ body: inner }))
    expectNoSecret(text)
  })

  it('masks form bodies and util.inspect output', () => {
    expectNoSecret(redactText('grant_type=authorization_code&code=abc&code_verifier=verif-1'))
    expectNoSecret(redactText('{ client_secret: \'sekret\', password: "hunter2" }'))
  })

  it('masks JWTs wherever they appear', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl'
    expect(redactText(`id token was ${jwt}`)).toBe(`id token was ${REDACTED}`)
  })

  it('keeps error codes under a code key', () => {
    expect(redactText('code=ECONNREFUSED')).toBe('code=ECONNREFUSED')
    expect(redactText('"code":"AUTH_DENIED"')).toBe('"code":"AUTH_DENIED"')
    expect(redactText('"code":"abc"')).toBe('"code":"[redacted]"')
  })

  it('is stable when applied twice', () => {
    const once = redactText('Authorization: Bearer at-123 at mpath://oauth/callback?code=abc')
    expect(redactText(once)).toBe(once)
  })
})

describe('redact', () => {
  it('masks sensitive keys at any depth, in arrays too', () => {
    const output = redact({
      request: { headers: { Authorization: 'Bearer at-123', accept: 'application/json' } },
      tokens: [{ refreshToken: 'rt-456' }],
      attempt: { state: 'xyz', nonce: 'abc', codeVerifier: 'verif-1', createdAt: 1 },
    })
    expectNoSecret(output)
    expect(output).toMatchObject({
      request: { headers: { Authorization: REDACTED, accept: 'application/json' } },
      attempt: { createdAt: 1 },
    })
  })

  it('keeps absent and boolean values under sensitive keys', () => {
    expect(redact({ refreshToken: undefined, secret: null, password: false })).toEqual({
      refreshToken: undefined,
      secret: null,
      password: false,
    })
  })

  it('turns Headers, Maps and URLSearchParams into masked plain objects', () => {
    const headers = new Headers({ authorization: 'Basic c2VrcmV0', 'content-type': 'text/plain' })
    expect(redact(headers)).toEqual({ authorization: REDACTED, 'content-type': 'text/plain' })
    expect(redact(new Map([['set-cookie', 'sid=abc']]))).toEqual({ 'set-cookie': REDACTED })
    expect(
      redact(new URLSearchParams('code=abc&state=xyz&iss=https%3A%2F%2Fissuer.example')),
    ).toEqual({ code: REDACTED, state: REDACTED, iss: 'https://issuer.example' })
  })

  it('redacts URL objects, binary data, Responses and Requests', () => {
    expect(redact(new URL('mpath://oauth/callback?code=abc'))).toBe(
      'mpath://oauth/callback?[redacted]',
    )
    expect(redact(new Uint8Array(12))).toBe('[12 bytes]')
    expect(redact(new Request('https://api.example/tasks?token=abc'))).toEqual({
      method: 'GET',
      url: 'https://api.example/tasks?[redacted]',
    })
    expect(redact(new Response(null, { status: 204 }))).toMatchObject({ status: 204 })
  })

  it('keeps Errors as Errors with message, stack, fields and cause redacted', () => {
    const cause = new Error('refused Bearer at-123')
    const error = new AppError('AUTH_DENIED', 'Callback mpath://oauth/callback?code=abc failed', {
      cause,
    })
    const output = redact(error) as Error & { code: string }
    expect(output).toBeInstanceOf(Error)
    expect(output.name).toBe('AppError')
    expect(output.code).toBe('AUTH_DENIED')
    expect(output.message).toBe('Callback mpath://oauth/callback?[redacted] failed')
    expect(output.stack).not.toContain('code=abc')
    expect((output.cause as Error).message).toBe('refused Bearer [redacted]')
  })

  it('masks token bodies carried by library errors', () => {
    const error = Object.assign(new Error('bad response'), {
      body: { error: 'invalid_grant', refresh_token: 'rt-456' },
      response: '{"access_token":"at-123"}',
    })
    expectNoSecret(redact({ error }))
  })

  it('survives cycles and keeps shared references', () => {
    const shared = { name: 'shared' }
    const node: Record<string, unknown> = { shared, again: shared }
    node.self = node
    expect(redact(node)).toEqual({
      shared: { name: 'shared' },
      again: { name: 'shared' },
      self: '[circular]',
    })
  })

  it('does not mutate its input', () => {
    const input = { token: 'abc', nested: { url: 'https://x.example/?state=xyz' } }
    redact(input)
    expect(input).toEqual({ token: 'abc', nested: { url: 'https://x.example/?state=xyz' } })
  })

  it('survives getters that throw', () => {
    const hostile = {
      get boom(): string {
        throw new Error('no')
      },
    }
    expect(redact({ hostile })).toEqual({ hostile: '[unreadable]' })
  })
})

describe('redact (links without slashes)', () => {
  it('hides the code of an mpath: link written without the two slashes', () => {
    const output = JSON.stringify(redact('got mpath:oauth/callback?code=abc123&state=xyz789'))

    expect(output).not.toContain('abc123')
    expect(output).not.toContain('xyz789')
    expect(output).toContain('mpath:oauth/callback')
  })
})
