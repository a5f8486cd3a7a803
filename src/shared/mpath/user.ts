import { z } from 'zod'

import { idSchema } from './primitives'

/**
 * Who the token belongs to, as mpath maps the Clerk user (`UserBrief`). Organization and
 * person fields are `null` for a user in no organization or without a linked person record.
 */
export const currentUserSchema = z.looseObject({
  email: z.string().nullable(),
  name: z.string().nullable(),
  clerkUserId: z.string().nullable(),
  clerkOrganizationId: z.string().nullable(),
  managerOSUserId: idSchema,
  managerOSOrganizationId: z.string().nullable(),
  /** The caller's own person id: "me" for task and one-on-one filters. */
  managerOSPersonId: z.string().nullable(),
  /** `admin` or `user` for a bearer token; `null` when no membership was found. */
  role: z.string().nullable(),
})

/** The signed-in user as mpath knows them. */
export type CurrentUser = z.infer<typeof currentUserSchema>

/** `GET /api/user/current`. */
export const currentUserResponseSchema = z.looseObject({ user: currentUserSchema })

/** The body of `GET /api/user/current`. */
export type CurrentUserResponse = z.infer<typeof currentUserResponseSchema>
