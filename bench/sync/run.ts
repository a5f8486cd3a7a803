// `npm run bench -- sync [--rounds N] [--tasks N] [--profile]`: a full sync of the sandbox's
// 100,000 tasks beside a raw download of the same pages, each in its own child process, in
// alternating order, against one sandbox. Prints medians, the sync/raw ratios and PASS/FAIL
// against the 1.5× target; the exit code is 0 either way (it is a report, not a test).
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { probeApi, probeToken } from '../../harness/testing/sandboxProbe'
import { startSandbox } from '../../sandbox/start'
import {
  CONCURRENCY,
  PAGE_SIZE,
  childEnvironment,
  type ChildInput,
  type ChildReport,
  type Side,
} from './childProtocol'
import { printSummary } from './summary'

const ROOT = resolve(import.meta.dirname, '../..')
const CHILDREN: Record<Side, string> = {
  raw: join(import.meta.dirname, 'rawDownload.ts'),
  sync: join(import.meta.dirname, 'fullSync.ts'),
}
const PROFILE_DIR = join(ROOT, 'artifacts/bench-sync-profiles')
const BEN = { email: 'ben@example.test', password: 'sandbox-ben' }

function say(text: string): void {
  process.stdout.write(`${text}\n`)
}

function readOptions(): { rounds: number; tasks: number; isProfiling: boolean } {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      tasks: { type: 'string', default: '100000' },
      profile: { type: 'boolean', default: false },
    },
  })
  const rounds = Number(values.rounds)
  const tasks = Number(values.tasks)

  if (!Number.isSafeInteger(rounds) || rounds < 1 || !Number.isSafeInteger(tasks) || tasks < 1) {
    throw new Error('--rounds and --tasks take whole numbers of at least 1.')
  }

  return { rounds, tasks, isProfiling: values.profile }
}

/** Runs one side in a fresh Node process and reads its one-line JSON report. */
function runChild(side: Side, input: ChildInput, isProfiling: boolean): Promise<ChildReport> {
  const profiling = isProfiling ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []

  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', ...profiling, CHILDREN[side]], {
      cwd: ROOT,
      env: { ...process.env, ...childEnvironment(input) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1) ?? ''

      if (code !== 0 || line === '') {
        reject(new Error(`The ${side} child exited with ${code} and no report.`))

        return
      }

      resolvePromise(JSON.parse(line) as ChildReport)
    })
  })
}

async function main(): Promise<void> {
  const options = readOptions()

  if (options.isProfiling) {
    mkdirSync(PROFILE_DIR, { recursive: true })
  }

  say(`Sync benchmark: ${options.tasks.toLocaleString('en')} tasks, ${options.rounds} round(s)`)
  say('Starting the sandbox (seeding in memory) …')
  const startedAt = performance.now()
  const seedLines: string[] = []
  const sandbox = await startSandbox({
    authPort: 0,
    apiPort: 0,
    loopbackPort: 0,
    scale: { tasks: options.tasks },
    log: (line) => seedLines.push(line),
  })

  try {
    const seedLine = seedLines.find((line) => line.includes('seeded')) ?? '(no seed line)'
    say(`  ${seedLine.replace('[sandbox] ', '')}; sandbox ready after ${seconds(startedAt)}`)
    const accessToken = await probeToken(sandbox, BEN.email, BEN.password)
    const visible = await probeApi<{ pagination: { totalCount: number } }>(
      sandbox,
      accessToken,
      '/api/tasks?page=1&limit=1',
    )
    const seen = visible.pagination.totalCount
    say(
      `  signed in as ${BEN.email}, who sees ${seen.toLocaleString('en')} of ` +
        `${options.tasks.toLocaleString('en')} tasks ` +
        `(${Math.round((100 * seen) / options.tasks)} %)`,
    )
    say(`  both sides: page size ${PAGE_SIZE}, ${CONCURRENCY} requests in flight, same fetch`)
    const input: ChildInput = { apiUrl: sandbox.ready.apiUrl, accessToken }
    const reports: ChildReport[] = []

    for (let round = 1; round <= options.rounds; round++) {
      // Alternating the order spreads warm-up and machine load over both sides alike.
      const order: Side[] = round % 2 === 1 ? ['raw', 'sync'] : ['sync', 'raw']

      for (const side of order) {
        const report = await runChild(side, input, options.isProfiling)
        reports.push(report)
        say(
          `  round ${round} ${side.padEnd(4)}: ${(report.wallMs / 1000).toFixed(1)} s, ` +
            `peak ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ` +
            `cpu ${(report.cpuMs / 1000).toFixed(1)} s, ${report.items.tasks ?? 0} tasks`,
        )
      }
    }

    printSummary(reports, { say, profileDir: options.isProfiling ? PROFILE_DIR : undefined })
  } finally {
    await sandbox.close()
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}

main().catch((error: unknown) => {
  process.stderr.write(
    'FAIL: the sync benchmark could not run.\n' +
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 2
})
