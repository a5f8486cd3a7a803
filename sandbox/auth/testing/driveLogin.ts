/**
 * Drives the sandbox's sign-in pages over plain HTTP, as a browser would, for tests that
 * need a real authorization code or a confirmed device code without starting a browser.
 */

const MAX_STEPS = 20

/** A minimal cookie jar: name, value and path; enough for one origin on loopback. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>()

  /** Remembers the cookies a response sets (and forgets expired ones). */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const path =
        attributes
          .map((attribute) => attribute.trim())
          .find((attribute) => attribute.toLowerCase().startsWith('path='))
          ?.slice('path='.length) ?? '/'
      const isExpired = attributes.some((attribute) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
      )

      if (isExpired || value === '') {
        this.cookies.delete(name)
      } else {
        this.cookies.set(name, { value, path })
      }
    }
  }

  /** The `Cookie` header for a request to the given URL. */
  headerFor(url: URL): string {
    return [...this.cookies]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ')
  }
}

/** What a person does at the sandbox's pages. */
export interface SignInChoices {
  email: string
  password: string
  /** The button pressed on the consent page. Default `allow`. */
  decision?: 'allow' | 'deny'
}

/** The page the browser ended on, when a flow ends on a page rather than a redirect. */
export interface FinalPage {
  url: string
  status: number
  html: string
}

type Step = { redirect: string } | FinalPage

/**
 * Follows an authorization URL through the login and consent pages and returns the final
 * redirect to the client (`mpath://oauth/callback?...` or the loopback URI), including
 * error redirects such as `error=access_denied`. Throws when the sign-in is refused or the
 * server shows an error page instead of redirecting.
 */
export async function authorizeOverHttp(
  input: SignInChoices & { authorizationUrl: string; jar?: CookieJar },
): Promise<string> {
  const start = new URL(input.authorizationUrl)
  const step = await walk(start, { method: 'GET' }, input, input.jar ?? new CookieJar())

  if ('redirect' in step) {
    return step.redirect
  }

  throw new Error(`Sign-in ended on a page (HTTP ${step.status}): ${summarize(step.html)}`)
}

/**
 * Enters a device's user code on the sandbox's Code page, then signs in and answers the
 * consent page. Resolves with the page the browser ends on (the success page, or the Code
 * page again with an error).
 */
export async function confirmDeviceCodeOverHttp(
  input: SignInChoices & { verificationUri: string; userCode: string; jar?: CookieJar },
): Promise<FinalPage> {
  const jar = input.jar ?? new CookieJar()
  const codePageUrl = new URL(input.verificationUri)
  const codePage = await request(codePageUrl, { method: 'GET' }, jar)
  const html = await codePage.text()
  const form = findForm(html, 'device-code')

  if (!form) {
    throw new Error(`No Code page at ${codePageUrl.pathname}: ${summarize(html)}`)
  }

  const fields = new URLSearchParams(form.hiddenFields)
  fields.set('user_code', input.userCode)
  const step = await walk(
    new URL(form.action, codePageUrl),
    { method: 'POST', body: fields },
    input,
    jar,
  )

  if ('redirect' in step) {
    throw new Error(`Device sign-in redirected away to ${new URL(step.redirect).origin}.`)
  }

  return step
}

async function walk(
  start: URL,
  first: { method: 'GET' | 'POST'; body?: URLSearchParams },
  choices: SignInChoices,
  jar: CookieJar,
): Promise<Step> {
  let url = start
  let next = first

  for (let count = 0; count < MAX_STEPS; count += 1) {
    const response = await request(url, next, jar)
    const location = response.headers.get('location')

    if (response.status >= 300 && response.status < 400 && location) {
      const target = new URL(location, url)

      if (target.origin !== start.origin) {
        return { redirect: target.href }
      }

      url = target
      next = { method: 'GET' }
      continue
    }

    const html = await response.text()
    const login = findForm(html, 'login')
    const consent = findForm(html, 'consent')

    if (login && response.status === 200) {
      const body = new URLSearchParams({ email: choices.email, password: choices.password })
      url = new URL(login.action, url)
      next = { method: 'POST', body }
    } else if (consent) {
      const body = new URLSearchParams({ decision: choices.decision ?? 'allow' })
      url = new URL(consent.action, url)
      next = { method: 'POST', body }
    } else {
      return { url: url.href, status: response.status, html }
    }
  }

  throw new Error(`Sign-in did not finish within ${MAX_STEPS} steps.`)
}

async function request(
  url: URL,
  init: { method: 'GET' | 'POST'; body?: URLSearchParams },
  jar: CookieJar,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/html' }
  const cookie = jar.headerFor(url)

  if (cookie) {
    headers.cookie = cookie
  }

  if (init.body) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
  }

  const response = await fetch(url, {
    method: init.method,
    headers,
    body: init.body?.toString(),
    redirect: 'manual',
  })
  jar.store(response)

  return response
}

function findForm(
  html: string,
  page: string,
): { action: string; hiddenFields: Array<[string, string]> } | undefined {
  const pattern = new RegExp(
    `<form[^>]*action="([^"]*)"[^>]*data-page="${page}"[^>]*>([\\s\\S]*?)</form>`,
  )
  const match = pattern.exec(html)

  if (!match) {
    return undefined
  }

  const hiddenFields: Array<[string, string]> = []

  for (const input of (match[2] ?? '').matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  )) {
    hiddenFields.push([decodeEntities(input[1] ?? ''), decodeEntities(input[2] ?? '')])
  }

  return { action: decodeEntities(match[1] ?? ''), hiddenFields }
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

function summarize(html: string): string {
  const alert = /role="alert">([\s\S]*?)<\/p>/.exec(html)?.[1]
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]

  return (alert ?? title ?? html.slice(0, 200)).replace(/<[^>]+>/g, '').trim()
}
