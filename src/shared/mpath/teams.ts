import { z } from 'zod'

import { paginationSchema } from './pagination'
import { idSchema, isoDateTimeSchema } from './primitives'

/** A team as `GET /api/teams` lists it (no members or children: use the people list). */
export const teamSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  avatar: z.string().nullable().optional(),
  parentId: z.string().nullable(),
  organizationId: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  parentName: z.string().nullable().optional(),
  parent: z.looseObject({ id: idSchema, name: z.string().nullable() }).nullable().optional(),
  _count: z
    .looseObject({
      people: z.number().int().nonnegative(),
      initiatives: z.number().int().nonnegative(),
    })
    .optional(),
})

/** A team of the organization. */
export type Team = z.infer<typeof teamSchema>

/** `GET /api/teams`. */
export const teamsResponseSchema = z.looseObject({
  teams: z.array(teamSchema),
  pagination: paginationSchema,
})

/** The body of `GET /api/teams`. */
export type TeamsResponse = z.infer<typeof teamsResponseSchema>
