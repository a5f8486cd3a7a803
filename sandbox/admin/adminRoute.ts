import { z } from 'zod'

import { errorReply, jsonReply, type Reply } from '../api/http/reply'
import type { SandboxFaults, SandboxOptions } from '../types'
import { MAX_LATENCY_MS } from './commandLine'

const FAULTS_PATCH = z
  .object({
    latencyMs: z.number().min(0).max(MAX_LATENCY_MS),
    errorRates: z.record(z.string(), z.number().min(0).max(1)),
    malformedRoutes: z.array(z.string()),
    tokenEndpoint: z.enum(['ok', 'fail', 'timeout']),
    refreshInvalidGrant: z.boolean(),
    clockOffsetSeconds: z.number(),
    strictRevoke: z.boolean(),
    noWrites: z.boolean(),
  })
  .partial()
  .strict()

const OPTIONS_PATCH = z
  .object({
    accessTokenTtlSeconds: z.number().int().positive(),
    codeTtlSeconds: z.number().int().positive(),
  })
  .partial()
  .strict()

const ADMIN_BODY = z
  .object({ faults: FAULTS_PATCH.optional(), options: OPTIONS_PATCH.optional() })
  .strict()

/** A change the admin URL accepts: any subset of the faults and the two lifetimes. */
export type AdminChange = z.infer<typeof ADMIN_BODY>

/**
 * Merges a change into the live faults and options, which the authorization server and the
 * API read on every request. Top-level keys replace (so `errorRates: {}` clears every rate).
 */
export function applyAdminChange(
  change: AdminChange,
  live: { faults: SandboxFaults; options: SandboxOptions },
): void {
  Object.assign(live.faults, change.faults ?? {})
  Object.assign(live.options, change.options ?? {})
}

/** What the admin URL answers: the faults and lifetimes now in force. */
export function adminState(live: { faults: SandboxFaults; options: SandboxOptions }) {
  return {
    faults: live.faults,
    options: {
      accessTokenTtlSeconds: live.options.accessTokenTtlSeconds,
      codeTtlSeconds: live.options.codeTtlSeconds,
    },
  }
}

/** `GET` or `POST <apiUrl>/sandbox/admin`; the server lets only loopback clients reach it. */
export async function handleAdminRequest(input: {
  method: string
  readJson(): Promise<unknown>
  faults: SandboxFaults
  options: SandboxOptions
}): Promise<Reply> {
  if (input.method === 'GET') {
    return jsonReply(200, adminState(input))
  }

  if (input.method !== 'POST') {
    return errorReply(405, 'Use GET to read the faults or POST {"faults": {...}} to change them')
  }

  let body: unknown

  try {
    body = await input.readJson()
  } catch (_error) {
    return errorReply(400, 'The body must be JSON such as {"faults": {"latencyMs": 200}}')
  }

  const parsed = ADMIN_BODY.safeParse(body)

  if (!parsed.success) {
    const issue = parsed.error.issues[0]

    return errorReply(
      400,
      `Invalid admin change at ${issue?.path.join('.') || 'body'}: ${issue?.message}`,
    )
  }

  applyAdminChange(parsed.data, input)

  return jsonReply(200, adminState(input))
}
