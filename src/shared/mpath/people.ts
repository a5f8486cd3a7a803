import { z } from 'zod'

import { paginationSchema } from './pagination'
import { alwaysNull, idSchema, isoDateTimeSchema } from './primitives'

/** Person statuses the mpath forms offer; the server may hold others (e.g. `terminated`). */
export const PERSON_STATUSES = ['active', 'inactive', 'on_leave', 'terminated'] as const

/** A person status mpath's forms and sorting know about. */
export const personStatusSchema = z.enum(PERSON_STATUSES)

/** A known person status. */
export type PersonStatus = z.infer<typeof personStatusSchema>

/** Employee types (a database enum in mpath). */
export const employeeTypeSchema = z.enum(['FULL_TIME', 'PART_TIME', 'INTERN', 'CONSULTANT'])

/** One of mpath's employee types. */
export type EmployeeType = z.infer<typeof employeeTypeSchema>

/**
 * A person as `GET /api/people` lists them. `endDate` and `userId` are always `null` on the
 * server today; `status` stays an open string because mpath stores it as free text.
 */
export const personSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  /** Free-text job title, not an access role. */
  role: z.string().nullable(),
  status: z.string(),
  avatarUrl: z.string().nullable().optional(),
  startDate: isoDateTimeSchema.nullable().optional(),
  endDate: alwaysNull(isoDateTimeSchema),
  teamId: z.string().nullable(),
  managerId: z.string().nullable(),
  jobRoleId: z.string().nullable().optional(),
  organizationId: idSchema,
  userId: alwaysNull(z.string()),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  teamName: z.string().nullable().optional(),
  managerName: z.string().nullable().optional(),
  jobRoleTitle: z.string().nullable().optional(),
  /** Number of direct reports. */
  reportCount: z.number().int().nonnegative().optional(),
})

/** A person of the organization. */
export type Person = z.infer<typeof personSchema>

/** `GET /api/people`. */
export const peopleResponseSchema = z.looseObject({
  people: z.array(personSchema),
  pagination: paginationSchema,
})

/** The body of `GET /api/people`. */
export type PeopleResponse = z.infer<typeof peopleResponseSchema>
