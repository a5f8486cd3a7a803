import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import { launchChromium } from '../chromium'
import { launchDesktopHarness } from '../desktopHarness'
import type { DesktopHarness } from '../desktopHarness'
import { startJourneySandbox } from '../testing/journeySandbox'
import {
  ACCOUNTS,
  openView,
  saveFailureEvidence,
  signIn,
  waitForSync,
} from '../testing/journeySteps'
import { saveScreenshots } from '../testing/screenshots'

const JOURNEY = 'short-tokens'
/** Long enough for four expiries of a five-second token, short enough for CI. */
const WORKING_MS = 20_000
const VIEWS = ['Tasks', 'People', 'Initiatives', 'One-on-ones', 'My work']

describe('journey 4: five-second access tokens, renewed without a prompt', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness

  beforeAll(async () => {
    sandbox = await startJourneySandbox({ accessTokenTtlSeconds: 5 })
    browser = await launchChromium()
    harness = await launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      connectSandboxAtStart: true,
    })
  })

  afterEach(async (context) => {
    await saveFailureEvidence(context, harness, JOURNEY)
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
  })

  it('keeps navigating and syncing across several expiries, still signed in', async () => {
    const page = harness.appPage
    await signIn(harness, ACCOUNTS.ben)
    await waitForSync(harness)
    const renewals = () =>
      harness.logEntries.filter((entry) => entry.message.includes('access token renewed')).length
    const renewedBefore = renewals()
    const sessionEnded = page.getByRole('status', { name: 'Your session has ended' })
    const started = Date.now()
    let step = 0

    while (Date.now() - started < WORKING_MS) {
      await openView(page, VIEWS[step % VIEWS.length] ?? 'My work')

      // Every few views, a sync against the API (which checks each token it is given).
      if (step % 3 === 2) {
        await page.getByRole('button', { name: 'Sync now' }).click()
        await waitForSync(harness)
      }

      expect(await sessionEnded.count()).toBe(0)
      step += 1
      await page.waitForTimeout(800)
    }

    await page.getByRole('button', { name: 'Sync now' }).click()
    await waitForSync(harness)
    expect(harness.services.sync.status().lastError).toBeUndefined()
    expect(renewals() - renewedBefore).toBeGreaterThanOrEqual(3)
    expect(await sessionEnded.count()).toBe(0)
    expect(await page.getByRole('heading', { name: 'Sign in to mpath' }).count()).toBe(0)
    expect(await harness.services.handlers['auth:get-state'](undefined)).toMatchObject({
      status: 'signed-in',
    })
    await saveScreenshots(page, JOURNEY, 'still-signed-in')
  })
})
