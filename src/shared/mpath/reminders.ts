import { z } from 'zod'

import { idSchema, isoDateTimeSchema } from './primitives'

/** A pending task reminder; `id` is the delivery id that acknowledge and snooze take. */
export const reminderSchema = z.looseObject({
  id: idSchema,
  taskId: idSchema,
  taskTitle: z.string(),
  taskDueDate: isoDateTimeSchema,
  remindAt: isoDateTimeSchema,
})

/** A task reminder delivery. */
export type Reminder = z.infer<typeof reminderSchema>

/** `GET /api/task-reminders/due-now` and `/upcoming`, ordered by `remindAt`. */
export const remindersResponseSchema = z.looseObject({ reminders: z.array(reminderSchema) })

/** The body of the reminder lists. */
export type RemindersResponse = z.infer<typeof remindersResponseSchema>

/** The answer of `POST /api/task-reminders/acknowledge` and `/snooze`. */
export const reminderActionResponseSchema = z.looseObject({ success: z.boolean() })

/** Snooze lengths mpath offers, in minutes (any positive whole number is accepted). */
export const SNOOZE_PRESETS_MINUTES = [5, 60, 1440] as const

/** A snooze length in minutes: a positive whole number. */
export const snoozeMinutesSchema = z.number().int().positive()
