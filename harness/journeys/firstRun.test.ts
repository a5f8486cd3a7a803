import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import type { Task } from '../../src/shared/mpath/tasks'
import { launchChromium } from '../chromium'
import { launchDesktopHarness } from '../desktopHarness'
import type { DesktopHarness } from '../desktopHarness'
import { startJourneySandbox } from '../testing/journeySandbox'
import { probeApi, probeToken } from '../testing/sandboxProbe'
import { saveScreenshots } from '../testing/screenshots'
import { signInAtBrowser } from '../testing/signInAtBrowser'

const BEN = { email: 'ben@example.test', password: 'sandbox-ben' }

describe('journey 1: first run, connect to the sandbox, sign in, see my work', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    harness = await launchDesktopHarness({ sandboxApiUrl: sandbox.ready.apiUrl, browser })
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
  })

  it('connects via "Use the local sandbox", signs Ben in, shows his open tasks', async () => {
    const page = harness.appPage

    await page.getByRole('heading', { name: 'Connect to your organization' }).waitFor()
    await saveScreenshots(page, 'first-run', 'connect')
    await page.getByRole('button', { name: 'Use the local sandbox' }).click()
    await expect.poll(() => page.getByLabel('Client ID').inputValue()).not.toBe('')
    await page.getByRole('button', { name: 'Save and continue' }).click()

    await page.getByRole('button', { name: 'Sign in with your browser' }).click()
    await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor()
    await saveScreenshots(page, 'first-run', 'signing-in')
    await signInAtBrowser(harness.browserPage, BEN)

    await page.getByRole('heading', { name: 'My work' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => harness.deepLinks.length).toBe(1)

    // The truth, asked of the sandbox directly: Ben's open tasks.
    const token = await probeToken(sandbox, BEN.email, BEN.password)
    const me = await probeApi<{ user: { managerOSPersonId: string } }>(
      sandbox,
      token,
      '/api/user/current',
    )
    const open = await probeApi<{ tasks: Task[] }>(
      sandbox,
      token,
      `/api/tasks?assigneeId=${me.user.managerOSPersonId}&status=todo,doing,blocked&limit=1000`,
    )
    const expected = open.tasks.map((task) => task.title).sort()

    expect(expected.length).toBeGreaterThan(0)
    const shownTasks = page
      .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
      .locator('.item-title')

    await expect
      .poll(async () => (await shownTasks.allInnerTexts()).sort(), { timeout: 20_000 })
      .toEqual(expected)
    await saveScreenshots(page, 'first-run', 'my-work')
  })
})
