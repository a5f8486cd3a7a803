import { z } from 'zod'

import { paginationSchema } from './pagination'
import { idSchema, isoDateTimeSchema } from './primitives'

const participantSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable().optional(),
  user: z.looseObject({ id: idSchema }).nullable().optional(),
})

/**
 * A one-on-one the caller takes part in. "Manager" and "report" are only the first and second
 * participant; they do not prove a reporting line. `createdAt`/`updatedAt` are synthetic on the
 * server (the scheduled time, or the time of the request).
 */
export const oneOnOneSchema = z.looseObject({
  id: idSchema,
  managerId: idSchema,
  reportId: idSchema,
  scheduledAt: isoDateTimeSchema.nullable(),
  notes: z.string().nullable(),
  createdAt: isoDateTimeSchema.optional(),
  updatedAt: isoDateTimeSchema.optional(),
  manager: participantSchema.nullable().optional(),
  report: participantSchema.nullable().optional(),
})

/** A one-on-one meeting. */
export type OneOnOne = z.infer<typeof oneOnOneSchema>

/** `GET /api/oneonones` (its collection key is all lower case). */
export const oneOnOnesResponseSchema = z.looseObject({
  oneonones: z.array(oneOnOneSchema),
  pagination: paginationSchema,
})

/** The body of `GET /api/oneonones`. */
export type OneOnOnesResponse = z.infer<typeof oneOnOnesResponseSchema>
