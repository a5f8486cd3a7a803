import type { Clock } from '../ports'

/** A clock whose time and timers move only when a test moves them. */
export interface ManualClock extends Clock {
  /** Moves time forward and runs every timer that falls due, in order. */
  advance(milliseconds: number): void
  /** Moves time forward without running timers, as when the machine sleeps. */
  jump(milliseconds: number): void
  /** Timers not yet run or cancelled. */
  pendingTimers(): number
}

/**
 * A manual clock whose `advance` also lets promise chains run after each timer, for code whose
 * timers start asynchronous work (a refresh, a vault write) that the next timer depends on.
 */
export interface SettlingClock extends Omit<ManualClock, 'advance'> {
  /** Moves time forward, running every timer that falls due and settling after each. */
  advance(milliseconds: number): Promise<void>
}

/** Lets promise chains (fetch, openid-client, the vault) run to their next pause. */
export async function settle(rounds = 30): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** A manual clock starting at `start` (milliseconds since the epoch). */
export function createManualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  const timers = createTimerQueue(start)

  return {
    ...timers.clock,
    advance(milliseconds) {
      const target = timers.clock.now() + milliseconds

      while (timers.runNextDue(target)) {
        // Loops until nothing is due, as a timer may set another that falls due too.
      }

      timers.moveTo(target)
    },
  }
}

/** A settling clock starting at `start` (milliseconds since the epoch). */
export function createSettlingClock(start = Date.UTC(2026, 0, 1)): SettlingClock {
  const timers = createTimerQueue(start)

  return {
    ...timers.clock,
    async advance(milliseconds) {
      const target = timers.clock.now() + milliseconds

      while (timers.runNextDue(target)) {
        await settle()
      }

      timers.moveTo(target)
      await settle()
    },
  }
}

interface TimerQueue {
  clock: Omit<ManualClock, 'advance'>
  /** Runs the earliest timer due by `target` (ties in the order they were set). */
  runNextDue(target: number): boolean
  moveTo(time: number): void
}

function createTimerQueue(start: number): TimerQueue {
  let now = start
  let sequence = 0
  const timers = new Map<number, { at: number; callback: () => void }>()

  return {
    clock: {
      now: () => now,
      setTimeout(callback, milliseconds) {
        const id = (sequence += 1)
        timers.set(id, { at: now + Math.max(0, milliseconds), callback })

        return { cancel: () => void timers.delete(id) }
      },
      jump(milliseconds) {
        now += milliseconds
      },
      pendingTimers: () => timers.size,
    },
    runNextDue(target) {
      const next = [...timers]
        .filter(([, timer]) => timer.at <= target)
        .sort(([idA, a], [idB, b]) => a.at - b.at || idA - idB)[0]

      if (next === undefined) {
        return false
      }

      const [id, timer] = next
      timers.delete(id)
      now = Math.max(now, timer.at)
      timer.callback()

      return true
    },
    moveTo(time) {
      now = time
    },
  }
}
