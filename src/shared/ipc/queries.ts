import { z } from 'zod'

const id = z.string().min(1).max(64)
const text = z.string().max(200)
const isoDate = z.string().max(40)
const sortDirection = z.enum(['asc', 'desc'])

/** A window onto a long, locally filtered list: the renderer asks only for what it shows. */
const windowFields = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
}

/** Filters, sort and window for the cached tasks. `none` means "no initiative". */
export const taskQuerySchema = z.object({
  search: text.optional(),
  statuses: z.array(z.enum(['todo', 'doing', 'blocked', 'done', 'dropped'])).max(5).optional(),
  priorities: z.array(z.number().int().min(1).max(5)).max(5).optional(),
  assigneeIds: z.array(z.union([id, z.literal('unassigned')])).max(200).optional(),
  initiativeIds: z.array(z.union([id, z.literal('none')])).max(200).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z
    .object({
      field: z.enum(['status', 'dueDate', 'priority', 'assignee', 'title', 'createdAt']),
      direction: sortDirection,
    })
    .optional(),
  ...windowFields,
})

/** Filters, sort and window for the cached people. `none` means "no team" or "no manager". */
export const personQuerySchema = z.object({
  search: text.optional(),
  teamIds: z.array(z.union([id, z.literal('none')])).max(200).optional(),
  managerIds: z.array(z.union([id, z.literal('none')])).max(200).optional(),
  statuses: z.array(z.string().max(40)).max(10).optional(),
  sort: z
    .object({ field: z.enum(['name', 'team', 'manager', 'status']), direction: sortDirection })
    .optional(),
  ...windowFields,
})

/** Filters, sort and window for the cached initiatives. */
export const initiativeQuerySchema = z.object({
  search: text.optional(),
  rags: z.array(z.enum(['green', 'amber', 'red'])).max(3).optional(),
  statuses: z.array(z.string().max(40)).max(10).optional(),
  ownerId: id.optional(),
  sort: z
    .object({
      field: z.enum(['title', 'rag', 'targetDate', 'priority', 'updatedAt']),
      direction: sortDirection,
    })
    .optional(),
  ...windowFields,
})

/** Window and date range for the cached one-on-ones. */
export const oneOnOneQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  personId: id.optional(),
  ...windowFields,
})

/** A command-palette query over cached people, tasks and initiatives. */
export const searchQuerySchema = z.object({
  q: z.string().max(200),
  limit: z.number().int().min(1).max(50).default(20),
})

/** The fields a person may set when creating a task. */
export const taskDraftSchema = z.object({
  title: z.string().trim().min(1).max(1500),
  description: z.string().max(20_000).nullable().optional(),
  status: z.enum(['todo', 'doing', 'blocked', 'done', 'dropped']).optional(),
  priority: z.number().int().min(1).max(5).optional(),
  dueDate: isoDate.nullable().optional(),
  assigneeId: id.nullable().optional(),
  initiativeId: id.nullable().optional(),
})

/** A change to one task. */
export const taskPatchSchema = z.object({ id, patch: taskDraftSchema.partial() })

/** One item, by id. */
export const byIdSchema = z.object({ id })

export type TaskQuery = z.infer<typeof taskQuerySchema>
export type PersonQuery = z.infer<typeof personQuerySchema>
export type InitiativeQuery = z.infer<typeof initiativeQuerySchema>
export type OneOnOneQuery = z.infer<typeof oneOnOneQuerySchema>
export type SearchQuery = z.infer<typeof searchQuerySchema>
export type TaskDraft = z.infer<typeof taskDraftSchema>
export type TaskPatch = z.infer<typeof taskPatchSchema>

/** One window of a filtered list, and how many items match in all. */
export interface QueryPage<Item> {
  items: Item[]
  total: number
}

/** A command-palette hit. */
export interface PaletteResult {
  kind: 'person' | 'task' | 'initiative'
  id: string
  title: string
  subtitle?: string
}
