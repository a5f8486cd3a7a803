import type { DeepLinkDelivery, DeepLinkIntake, DeepLinkSource } from './deepLinkIntake'

/** Inputs held for the real intake; more are dropped, as the intake itself would. */
const MAX_HELD = 16

type HeldInput =
  | { kind: 'url'; url: string; source: DeepLinkSource }
  | {
      kind: 'argv'
      argv: readonly string[]
      platform: NodeJS.Platform
      source: 'argv' | 'second-instance'
    }

/** A stand-in intake for the time before the services exist. */
export interface DeepLinkRelay extends DeepLinkIntake {
  /** Hands everything held to `intake`, and every later input straight to it. */
  connect(intake: DeepLinkIntake): void
  /**
   * Holds inputs again, e.g. while no window exists to show a link; `resume()` passes them on.
   */
  pause(): void
  resume(): void
  /** Inputs waiting for `connect`. */
  heldCount(): number
}

/**
 * Takes links from Electron's events before `ready`, when the services (and their intake) do
 * not exist yet, and passes them on unread once they do: validation, de-duplication and
 * queueing stay in the one intake.
 */
export function createDeepLinkRelay(): DeepLinkRelay {
  const held: HeldInput[] = []
  const waitingHandlers = new Set<(delivery: DeepLinkDelivery) => void>()
  const unsubscribes = new Map<(delivery: DeepLinkDelivery) => void, () => void>()
  let target: DeepLinkIntake | undefined
  let isReadyRequested = false
  let isPaused = false

  const forward = (input: HeldInput, intake: DeepLinkIntake) => {
    if (input.kind === 'url') {
      intake.accept(input.url, input.source)
    } else {
      intake.acceptArgv(input.argv, input.platform, input.source)
    }
  }

  const take = (input: HeldInput) => {
    if (target !== undefined && !isPaused) {
      forward(input, target)
    } else if (held.length < MAX_HELD) {
      held.push(input)
    }
  }

  return {
    accept: (url, source) => take({ kind: 'url', url, source }),
    acceptArgv: (argv, platform, source) =>
      take({ kind: 'argv', argv: [...argv], platform, source }),
    connect(intake) {
      target = intake
      isPaused = false

      for (const handler of waitingHandlers) {
        unsubscribes.set(handler, intake.onDidReceive(handler))
      }

      waitingHandlers.clear()

      for (const input of held.splice(0)) {
        forward(input, intake)
      }

      if (isReadyRequested) {
        intake.markReady()
      }
    },
    heldCount: () => held.length,
    pause() {
      isPaused = true
    },
    resume() {
      isPaused = false

      if (target !== undefined) {
        for (const input of held.splice(0)) {
          forward(input, target)
        }
      }
    },
    markReady() {
      isReadyRequested = true
      target?.markReady()
    },
    isReady: () => target?.isReady() ?? false,
    pendingCount: () => held.length + (target?.pendingCount() ?? 0),
    onDidReceive(handler) {
      if (target === undefined) {
        waitingHandlers.add(handler)
      } else {
        unsubscribes.set(handler, target.onDidReceive(handler))
      }

      return () => {
        waitingHandlers.delete(handler)
        unsubscribes.get(handler)?.()
        unsubscribes.delete(handler)
      }
    },
  }
}
