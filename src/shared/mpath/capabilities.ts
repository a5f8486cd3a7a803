import { z } from 'zod'

/**
 * `GET /api/capabilities`: extensions a server announces. Real mpath has no such route (a
 * 404), which the client reads as "no extensions".
 */
export const capabilitiesSchema = z.looseObject({
  taskWrites: z.boolean().default(false),
})

/** What the connected server offers beyond mpath's read-only REST API. */
export type Capabilities = z.infer<typeof capabilitiesSchema>

/** `GET /api/health` (no authentication). */
export const healthSchema = z.looseObject({
  status: z.string(),
  timestamp: z.union([z.string(), z.number()]).optional(),
  uptime: z.number().optional(),
})

/** The server's health answer. */
export type Health = z.infer<typeof healthSchema>
