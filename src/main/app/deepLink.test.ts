import { describe, expect, it } from 'vitest'

import { AppError } from '../../shared/errors/appError'
import { MAX_DEEP_LINK_LENGTH, parseDeepLink, requireDeepLink } from './deepLink'

describe('parseDeepLink', () => {
  it('reads the sign-in callback with its parameters', () => {
    const parsed = parseDeepLink(
      'mpath://oauth/callback?code=C&state=S&iss=https%3A%2F%2Fa.example',
    )
    expect(parsed.kind).toBe('oauth-callback')

    if (parsed.kind === 'oauth-callback') {
      expect(parsed.params.get('code')).toBe('C')
      expect(parsed.params.get('iss')).toBe('https://a.example')
      expect(parsed.url.href).toBe(
        'mpath://oauth/callback?code=C&state=S&iss=https%3A%2F%2Fa.example',
      )
    }
  })

  it('reads an error callback', () => {
    expect(parseDeepLink('mpath://oauth/callback?error=access_denied&state=S').kind).toBe(
      'oauth-callback',
    )
  })

  it.each([
    ['mpath://tasks/task_42', 'tasks', 'task_42'],
    ['mpath://people/p-1', 'people', 'p-1'],
    ['mpath://initiatives/I9/', 'initiatives', 'I9'],
  ])('reads %s', (link, target, id) => {
    expect(parseDeepLink(link)).toEqual({ kind: 'open', target, id })
  })

  it.each([
    ['not text', 42, 'the link is not text'],
    ['empty', '', 'the link is empty'],
    ['another scheme', 'https://oauth/callback?code=C', 'does not start with mpath://'],
    ['a look-alike scheme', 'mpathx://oauth/callback?code=C', 'does not start with mpath://'],
    ['no authority', 'mpath:oauth/callback?code=C', 'does not start with mpath://'],
    ['user info', 'mpath://u:p@oauth/callback?code=C', 'user name or password'],
    ['a port', 'mpath://oauth:443/callback?code=C', 'must not name a port'],
    ['a flag injection (S11)', 'mpath://x" --inspect=9229 "', 'spaces, quotes or control'],
    ['a newline', 'mpath://tasks/t1\n--inspect', 'spaces, quotes or control'],
    ['a control character', 'mpath://tasks/t1\u0007', 'spaces, quotes or control'],
    ['a delete character', 'mpath://tasks/t1\u007f', 'spaces, quotes or control'],
    ['another oauth path', 'mpath://oauth/other?code=C', 'mpath://oauth/callback'],
    ['a fragment on the callback', 'mpath://oauth/callback?code=C#x', 'fragment'],
    ['a repeated code', 'mpath://oauth/callback?code=C&code=D&state=S', 'repeats "code"'],
    ['a callback with nothing', 'mpath://oauth/callback', 'neither a code nor an error'],
    ['an unknown target', 'mpath://settings/x', 'names nothing'],
    ['an upper-case host', 'mpath://OAUTH/callback?code=C', 'names nothing'],
    ['an encoded host', 'mpath://%6Fauth/callback?code=C', 'names nothing'],
    ['an id too long', `mpath://tasks/${'a'.repeat(65)}`, 'one id'],
    ['an id with dots', 'mpath://tasks/..', 'one id'],
    ['an encoded id', 'mpath://tasks/a%2Fb', 'one id'],
    ['two path segments', 'mpath://tasks/a/b', 'one id'],
    ['a query on an open link', 'mpath://tasks/t1?x=1', 'no query'],
    ['a huge link', `mpath://oauth/callback?code=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`, 'longer'],
  ])('refuses %s', (_label, link, reason) => {
    const parsed = parseDeepLink(link)
    expect(parsed.kind).toBe('invalid')

    if (parsed.kind === 'invalid') {
      expect(parsed.reason).toContain(reason)
    }
  })

  it('never echoes the link in its reason', () => {
    const parsed = parseDeepLink('mpath://oauth/callback?code=SECRET&code=SECRET')
    expect(JSON.stringify(parsed)).not.toContain('SECRET')
  })
})

describe('requireDeepLink', () => {
  it('returns a valid link', () => {
    expect(requireDeepLink('mpath://tasks/t1')).toEqual({ kind: 'open', target: 'tasks', id: 't1' })
  })

  it('throws DEEP_LINK_INVALID with a clear message', () => {
    let caught: unknown

    try {
      requireDeepLink('mpath://oauth:1/callback?code=C')
    } catch (error) {
      caught = error
    }

    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('DEEP_LINK_INVALID')
    expect((caught as AppError).message).toBe(
      'This link cannot be opened: the link must not name a port.',
    )
  })
})
