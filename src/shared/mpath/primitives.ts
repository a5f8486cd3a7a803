import { z } from 'zod'

/**
 * An instant as mpath serialises it: ISO-8601 with `Z` or an offset
 * (`2026-02-26T12:03:46.000Z`). A bare date (`2026-03-01`) is read too, so a server that
 * sends a day without a time does not make a whole list unreadable.
 */
export const isoDateTimeSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()])

/** An mpath identifier (a Prisma cuid, or a Clerk id for users and organizations). */
export const idSchema = z.string().min(1)

/**
 * A field the server always sends as `null` today but that its data model could fill one day.
 * Accepts `null`, absence, or a value of the given shape, so a server upgrade breaks nothing.
 */
export function alwaysNull<Schema extends z.ZodType>(schema: Schema) {
  return schema.nullable().optional()
}
