import { z } from 'zod'

export { DEFAULT_REDIRECT_URI, DEFAULT_SCOPES, WRITE_TASKS_SCOPE } from './defaults'
import { DEFAULT_REDIRECT_URI, DEFAULT_SCOPES } from './defaults'

/**
 * The values an administrator hands out to connect the app to an organization. The client
 * secret never appears here: it is sealed in the vault, and only `hasClientSecret` crosses IPC.
 */
export const connectionProfileSchema = z.object({
  /** Clerk Frontend API URL, which is the OAuth issuer. */
  issuer: z.string().min(1),
  /** Base URL of the mpath server whose REST API the app reads. */
  apiUrl: z.string().min(1),
  clientId: z.string().min(1),
  redirectUri: z.string().min(1).default(DEFAULT_REDIRECT_URI),
  /** Loopback redirect registered for the client, e.g. http://127.0.0.1:7073/oauth/callback. */
  loopbackRedirectUri: z.string().min(1).optional(),
  scopes: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_SCOPES]),
  /** Whether a confidential client secret is sealed for this profile. */
  hasClientSecret: z.boolean().default(false),
})

/** A validated connection profile. */
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>
