import { buildForHarness } from './buildRenderer'

/** Builds the renderer once before the harness journeys run. */
export function setup(): void {
  buildForHarness()
}
