import { describe, expect, it } from 'vitest'

import { CommandLineError, parseCommandLine } from './commandLine'

describe('parseCommandLine', () => {
  it('reads every flag', () => {
    const request = parseCommandLine([
      '--auth-port',
      '0',
      '--api-port',
      '0',
      '--loopback-port',
      '8123',
      '--compat',
      'real',
      '--latency',
      '250',
      '--error-rate',
      '/api/tasks=0.5',
      '--error-rate',
      '/api/people=1',
      '--malformed',
      '/api/teams',
      '--token-endpoint',
      'timeout',
      '--refresh',
      'invalid_grant',
      '--clock-offset=-300',
      '--access-ttl',
      '60',
      '--code-ttl',
      '30',
      '--no-writes',
      '--strict-revoke',
      '--scale',
      'tasks=100000',
      '--data',
      '/tmp/sandbox-data',
    ])

    expect(request.options).toEqual({
      authPort: 0,
      apiPort: 0,
      loopbackPort: 8123,
      compat: 'real',
      accessTokenTtlSeconds: 60,
      codeTtlSeconds: 30,
      scale: { tasks: 100000 },
      dataDir: '/tmp/sandbox-data',
    })
    expect(request.faults).toEqual({
      latencyMs: 250,
      errorRates: { '/api/tasks': 0.5, '/api/people': 1 },
      malformedRoutes: ['/api/teams'],
      tokenEndpoint: 'timeout',
      refreshInvalidGrant: true,
      clockOffsetSeconds: -300,
      noWrites: true,
      strictRevoke: true,
    })
    expect(request.showHelp).toBe(false)
  })

  it.each([
    [['--bogus']],
    [['--compat', 'fake']],
    [['--api-port', '70000']],
    [['--latency', 'slow']],
    [['--error-rate', '/api/tasks']],
    [['--error-rate', '/api/tasks=2']],
    [['--scale', 'people=5']],
    [['--refresh', 'maybe']],
    [['--access-ttl', '0']],
    [['positional']],
  ])('refuses %j with a one-line CommandLineError', (argv) => {
    expect(() => parseCommandLine(argv)).toThrow(CommandLineError)

    try {
      parseCommandLine(argv)
    } catch (error) {
      expect((error as Error).message).not.toContain('\n')
    }
  })
})

describe('the latency bound', () => {
  it('refuses a latency longer than a timer can hold, instead of silently using 1 ms', () => {
    expect(() => parseCommandLine(['--latency', '99999999999'])).toThrow(/at most 600000 ms/)
  })
})
