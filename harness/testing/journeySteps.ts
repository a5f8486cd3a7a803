import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

import type { Page } from 'playwright-core'

import type { DesktopHarness } from '../desktopHarness'
import { SCREENSHOT_DIR } from './screenshots'
import { signInAtBrowser } from './signInAtBrowser'

/** The sandbox's accounts the journeys use. */
export const ACCOUNTS = {
  ada: { email: 'ada@example.test', password: 'sandbox-ada' },
  ben: { email: 'ben@example.test', password: 'sandbox-ben' },
} as const

/** An account the person signs in with. */
export type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS]

/** On Connect: "Use the local sandbox", then save. Ends on the sign-in screen. */
export async function connectToSandbox(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Connect to your organization' }).waitFor()
  await page.getByRole('button', { name: 'Use the local sandbox' }).click()
  await until(async () => (await page.getByLabel('Client ID').inputValue()) !== '', 'a client ID')
  await page.getByRole('button', { name: 'Save and continue' }).click()
}

/**
 * From the sign-in screen: "Sign in with your browser", the person signs in and allows access
 * in their browser, and the app shows its window (My work at first; after a sign-out, the
 * view the person was on).
 */
export async function signIn(harness: DesktopHarness, account: Account): Promise<void> {
  const page = harness.appPage
  await page.getByRole('button', { name: 'Sign in with your browser' }).click()
  await signInAtBrowser(harness.browserPage, account)
  await page.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: 30_000 })
}

/** Opens a view from the sidebar and waits for its heading. */
export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

/** Resolves once the first sync after sign-in has finished (idle, every collection loaded). */
export function waitForSync(harness: DesktopHarness, timeout = 30_000): Promise<void> {
  return until(
    () => {
      const status = harness.services.sync.status()

      return (
        status.phase === 'idle' &&
        Object.values(status.collections).every((collection) => collection.syncedAt !== null)
      )
    },
    'the sync to finish',
    timeout,
  )
}

/** Polls `condition` every 100 ms until it holds; fails saying what it waited for. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeout = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeout

  while (Date.now() < deadline) {
    if (await condition()) {
      return
    }

    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  throw new Error(`Waited ${timeout} ms for ${what}.`)
}

/**
 * After a failed test: screenshots of the app and the person's browser, and the main
 * services' (already redacted) log, under artifacts/screenshots, to see what went wrong in CI.
 */
export async function saveFailureEvidence(
  context: { task: { fails?: boolean; result?: { state?: string } } },
  harness: DesktopHarness | undefined,
  journey: string,
): Promise<void> {
  // A test marked `it.fails` is expected to fail: its failure is no news.
  if (context.task.result?.state !== 'fail' || context.task.fails || !harness) {
    return
  }

  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = (name: string) => resolve(SCREENSHOT_DIR, `${journey}-failure-${name}`)
  await harness.appPage.screenshot({ path: file('app.png') }).catch(() => undefined)
  await harness.browserPage.screenshot({ path: file('browser.png') }).catch(() => undefined)
  writeFileSync(
    file('log.json'),
    JSON.stringify(
      harness.logEntries.map((entry) => [entry.level, entry.message, entry.context]),
      null,
      1,
    ),
  )
}
