import { readFileSync } from 'node:fs'

import type { ChildReport, Side } from './childProtocol'
import type { CountingFetch } from './countingFetch'

const SAMPLE_EVERY_MS = 20

/**
 * Runs one side's work (which returns its item counts) and measures it. Memory is sampled on
 * a timer, which a long synchronous step can starve, so the OS's own high-water mark is
 * reported beside it.
 */
export async function measureChild(
  side: Side,
  counting: CountingFetch,
  work: () => Promise<ChildReport['items']>,
): Promise<ChildReport> {
  const baselineRssBytes = process.memoryUsage().rss
  let sampledPeakRssBytes = baselineRssBytes
  const sampler = setInterval(() => {
    sampledPeakRssBytes = Math.max(sampledPeakRssBytes, process.memoryUsage().rss)
  }, SAMPLE_EVERY_MS)
  // A failed run must still let the process exit.
  sampler.unref()
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  let items: ChildReport['items']

  try {
    items = await work()
  } finally {
    clearInterval(sampler)
  }

  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  sampledPeakRssBytes = Math.max(sampledPeakRssBytes, process.memoryUsage().rss)
  const maxRssBytes = process.resourceUsage().maxRSS * 1024

  return {
    side,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssBytes,
    sampledPeakRssBytes,
    peakRssBytes: highWaterMark() ?? maxRssBytes,
    maxRssBytes,
    requests: counting.requests,
    bytes: counting.bytes,
    items,
    notes: {},
  }
}

/** Hands the report to the parent: one JSON line on standard output. */
export function printReport(report: ChildReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

// Linux's peak RSS of the current process image. Unlike maxRSS it does not inherit the
// parent's footprint through fork and exec, and the parent here holds a 100k-task database.
function highWaterMark(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))

    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024
  } catch {
    return undefined
  }
}
