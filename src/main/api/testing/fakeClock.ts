import type { Clock } from '../../platform/ports'

interface Timer {
  at: number
  delay: number
  callback: () => void
  isCancelled: boolean
}

/** A clock whose time moves only when a test moves it. */
export interface FakeClock extends Clock {
  /** Runs the earliest pending timer, moving time to it; false when none is pending. */
  runNextTimer(): boolean
  /** Delays of the timers that have fired, in order. */
  readonly firedDelays: number[]
}

/** A fake clock starting at `start` (milliseconds since the epoch). */
export function createFakeClock(start = Date.UTC(2026, 2, 1, 9, 0, 0)): FakeClock {
  let now = start
  const timers: Timer[] = []
  const firedDelays: number[] = []

  return {
    now: () => now,
    setTimeout(callback, delay) {
      const timer: Timer = { at: now + delay, delay, callback, isCancelled: false }
      timers.push(timer)

      return {
        cancel() {
          timer.isCancelled = true
        },
      }
    },
    runNextTimer() {
      const live = timers.filter((timer) => !timer.isCancelled)

      if (live.length === 0) {
        return false
      }

      const next = live.reduce((earliest, timer) => (timer.at < earliest.at ? timer : earliest))
      next.isCancelled = true
      now = Math.max(now, next.at)
      firedDelays.push(next.delay)
      next.callback()

      return true
    },
    firedDelays,
  }
}

/**
 * Awaits `promise`, moving the fake clock to the next timer whenever nothing else can happen:
 * retries wait and deadlines pass without real time going by.
 */
export async function settle<Result>(promise: Promise<Result>, clock: FakeClock): Promise<Result> {
  let isDone = false
  promise.then(
    () => (isDone = true),
    () => (isDone = true),
  )

  for (let step = 0; step < 1000 && !isDone; step += 1) {
    for (let flush = 0; flush < 5 && !isDone; flush += 1) {
      await new Promise((resolve) => setImmediate(resolve))
    }

    if (!isDone && !clock.runNextTimer()) {
      break
    }
  }

  return promise
}
