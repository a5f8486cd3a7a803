import type { ChildReport, Side } from './childProtocol'

/** The sync may cost at most this many times the raw download, in time and in memory. */
export const MAX_RATIO = 1.5

const MIB = 2 ** 20

interface Row {
  label: string
  value: (report: ChildReport) => number
  format: (value: number) => string
  /** Rows without a target are shown for insight and decide nothing. */
  isJudged: boolean
}

const ROWS: Row[] = [
  { label: 'wall time', value: (r) => r.wallMs, format: secondsText, isJudged: true },
  { label: 'peak memory (VmHWM)', value: (r) => r.peakRssBytes, format: mibText, isJudged: true },
  {
    label: 'peak RSS, sampled /20 ms',
    value: (r) => r.sampledPeakRssBytes,
    format: mibText,
    isJudged: false,
  },
  {
    label: 'maxRSS (see README)',
    value: (r) => r.maxRssBytes,
    format: mibText,
    isJudged: false,
  },
  {
    label: 'peak above baseline',
    value: (r) => r.peakRssBytes - r.baselineRssBytes,
    format: mibText,
    isJudged: false,
  },
  { label: 'client CPU time', value: (r) => r.cpuMs, format: secondsText, isJudged: false },
  { label: 'bytes downloaded', value: (r) => r.bytes, format: mibText, isJudged: false },
  { label: 'requests', value: (r) => r.requests, format: String, isJudged: false },
  {
    label: '401s from a busy sandbox',
    value: (r) => Number(r.notes.tokenRejections ?? 0),
    format: String,
    isJudged: false,
  },
]

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)

  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

function sameCounts(
  counts: Record<string, number>,
  expected: Record<string, number> | undefined,
): boolean {
  const keys = new Set([...Object.keys(counts), ...Object.keys(expected ?? {})])

  return [...keys].every((key) => counts[key] === expected?.[key])
}

function secondsText(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`
}

function mibText(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`
}

/**
 * Prints the medians of each side, the sync/raw ratios with their verdicts, and what the
 * sync's cache was sealed with.
 */
export function printSummary(
  reports: ChildReport[],
  output: { say: (text: string) => void; profileDir?: string },
): void {
  const { say } = output
  const of = (side: Side) => reports.filter((report) => report.side === side)
  const raw = of('raw')
  const sync = of('sync')
  const verdicts: boolean[] = []

  say('')
  say(`Medians over ${raw.length} raw and ${sync.length} sync runs (each in its own process):`)
  say(`  ${'measure'.padEnd(26)}${'raw'.padStart(12)}${'sync'.padStart(12)}  sync/raw`)

  for (const row of ROWS) {
    const rawValue = median(raw.map(row.value))
    const syncValue = median(sync.map(row.value))
    const ratio = syncValue / rawValue
    const passed = ratio <= MAX_RATIO
    const verdict = row.isJudged ? `  ≤ ${MAX_RATIO}× ${passed ? 'PASS' : 'FAIL'}` : ''

    if (row.isJudged) {
      verdicts.push(passed)
    }

    say(
      `  ${row.label.padEnd(26)}${row.format(rawValue).padStart(12)}` +
        `${row.format(syncValue).padStart(12)}  ${rawValue > 0 ? `${ratio.toFixed(2)}×` : '–'}` +
        verdict,
    )
  }

  const itemsAgree = [...raw, ...sync].every((report) => sameCounts(report.items, sync[0]?.items))
  const notes = sync[0]?.notes ?? {}
  const distinctItems = Object.values(raw[0]?.items ?? {}).reduce((sum, count) => sum + count, 0)
  const repeats = Number(raw[0]?.notes.rowsReceived ?? distinctItems) - distinctItems
  say('')
  say(`  items per collection: ${JSON.stringify(sync[0]?.items ?? {})}`)
  say(`  both sides received the same items: ${itemsAgree ? 'yes' : 'NO (see the runs above)'}`)

  if (repeats > 0) {
    say(
      `  note: the server sent ${repeats} row(s) on two pages (its order has no unique ` +
        'tiebreaker), so as many items were on no page at all',
    )
  }

  say(
    `  sync cache: ${notes.sealedFiles} blobs, ${mibText(Number(notes.sealedBytes))} on disk, ` +
      `sealed with the HARNESS TEST CIPHER (claims gnome_libsecret; not an OS keychain; ` +
      `every blob marked: ${notes.sealedByTestCipher ? 'yes' : 'NO'})`,
  )

  if (output.profileDir !== undefined) {
    say(`  CPU profiles: ${output.profileDir}`)
  }

  say('')

  if (verdicts.every(Boolean) && itemsAgree) {
    say(`PASS: the sync costs at most ${MAX_RATIO}× the raw download in time and memory.`)

    return
  }

  const banner = '!'.repeat(78)
  say(banner)
  say(`!! FAIL: the sync costs more than ${MAX_RATIO}× the raw download (see the table above),`)
  say('!! or the two sides did not receive the same items. This is a report: exit code 0.')
  say(banner)
}
