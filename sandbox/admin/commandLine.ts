import { parseArgs } from 'node:util'

import type { SandboxFaults, SandboxOptions } from '../types'

/** What the command line asks for: option and fault changes over the defaults. */
export interface CommandLineRequest {
  options: Partial<Omit<SandboxOptions, 'faults'>>
  faults: Partial<SandboxFaults>
  showHelp: boolean
}

/** One line per flag, for `--help`. */
export const USAGE = `Usage: npm run sandbox -- [flags]

Starts a local Clerk-shaped authorization server and mpath API, prints the ready document as
one JSON line on stdout, and logs to stderr.

  --auth-port N             authorization server port (default 7071; 0 picks one)
  --api-port N              mpath API port (default 7072; 0 picks one)
  --loopback-port N         port of the registered loopback redirect URI (default 7073)
  --compat default|real     follow mpath's published guide (default) or today's server code
  --latency MS              delay every API and token response
  --error-rate ROUTE=P      answer 500 on ROUTE (e.g. /api/tasks) with probability P (repeatable)
  --malformed ROUTE         break the JSON of ROUTE's 200 answers (repeatable)
  --token-endpoint fail|timeout   make the token endpoint fail or hang
  --refresh invalid_grant   refuse every refresh_token grant
  --clock-offset SECONDS    shift the clock the API reports in its Date header (--clock-offset=-60)
  --access-ttl SECONDS      access token lifetime (default 86400)
  --code-ttl SECONDS        authorization code lifetime (default 600)
  --no-writes               turn off the task-write extension, as on the real server
  --strict-revoke           accept revocation only with client credentials
  --scale tasks=N           seed N tasks (e.g. 100000 for benchmarks)
  --data DIR                keep the database in DIR across runs
  --help                    show this help`

/** A flag that cannot be used; the message is one line for stderr. */
export class CommandLineError extends Error {}

/**
 * Reads the sandbox's flags. Throws `CommandLineError` with a one-line message for an unknown
 * flag or a bad value.
 */
export function parseCommandLine(argv: readonly string[]): CommandLineRequest {
  let values: ReturnType<typeof parse>['values']

  try {
    values = parse(argv).values
  } catch (error) {
    throw new CommandLineError(firstLine(error instanceof Error ? error.message : String(error)))
  }

  const request: CommandLineRequest = { options: {}, faults: {}, showHelp: values.help === true }

  for (const [flag, value] of Object.entries(values)) {
    if (typeof value === 'string') {
      STRING_FLAGS[flag]?.(value, request)
    } else if (Array.isArray(value)) {
      LIST_FLAGS[flag]?.(value, request)
    }
  }

  if (values['no-writes']) {
    request.faults.noWrites = true
  }

  if (values['strict-revoke']) {
    request.faults.strictRevoke = true
  }

  return request
}

type Apply<T> = (value: T, request: CommandLineRequest) => void

const STRING_FLAGS: Record<string, Apply<string>> = {
  'auth-port': (value, { options }) => (options.authPort = port('--auth-port', value)),
  'api-port': (value, { options }) => (options.apiPort = port('--api-port', value)),
  'loopback-port': (value, { options }) => (options.loopbackPort = port('--loopback-port', value)),
  compat: (value, { options }) =>
    (options.compat = oneOf('--compat', value, ['default', 'real'] as const)),
  'access-ttl': (value, { options }) =>
    (options.accessTokenTtlSeconds = positive('--access-ttl', value)),
  'code-ttl': (value, { options }) => (options.codeTtlSeconds = positive('--code-ttl', value)),
  data: (value, { options }) => (options.dataDir = value),
  scale: (value, { options }) => (options.scale = { tasks: taskScale(value) }),
  latency: (value, { faults }) => (faults.latencyMs = latency(value)),
  'clock-offset': (value, { faults }) =>
    (faults.clockOffsetSeconds = number('--clock-offset', value)),
  'token-endpoint': (value, { faults }) =>
    (faults.tokenEndpoint = oneOf('--token-endpoint', value, ['fail', 'timeout'] as const)),
  refresh: (value, { faults }) =>
    (faults.refreshInvalidGrant = oneOf('--refresh', value, ['invalid_grant']) === 'invalid_grant'),
}

const LIST_FLAGS: Record<string, Apply<string[]>> = {
  'error-rate': (value, { faults }) =>
    (faults.errorRates = Object.fromEntries(value.map(errorRate))),
  malformed: (value, { faults }) => (faults.malformedRoutes = value),
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'auth-port': { type: 'string' },
      'api-port': { type: 'string' },
      'loopback-port': { type: 'string' },
      compat: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string', multiple: true },
      malformed: { type: 'string', multiple: true },
      'token-endpoint': { type: 'string' },
      refresh: { type: 'string' },
      'clock-offset': { type: 'string' },
      'access-ttl': { type: 'string' },
      'code-ttl': { type: 'string' },
      'no-writes': { type: 'boolean' },
      'strict-revoke': { type: 'boolean' },
      scale: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
}

function number(flag: string, value: string): number {
  const parsed = Number(value)

  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new CommandLineError(`${flag} expects a number, got "${value}"`)
  }

  return parsed
}

function nonNegative(flag: string, value: string): number {
  const parsed = number(flag, value)

  if (parsed < 0) {
    throw new CommandLineError(`${flag} must not be negative, got "${value}"`)
  }

  return parsed
}

/** The longest latency a timer can hold (Node clamps longer delays to 1 ms). */
export const MAX_LATENCY_MS = 600_000

function latency(value: string): number {
  const parsed = nonNegative('--latency', value)

  if (parsed > MAX_LATENCY_MS) {
    throw new CommandLineError(`--latency must be at most ${MAX_LATENCY_MS} ms, got "${value}"`)
  }

  return parsed
}

function positive(flag: string, value: string): number {
  const parsed = number(flag, value)

  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new CommandLineError(`${flag} expects a whole number of seconds above 0, got "${value}"`)
  }

  return parsed
}

function port(flag: string, value: string): number {
  const parsed = number(flag, value)

  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new CommandLineError(`${flag} expects a port from 0 to 65535, got "${value}"`)
  }

  return parsed
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new CommandLineError(`${flag} expects one of ${allowed.join(', ')}, got "${value}"`)
  }

  return value as T
}

function taskScale(value: string): number {
  const match = /^tasks=(\d+)$/.exec(value)

  if (!match) {
    throw new CommandLineError(`--scale expects tasks=N, got "${value}"`)
  }

  return Number(match[1])
}

function errorRate(value: string): [string, number] {
  const separator = value.lastIndexOf('=')
  const route = value.slice(0, separator)
  const rate = Number(value.slice(separator + 1))

  if (separator <= 0 || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new CommandLineError(`--error-rate expects ROUTE=P with P from 0 to 1, got "${value}"`)
  }

  return [route, rate]
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
