import { buildForHarness } from './buildRenderer'
import { seedSandboxTemplate } from './testing/journeySandbox'

/** Builds the renderer and seeds the journeys' sandbox template once per harness run. */
export async function setup(): Promise<void> {
  await Promise.all([buildForHarness(), seedSandboxTemplate()])
}
