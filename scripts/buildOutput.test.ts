// Guards what only the real Electron would reveal: a sandboxed preload can require nothing but
// `electron`, and the built main bundle must load (no ESM/CommonJS or missing-module error)
// and run its composition. Electron is stubbed by testing/electronStub.mjs.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const stub = join(root, 'scripts', 'testing', 'electronStub.mjs')
const workFolder = mkdtempSync(join(tmpdir(), 'mpath-build-test-'))

interface StubCall {
  name: string
  args: unknown[]
}

function runMainBundle(env: Record<string, string>): {
  status: number | null
  stderr: string
  calls: StubCall[]
} {
  const log = join(workFolder, `calls-${Date.now()}-${Math.random()}.json`)
  const run = spawnSync(
    process.execPath,
    ['--import', stub, join(root, 'out', 'main', 'index.js')],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, MPATH_STUB_LOG: log, ELECTRON_RENDERER_URL: '', ...env },
    },
  )

  return {
    status: run.status,
    stderr: run.stderr,
    calls: JSON.parse(readFileSync(log, 'utf8')) as StubCall[],
  }
}

beforeAll(() => {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  )
}, 180_000)

afterAll(() => {
  rmSync(workFolder, { recursive: true, force: true })
})

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    const folder = join(root, 'out', 'preload')
    const files = readdirSync(folder).filter((file) => /\.(c?js|mjs)$/.test(file))
    expect(files).toEqual(['index.js'])

    for (const file of files) {
      const code = readFileSync(join(folder, file), 'utf8')
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
        (match) => match[1],
      )
      expect(new Set(required)).toEqual(new Set(['electron']))
      expect(code).not.toMatch(/\bimport\s*\(/)
      expect(code).not.toMatch(/^\s*import\s/m)
    }
  })
})

describe('the built main bundle', () => {
  it('loads under Node and stops at the ready gate', () => {
    const run = runMainBundle({})
    const names = run.calls.map((call) => call.name)

    expect(run.stderr).not.toMatch(/Error|Cannot find module|ERR_REQUIRE/)
    expect(run.status).toBe(0)
    expect(names.indexOf('app.setName')).toBeGreaterThanOrEqual(0)
    expect(names.indexOf('app.requestSingleInstanceLock')).toBeGreaterThan(
      names.indexOf('app.setName'),
    )
    expect(names.indexOf('app.whenReady')).toBeGreaterThan(
      names.indexOf('app.requestSingleInstanceLock'),
    )
    expect(names).not.toContain('new BrowserWindow')
  })

  it('runs the whole composition once ready, with a hardened window', () => {
    const run = runMainBundle({ MPATH_STUB_READY: '1', MPATH_STUB_EXIT_AFTER_MS: '2000' })
    const names = run.calls.map((call) => call.name)
    const window = run.calls.find((call) => call.name === 'new BrowserWindow')

    expect(run.status).toBe(0)
    expect(names).not.toContain('dialog.showErrorBox')
    expect(names).toContain('ipcMain.handle')
    expect(names).toContain('new Tray')
    expect(names).toContain('powerMonitor.on')
    expect(names).toContain('session.setPermissionRequestHandler')
    expect(names).toContain('Menu.setApplicationMenu')
    expect(window?.args[0]).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
      },
    })
    expect(names.indexOf('ipcMain.handle')).toBeLessThan(names.indexOf('new BrowserWindow'))
  })
})
