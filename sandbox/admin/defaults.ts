import type { SandboxFaults, SandboxOptions } from '../types'

/** All faults off. */
export function defaultFaults(): SandboxFaults {
  return {
    latencyMs: 0,
    errorRates: {},
    malformedRoutes: [],
    tokenEndpoint: 'ok',
    refreshInvalidGrant: false,
    clockOffsetSeconds: 0,
    strictRevoke: false,
    noWrites: false,
  }
}

/** The defaults: fixed loopback ports, the guide's mode and Clerk's lifetimes. */
export function defaultOptions(faults: SandboxFaults = defaultFaults()): SandboxOptions {
  return {
    host: '127.0.0.1',
    authPort: 7071,
    apiPort: 7072,
    loopbackPort: 7073,
    compat: 'default',
    accessTokenTtlSeconds: 86_400,
    codeTtlSeconds: 600,
    refreshTokenTtlSeconds: 10 * 365 * 86_400,
    scale: { tasks: 600 },
    faults,
  }
}
