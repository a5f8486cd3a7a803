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
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const items = await work()
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  sampledPeakRssBytes = Math.max(sampledPeakRssBytes, process.memoryUsage().rss)

  return {
    side,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssBytes,
    sampledPeakRssBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
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
