// The Electronegativity gate: scans src/ and fails when a finding is not answered by a written
// justification in electronegativity-justifications.json. The scanner itself always exits 0,
// so the gate reads its SARIF report. It first spends ~10 s failing to fetch Electron's release
// list when offline; the pinned version (-e) makes that harmless.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

import {
  compareWithJustifications,
  describeGateResult,
  readJustifications,
  readSarifFindings,
} from './electronegativityGate'

const ELECTRON_VERSION = '45.6.0'
const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const scanner = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
)
const workFolder = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const report = join(workFolder, 'report.sarif')
const startedAt = Date.now()

try {
  const run = spawnSync(
    process.execPath,
    [scanner, '-i', 'src', '-e', ELECTRON_VERSION, '-r', '-o', report],
    { cwd: root, encoding: 'utf8' },
  )

  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    throw new Error(`Electronegativity failed to run (exit ${run.status}).`)
  }

  const findings = readSarifFindings(JSON.parse(readFileSync(report, 'utf8')), 'src')
  const justifications = readJustifications(
    JSON.parse(readFileSync(join(root, 'electronegativity-justifications.json'), 'utf8')),
  )
  const result = compareWithJustifications(findings, justifications)
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(`${describeGateResult(result, findings.length)} (${seconds} s)`)
  process.exitCode = result.unjustified.length === 0 ? 0 : 1
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  rmSync(workFolder, { recursive: true, force: true })
}
