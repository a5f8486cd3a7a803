// Prints the test run's closing line, "N passed, N failed", from Vitest's JSON report.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(new URL('../test-results/vitest.json', import.meta.url)))
const skipped = report.numPendingTests + report.numTodoTests

console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests} failed` +
    (skipped > 0 ? `, ${skipped} skipped` : ''),
)
