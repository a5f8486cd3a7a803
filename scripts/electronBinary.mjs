// Finds the Electron binary without triggering electron's lazy download: requiring the
// `electron` package from Node tries to fetch the binary when it is missing.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @returns {string | undefined} the Electron executable, or undefined when not installed */
export function findElectronBinary() {
  const require = createRequire(import.meta.url)
  let packageDir

  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }

  const pathFile = join(packageDir, 'path.txt')

  if (!existsSync(pathFile)) {
    return undefined
  }

  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())

  return existsSync(executable) ? executable : undefined
}
