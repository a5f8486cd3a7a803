// `npm start`: the sandbox and the app connected to it. With the Electron binary it runs
// `electron-vite dev` with MPATH_SANDBOX_URL set; without it, it says so in one sentence and
// opens the browser preview instead (which starts its own sandbox).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

import { findElectronBinary } from './electronBinary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const tsx = require.resolve('tsx/cli')

/** Runs a child with our stdio and resolves with its exit code. */
function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })

  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1))) }
}

/** Starts the sandbox's command line and resolves with its ready document and the child. */
function startSandbox() {
  const child = spawn(process.execPath, [tsx, 'sandbox/cli.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })

  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      try {
        resolve({ child, ready: JSON.parse(line) })
      } catch (error) {
        reject(error)
      }
    })
    child.once('exit', (code) => reject(new Error(`the sandbox stopped (exit code ${code})`)))
  })
}

async function main() {
  if (!findElectronBinary()) {
    console.log(
      'The Electron binary is not installed on this machine, so mpath Desktop opens in the browser preview instead.',
    )
    const preview = run(process.execPath, [tsx, 'scripts/preview.ts'])
    forwardSignals([preview.child])
    process.exit(await preview.exited)
  }

  const sandbox = await startSandbox()
  const app = run(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev'],
    { env: { ...process.env, MPATH_SANDBOX_URL: sandbox.ready.apiUrl } },
  )
  forwardSignals([app.child, sandbox.child])
  const code = await app.exited
  sandbox.child.kill('SIGTERM')
  process.exit(code)
}

function forwardSignals(children) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      for (const child of children) {
        child.kill(signal)
      }
    })
  }
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
