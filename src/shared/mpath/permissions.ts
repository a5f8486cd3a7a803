import { z } from 'zod'

/**
 * `GET /api/command-palette/permissions`: what the caller may create, as UI guidance (the
 * server's own checks remain the final word).
 */
export const commandPalettePermissionsSchema = z.looseObject({
  'task.create': z.boolean().default(false),
  'initiative.create': z.boolean().default(false),
  'feedback.create': z.boolean().default(false),
  'oneonone.create': z.boolean().default(false),
  'feedback-campaign.create': z.boolean().default(false),
  'report.create': z.boolean().default(false),
  isAdmin: z.boolean().default(false),
})

/** The caller's create permissions. */
export type CommandPalettePermissions = z.infer<typeof commandPalettePermissionsSchema>

/** The body of `GET /api/command-palette/permissions`. */
export const commandPalettePermissionsResponseSchema = z.looseObject({
  permissions: commandPalettePermissionsSchema,
})

/** `GET /api/permissions/check?action=&id=`. */
export const permissionCheckSchema = z.looseObject({ hasPermission: z.boolean() })

/** The answer of a single permission check. */
export type PermissionCheck = z.infer<typeof permissionCheckSchema>
