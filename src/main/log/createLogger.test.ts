import { describe, expect, it, vi } from 'vitest'

import { createLogger, isLevelEnabled, type LogEntry } from './createLogger'
import { memoryLogSink } from './testing/memoryLogSink'
import { createTestLogger } from './testing/testLogger'

describe('createLogger', () => {
  it('tags child loggers with their area, nested areas joined by a slash', () => {
    const { logger, entries } = createTestLogger()
    logger.child('auth').info('Signed in')
    logger.child('auth').child('pending').debug('Attempt started')
    logger.warn('No area')
    expect(entries.map((entry) => [entry.area, entry.message])).toEqual([
      ['auth', '[auth] Signed in'],
      ['auth/pending', '[auth/pending] Attempt started'],
      [undefined, 'No area'],
    ])
  })

  it('drops entries below the minimum level', () => {
    const sink = memoryLogSink()
    const logger = createLogger(sink, { level: 'info' })
    logger.trace('t')
    logger.debug('d')
    logger.info('i')
    logger.warn('w')
    logger.error('e')
    expect(sink.entries.map((entry) => entry.level)).toEqual(['info', 'warn', 'error'])
  })

  it('defaults to info and stamps entries with the given time', () => {
    const sink = memoryLogSink()
    const logger = createLogger(sink, { now: () => 42 })
    logger.debug('hidden')
    logger.info('shown')
    expect(sink.entries).toEqual([{ level: 'info', time: 42, message: 'shown' }])
  })

  it('orders levels from trace to error', () => {
    expect(isLevelEnabled('error', 'trace')).toBe(true)
    expect(isLevelEnabled('debug', 'info')).toBe(false)
  })

  it('keeps the stack of an Error passed as context', () => {
    const { logger, entries } = createTestLogger()
    logger.error('Refresh failed', { error: new Error('boom') })
    const error = entries[0]?.context?.error as Error
    expect(error).toBeInstanceOf(Error)
    expect(error.stack).toContain('boom')
  })

  it('falls back to the console when the sink throws, still redacted', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const logger = createLogger({
      write: () => {
        throw new Error('disk full')
      },
    })
    expect(() => logger.error('Callback mpath://oauth/callback?code=abc')).not.toThrow()
    expect(consoleError).toHaveBeenCalledWith(
      'Log sink failed',
      'Callback mpath://oauth/callback?[redacted]',
      expect.any(Error),
    )
    consoleError.mockRestore()
  })
})

describe('S23: codes, tokens and Authorization headers never reach the log sink', () => {
  const secrets = ['abc', 'xyz', 'AT-secret-1', 'RT-secret-2', 'ID.tok.en3', 'cs-secret-4']

  function everything(entries: LogEntry[]): string {
    const sink = memoryLogSink()
    entries.forEach((entry) => sink.write(entry))

    return sink.text()
  }

  it('redacts the callback URL, the Authorization header and the token body', () => {
    const { logger, entries } = createTestLogger()
    const log = logger.child('auth')
    const callback = 'mpath://oauth/callback?code=abc&state=xyz'
    const tokenBody = JSON.stringify({
      access_token: 'AT-secret-1',
      refresh_token: 'RT-secret-2',
      id_token: 'ID.tok.en3',
      token_type: 'Bearer',
      expires_in: 3600,
    })

    log.info(`Received ${callback}`)
    log.info('Received callback', {
      url: callback,
      params: new URLSearchParams(callback.split('?')[1]),
    })
    log.debug('Token request', {
      headers: new Headers({ Authorization: 'Basic Y3Mtc2VjcmV0LTQ=' }),
      body: 'grant_type=refresh_token&refresh_token=RT-secret-2&client_secret=cs-secret-4',
    })
    log.debug('API request', { headers: { authorization: 'Bearer AT-secret-1' } })
    log.debug(`Raw header Authorization: Bearer AT-secret-1`)
    log.debug('Token response', { body: tokenBody })
    log.debug(`Token response ${tokenBody}`)
    log.error('Exchange failed', {
      error: Object.assign(new Error(`Unexpected body ${tokenBody} for ${callback}`), {
        response: { body: JSON.parse(tokenBody) as unknown },
      }),
    })

    const output = everything(entries)

    for (const secret of secrets) {
      expect(output).not.toContain(secret)
    }

    expect(output).toContain('mpath://oauth/callback?[redacted]')
    expect(output).toContain('"expires_in":3600')
  })
})
