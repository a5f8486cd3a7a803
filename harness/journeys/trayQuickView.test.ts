import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import type { NavigationRequest } from '../../src/shared/ipc/contract'
import type { Task } from '../../src/shared/mpath/tasks'
import { dueDayOf, localDayOf, systemTimeZone } from '../../src/main/work/localDay'
import { launchChromium } from '../chromium'
import { launchDesktopHarness } from '../desktopHarness'
import type { DesktopHarness } from '../desktopHarness'
import { startJourneySandbox } from '../testing/journeySandbox'
import { ACCOUNTS, saveFailureEvidence, until } from '../testing/journeySteps'
import { probeApi, probeToken } from '../testing/sandboxProbe'
import { saveScreenshots } from '../testing/screenshots'
import { signInAtBrowser } from '../testing/signInAtBrowser'

const JOURNEY = 'tray-quick-view'

describe('journey: tray quick-view — sign in from it, see what is due, complete, open', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness
  const navigations: NavigationRequest[] = []

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    harness = await launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      connectSandboxAtStart: true,
    })
    harness.services.events.subscribe((channel, payload) => {
      if (channel === 'app:did-request-navigation') {
        navigations.push(payload as NavigationRequest)
      }
    })
    // Editing on, so the sign-in asks for write:tasks and Complete is offered.
    await harness.services.handlers['settings:update']({ editingEnabled: true })
  })

  afterEach(async (context) => {
    await saveFailureEvidence(context, harness, JOURNEY)
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
  })

  it('shows Ben his due tasks by the local day, completes one and opens another', async () => {
    const page = harness.appPage
    // The tray's window loads the same page at its own route, at the quick-view's size.
    await page.setViewportSize({ width: 360, height: 480 })
    await page.goto(`${new URL(page.url()).origin}/index.html#/quick-view`)
    await page.reload()

    await page.getByRole('heading', { name: 'My tasks' }).waitFor()
    await page.getByText('Sign in to see your tasks.').waitFor()
    await saveScreenshots(page, JOURNEY, 'signed-out')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await signInAtBrowser(harness.browserPage, ACCOUNTS.ben)

    // The truth, asked of the sandbox: Ben's open tasks, grouped by today's local date.
    const token = await probeToken(sandbox, ACCOUNTS.ben.email, ACCOUNTS.ben.password)
    const me = await probeApi<{ user: { managerOSPersonId: string } }>(
      sandbox,
      token,
      '/api/user/current',
    )
    const open = (
      await probeApi<{ tasks: Task[] }>(
        sandbox,
        token,
        `/api/tasks?assigneeId=${me.user.managerOSPersonId}&status=todo,doing,blocked&limit=1000`,
      )
    ).tasks
    const timeZone = systemTimeZone()
    const today = localDayOf(Date.now(), timeZone)
    const dayOf = (task: Task) =>
      task.dueDate === null ? undefined : dueDayOf(task.dueDate, timeZone)
    const overdue = open.filter((task) => (dayOf(task) ?? '9999') < today)
    const dueToday = open.filter((task) => dayOf(task) === today)

    expect(overdue.length).toBeGreaterThan(0)
    expect(dueToday.length).toBeGreaterThan(0)

    const overdueGroup = page.getByRole('region', { name: `Overdue (${overdue.length})` })
    const todayGroup = page.getByRole('region', { name: `Today (${dueToday.length})` })
    await overdueGroup.waitFor({ timeout: 30_000 })
    await todayGroup.waitFor()
    await until(
      async () => (await page.getByRole('button', { name: /^Complete / }).count()) > 0,
      'Complete to be offered',
    )

    for (const task of overdue.slice(0, 5)) {
      await overdueGroup.getByText(task.title, { exact: true }).first().waitFor()
    }

    await saveScreenshots(page, JOURNEY, 'tasks')

    // Keyboard: the first control is the first overdue task's Complete.
    await page.getByRole('heading', { name: 'My tasks' }).click()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const target = globalThis as unknown as {
        document: { activeElement: { getAttribute(name: string): string | null } | null }
      }

      return target.document.activeElement?.getAttribute('aria-label') ?? ''
    })
    expect(focused).toMatch(/^Complete /)

    // Complete a task due today: gone from the quick-view, done in the sandbox.
    const done = dueToday[0]!
    await todayGroup.getByRole('button', { name: `Complete ${done.title}` }).click()
    await page
      .getByRole('region', { name: /^Today/ })
      .getByText(done.title, { exact: true })
      .waitFor({ state: 'detached', timeout: 20_000 })
    expect((await sandbox.findTask(done.id))?.status).toBe('done')

    // Open another in the main window: main is asked to show that task.
    const other = overdue[0]!
    await overdueGroup.getByRole('button', { name: `Open ${other.title} in mpath Desktop` }).click()
    await until(
      () => navigations.some((navigation) => navigation.id === other.id),
      'the main window to be asked to show the task',
    )
    expect(navigations.at(-1)).toEqual({ target: 'tasks', id: other.id })
  })
})
