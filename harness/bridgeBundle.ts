import { resolve } from 'node:path'

import { build } from 'esbuild'

let cached: Promise<string> | undefined

/**
 * The preload's `bridge.ts`, bundled unchanged with the harness's page-side transport into one
 * script for `page.addInitScript`. Built once per process.
 */
export function bundleHarnessBridge(): Promise<string> {
  cached ??= build({
    entryPoints: [resolve(import.meta.dirname, 'page/bridgeEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const [output] = result.outputFiles

    if (!output) {
      throw new Error('The harness bridge bundle came out empty.')
    }

    return output.text
  })

  return cached
}
