import axe from 'axe-core'
import { expect } from 'vitest'

/**
 * Runs axe over `container` and fails on serious or critical violations. Colour contrast is
 * left to the browser harness: the DOM used in component tests loads no style sheets.
 */
export async function expectNoSeriousAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
  })
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)

  expect(serious).toEqual([])
}
