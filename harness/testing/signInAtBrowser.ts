import type { Page } from 'playwright-core'

/**
 * Acts as the person in their browser: signs in at the sandbox's login page and answers the
 * consent page. Waits for the page the app opened.
 */
export async function signInAtBrowser(
  browserPage: Page,
  account: { email: string; password: string },
  decision: 'Allow' | 'Deny' = 'Allow',
): Promise<void> {
  await browserPage.getByLabel('Email').waitFor({ timeout: 20_000 })
  await browserPage.getByLabel('Email').fill(account.email)
  await browserPage.getByLabel('Password').fill(account.password)
  await browserPage.getByRole('button', { name: 'Sign in' }).click()
  await browserPage.getByRole('button', { name: decision }).click()
}
