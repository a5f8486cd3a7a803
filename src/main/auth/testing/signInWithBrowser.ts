/**
 * A real Chromium page as the person's browser, for integration tests: it follows an
 * authorization URL through the sandbox's login and consent pages and captures the redirect
 * back to the app, whether to the `mpath://` scheme (which never commits in a browser) or to
 * the loopback listener.
 */
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium, launched without the services that call home. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
}

/** Starts a headless Chromium; close it in `afterAll`. */
export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
}

/** What the person does in the browser. */
export interface BrowserSignIn {
  browser: Browser
  authorizationUrl: string
  email: string
  password: string
  /** The consent button pressed. Default `allow`. */
  decision?: 'allow' | 'deny'
  /** The start of the redirect to capture. Default `mpath://`. */
  redirectPrefix?: string
}

/** The captured redirect, and the text of the page the browser showed for it (if it loaded). */
export interface BrowserSignInResult {
  callbackUrl: string
  pageText?: string
}

/**
 * Signs in on the sandbox's pages (labels Email and Password, button Sign in; Allow or Deny on
 * the consent page) in a fresh browser context and returns the redirect the browser made.
 */
export async function signInWithBrowser(input: BrowserSignIn): Promise<BrowserSignInResult> {
  const context = await input.browser.newContext()
  const page = await context.newPage()
  const prefix = input.redirectPrefix ?? 'mpath://'

  try {
    const redirect = page.waitForRequest((request) => request.url().startsWith(prefix), {
      timeout: 20_000,
    })
    await page.goto(input.authorizationUrl)
    await page.getByLabel('Email').fill(input.email)
    await page.getByLabel('Password').fill(input.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const decision = input.decision === 'deny' ? 'Deny' : 'Allow'
    await page.getByRole('button', { name: decision, exact: true }).click()
    const callbackUrl = (await redirect).url()

    if (!prefix.startsWith('http')) {
      return { callbackUrl }
    }

    // A loopback redirect loads a real page; give it the chance to show.
    await page.waitForURL((url) => url.href.startsWith(prefix), { timeout: 10_000 })

    return { callbackUrl, pageText: await page.locator('body').innerText() }
  } finally {
    await context.close()
  }
}
