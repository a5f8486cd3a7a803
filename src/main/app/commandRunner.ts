import { execFile } from 'node:child_process'

/** Runs a program without a shell and returns its output; rejects when it fails. */
export type CommandRunner = (
  file: string,
  args: readonly string[],
) => Promise<{ stdout: string; stderr: string }>

/** Commands that must answer quickly (xdg-mime); a hung one is stopped. */
const COMMAND_TIMEOUT_MS = 5_000

/**
 * The {@link CommandRunner} of the app: `execFile`, never a shell, so no argument is ever
 * interpreted.
 */
export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: COMMAND_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(error)

          return
        }

        resolve({ stdout, stderr })
      },
    )
  })
