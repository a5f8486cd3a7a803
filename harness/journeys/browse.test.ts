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
import { probeApi, probeToken } from '../testing/sandboxProbe'
import { saveScreenshots } from '../testing/screenshots'

const JOURNEY = 'browse'

interface Truth {
  people: Array<{ id: string; name: string; reportCount: number }>
  initiatives: Array<{ id: string; title: string; tasks?: Array<{ status: string }> }>
  oneonones: Array<{ id: string }>
}

describe('journey 3: people, org chart, initiatives, one-on-ones, command palette', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness
  let truth: Truth

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    harness = await launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      connectSandboxAtStart: true,
    })
    const token = await probeToken(sandbox, ACCOUNTS.ben.email, ACCOUNTS.ben.password)
    const get = <T>(path: string) => probeApi<T>(sandbox, token, path)
    truth = {
      people: (await get<Pick<Truth, 'people'>>('/api/people?limit=1000')).people,
      initiatives: (await get<Pick<Truth, 'initiatives'>>('/api/initiatives?limit=1000'))
        .initiatives,
      oneonones: (await get<Pick<Truth, 'oneonones'>>('/api/oneonones?limit=1000')).oneonones,
    }
    await signIn(harness, ACCOUNTS.ben)
    await waitForSync(harness)
  })

  afterEach(async (context) => {
    await saveFailureEvidence(context, harness, JOURNEY)
  })

  afterAll(async () => {
    await harness?.close()
    await browser?.close()
    await sandbox?.close()
  })

  it('lists the people, draws the org chart and opens a person from it', async () => {
    const page = harness.appPage
    await openView(page, 'People')
    await expect
      .poll(() => page.locator('.result-count').innerText())
      .toBe(`${truth.people.length} people`)
    await saveScreenshots(page, JOURNEY, 'people')

    await page.getByRole('button', { name: 'Org chart' }).click()
    await page.getByRole('img', { name: /^Org chart of \d+ people/ }).waitFor()
    const manager = truth.people.find((person) => person.reportCount > 0)
    expect(manager).toBeDefined()
    const name = manager?.name ?? ''
    await page.getByRole('searchbox', { name: 'Find a person' }).fill(name)
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await expect.poll(() => page.locator('.org-chart-notice').innerText()).toBe(`Showing ${name}.`)
    await saveScreenshots(page, JOURNEY, 'org-chart')

    await page.getByRole('button', { name: `Open ${name}'s page` }).click()
    await page.getByRole('heading', { level: 2, name }).waitFor()
    await saveScreenshots(page, JOURNEY, 'person')
  })

  it('lists the initiatives with their progress and opens one', async () => {
    const page = harness.appPage
    await openView(page, 'Initiatives')
    await expect
      .poll(() => page.locator('.result-count').innerText())
      .toBe(`${truth.initiatives.length} initiatives`)
    await saveScreenshots(page, JOURNEY, 'initiatives')

    const initiative = truth.initiatives.find((candidate) => (candidate.tasks?.length ?? 0) > 0)
    expect(initiative).toBeDefined()
    const tasks = initiative?.tasks ?? []
    const done = tasks.filter((task) => task.status === 'done').length
    await page
      .getByRole('listbox', { name: 'Initiatives' })
      .getByRole('option', { name: initiative?.title })
      .click()
    await page.getByRole('heading', { level: 2, name: initiative?.title }).waitFor()
    const progress = page.getByRole('progressbar', { name: 'Tasks done' })
    await expect
      .poll(() => progress.getAttribute('aria-valuetext'))
      .toBe(`${done} of ${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} done`)
    await saveScreenshots(page, JOURNEY, 'initiative')
  })

  it('shows the one-on-ones, upcoming and past', async () => {
    const page = harness.appPage
    await openView(page, 'One-on-ones')
    const counted = async () => {
      const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts()
      const counts = headings.map((text) => /\((\d+)\)/.exec(text)?.[1])

      return counts.reduce((sum, count) => sum + Number(count ?? 0), 0)
    }
    // The unscheduled ones are listed under their own heading, without a count.
    const unscheduled = page.locator('[aria-labelledby="unscheduled-one-on-ones"] li')
    await expect
      .poll(async () => (await counted()) + (await unscheduled.count()))
      .toBe(truth.oneonones.length)
    await saveScreenshots(page, JOURNEY, 'one-on-ones')
  })

  it('finds a person and an initiative with Ctrl+K and opens each with Enter', async () => {
    const page = harness.appPage
    const person = truth.people.at(-1)
    const initiative = truth.initiatives.at(-1)
    const palette = page.getByRole('dialog', { name: 'Search' })
    const input = palette.getByRole('combobox', { name: 'Search people, tasks and initiatives' })

    await page.keyboard.press('Control+k')
    await input.fill(person?.name ?? '')
    await palette.getByRole('option').filter({ hasText: person?.name }).first().waitFor()
    await saveScreenshots(page, JOURNEY, 'palette')
    await input.press('Enter')
    await expect.poll(() => palette.count()).toBe(0)
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor()
    await page.getByRole('heading', { level: 2, name: person?.name }).waitFor()

    await page.keyboard.press('Control+k')
    await input.fill(initiative?.title ?? '')
    await palette.getByRole('option').filter({ hasText: initiative?.title }).first().waitFor()
    await input.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor()
    await page.getByRole('heading', { level: 2, name: initiative?.title }).waitFor()
  })
})
