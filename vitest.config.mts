import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const nodeTests = [
  'src/main/**/*.test.ts',
  'src/shared/**/*.test.ts',
  'src/preload/**/*.test.ts',
  'sandbox/**/*.test.ts',
  'scripts/**/*.test.ts',
]

export default defineConfig({
  test: {
    // CI also keeps a JSON report, from which .ci/run prints its one-line summary.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: nodeTests,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ['electron-store', 'electron-log'] } },
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src') } },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src/renderer/src/testing/setup.ts'],
        },
      },
      {
        test: {
          name: 'harness',
          environment: 'node',
          include: ['harness/**/*.test.ts'],
          globalSetup: ['harness/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
