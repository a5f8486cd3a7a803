import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningSandbox } from '../../sandbox/start'
import { COLLECTIONS } from '../../src/shared/sync/syncStatus'
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
import { introspect } from '../testing/sandboxProbe'
import { saveScreenshots } from '../testing/screenshots'

const JOURNEY = 'sign-out'

describe('journey 6: sign out', () => {
  let sandbox: RunningSandbox
  let browser: Browser
  let harness: DesktopHarness

  beforeAll(async () => {
    sandbox = await startJourneySandbox()
    browser = await launchChromium()
    // A strong keychain claim, so the refresh token and the cache are sealed into the store:
    // sign-out must then remove both.
    harness = await launchDesktopHarness({
      sandboxApiUrl: sandbox.ready.apiUrl,
      browser,
      connectSandboxAtStart: true,
      cipherBackend: 'gnome_libsecret',
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

  const signInAndFindRefreshToken = async (): Promise<string> => {
    await signIn(harness, ACCOUNTS.ben)
    await waitForSync(harness)
    const sealed = await harness.inspect.sealedSession()
    expect(sealed?.refreshToken).toBeTruthy()
    const refreshToken = sealed?.refreshToken ?? ''
    expect(await introspect(sandbox, refreshToken)).toMatchObject({ active: true })

    return refreshToken
  }

  it('revokes the refresh token at the server and removes the cache', async () => {
    const page = harness.appPage
    const refreshToken = await signInAndFindRefreshToken()
    expect(harness.inspect.storeKeys().some((key) => key.startsWith('cache.'))).toBe(true)

    await openView(page, 'Settings')
    await saveScreenshots(page, JOURNEY, 'settings')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to mpath' }).waitFor()
    await saveScreenshots(page, JOURNEY, 'signed-out')

    expect(await introspect(sandbox, refreshToken)).toEqual({ active: false })
    await expect
      .poll(() => harness.inspect.storeKeys().filter((key) => /^(cache\.|vault\.auth)/.test(key)))
      .toEqual([])

    for (const collection of COLLECTIONS) {
      expect(harness.services.data.get(collection).items).toHaveLength(0)
    }

    expect(harness.services.data.currentUser()).toBeNull()
  })

  it('says so when the server refuses to revoke (strict revocation)', async () => {
    const page = harness.appPage
    const refreshToken = await signInAndFindRefreshToken()
    sandbox.setFaults({ strictRevoke: true })

    await openView(page, 'Settings')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to mpath' }).waitFor()
    const notice = page.getByRole('status').filter({ hasText: 'could not revoke' })
    await expect.poll(() => notice.innerText()).toContain('could not revoke the token')
    await saveScreenshots(page, JOURNEY, 'not-revoked')

    // The app tells the truth: the token is still live at the server; the local copy is gone.
    expect(await introspect(sandbox, refreshToken)).toMatchObject({ active: true })
    expect(harness.inspect.storeKeys().filter((key) => key.startsWith('vault.auth'))).toEqual([])
    sandbox.setFaults({ strictRevoke: false })
  })
})
