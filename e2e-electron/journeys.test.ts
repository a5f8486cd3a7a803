import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../harness/chromium'
import { startJourneySandbox } from '../harness/testing/journeySandbox'
import { ACCOUNTS, until } from '../harness/testing/journeySteps'
import type { Account } from '../harness/testing/journeySteps'
import { probeApi, probeToken } from '../harness/testing/sandboxProbe'
import { signInAtBrowser } from '../harness/testing/signInAtBrowser'
import type { RunningSandbox } from '../sandbox/start'
import type { Task } from '../src/shared/mpath/tasks'
import { launchElectronApp } from './electronApp'
import type { RunningElectronApp } from './electronApp'

// The harness's journeys 1, 2 and 6, against the real app. The sandbox and the person's browser
// are the harness's; the app is `electron .` on the electron-vite build.
describe('the real app (Electron)', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let electronApp: RunningElectronApp

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    electronApp = await launchElectronApp({ sandboxApiUrl: sandbox.ready.apiUrl, browser })
  })

  afterAll(async () => {
    await electronApp?.close()
    await browser?.close()
    await sandbox?.close()
  })

  const signIn = async (account: Account) => {
    const { window } = electronApp
    await window.getByRole('button', { name: 'Sign in with your browser' }).click()
    await electronApp.openNextExternalPage()
    await signInAtBrowser(electronApp.browserPage, account)
    await window.getByRole('navigation', { name: 'Views' }).waitFor({ timeout: 30_000 })
  }

  const openView = async (name: string) => {
    const { window } = electronApp
    await window.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click()
    await window.getByRole('heading', { level: 1, name }).waitFor()
  }

  it('journey 1: signs Ben in through the browser and shows his open tasks', async () => {
    const { window } = electronApp
    await signIn(ACCOUNTS.ben)
    await window.getByRole('heading', { name: 'My work' }).waitFor()

    const token = await probeToken(sandbox, ACCOUNTS.ben.email, ACCOUNTS.ben.password)
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
    const shown = window
      .getByRole('region', { name: /^(Overdue|Today|Upcoming)\b/ })
      .locator('.item-title')
    await expect
      .poll(async () => (await shown.allInnerTexts()).sort(), { timeout: 20_000 })
      .toEqual(open.tasks.map((task) => task.title).sort())
  })

  it('journey 2: completes one of Ben’s tasks once editing is allowed', async () => {
    const { window } = electronApp
    const token = await probeToken(sandbox, ACCOUNTS.ben.email, ACCOUNTS.ben.password)
    const visible = await probeApi<{ tasks: Task[] }>(sandbox, token, '/api/tasks?limit=10000')
    const titles = visible.tasks.map((task) => task.title.toLowerCase())
    // Ben may change a task assigned to him that belongs to an initiative (mpath's rule).
    const me = await probeApi<{ user: { managerOSPersonId: string } }>(
      sandbox,
      token,
      '/api/user/current',
    )
    const task = visible.tasks.find(
      (candidate) =>
        candidate.status === 'todo' &&
        candidate.assignee?.id === me.user.managerOSPersonId &&
        candidate.initiative !== null &&
        titles.filter((title) => title.includes(candidate.title.toLowerCase())).length === 1,
    )
    expect(task).toBeDefined()

    await openView('Settings')
    const editing = window.getByRole('checkbox', { name: 'Allow editing tasks' })
    await editing.click()
    await expect.poll(() => editing.isChecked()).toBe(true)
    await window.getByRole('button', { name: 'Sign out' }).click()
    await signIn(ACCOUNTS.ben)

    await openView('Tasks')
    await window.getByRole('searchbox', { name: 'Search' }).fill(task?.title ?? '')
    await expect.poll(() => window.locator('.result-count').innerText()).toBe('1 task')
    await window.getByRole('listbox', { name: 'Tasks' }).getByRole('option').first().click()
    await window
      .getByRole('complementary', { name: task?.title })
      .getByRole('button', { name: 'Complete' })
      .click()
    await until(async () => (await sandbox.findTask(task?.id ?? ''))?.status === 'done', 'done')
  })

  it('journey 6: signs out, with the token revoked and nothing left on disk', async () => {
    const { window, userData } = electronApp
    await openView('Settings')
    await window.getByRole('button', { name: 'Sign out' }).click()
    await window.getByRole('heading', { name: 'Sign in to mpath' }).waitFor()

    // The app reports a revoked token only when the server confirmed it. (The harness's journey
    // 6 also asks the sandbox by introspection; the real app's token never leaves main.)
    expect(await window.getByText('could not revoke').count()).toBe(0)
    const settingsFile = join(userData, 'config.json')
    const stored = existsSync(settingsFile)
      ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
      : {}
    // electron-store nests dotted keys: the vault's entries sit under `vault`.
    expect((stored.vault as Record<string, unknown> | undefined)?.['auth-session']).toBeUndefined()
    const cacheFolder = join(userData, 'cache')
    expect(existsSync(cacheFolder) ? readdirSync(cacheFolder) : []).toEqual([])
  })
})
