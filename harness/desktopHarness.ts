import { existsSync } from 'node:fs'
import { join } from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { createLogger } from '../src/main/log/createLogger'
import type { LogEntry, LogSink } from '../src/main/log/createLogger'
import type { StorageBackend } from '../src/main/vault/cipher'
import { memoryKeyValueStore } from '../src/main/platform/testing/memoryKeyValueStore'
import { systemClock } from '../src/main/platform/ports'
import { createServices } from '../src/main/services'
import type { Services } from '../src/main/services'
import { createTestCipher } from '../src/main/vault/testing/testCipher'
import { bundleHarnessBridge } from './bridgeBundle'
import { HARNESS_RENDERER_DIR as RENDERER_DIR } from './buildRenderer'
import { launchChromium } from './chromium'
import { fileKeyValueStore } from './fileKeyValueStore'
import { createHarnessInspection, listable, type HarnessInspection } from './harnessInspection'
import type { ListableStore } from './harnessInspection'
import { createHarnessNetwork, type HarnessNetwork } from './harnessNetwork'
import { serveStatic } from './staticServer'

/** Options of {@link launchDesktopHarness}. */
export interface DesktopHarnessOptions {
  /** The running sandbox's API URL: where "Use the local sandbox" looks. */
  sandboxApiUrl: string
  /**
   * Persist the store in this folder (to restart on the same data); in memory otherwise.
   * Persistence needs `cipherBackend` to claim a keychain: under the plain `test` backend the
   * vault keeps every credential in memory, which is what the preview wants.
   */
  dataDir?: string
  /** The backend the test cipher claims; `test` (memory only) unless told otherwise. */
  cipherBackend?: StorageBackend
  /** Connect at start from the sandbox, as `npm start` does, instead of showing Connect. */
  connectSandboxAtStart?: boolean
  headless?: boolean
  colorScheme?: 'light' | 'dark'
  /** Reuse a browser across harness runs in one test file. */
  browser?: Browser
  /** Where log entries go; kept in memory for tests when absent. */
  logSink?: LogSink
  /**
   * Whether `mpath://` links from the person's browser reach the app (default true); false
   * plays a browser that never comes back. Switch it later with `deepLinksReachApp`.
   */
  deepLinksReachApp?: boolean
  /** Load the window while the services start, as the Electron app does (default false). */
  windowDuringStart?: boolean
}

/** A running harness: the app page, the person's browser page and the real main services. */
export interface DesktopHarness {
  /** The app's window: the built renderer with the real bridge. */
  appPage: Page
  /** The person's system browser, where they sign in at the sandbox. */
  browserPage: Page
  services: Services
  /** Every `mpath://` URL the person's browser was sent to, delivered or not. */
  deepLinks: string[]
  /** Whether those links reach the app's deep-link intake; false drops them. */
  deepLinksReachApp: boolean
  /** The network of the main services: take it away, or read the API's bearer token. */
  network: HarnessNetwork
  /** What main keeps in its store, opened with the test cipher (test process only). */
  inspect: HarnessInspection
  /** Log entries of the main services (already redacted). */
  logEntries: LogEntry[]
  /** Reloads the app window (the renderer starts again; main keeps running). */
  reload(): Promise<void>
  close(): Promise<void>
}

/**
 * Runs the real renderer, the real preload bridge and the real main services together in
 * Chromium, without the Electron binary. `invoke` crosses a Playwright binding into the same
 * IPC endpoint Electron's handlers call; events are pushed into the page with `evaluate`;
 * `mpath://` navigations in the person's browser go to the same deep-link intake as
 * Electron's `open-url` and `second-instance` events.
 */
export async function launchDesktopHarness(
  options: DesktopHarnessOptions,
): Promise<DesktopHarness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built for the harness: call buildForHarness() first.')
  }

  const logEntries: LogEntry[] = []
  const sink = options.logSink ?? { write: (entry: LogEntry) => void logEntries.push(entry) }
  const logger = createLogger(sink, { level: 'debug' })
  const ownsBrowser = options.browser === undefined
  const browser = options.browser ?? (await launchChromium({ headless: options.headless }))
  const server = await serveStatic(RENDERER_DIR)
  const store: ListableStore = options.dataDir
    ? fileKeyValueStore(options.dataDir)
    : listable(memoryKeyValueStore())
  const cipher = createTestCipher({ backend: options.cipherBackend ?? 'test' })
  const { network, fetch } = createHarnessNetwork(options.sandboxApiUrl)
  // A visible window keeps its own size, as a desktop window does; headless pages get a
  // fixed viewport so screenshots are comparable.
  const contextOptions = {
    colorScheme: options.colorScheme ?? 'light',
    ...(options.headless === false ? { viewport: null } : {}),
  }

  const personContext = await browser.newContext(contextOptions)
  const browserPage = await personContext.newPage()
  const deepLinks: string[] = []
  const delivery = { reachesApp: options.deepLinksReachApp ?? true }

  const services = createServices({
    cipher,
    store,
    clock: systemClock,
    fetch,
    logger,
    isReady: () => true,
    opener: {
      async openExternal(url) {
        // The person's browser opens the page; navigation errors (an mpath:// redirect at the
        // end) are expected and are not the opener's concern.
        void browserPage.goto(url).catch(() => undefined)
      },
    },
    env: {
      isProduction: false,
      runtime: 'preview',
      appVersion: '0.0.0-harness',
      platform: process.platform,
      sandboxApiUrl: options.sandboxApiUrl,
      connectSandboxAtStart: options.connectSandboxAtStart ?? false,
    },
  })

  const appContext = await browser.newContext(contextOptions)
  watchDeepLinks(personContext, (url) => {
    deepLinks.push(url)

    if (delivery.reachesApp) {
      services.deepLinks.accept(url, 'harness')
    }
  })

  const appPage = await appContext.newPage()
  const senderId = `harness-page:${new URL(server.origin).port}`
  services.senders.register(senderId)
  await bindBridge(appPage, server.origin, senderId, services)

  const unsubscribe = services.events.subscribe((channel, payload) => {
    void appPage
      .evaluate(
        ([name, data]) => {
          const target = globalThis as unknown as {
            __mpathHarnessDispatch?: (channel: string, payload: unknown) => void
          }
          target.__mpathHarnessDispatch?.(name, data)
        },
        [channel, payload] as const,
      )
      .catch(() => undefined)
  })

  // By default the window opens once the services have started (a settled first screen for
  // tests); `windowDuringStart` opens it while they start, in the order the Electron app uses.
  const starting = services.start()

  if (!options.windowDuringStart) {
    await starting
  }

  await appPage.goto(`${server.origin}/index.html`)
  services.deepLinks.markReady()
  await starting

  return {
    appPage,
    browserPage,
    services,
    deepLinks,
    get deepLinksReachApp() {
      return delivery.reachesApp
    },
    set deepLinksReachApp(reaches: boolean) {
      delivery.reachesApp = reaches
    },
    network,
    inspect: createHarnessInspection(store, cipher),
    logEntries,
    async reload() {
      await appPage.reload()
    },
    async close() {
      unsubscribe()
      services.dispose()
      await appContext.close().catch(() => undefined)
      await personContext.close().catch(() => undefined)
      await server.close()

      if (ownsBrowser) {
        await browser.close()
      }
    },
  }
}

async function bindBridge(
  page: Page,
  origin: string,
  senderId: string,
  services: Services,
): Promise<void> {
  // Only the harness page's own top frame is the trusted sender, as only our own windows are
  // in the app: any other frame or origin is answered as an unknown sender.
  const senderOf = (source: { frame: { url(): string }; page: Page }): string => {
    const isOwnTopFrame =
      source.page === page &&
      source.frame === page.mainFrame() &&
      new URL(source.frame.url()).origin === origin

    return isOwnTopFrame ? senderId : 'untrusted'
  }

  await page.exposeBinding('__mpathHarnessInvoke', (source, channel: unknown, request: unknown) =>
    services.ipc.invoke({ channel, request, senderId: senderOf(source) }),
  )
  await page.exposeBinding('__mpathHarnessSend', (source, channel: unknown, payload: unknown) => {
    services.ipc.send({ channel, payload, senderId: senderOf(source) })
  })
  await page.addInitScript({ content: await bundleHarnessBridge() })
}

function watchDeepLinks(context: BrowserContext, onLink: (url: string) => void): void {
  // Chromium never commits a navigation to an unknown scheme, but it does report the request:
  // that is the moment the OS would hand the URL to the registered app.
  context.on('request', (request) => {
    const url = request.url()

    if (url.startsWith('mpath:')) {
      onLink(url)
      // The browser has handed the link over; the tab is done, so the next sign-in finds a
      // fresh page rather than the consent page it left behind.
      void request
        .frame()
        .page()
        .goto('about:blank')
        .catch(() => undefined)
    }
  })
}
