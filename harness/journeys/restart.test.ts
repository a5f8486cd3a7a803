import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import { launchChromium } from '../chromium'
import { launchDesktopHarness } from '../desktopHarness'
import type { DesktopHarness, DesktopHarnessOptions } from '../desktopHarness'
import { startJourneySandbox } from '../testing/journeySandbox'
import {
  ACCOUNTS,
  connectToSandbox,
  saveFailureEvidence,
  signIn,
  waitForSync,
} from '../testing/journeySteps'
import { saveScreenshots } from '../testing/screenshots'

const JOURNEY = 'restart'
/** How slow the sandbox is after the restart: every API and token answer waits this long. */
const LATENCY_MS = 4_000

describe('journey 5: restart on the same data folder', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let dataDir: string
  let harness: DesktopHarness | undefined

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    dataDir = mkdtempSync(join(tmpdir(), 'mpath-harness-restart-'))
  })

  afterEach(async (context) => {
    await saveFailureEvidence(context, harness, JOURNEY)
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('stays signed in from the sealed vault, shows My work from the cache at once', async () => {
    // The keychain the test cipher claims is a strong one, so the vault and the cache persist.
    const options: DesktopHarnessOptions = {
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      dataDir,
      cipherBackend: 'gnome_libsecret',
    }
    const first = await launchDesktopHarness(options)
    harness = first
    await connectToSandbox(first.appPage)
    await signIn(first, ACCOUNTS.ben)
    await waitForSync(first)
    const myTasks = first.appPage
      .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
      .locator('.item-title')
    await expect.poll(async () => (await myTasks.allInnerTexts()).length).toBeGreaterThan(0)
    const shownBefore = (await myTasks.allInnerTexts()).sort()
    expect(await first.inspect.sealedSession()).toMatchObject({
      user: { email: ACCOUNTS.ben.email },
    })
    expect(first.inspect.storeKeys().some((key) => key.startsWith('cache.'))).toBe(true)
    await first.close()
    harness = undefined

    // The restart: the sandbox now answers slowly; the cache must not wait for it.
    sandbox.setFaults({ latencyMs: LATENCY_MS })
    const second = await launchDesktopHarness(options)
    harness = second
    const page = second.appPage
    const shownAt = Date.now()
    const restartedTasks = page
      .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
      .locator('.item-title')
    await expect
      .poll(async () => (await restartedTasks.allInnerTexts()).sort(), { timeout: LATENCY_MS })
      .toEqual(shownBefore)
    const elapsed = Date.now() - shownAt
    const synced = second.logEntries.filter((entry) => entry.message.includes('[sync] Synced'))

    // Shown before the sync's first (slow) answer could have arrived, and with no prompt.
    expect(elapsed).toBeLessThan(LATENCY_MS)
    expect(synced).toHaveLength(0)
    expect(second.services.sync.status().phase).toBe('syncing')
    expect(await page.getByRole('heading', { name: 'Sign in to mpath' }).count()).toBe(0)
    await saveScreenshots(page, JOURNEY, 'my-work-from-cache')

    sandbox.setFaults({ latencyMs: 0 })
    await waitForSync(second)
    expect(await second.services.handlers['auth:get-state'](undefined)).toMatchObject({
      status: 'signed-in',
      persistence: 'persistent',
    })
  })

  // The Electron app opens its window while the services start: the session reads
  // `restoring` until the restore's token refresh answers, so the window shows the cache.
  it('in Electron start-up order, shows the cache, not Sign in, while restoring', async () => {
    await harness?.close()
    sandbox.setFaults({ latencyMs: LATENCY_MS })
    const launching = launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      dataDir,
      cipherBackend: 'gnome_libsecret',
      windowDuringStart: true,
    })
    const prompts: string[] = []
    let cachedTitlesSeen = 0
    let isLaunched = false
    void launching.finally(() => {
      isLaunched = true
    })

    // Watch the window from the outside while the harness is still starting.
    while (!isLaunched) {
      for (const page of browser.contexts().flatMap((context) => context.pages())) {
        if (page.url().endsWith('/index.html')) {
          prompts.push(
            ...(await page.getByRole('heading', { name: 'Sign in to mpath' }).allInnerTexts()),
          )
          const titles = page
            .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
            .locator('.item-title')
          cachedTitlesSeen = Math.max(cachedTitlesSeen, await titles.count())
        }
      }

      await new Promise((resolve) => setTimeout(resolve, 200))
    }

    harness = await launching
    sandbox.setFaults({ latencyMs: 0 })
    expect(prompts).toEqual([])
    expect(cachedTitlesSeen).toBeGreaterThan(0)
  })
})
