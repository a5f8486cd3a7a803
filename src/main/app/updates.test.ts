import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import { decideUpdates, startUpdates, type Updater } from './updates'

const base = { isPackaged: true, env: {}, resourcesPath: '/app/resources', fileExists: () => false }

describe('decideUpdates', () => {
  it('is off in development, even with a feed', () => {
    expect(
      decideUpdates({
        ...base,
        isPackaged: false,
        env: { MPATH_UPDATE_URL: 'https://u.example/' },
        fileExists: () => true,
      }),
    ).toEqual({ isEnabled: false, reason: 'development build' })
  })

  it('is off without a feed', () => {
    expect(decideUpdates(base)).toMatchObject({
      isEnabled: false,
      reason: 'no update feed is configured',
    })
  })

  it('is on with app-update.yml or an https feed', () => {
    expect(
      decideUpdates({ ...base, fileExists: (path) => path === '/app/resources/app-update.yml' }),
    ).toEqual({
      isEnabled: true,
    })
    expect(decideUpdates({ ...base, env: { MPATH_UPDATE_URL: 'https://u.example/feed' } })).toEqual(
      {
        isEnabled: true,
        feedUrl: 'https://u.example/feed',
      },
    )
  })

  it('refuses a plain-http feed and honours MPATH_UPDATES=off', () => {
    expect(
      decideUpdates({ ...base, env: { MPATH_UPDATE_URL: 'http://u.example/' } }),
    ).toMatchObject({ isEnabled: false })
    expect(
      decideUpdates({ ...base, env: { MPATH_UPDATES: 'off' }, fileExists: () => true }),
    ).toMatchObject({
      isEnabled: false,
    })
  })
})

function fakeUpdater() {
  const listeners = new Map<string, (value: never) => void>()
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: vi.fn((event: string, listener: (value: never) => void) => listeners.set(event, listener)),
  }

  return {
    updater,
    emit: (event: string, value: unknown) => listeners.get(event)?.(value as never),
  }
}

describe('startUpdates', () => {
  it('never loads the updater when updates are off', async () => {
    const loadUpdater = vi.fn()
    await startUpdates({
      decision: { isEnabled: false, reason: 'development build' },
      loadUpdater,
      askToRestart: vi.fn(),
      logger: createTestLogger().logger,
    })
    expect(loadUpdater).not.toHaveBeenCalled()
  })

  it('restarts only when the person chooses to', async () => {
    const { updater, emit } = fakeUpdater()
    const askToRestart = vi.fn(async () => false)
    await startUpdates({
      decision: { isEnabled: true, feedUrl: 'https://u.example/' },
      loadUpdater: async () => updater as unknown as Updater,
      askToRestart,
      logger: createTestLogger().logger,
    })
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://u.example/',
    })
    expect(updater.checkForUpdates).toHaveBeenCalled()

    emit('update-downloaded', { version: '2.0.0' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(askToRestart).toHaveBeenCalledWith('2.0.0')
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
    expect(updater.autoInstallOnAppQuit).toBe(true)

    askToRestart.mockResolvedValueOnce(true)
    emit('update-downloaded', { version: '2.0.1' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1)
  })
})
