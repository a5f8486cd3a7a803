import { z } from 'zod'

import { paginationSchema } from './pagination'
import { idSchema, isoDateTimeSchema } from './primitives'

/** Initiative statuses; `canceled` is spelled with one "l". */
export const initiativeStatusSchema = z.enum([
  'planned',
  'in_progress',
  'paused',
  'done',
  'canceled',
])

/** One of mpath's initiative statuses. */
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>

/** Red/amber/green health of an initiative. */
export const ragSchema = z.enum(['green', 'amber', 'red'])

/** An initiative's RAG rating. */
export type Rag = z.infer<typeof ragSchema>

/** Initiative sizes (not returned by the list; kept for forms). */
export const initiativeSizeSchema = z.enum(['xs', 's', 'm', 'l', 'xl'])

/** One of mpath's initiative sizes. */
export type InitiativeSize = z.infer<typeof initiativeSizeSchema>

/** The role a person plays on an initiative. */
export const initiativeOwnerRoleSchema = z.enum(['owner', 'sponsor', 'collaborator'])

/** One of the initiative owner roles. */
export type InitiativeOwnerRole = z.infer<typeof initiativeOwnerRoleSchema>

/** An objective, embedded in its initiative and ordered by `sortIndex`. */
export const objectiveSchema = z.looseObject({
  id: idSchema,
  initiativeId: idSchema,
  title: z.string(),
  keyResult: z.string().nullable(),
  sortIndex: z.number().int(),
})

/** An objective of an initiative. */
export type Objective = z.infer<typeof objectiveSchema>

/** The person row embedded in an owner (the server sends the whole database row). */
const ownerPersonSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable().optional(),
  avatar: z.string().nullable().optional(),
})

/** A person attached to an initiative, with their role on it. */
export const initiativeOwnerSchema = z.looseObject({
  initiativeId: idSchema,
  personId: idSchema,
  role: z.string(),
  person: ownerPersonSchema.optional(),
})

/** An owner, sponsor or collaborator of an initiative. */
export type InitiativeOwner = z.infer<typeof initiativeOwnerSchema>

/**
 * An initiative as `GET /api/initiatives` lists it. `tasks` is a synthetic progress array
 * (`done` entries first), not the real tasks; `status` and `rag` stay open strings.
 */
export const initiativeSchema = z.looseObject({
  id: idSchema,
  title: z.string(),
  summary: z.string().nullable(),
  outcome: z.string().nullable().optional(),
  status: z.string(),
  rag: z.string(),
  confidence: z.number(),
  priority: z.number().int(),
  startDate: isoDateTimeSchema.nullable(),
  targetDate: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable().optional(),
  organizationId: idSchema,
  objectives: z.array(objectiveSchema).default([]),
  owners: z.array(initiativeOwnerSchema).default([]),
  team: z.looseObject({ id: idSchema, name: z.string().nullable() }).nullable().optional(),
  _count: z
    .looseObject({
      tasks: z.number().int().nonnegative(),
      checkIns: z.number().int().nonnegative(),
    })
    .optional(),
  tasks: z.array(z.looseObject({ status: z.string() })).optional(),
})

/** An initiative with its objectives and owners. */
export type Initiative = z.infer<typeof initiativeSchema>

/** `GET /api/initiatives`. */
export const initiativesResponseSchema = z.looseObject({
  initiatives: z.array(initiativeSchema),
  pagination: paginationSchema,
})

/** The body of `GET /api/initiatives`. */
export type InitiativesResponse = z.infer<typeof initiativesResponseSchema>
