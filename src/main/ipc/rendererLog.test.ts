import { describe, expect, it } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { createRendererLog } from './rendererLog'

const clockAt = (time: { now: number }) => ({
  now: () => time.now,
  setTimeout: () => ({ cancel: () => undefined }),
})

describe('createRendererLog', () => {
  it('keeps a renderer entry on one line, so a page cannot forge main log lines', () => {
    const { logger, entries } = createTestLogger()
    const write = createRendererLog(logger.child('renderer'), clockAt({ now: 0 }))

    write({ level: 'error', message: 'x\n[auth] signed in as ada\r\u2028done' })

    expect(entries).toHaveLength(1)
    expect(entries[0]?.message).not.toMatch(/[\n\r\u2028]/)
    expect(entries[0]?.message).toContain('x [auth] signed in as ada done')
  })

  it('drops a flood past the rate limit and says how many it dropped', () => {
    const { logger, entries } = createTestLogger()
    const time = { now: 0 }
    const write = createRendererLog(logger, clockAt(time))

    for (let index = 0; index < 1000; index += 1) {
      write({ level: 'info', message: `entry ${index}` })
    }

    expect(entries).toHaveLength(100)

    time.now = 10_000
    write({ level: 'info', message: 'after the window' })

    expect(entries.map((entry) => entry.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Dropped renderer log entries')]),
    )
    expect(entries.at(-1)?.message).toContain('after the window')
  })
})
