import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

import type { Page } from 'playwright-core'

/** Where journeys leave their screenshots (kept by CI as artifacts). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../artifacts/screenshots')

/** Saves a screenshot of the app page as `<journey>-<view>-<scheme>.png`. */
export async function saveScreenshot(page: Page, journey: string, view: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const scheme = await schemeOf(page)
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${journey}-${view}-${scheme}.png`) })
}

function schemeOf(page: Page): Promise<'light' | 'dark'> {
  return page.evaluate(() =>
    (globalThis as unknown as { matchMedia(query: string): { matches: boolean } }).matchMedia(
      '(prefers-color-scheme: dark)',
    ).matches
      ? 'dark'
      : 'light',
  )
}

/**
 * Saves the app page in light and in dark (`<journey>-<view>-light.png` and `-dark.png`), then
 * gives the page back its own colour scheme.
 */
export async function saveScreenshots(page: Page, journey: string, view: string): Promise<void> {
  const own = await schemeOf(page)

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await saveScreenshot(page, journey, view)
  }

  await page.emulateMedia({ colorScheme: own })
}
