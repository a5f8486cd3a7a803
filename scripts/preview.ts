import type { DesktopHarness } from '../harness/desktopHarness'
import type { RunningSandbox } from '../sandbox/start'
import type { LogEntry } from '../src/main/log/createLogger'

/**
 * `npm run preview`: the sandbox and the desktop harness in a visible Chromium, so a person can
 * use mpath Desktop on a machine without the Electron binary. Everything listens on loopback;
 * credentials stay in memory (the test cipher's `test` backend persists nothing). Ctrl+C, or
 * closing the browser, ends it. Never part of the packaged app.
 */
async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'preview: the preview opens a visible window and this session has no display; ' +
        'run it in a desktop session, or try `xvfb-run -a npm run preview` for a headless check.',
    )
    process.exit(1)
  }

  // Loaded only now, so a machine without a display hears one sentence and nothing else.
  const { buildForHarness } = await import('../harness/buildRenderer')
  const { launchDesktopHarness } = await import('../harness/desktopHarness')
  console.error('preview: building the renderer…')
  await buildForHarness()
  const sandbox = await startPreviewSandbox()
  const harness = await launchDesktopHarness({
    sandboxApiUrl: sandbox.ready.apiUrl,
    headless: false,
    connectSandboxAtStart: true,
    cipherBackend: 'test',
    logSink: { write: printWarnings },
  })

  console.log('Preview: credentials stay in memory only and are forgotten when you close it.')
  console.log(
    'Sign in as ' +
      sandbox.ready.users.map((user) => `${user.email} / ${user.password}`).join(', ') +
      '. Press Ctrl+C to quit.',
  )

  let isClosing = false
  const stop = (code: number) => {
    if (isClosing) {
      return
    }

    isClosing = true
    shutDown(harness, sandbox).then(
      () => process.exit(code),
      () => process.exit(1),
    )
  }

  process.on('SIGINT', () => stop(0))
  process.on('SIGTERM', () => stop(0))
  harness.appPage
    .context()
    .browser()
    ?.on('disconnected', () => stop(0))
  harness.appPage.on('close', () => stop(0))
}

/** The sandbox on its usual ports, or on free ones when another program holds those. */
async function startPreviewSandbox(): Promise<RunningSandbox> {
  const { startSandbox } = await import('../sandbox/start')
  const log = (line: string) => console.error(line)

  try {
    return await startSandbox({ log })
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') {
      throw error
    }

    console.error('preview: ports 7071–7073 are busy; the sandbox uses free ones instead.')
    const sandbox = await startSandbox({ authPort: 0, apiPort: 0, loopbackPort: 0, log })
    const { issuer, apiUrl, adminUrl } = sandbox.ready
    console.error(`preview: sandbox issuer ${issuer}, API ${apiUrl}, admin ${adminUrl}`)

    return sandbox
  }
}

async function shutDown(harness: DesktopHarness, sandbox: RunningSandbox): Promise<void> {
  console.error('preview: closing')
  await harness.close().catch(() => undefined)
  await sandbox.close()
}

function printWarnings(entry: LogEntry): void {
  // Entries are already redacted by the logger; only what needs the person's eye is shown.
  if (entry.level === 'warn' || entry.level === 'error') {
    console.error(`${entry.level}: ${entry.message}`)
  }
}

main().catch((error: unknown) => {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
