import type { SandboxFaults } from '../types'

/**
 * Whether a fault's route prefix covers a path: `/api/tasks` covers `/api/tasks` and
 * `/api/tasks/…` but not `/api/task-reminders`. A bare name (`tasks`) means `/api/tasks`.
 */
export function routeMatches(prefix: string, pathname: string): boolean {
  const normalized = (prefix.startsWith('/') ? prefix : `/api/${prefix}`).replace(/\/+$/, '')

  return pathname === normalized || pathname.startsWith(`${normalized}/`)
}

/** Rolls the dice for the injected-500 rate of the most specific matching prefix. */
export function shouldFail(
  faults: SandboxFaults,
  pathname: string,
  roll: () => number = Math.random,
): boolean {
  const matching = Object.entries(faults.errorRates)
    .filter(([prefix]) => routeMatches(prefix, pathname))
    .sort(([left], [right]) => right.length - left.length)[0]

  return matching !== undefined && roll() < matching[1]
}

/** Whether this path's 200 bodies are to be broken. */
export function isMalformed(faults: SandboxFaults, pathname: string): boolean {
  return faults.malformedRoutes.some((prefix) => routeMatches(prefix, pathname))
}

/** A JSON text cut short: an object's text cut before its closing brace never parses. */
export function malformBody(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)))
}

/** The API's clock as its `Date` header reports it, shifted by the clock-offset fault. */
export function shiftedDate(faults: SandboxFaults, now = Date.now()): string {
  return new Date(now + faults.clockOffsetSeconds * 1000).toUTCString()
}
