/* eslint-disable no-console -- the command line's whole job is to print the ready line and logs */
import { CommandLineError, parseCommandLine, USAGE } from './admin/commandLine'
import type { RunningSandbox } from './start'

/**
 * `npm run sandbox`: starts the sandbox, prints the ready document as one JSON line on stdout
 * and logs to stderr. Exits 2 on a bad flag, 1 when the sandbox cannot start.
 */
async function main(): Promise<void> {
  let request

  try {
    request = parseCommandLine(process.argv.slice(2))
  } catch (error) {
    if (error instanceof CommandLineError) {
      console.error(`sandbox: ${error.message} (see --help)`)
      process.exit(2)
    }

    throw error
  }

  if (request.showHelp) {
    console.log(USAGE)

    return
  }

  let sandbox: RunningSandbox

  try {
    // Loaded only now, so a bad flag answers with one line before any library starts talking.
    const { startSandbox } = await import('./start')
    sandbox = await startSandbox({
      ...request.options,
      faults: request.faults,
      log: (line) => console.error(line),
    })
  } catch (error) {
    console.error(
      `sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  }

  console.log(JSON.stringify(sandbox.ready))
  console.error(`[sandbox] issuer ${sandbox.ready.issuer}`)
  console.error(`[sandbox] mpath API ${sandbox.ready.apiUrl} (${sandbox.options.compat} mode)`)
  console.error(
    '[sandbox] sign in as ' +
      sandbox.ready.users.map((user) => `${user.email} / ${user.password}`).join(', '),
  )

  let isClosing = false
  const stop = () => {
    if (isClosing) {
      return
    }

    isClosing = true
    console.error('[sandbox] stopping')
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }

  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
