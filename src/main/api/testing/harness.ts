import { expect } from 'vitest'

import { AppError } from '../../../shared/errors/appError'
import { createApiClient, type ApiClient } from '../apiClient'
import { createFakeClock, settle, type FakeClock } from './fakeClock'
import { createFakeFetch, type FakeFetch } from './fakeFetch'
import { createFakeTokens, type FakeTokens } from './fakeTokens'
import { createMemoryLogger, type MemoryLogger } from './memoryLogger'

/** An API client wired to fakes, with helpers to run calls on the fake clock. */
export interface ClientHarness {
  api: ApiClient
  clock: FakeClock
  server: FakeFetch
  tokens: FakeTokens
  logger: MemoryLogger
  /** Awaits a call, letting fake time pass for retries and deadlines. */
  run<Result>(call: Promise<Result>): Promise<Result>
  /** Awaits a call that must fail, and answers its AppError. */
  failure(call: Promise<unknown>): Promise<AppError>
}

/** Base URL the harness's client talks to. */
export const BASE_URL = 'https://mpath.example.test'

/** Builds a client over a fake server, session, clock and logger. */
export function createClientHarness(
  options: {
    scopes?: readonly string[]
    tokens?: readonly string[]
    maxRetries?: number
    baseUrl?: string
  } = {},
): ClientHarness {
  const clock = createFakeClock()
  const server = createFakeFetch()
  const tokens = createFakeTokens(options.tokens, options.scopes)
  const logger = createMemoryLogger()
  const api = createApiClient({
    baseUrl: options.baseUrl ?? BASE_URL,
    tokens,
    fetch: server.fetch,
    clock,
    logger,
    timeoutMs: 5_000,
    maxRetries: options.maxRetries,
  })

  return {
    api,
    clock,
    server,
    tokens,
    logger,
    run: (call) => settle(call, clock),
    async failure(call) {
      try {
        await settle(call, clock)
      } catch (error) {
        expect(error).toBeInstanceOf(AppError)

        return error as AppError
      }

      throw new Error('The call succeeded but was expected to fail.')
    },
  }
}
