import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

/** The harness builds into its own folder, so it never races another build of `out/`. */
export const HARNESS_BUILD_DIR = resolve(import.meta.dirname, '../.harness-build')

/** Where the harness's renderer build lands. */
export const HARNESS_RENDERER_DIR = resolve(HARNESS_BUILD_DIR, 'renderer')

/** Builds the app with electron-vite into the harness's folder (a few seconds). */
export async function buildForHarness(): Promise<void> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [
      resolve(import.meta.dirname, '../node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      HARNESS_BUILD_DIR,
      '--logLevel',
      'warn',
    ],
    { cwd: resolve(import.meta.dirname, '..'), maxBuffer: 16 * 1024 * 1024 },
  )
  const output = `${stdout}${stderr}`.trim()

  if (output !== '') {
    process.stderr.write(`${output}\n`)
  }
}
