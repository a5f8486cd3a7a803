/**
 * What the benchmark's parent and its two children agree on: how the children learn where
 * the sandbox is, how they page, and what each reports back on one line of standard output.
 */

/** Items per request and requests in flight: the sync's own defaults, used by both sides. */
export const PAGE_SIZE = 500
export const CONCURRENCY = 3

/** The scopes `probeToken` asks for; the sync's client needs them only to word a 403. */
export const BENCH_SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'read:people',
  'read:tasks',
  'read:initiatives',
  'read:meetings',
]

const API_URL_VARIABLE = 'MPATH_BENCH_API_URL'
const TOKEN_VARIABLE = 'MPATH_BENCH_ACCESS_TOKEN'

/** Where a child reaches the sandbox. The token travels in the environment, never in argv. */
export interface ChildInput {
  apiUrl: string
  accessToken: string
}

/** The environment that hands a child its input. */
export function childEnvironment(input: ChildInput): Record<string, string> {
  return { [API_URL_VARIABLE]: input.apiUrl, [TOKEN_VARIABLE]: input.accessToken }
}

/** Reads the input the parent passed; throws when a child is started by hand without it. */
export function readChildInput(): ChildInput {
  const apiUrl = process.env[API_URL_VARIABLE]
  const accessToken = process.env[TOKEN_VARIABLE]

  if (!apiUrl || !accessToken) {
    throw new Error(
      'Start this through bench/sync/run.ts (npm run bench -- sync): ' +
        `it sets ${API_URL_VARIABLE} and ${TOKEN_VARIABLE}.`,
    )
  }

  // The children start no children of their own; dropping the token keeps it out of reach.
  delete process.env[TOKEN_VARIABLE]

  return { apiUrl, accessToken }
}

/** Which side of the comparison a child measured. */
export type Side = 'raw' | 'sync'

/** One child's measurement, printed as a single JSON line on standard output. */
export interface ChildReport {
  side: Side
  wallMs: number
  /** CPU time of the child itself: the client's cost, apart from the server's. */
  cpuMs: number
  /** Resident memory once loaded, before the work started. */
  baselineRssBytes: number
  /** The highest `rss` seen by sampling every 20 ms during the work. */
  sampledPeakRssBytes: number
  /**
   * The OS's high-water mark for this process image: `VmHWM` on Linux, which starts afresh at
   * exec, else `maxRSS`. This is the peak the ratio is judged on.
   */
  peakRssBytes: number
  /**
   * `resourceUsage().maxRSS`. Linux carries it over fork and exec, so it can show the RSS of
   * whichever process forked this one; shown for reference only.
   */
  maxRssBytes: number
  requests: number
  /** Response body bytes as received. */
  bytes: number
  /** Items per collection (after the sync's repeat-skipping on its side). */
  items: Record<string, number>
  /** Side-specific facts (the sealed cache's size on the sync side). */
  notes: Record<string, string | number | boolean>
}
