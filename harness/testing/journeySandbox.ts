import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { startSandbox } from '../../sandbox/start'
import type { RunningSandbox, SandboxStartInput } from '../../sandbox/start'
import { HARNESS_BUILD_DIR } from '../buildRenderer'

/**
 * The sandbox database seeded once per harness run; each journey starts on a copy. It lives
 * beside the build folder, not inside it: the build empties its folder while the seed runs.
 */
export const SANDBOX_TEMPLATE_DIR = resolve(HARNESS_BUILD_DIR, '../.harness-sandbox-template')

/**
 * Seeds the template database (the slow part of starting a sandbox, some 15 seconds on a
 * loaded machine). Seeded afresh every run, because the seed's dates follow today.
 */
export async function seedSandboxTemplate(): Promise<void> {
  rmSync(SANDBOX_TEMPLATE_DIR, { recursive: true, force: true })
  const sandbox = await startSandbox({
    authPort: 0,
    apiPort: 0,
    loopbackPort: 0,
    dataDir: SANDBOX_TEMPLATE_DIR,
  })
  await sandbox.close()
}

/**
 * Starts a sandbox on ephemeral ports for one journey file, on a private copy of the seeded
 * template (seeding in memory when there is none). `close()` also removes the copy.
 */
export async function startJourneySandbox(input: SandboxStartInput = {}): Promise<RunningSandbox> {
  const ports = { authPort: 0, apiPort: 0, loopbackPort: 0 }

  if (!existsSync(SANDBOX_TEMPLATE_DIR)) {
    return startSandbox({ ...ports, ...input })
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'mpath-journey-sandbox-'))
  cpSync(SANDBOX_TEMPLATE_DIR, dataDir, { recursive: true })
  const sandbox = await startSandbox({ ...ports, ...input, dataDir })

  return {
    ...sandbox,
    async close() {
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
