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
  until,
  waitForSync,
} from '../testing/journeySteps'
import { saveScreenshots } from '../testing/screenshots'
import { signInAtBrowser } from '../testing/signInAtBrowser'

const JOURNEY = 'recovery'

describe('journey 7: when things go wrong', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  describe('with the default sandbox', () => {
    let sandbox: RunningSandbox
    let harness: DesktopHarness

    beforeAll(async () => {
      sandbox = await startJourneySandbox()
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
      await sandbox?.close()
    })

    it('says clearly that access was declined in the browser', async () => {
      const page = harness.appPage
      await page.getByRole('button', { name: 'Sign in with your browser' }).click()
      await signInAtBrowser(harness.browserPage, ACCOUNTS.ben, 'Deny')
      const alert = page.getByRole('alert').filter({ hasText: 'Could not sign you in' })
      await expect.poll(() => alert.innerText()).toContain('You declined access in the browser.')
      await saveScreenshots(page, JOURNEY, 'denied')
    })

    it('signs in with the pasted address when the browser never comes back', async () => {
      const page = harness.appPage
      harness.deepLinksReachApp = false
      const linksBefore = harness.deepLinks.length

      await page.getByRole('button', { name: 'Try signing in again' }).click()
      await signInAtBrowser(harness.browserPage, ACCOUNTS.ben)
      // The browser went to the mpath:// address, but it never reached the app.
      await until(() => harness.deepLinks.length > linksBefore, 'the browser to leave')
      const address = harness.deepLinks.at(-1) ?? ''
      expect(address).toMatch(/^mpath:\/\/oauth\/callback\?/)
      await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor()

      await page.getByText('Browser didn’t come back?').click()
      await page.getByRole('textbox', { name: 'Address the browser shows' }).fill(address)
      await saveScreenshots(page, JOURNEY, 'paste-address')
      await page.getByRole('button', { name: 'Continue with this address' }).click()
      await page.getByRole('heading', { name: 'My work' }).waitFor({ timeout: 30_000 })
      harness.deepLinksReachApp = true
    })

    it('offline banner with cached data when the network drops mid-sync, recovers', async () => {
      const page = harness.appPage
      await waitForSync(harness)
      const myTasks = page
        .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
        .locator('.item-title')
      await expect.poll(async () => (await myTasks.allInnerTexts()).length).toBeGreaterThan(0)
      const shown = await myTasks.allInnerTexts()

      // A slow sandbox keeps the sync going long enough to pull the network out from under it.
      sandbox.setFaults({ latencyMs: 1_000 })
      await page.getByRole('button', { name: 'Sync now' }).click()
      await until(() => harness.services.sync.status().phase === 'syncing', 'the sync to start')
      harness.network.offline = true
      const offline = page.getByRole('status', { name: 'You are offline' })
      await offline.waitFor({ timeout: 30_000 })
      expect(await offline.innerText()).toContain('Showing what was last synced on')
      expect(await myTasks.allInnerTexts()).toEqual(shown)
      await saveScreenshots(page, JOURNEY, 'offline')

      sandbox.setFaults({ latencyMs: 0 })
      harness.network.offline = false
      await offline.getByRole('button', { name: 'Try again now' }).click()
      await offline.waitFor({ state: 'detached', timeout: 30_000 })
      await waitForSync(harness)
      expect(harness.services.sync.status().lastError).toBeUndefined()
      expect(await myTasks.allInnerTexts()).toEqual(shown)
    })
  })

  describe('with the sandbox in --compat real mode, without the write extension', () => {
    let sandbox: RunningSandbox
    let harness: DesktopHarness

    beforeAll(async () => {
      sandbox = await startJourneySandbox({ compat: 'real', faults: { noWrites: true } })
      harness = await launchDesktopHarness({
        sandboxApiUrl: sandbox.ready.apiUrl,
        browser,
        connectSandboxAtStart: true,
      })
      await signIn(harness, ACCOUNTS.ben)
      await waitForSync(harness)
    })

    afterEach(async (context) => {
      await saveFailureEvidence(context, harness, JOURNEY)
    })

    afterAll(async () => {
      await harness?.close()
      await sandbox?.close()
    })

    it('says in the task detail that the server does not offer editing', async () => {
      const page = harness.appPage
      await openView(page, 'Tasks')
      await page.getByRole('listbox', { name: 'Tasks' }).getByRole('option').first().click()
      const detail = page.getByRole('complementary')
      await expect
        .poll(() => detail.innerText())
        .toContain("Editing isn't available: Your mpath server does not offer task editing yet.")
      expect(await detail.getByRole('button', { name: 'Complete' }).count()).toBe(0)
      await saveScreenshots(page, JOURNEY, 'real-mode-read-only')
    })

    it('recovers from a dead access token answered with a bare 500', async () => {
      const page = harness.appPage
      const syncedBefore = harness.services.sync.status().collections.tasks.syncedAt
      // The sync asks who is signed in first; the token dies just after, so the list routes
      // meet it dead and answer with the real server's bare 500.
      const dead = harness.network.killAccessToken({ afterNext: '/api/user/current' }) ?? ''
      expect(dead).not.toBe('')

      await page.getByRole('button', { name: 'Sync now' }).click()
      await until(
        () => harness.services.sync.status().collections.tasks.syncedAt !== syncedBefore,
        'the sync to finish again',
        30_000,
      )
      expect(
        harness.logEntries.some((entry) => entry.message.includes('probed the token after a 500')),
      ).toBe(true)
      expect(harness.services.sync.status().lastError).toBeUndefined()
      expect(harness.network.lastAccessToken()).not.toBe(dead)
      expect(await page.getByRole('status', { name: 'Your session has ended' }).count()).toBe(0)
      expect(await harness.services.handlers['auth:get-state'](undefined)).toMatchObject({
        status: 'signed-in',
      })
    })
  })
})
