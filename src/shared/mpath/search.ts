import { z } from 'zod'

import { idSchema } from './primitives'

/** The kinds of result the search endpoint returns, in the order it returns them. */
export const SEARCH_RESULT_TYPES = ['task', 'initiative', 'person', 'feedback', 'oneOnOne'] as const

/** A search result kind mpath knows today. */
export const searchResultTypeSchema = z.enum(SEARCH_RESULT_TYPES)

/** One of the known search result kinds. */
export type SearchResultType = z.infer<typeof searchResultTypeSchema>

/**
 * One search hit. `type` stays an open string so a kind added upstream is shown or skipped
 * rather than failing the whole search.
 */
export const searchResultSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  subtitle: z.string().nullable().optional(),
  type: z.string(),
})

/** A search hit. */
export type SearchResult = z.infer<typeof searchResultSchema>

/** `GET /api/search?q=`. */
export const searchResponseSchema = z.looseObject({ results: z.array(searchResultSchema) })

/** The body of `GET /api/search`. */
export type SearchResponse = z.infer<typeof searchResponseSchema>
