import { errorReply, type Reply } from '../http/reply'

/**
 * The web UI's `immutableFilters` parameter: accepted only as valid JSON (otherwise 400, as
 * mpath answers) and otherwise ignored, since its handling on the real server is inconsistent.
 */
export function rejectBadImmutableFilters(url: URL): Reply | null {
  const value = url.searchParams.get('immutableFilters')

  if (value === null) {
    return null
  }

  try {
    JSON.parse(value)

    return null
  } catch (_error) {
    return errorReply(400, 'Invalid immutableFilters parameter')
  }
}
