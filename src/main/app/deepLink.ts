import { AppError } from '../../shared/errors/appError'

/**
 * The one custom scheme of the app, for the OAuth redirect and for links into
 * the app.
 */
export const MPATH_SCHEME = 'mpath'

/**
 * Longer links are refused before parsing; a real callback is well under 1 KB.
 */
export const MAX_DEEP_LINK_LENGTH = 4096

/** What an `mpath://<target>/<id>` link opens. */
export const DEEP_LINK_TARGETS = ['tasks', 'people', 'initiatives'] as const

/** A kind of record a link can open. */
export type DeepLinkTarget = (typeof DEEP_LINK_TARGETS)[number]

/** A validated link into the app. */
export type DeepLink =
  | {
      kind: 'oauth-callback'
      /** The whole callback URL, as the token exchange needs it. */
      url: URL
      params: URLSearchParams
    }
  | { kind: 'open'; target: DeepLinkTarget; id: string }

/**
 * A validated link, or why it was refused (the reason never echoes the link).
 */
export type ParsedDeepLink = DeepLink | { kind: 'invalid'; reason: string }

const ID = /^[A-Za-z0-9_-]{1,64}$/
const UNSAFE_CHARACTERS = /[\s"'<>\\`^{}|]/
const CALLBACK_PARAMETERS = new Set([
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
])

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)

    if (code < 0x20 || code === 0x7f) {
      return true
    }
  }

  return false
}

function invalid(reason: string): ParsedDeepLink {
  return { kind: 'invalid', reason }
}

function isTarget(host: string): host is DeepLinkTarget {
  return (DEEP_LINK_TARGETS as readonly string[]).includes(host)
}

function parseCallback(url: URL): ParsedDeepLink {
  if (url.pathname !== '/callback') {
    return invalid('the only oauth link is mpath://oauth/callback')
  }

  if (url.hash !== '') {
    return invalid('the sign-in callback must not carry a fragment')
  }

  const params = url.searchParams
  const names = [...params.keys()]

  for (const name of new Set(names)) {
    if (params.getAll(name).length > 1) {
      const label = CALLBACK_PARAMETERS.has(name) ? `"${name}"` : 'a parameter'

      return invalid(`the sign-in callback repeats ${label}`)
    }
  }

  if (!params.has('code') && !params.has('error')) {
    return invalid('the sign-in callback has neither a code nor an error')
  }

  return { kind: 'oauth-callback', url, params }
}

function parseOpen(url: URL, target: DeepLinkTarget): ParsedDeepLink {
  if (url.search !== '' || url.hash !== '') {
    return invalid(`a link to ${target} takes no query or fragment`)
  }

  const id = /^\/([^/]*)\/?$/.exec(url.pathname)?.[1]

  if (id === undefined || !ID.test(id)) {
    return invalid(`a link to ${target} needs one id of 1-64 letters, digits, "-" or "_"`)
  }

  return { kind: 'open', target, id }
}

/**
 * Validates a link strictly: scheme `mpath://`, no user info or port, no
 * spaces, quotes or control characters, at most {@link MAX_DEEP_LINK_LENGTH}
 * characters; either the sign-in callback `mpath://oauth/callback?…` or
 * `mpath://tasks|people|initiatives/<id>`.
 *
 * @example
 * parseDeepLink('mpath://tasks/task_42') // { kind: 'open', target: 'tasks', id: 'task_42' }
 */
export function parseDeepLink(link: unknown): ParsedDeepLink {
  if (typeof link !== 'string') {
    return invalid('the link is not text')
  }

  if (link.length === 0) {
    return invalid('the link is empty')
  }

  if (link.length > MAX_DEEP_LINK_LENGTH) {
    return invalid(`the link is longer than ${MAX_DEEP_LINK_LENGTH} characters`)
  }

  if (UNSAFE_CHARACTERS.test(link) || hasControlCharacter(link)) {
    return invalid('the link contains spaces, quotes or control characters')
  }

  if (!/^mpath:\/\//i.test(link)) {
    return invalid('the link does not start with mpath://')
  }

  let url: URL

  try {
    url = new URL(link)
  } catch (_error) {
    return invalid('the link is not a well-formed URL')
  }

  if (url.protocol !== `${MPATH_SCHEME}:`) {
    return invalid('the link does not start with mpath://')
  }

  if (url.username !== '' || url.password !== '') {
    return invalid('the link must not carry a user name or password')
  }

  if (url.port !== '') {
    return invalid('the link must not name a port')
  }

  if (url.hostname === 'oauth') {
    return parseCallback(url)
  }

  if (isTarget(url.hostname)) {
    return parseOpen(url, url.hostname)
  }

  return invalid('the link names nothing mpath Desktop can open')
}

/**
 * Like {@link parseDeepLink}, but throws `DEEP_LINK_INVALID` for a link it
 * refuses.
 */
export function requireDeepLink(link: unknown): DeepLink {
  const parsed = parseDeepLink(link)

  if (parsed.kind === 'invalid') {
    throw new AppError('DEEP_LINK_INVALID', `This link cannot be opened: ${parsed.reason}.`, {
      action: 'Open the link again from mpath, or start signing in again from the app.',
    })
  }

  return parsed
}
