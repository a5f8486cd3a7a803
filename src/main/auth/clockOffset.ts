import type { Clock, FetchPort } from '../platform/ports'

/** The latest measured difference between the server's clock and ours, for diagnostics. */
export interface ClockOffsetReading {
  /** Server time minus local time, in milliseconds; positive when the server is ahead. */
  offsetMs: number
  /** Local time of the measurement, in milliseconds since the epoch. */
  measuredAt: number
  /** Origin of the server whose `Date` header was read (never a path or query). */
  origin: string
}

/** Measures the local clock against servers' `Date` headers as responses pass through. */
export interface ClockOffsetMonitor {
  /** A `fetch` that behaves like `fetch` and records the offset from every response. */
  wrap(fetch: FetchPort): FetchPort
  /** The most recent reading, or undefined before the first response with a `Date` header. */
  latest(): ClockOffsetReading | undefined
}

/**
 * Creates a monitor. The `Date` header has one-second resolution, so the offset is measured
 * against the midpoint of the request and readings within a second mean "in sync".
 */
export function createClockOffsetMonitor(clock: Clock): ClockOffsetMonitor {
  let reading: ClockOffsetReading | undefined

  const record = (response: Response, sentAt: number, receivedAt: number, url: string) => {
    const header = response.headers.get('date')
    const serverTime = header === null ? Number.NaN : Date.parse(header)

    if (Number.isNaN(serverTime)) {
      return
    }

    const midpoint = sentAt + (receivedAt - sentAt) / 2
    reading = {
      offsetMs: Math.round(serverTime - midpoint),
      measuredAt: receivedAt,
      origin: URL.parse(url)?.origin ?? 'unknown',
    }
  }

  return {
    wrap(fetch) {
      const wrapped = async (input: Parameters<FetchPort>[0], init?: Parameters<FetchPort>[1]) => {
        const sentAt = clock.now()
        const response = await fetch(input, init)
        record(response, sentAt, clock.now(), requestUrl(input))

        return response
      }

      return wrapped as FetchPort
    },
    latest: () => reading,
  }
}

function requestUrl(input: Parameters<FetchPort>[0]): string {
  if (typeof input === 'string') {
    return input
  }

  return input instanceof URL ? input.href : input.url
}
