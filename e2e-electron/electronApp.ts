import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { _electron as electron } from 'playwright-core'
import type { Browser, BrowserContext, ElectronApplication, Page } from 'playwright-core'

// @ts-expect-error -- a plain ES module of the scripts folder, without type declarations
import { findElectronBinary } from '../scripts/electronBinary.mjs'

const ROOT = resolve(import.meta.dirname, '..')

/** The real app, launched from the repository's build with a sandbox to connect to. */
export interface RunningElectronApp {
  app: ElectronApplication
  window: Page
  /** The person's browser: a Chromium page, where the app's "system browser" pages open. */
  browserPage: Page
  /** Every `mpath://` address the person's browser was sent to. */
  deepLinks: string[]
  /** The app's user-data folder (settings file, cache folder). */
  userData: string
  /** Waits for the app to open a page "in the system browser", and opens it in `browserPage`. */
  openNextExternalPage(): Promise<void>
  close(): Promise<void>
}

/**
 * Launches `electron .` (the build in `out/`, unpackaged, so development sources apply) with
 * `MPATH_SANDBOX_URL`, in a user-data folder of its own.
 *
 * The app opens sign-in pages with `shell.openExternal`, which no test can follow into a real
 * system browser. So the test replaces that one function in the main process with one that
 * keeps the address, and `openNextExternalPage()` opens it in a Chromium page the test drives
 * (the address goes from main to the test process only, never to the renderer). The way back
 * is the real one: the browser's `mpath://` address is given to a second instance of the app, as the OS does on Linux and
 * Windows (the single-instance lock forwards it), or as `open-url` on macOS.
 */
export async function launchElectronApp(options: {
  sandboxApiUrl: string
  browser: Browser
}): Promise<RunningElectronApp> {
  const executablePath = findElectronBinary() as string | undefined

  if (!executablePath) {
    throw new Error('The Electron binary is not installed.')
  }

  const home = mkdtempSync(join(tmpdir(), 'mpath-e2e-electron-'))
  const env = {
    ...(process.env as Record<string, string>),
    MPATH_SANDBOX_URL: options.sandboxApiUrl,
    // The user-data folder lives under the config home on Linux: a fresh one per run.
    XDG_CONFIG_HOME: home,
  }
  const args = ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]
  const app = await electron.launch({ executablePath, args, cwd: ROOT, env })
  const window = await app.firstWindow()
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))

  const personContext: BrowserContext = await options.browser.newContext()
  const browserPage = await personContext.newPage()
  const deepLinks: string[] = []
  personContext.on('request', (request) => {
    const url = request.url()

    if (!url.startsWith('mpath:')) {
      return
    }

    deepLinks.push(url)
    void browserPage.goto('about:blank').catch(() => undefined)
    void deliverDeepLink(app, url, { executablePath, args, env })
  })

  await app.evaluate(({ shell }) => {
    const opened: string[] = []
    ;(globalThis as unknown as { __mpathE2eOpened: string[] }).__mpathE2eOpened = opened
    shell.openExternal = async (url: string) => {
      opened.push(url)
    }
  })

  return {
    app,
    window,
    browserPage,
    deepLinks,
    userData,
    async openNextExternalPage() {
      const deadline = Date.now() + 20_000

      while (Date.now() < deadline) {
        const url = await app.evaluate(() =>
          (globalThis as unknown as { __mpathE2eOpened: string[] }).__mpathE2eOpened.shift(),
        )

        if (url !== undefined) {
          void browserPage.goto(url).catch(() => undefined)

          return
        }

        await new Promise((resolveWait) => setTimeout(resolveWait, 200))
      }

      throw new Error('The app did not open a page in the browser within 20 seconds.')
    },
    async close() {
      await personContext.close().catch(() => undefined)
      await app.close().catch(() => undefined)
      rmSync(home, { recursive: true, force: true })
    },
  }
}

async function deliverDeepLink(
  app: ElectronApplication,
  url: string,
  launch: { executablePath: string; args: string[]; env: Record<string, string> },
): Promise<void> {
  if (process.platform === 'darwin') {
    await app.evaluate(({ app: electronApp }, link) => {
      electronApp.emit('open-url', { preventDefault() {} }, link)
    }, url)

    return
  }

  const linkArgs = process.platform === 'win32' ? ['--protocol-launcher', '--', url] : [url]
  const second = spawn(launch.executablePath, [...launch.args, ...linkArgs], {
    cwd: ROOT,
    env: launch.env,
    stdio: 'ignore',
  })
  await new Promise((resolveExit) => second.on('exit', resolveExit))
}
