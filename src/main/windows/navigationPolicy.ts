/** What a window does with an address it was asked to load or open. */
export type NavigationDecision =
  | { action: 'allow' }
  | { action: 'open-external'; url: string }
  | { action: 'deny'; reason: string }

/** Which addresses count as the app's own pages. */
export interface NavigationPolicy {
  /**
   * Origins our windows load over http(s): the development server in development, none in a
   * packaged app.
   */
  ownOrigins: readonly string[]
  /** The `file://` folder the packaged renderer loads from; pages outside it are not ours. */
  rendererFolderUrl?: string
  /**
   * Hosts that sign people in (the configured issuer among them). Their pages are never shown
   * in a window nor opened on a page's request: only main's sign-in flow opens them.
   */
  identityProviderHosts?: () => readonly string[]
}

/** Longer addresses are refused unread; nothing the app links to comes close. */
export const MAX_NAVIGATION_URL_LENGTH = 2048

// Well-known sign-in hosts: an embedded window must never show them (providers refuse embedded
// sign-in, and a page must not be able to start one), see RFC 8252 §8.12.
const KNOWN_IDENTITY_PROVIDER_HOSTS = [
  'accounts.google.com',
  'login.microsoftonline.com',
  'login.live.com',
  'appleid.apple.com',
  'clerk.com',
  'clerk.dev',
  'accounts.dev',
  'clerk.accounts.dev',
]

// The shape of an authorization request, whatever its host (RFC 6749 §4.1.1).
const AUTHORIZATION_PATH = /\/(oauth2?|o\/oauth2|connect|openid-connect)?\/?(authorize|auth)\/?$/i

function deny(reason: string): NavigationDecision {
  return { action: 'deny', reason }
}

function isHostOrSubdomain(host: string, candidate: string): boolean {
  const normalized = candidate.toLowerCase()

  return host === normalized || host.endsWith(`.${normalized}`)
}

function looksLikeAuthorizationRequest(url: URL): boolean {
  const query = url.searchParams

  return (
    (query.has('response_type') && query.has('client_id')) ||
    (AUTHORIZATION_PATH.test(url.pathname) && query.has('client_id'))
  )
}

function isInsideFolder(url: URL, folderUrl: string): boolean {
  const folder = folderUrl.endsWith('/') ? folderUrl : `${folderUrl}/`

  // URL parsing has already resolved `..` segments, so a prefix test is enough.
  return url.href.startsWith(folder)
}

/**
 * Decides what a window does with an address: the app's own pages load in the window, external
 * https pages open in the system browser, and everything else is refused — `javascript:`,
 * `data:`, `file:` outside the renderer, `mpath:` links (those arrive through the OS), plain
 * http, addresses with credentials, and anything that signs people in (an identity provider's
 * host or the shape of an authorization request), which only main's sign-in flow may open.
 *
 * @example
 * decideNavigation('https://www.mpath.dev/help', { ownOrigins: [] })
 * // { action: 'open-external', url: 'https://www.mpath.dev/help' }
 */
export function decideNavigation(url: string, policy: NavigationPolicy): NavigationDecision {
  if (typeof url !== 'string' || url.length === 0) {
    return deny('the address is empty')
  }

  if (url.length > MAX_NAVIGATION_URL_LENGTH) {
    return deny('the address is too long')
  }

  let parsed: URL

  try {
    parsed = new URL(url)
  } catch (_error) {
    return deny('the address is not a well-formed URL')
  }

  if (parsed.protocol === 'file:') {
    return policy.rendererFolderUrl !== undefined &&
      isInsideFolder(parsed, policy.rendererFolderUrl)
      ? { action: 'allow' }
      : deny('local files outside the app are never opened')
  }

  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return deny(`${parsed.protocol} addresses are never opened from a page`)
  }

  if (policy.ownOrigins.includes(parsed.origin)) {
    return { action: 'allow' }
  }

  if (parsed.username !== '' || parsed.password !== '') {
    return deny('addresses with a user name or password are never opened')
  }

  const host = parsed.hostname.toLowerCase()
  const identityHosts = [
    ...KNOWN_IDENTITY_PROVIDER_HOSTS,
    ...(policy.identityProviderHosts?.() ?? []),
  ]

  if (identityHosts.some((candidate) => isHostOrSubdomain(host, candidate))) {
    return deny('sign-in pages open only from the sign-in flow, in the system browser')
  }

  if (looksLikeAuthorizationRequest(parsed)) {
    return deny('authorization requests open only from the sign-in flow, in the system browser')
  }

  if (parsed.protocol !== 'https:') {
    return deny('only https pages open in the browser')
  }

  return { action: 'open-external', url: parsed.href }
}

/** The hosts of the given URLs, skipping anything that does not parse. */
export function hostsOf(urls: readonly (string | undefined)[]): string[] {
  const hosts: string[] = []

  for (const url of urls) {
    if (url === undefined) {
      continue
    }

    try {
      hosts.push(new URL(url).hostname.toLowerCase())
    } catch (_error) {
      // A malformed issuer adds no host; the profile's own validation reports it.
    }
  }

  return hosts
}
