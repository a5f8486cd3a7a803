import { MPATH_SCHEME, parseDeepLink } from './deepLink'

export {
  parseDeepLink,
  requireDeepLink,
  type DeepLink,
  type DeepLinkTarget,
  type ParsedDeepLink,
} from './deepLink'

/**
 * Put before `--` in the Windows protocol command, so the link is the only
 * argument after it and Chromium never reads it as a switch (CVE-2018-1000006).
 */
export const PROTOCOL_LAUNCHER_FLAG = '--protocol-launcher'

/** Links found in a command line, and why one was refused when it was. */
export interface DeepLinkArgsScan {
  urls: string[]
  /** Set when the command line carried something link-like that was refused. */
  rejected?: string
}

const LOOKS_LIKE_LINK = new RegExp(`^${MPATH_SCHEME}:`, 'i')

function single(candidate: string): DeepLinkArgsScan {
  const parsed = parseDeepLink(candidate)

  return parsed.kind === 'invalid' ? { urls: [], rejected: parsed.reason } : { urls: [candidate] }
}

function scanWindows(argv: readonly string[]): DeepLinkArgsScan {
  const marker = argv.indexOf(PROTOCOL_LAUNCHER_FLAG, 1)
  const terminator = argv.indexOf('--', 1)

  if (marker === -1) {
    return argv.slice(1).some((arg) => LOOKS_LIKE_LINK.test(arg))
      ? { urls: [], rejected: `a link arrived without ${PROTOCOL_LAUNCHER_FLAG}` }
      : { urls: [] }
  }

  if (terminator === -1 || terminator < marker) {
    return { urls: [], rejected: `${PROTOCOL_LAUNCHER_FLAG} is not followed by "--"` }
  }

  const tail = argv.slice(terminator + 1)

  if (tail.length !== 1) {
    return {
      urls: [],
      rejected: `expected exactly one link after "--", found ${tail.length} arguments`,
    }
  }

  return single(tail[0] ?? '')
}

/**
 * Reads the links of a command line (cold start or `second-instance`). On
 * Windows exactly one argument must follow `--protocol-launcher … --`, and it
 * must be a valid link; anything else there refuses them all. Elsewhere the one
 * `mpath:` argument is taken; two or more are refused. Other arguments are
 * ignored, never interpreted.
 */
export function scanDeepLinkArgs(
  argv: readonly string[],
  platform: NodeJS.Platform,
): DeepLinkArgsScan {
  if (platform === 'win32') {
    return scanWindows(argv)
  }

  const candidates = argv.slice(1).filter((arg) => LOOKS_LIKE_LINK.test(arg))

  if (candidates.length === 0) {
    return { urls: [] }
  }

  if (candidates.length > 1) {
    return { urls: [], rejected: `expected one link, found ${candidates.length}` }
  }

  return single(candidates[0] ?? '')
}

/**
 * The links of a command line, validated; see {@link scanDeepLinkArgs} for the
 * rules and the reason of a refusal.
 *
 * @example
 * extractDeepLinks(['mpath.exe', '--protocol-launcher', '--', 'mpath://tasks/t1'], 'win32')
 * // ['mpath://tasks/t1']
 */
export function extractDeepLinks(argv: readonly string[], platform: NodeJS.Platform): string[] {
  return scanDeepLinkArgs(argv, platform).urls
}
