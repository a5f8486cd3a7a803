import { beforeEach, describe, expect, it, vi } from 'vitest'

const backend = vi.hoisted(() => {
  const log = {
    transports: {
      file: {
        level: 'silly',
        maxSize: 0,
        getFile: () => ({ path: '/home/u/.config/mpath/logs/main.log' }),
      },
      console: { level: 'silly' },
    },
    hooks: [] as Array<(message: { data: unknown[] }) => { data: unknown[] }>,
    silly: vi.fn(),
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  }

  return log
})

vi.mock('electron-log/main', () => ({ default: backend, ...backend }))

const { createElectronLogSink, LOG_FILE_MAX_BYTES, logFolderPath } = await import(
  './electronLogSink'
)

describe('createElectronLogSink', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('logs at info in production and debug in development, with file rotation', () => {
    expect(createElectronLogSink({ isDevelopment: false }).level).toBe('info')
    expect(backend.transports.file.level).toBe('info')
    expect(backend.transports.console.level).toBe('info')
    expect(backend.transports.file.maxSize).toBe(LOG_FILE_MAX_BYTES)

    expect(createElectronLogSink({ isDevelopment: true }).level).toBe('debug')
    expect(backend.transports.file.level).toBe('debug')
  })

  it('maps levels and passes message and context', () => {
    const sink = createElectronLogSink({ isDevelopment: true })
    sink.write({ level: 'trace', time: 0, message: '[a] t' })
    sink.write({ level: 'warn', time: 0, message: '[a] w', context: { id: 1 } })
    expect(backend.silly).toHaveBeenCalledWith('[a] t')
    expect(backend.warn).toHaveBeenCalledWith('[a] w', { id: 1 })
  })

  it('redacts again in a hook, for what electron-log writes on its own', () => {
    createElectronLogSink({ isDevelopment: false })
    createElectronLogSink({ isDevelopment: true })
    expect(backend.hooks).toHaveLength(1)
    const hook = backend.hooks[0]
    expect(hook?.({ data: ['mpath://oauth/callback?code=abc', { token: 'abc' }] })).toEqual({
      data: ['mpath://oauth/callback?[redacted]', { token: '[redacted]' }],
    })
  })

  it('names the log folder', () => {
    expect(logFolderPath()).toBe('/home/u/.config/mpath/logs')
    expect(createElectronLogSink({ isDevelopment: false }).logFolder()).toBe(
      '/home/u/.config/mpath/logs',
    )
  })
})
