import type { Page } from 'playwright-core'

/**
 * Acts as the person in their browser: signs in at the sandbox's login page (unless the
 * browser is still signed in there from earlier) and answers the consent page. Waits for the
 * page the app opened.
 */
export async function signInAtBrowser(
  browserPage: Page,
  account: { email: string; password: string },
  decision: 'Allow' | 'Deny' = 'Allow',
): Promise<void> {
  const email = browserPage.getByLabel('Email')
  const decide = browserPage.getByRole('button', { name: decision })
  await email.or(decide).first().waitFor({ timeout: 20_000 })

  if (await email.isVisible()) {
    await email.fill(account.email)
    await browserPage.getByLabel('Password').fill(account.password)
    await browserPage.getByRole('button', { name: 'Sign in' }).click()
  }

  await decide.click()
}
