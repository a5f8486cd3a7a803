import { defineConfig } from 'vitest/config'

// `npm run test:electron` only (scripts/testElectron.mjs): never part of `npm test`.
// Vitest reads its configuration as the default export.
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  test: {
    name: 'electron',
    environment: 'node',
    include: ['e2e-electron/**/*.test.ts'],
    globalSetup: ['e2e-electron/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
