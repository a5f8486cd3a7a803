import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const CLI = resolve(import.meta.dirname, 'cli.ts')

/** Runs the command line under tsx; resolves with the first stdout line once one arrives. */
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const firstLine = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) {
        done(stdout.split('\n')[0] ?? '')
      }
    })
    child.on('exit', () => fail(new Error(`The sandbox exited before it was ready: ${stderr}`)))
  })

  return { child, exited, firstLine, stderr: () => stderr }
}

describe('sandbox command line', () => {
  it('prints the ready document as one JSON line and stops cleanly on Ctrl+C', async () => {
    const run = runCli(['--auth-port', '0', '--api-port', '0', '--latency', '0'])

    try {
      const ready = JSON.parse(await run.firstLine)

      expect(Object.keys(ready).sort()).toEqual([
        'adminUrl',
        'apiUrl',
        'clients',
        'issuer',
        'users',
      ])
      expect(ready.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(await (await fetch(`${ready.apiUrl}/sandbox.json`)).json()).toEqual(ready)
    } finally {
      run.child.kill('SIGINT')
    }

    expect(await run.exited).toBe(0)
  }, 90_000)

  it('refuses a bad flag with one line on stderr and a non-zero exit', async () => {
    const run = runCli(['--compat', 'sometimes'])
    run.firstLine.catch(() => {})
    const code = await run.exited

    expect(code).toBe(2)
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
    expect(run.stderr()).toContain('--compat')
  })
})
