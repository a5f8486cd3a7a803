import { existsSync } from 'node:fs'

import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']

/** The system Chromium (Debian's package), or undefined when none is installed. */
export function findChromium(): string | undefined {
  const fromEnvironment = process.env.MPATH_CHROMIUM

  if (fromEnvironment && existsSync(fromEnvironment)) {
    return fromEnvironment
  }

  return CANDIDATES.find((candidate) => existsSync(candidate))
}

/**
 * Launches the system Chromium for the harness and the sign-in journeys. Background
 * networking is off: this machine reaches only loopback, and Chromium's own update and
 * telemetry calls would otherwise fail noisily.
 */
export async function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  const executablePath = findChromium()

  if (!executablePath) {
    throw new Error(
      'Chromium is not installed. On Debian or Ubuntu run `apt-get install chromium`, ' +
        'or point MPATH_CHROMIUM at a Chromium executable.',
    )
  }

  const headless = options.headless ?? true

  return chromium.launch({
    executablePath,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
