// `npm run test:electron`: the harness's journeys against the real app through Playwright's
// Electron support. Where the Electron binary is missing it says so and runs nothing, so no
// test is counted as passed.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { findElectronBinary } from './electronBinary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

if (!findElectronBinary()) {
  console.log('skipped: the Electron binary is not installed')
  process.exit(0)
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'test:electron: Electron needs a display and this session has none; run `xvfb-run -a npm run test:electron`.',
  )
  process.exit(1)
}

const node = (script, args) =>
  spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' })
    .status ?? 1

const built = node('node_modules/electron-vite/bin/electron-vite.js', ['build'])

if (built !== 0) {
  process.exit(built)
}

process.exit(
  node('node_modules/vitest/vitest.mjs', ['run', '--config', 'e2e-electron/vitest.config.mts']),
)
