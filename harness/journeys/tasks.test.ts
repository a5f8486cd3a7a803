import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import type { Task } from '../../src/shared/mpath/tasks'
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
import { probeApi, probeToken } from '../testing/sandboxProbe'
import { saveScreenshots } from '../testing/screenshots'
import { signInAtBrowser } from '../testing/signInAtBrowser'

const JOURNEY = 'tasks'

describe('journey 2: tasks — filter, sort, search, open one and complete it', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness
  let allTasks: Task[]

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    harness = await launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      connectSandboxAtStart: true,
    })
    // The truth, asked of the sandbox directly: every task Ada (an admin) can see.
    const token = await probeToken(sandbox, ACCOUNTS.ada.email, ACCOUNTS.ada.password)
    allTasks = (await probeApi<{ tasks: Task[] }>(sandbox, token, '/api/tasks?limit=10000')).tasks
  })

  afterEach(async (context) => {
    await saveFailureEvidence(context, harness, JOURNEY)
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
  })

  it('filters, sorts and searches the sandbox list, then completes a task there', async () => {
    const page = harness.appPage
    await signIn(harness, ACCOUNTS.ada)
    await waitForSync(harness)

    await openView(page, 'Tasks')
    const count = page.locator('.result-count')
    const list = page.getByRole('listbox', { name: 'Tasks' })
    await expect.poll(() => count.innerText()).toBe(`${allTasks.length.toLocaleString()} tasks`)
    await saveScreenshots(page, JOURNEY, 'list')

    // Filter: blocked tasks only, as many as the sandbox has.
    const blocked = allTasks.filter((task) => task.status === 'blocked')
    expect(blocked.length).toBeGreaterThan(1)
    await page
      .getByRole('group', { name: 'Status' })
      .getByRole('checkbox', { name: 'Blocked' })
      .check()
    await expect.poll(() => count.innerText()).toBe(`${blocked.length} tasks`)

    // Sort by priority, both ways: the first row carries the highest, then the lowest.
    const priorities = blocked.map((task) => task.priority)
    await page.getByLabel('Sort by').selectOption({ label: 'Priority' })
    await expect
      .poll(() => list.getByRole('option').first().innerText())
      .toContain(PRIORITY_WORDS[Math.min(...priorities)])
    await page.getByLabel('Order').selectOption({ label: 'Descending' })
    await expect
      .poll(() => list.getByRole('option').first().innerText())
      .toContain(PRIORITY_WORDS[Math.max(...priorities)])
    await saveScreenshots(page, JOURNEY, 'filtered-sorted')
    await page.getByRole('button', { name: 'Clear filters' }).first().click()

    // Search: an open task whose title no other task shares.
    const task = pickUniqueOpenTask(allTasks)
    await page.getByRole('searchbox', { name: 'Search' }).fill(task.title)
    await expect.poll(() => count.innerText()).toBe('1 task')
    await list.getByRole('option').first().click()
    const detail = page.getByRole('complementary', { name: task.title })
    await detail.waitFor()
    await expect
      .poll(() => detail.innerText())
      .toContain('Editing needs the write:tasks permission')
    await saveScreenshots(page, JOURNEY, 'detail-read-only')

    // Editing needs write:tasks: turn it on, sign out and sign in again.
    await openView(page, 'Settings')
    await page.getByRole('checkbox', { name: 'Allow editing tasks' }).click()
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Allow editing tasks' }).isChecked())
      .toBe(true)
    await saveScreenshots(page, JOURNEY, 'settings-editing-on')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign in with your browser' }).click()
    await signInAtBrowser(harness.browserPage, ACCOUNTS.ada)
    // Signed in again, the window comes back where the person was.
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ timeout: 30_000 })
    await waitForSync(harness)

    await openView(page, 'Tasks')
    await page.getByRole('searchbox', { name: 'Search' }).fill(task.title)
    await expect.poll(() => count.innerText()).toBe('1 task')
    await list.getByRole('option').first().click()
    await detail.getByRole('button', { name: 'Complete' }).click()
    await until(async () => (await sandbox.findTask(task.id))?.status === 'done', 'the sandbox')

    const stored = await sandbox.findTask(task.id)
    expect(stored?.completedAt).not.toBeNull()
    await expect.poll(() => detail.innerText()).toMatch(/Status\s+Done/)
    await saveScreenshots(page, JOURNEY, 'detail-done')
  })
})

const PRIORITY_WORDS: Record<number, string> = {
  1: 'Critical',
  2: 'High',
  3: 'Medium',
  4: 'Low',
  5: 'Very low',
}

function pickUniqueOpenTask(tasks: Task[]): Task {
  const lower = tasks.map((task) => task.title.toLowerCase())
  const task = tasks.find(
    (candidate) =>
      candidate.status === 'todo' &&
      lower.filter((title) => title.includes(candidate.title.toLowerCase())).length === 1,
  )

  if (!task) {
    throw new Error('The sandbox has no open task with a title of its own.')
  }

  return task
}
