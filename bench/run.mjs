// `npm run bench -- <name>`: runs one benchmark under bench/<name>/run.ts with tsx, passing on
// the remaining arguments (e.g. `npm run bench -- renderer --skip-build`).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const [name, ...rest] = process.argv.slice(2)
const available = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, 'run.ts')))
  .map((entry) => entry.name)

if (!name || !available.includes(name)) {
  process.stderr.write(`Usage: npm run bench -- <${available.join('|')}> [options]\n`)
  process.exit(2)
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(here, name, 'run.ts'), ...rest],
  {
    stdio: 'inherit',
  },
)
process.exit(result.status ?? 1)
