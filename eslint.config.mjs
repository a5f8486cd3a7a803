// Lint is where the zone rules of the architecture are enforced: each zone may import only
// what its runtime offers, and a few libraries are reachable through one owner module only.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'This zone does not run on Node; keep node: modules in src/main or sandbox/.',
}

const ELECTRON = {
  name: 'electron',
  message: 'Only src/main and src/preload talk to Electron.',
}

const IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'ipcMain belongs to src/main/ipc: add the channel to the contract and a handler there.',
}

const OIDC_LIBRARY = {
  name: 'openid-client',
  message: 'Only src/main/auth talks OAuth; use the session service.',
}

const LOG_BACKEND = {
  name: 'electron-log',
  message: 'Use the logger from src/main/log; only it may touch the log backend.',
}

const ZUSTAND = {
  group: ['zustand', 'zustand/*'],
  message: 'Stores live in src/renderer/src/stores; components use their hooks.',
}

const restrict = (paths, patterns = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      '.harness-build/**',
      '.harness-sandbox-template/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports; only tool configuration files export a default.',
        },
      ],
    },
  },
  {
    files: ['*.config.{ts,mts,mjs}', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [ELECTRON, { name: 'react', message: 'src/shared is plain TypeScript, no React.' }],
      [
        NODE_BUILTINS,
        {
          group: ['**/main/**', '**/preload/**', '**/renderer/**', '../../sandbox/**'],
          message: 'src/shared imports nothing of ours outside src/shared.',
        },
      ],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(
      [IPC_MAIN, OIDC_LIBRARY, LOG_BACKEND],
      [
        {
          group: ['**/renderer/**', '**/preload/**', '**/sandbox/**'],
          message: 'Main never imports the renderer, the preload or the sandbox.',
        },
        ZUSTAND,
      ],
    ),
  },
  {
    files: ['src/main/ipc/**/*.ts', 'src/main/index.ts'],
    rules: restrict(
      [OIDC_LIBRARY, LOG_BACKEND],
      [
        { group: ['**/renderer/**', '**/preload/**', '**/sandbox/**'], message: 'Stay in main.' },
        ZUSTAND,
      ],
    ),
  },
  {
    files: ['src/main/auth/**/*.ts'],
    rules: restrict(
      [IPC_MAIN, LOG_BACKEND],
      [{ group: ['**/renderer/**', '**/preload/**', '**/sandbox/**'], message: 'Stay in main.' }],
    ),
  },
  {
    files: ['src/main/log/**/*.ts'],
    rules: restrict(
      [IPC_MAIN, OIDC_LIBRARY],
      [{ group: ['**/renderer/**', '**/preload/**', '**/sandbox/**'], message: 'Stay in main.' }],
    ),
    // The logger is the one place allowed to write to the console.
  },
  {
    files: ['src/main/log/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      [
        {
          name: 'electron',
          importNames: ['ipcMain', 'shell', 'app', 'safeStorage', 'BrowserWindow'],
          message: 'The preload may use contextBridge and ipcRenderer only.',
        },
      ],
      [
        NODE_BUILTINS,
        { group: ['**/main/**', '**/renderer/**'], message: 'The preload imports shared only.' },
      ],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [ELECTRON],
        [
          NODE_BUILTINS,
          { group: ['**/main/**'], message: 'The renderer reaches main only through window.mpath.' },
          {
            group: ['**/preload/**'],
            allowTypeImports: true,
            message: 'The renderer may import only types from the preload.',
          },
        ],
      ),
    },
  },
  {
    files: ['src/renderer/src/stores/**/*.{ts,tsx}'],
    rules: restrict(
      [ELECTRON],
      [
        NODE_BUILTINS,
        { group: ['**/main/**'], message: 'The renderer reaches main only through window.mpath.' },
        { group: ['**/preload/**'], allowTypeImports: true, message: 'Types only.' },
      ],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/stores/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            NODE_BUILTINS,
            ZUSTAND,
            { group: ['**/main/**'], message: 'The renderer reaches main only through window.mpath.' },
            { group: ['**/preload/**'], allowTypeImports: true, message: 'Types only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: restrict(
      [ELECTRON],
      [
        {
          group: ['**/src/main/**', '**/src/preload/**', '**/src/renderer/**'],
          message: 'The sandbox stands apart from the app; it may import only src/shared types.',
        },
      ],
    ),
  },
  {
    files: [
      '**/*.test.{ts,tsx}',
      '**/testing/**/*.{ts,tsx}',
      'harness/**/*.ts',
      'scripts/**',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests of main may start the sandbox: it is test infrastructure, never app code.
    files: ['src/main/**/*.test.ts', 'src/main/**/testing/**/*.ts'],
    rules: restrict(
      [IPC_MAIN, LOG_BACKEND],
      [{ group: ['**/renderer/**', '**/preload/**'], message: 'Stay in main.' }],
    ),
  },
  prettier,
)
