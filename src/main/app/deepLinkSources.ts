import type { DeepLinkIntake } from './deepLinkIntake'

/** The events of Electron's `app` that carry links. */
export interface DeepLinkEventSource {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown
}

/** Options of {@link bindDeepLinkSources}. */
export interface DeepLinkSourcesOptions {
  app: DeepLinkEventSource
  intake: DeepLinkIntake
  /** `process.argv` of this (cold) start. */
  argv: readonly string[]
  platform: NodeJS.Platform
  /**
   * Called after a second launch handed over its links: show or create the
   * window.
   */
  onSecondInstance?: () => void
}

/**
 * Feeds the intake from every source: the cold-start command line,
 * `second-instance` (Windows and Linux) and `open-url` (macOS). Call before
 * `ready`: macOS fires `open-url` that early on a cold start, and a link missed
 * then is lost.
 */
export function bindDeepLinkSources(options: DeepLinkSourcesOptions): void {
  const { app, intake, platform } = options

  app.on('open-url', (event, url) => {
    event.preventDefault()
    intake.accept(url, 'open-url')
  })
  app.on('second-instance', (_event, argv) => {
    intake.acceptArgv(argv, platform, 'second-instance')
    options.onSecondInstance?.()
  })
  intake.acceptArgv(options.argv, platform, 'argv')
}
