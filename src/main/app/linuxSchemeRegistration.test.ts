import { describe, expect, it, vi } from 'vitest'

import { createTestLogger } from '../log/testing/testLogger'
import type { CommandRunner } from './commandRunner'
import { planLinuxSchemeRegistration, URL_HANDLER_DESKTOP_FILE } from './linuxDesktopEntry'
import { applyLinuxSchemeRegistration, type TextFiles } from './linuxSchemeRegistration'

function memoryFiles(): TextFiles & { files: Map<string, string>; writes: number } {
  const files = new Map<string, string>()
  const memory = {
    files,
    writes: 0,
    read: async (path: string) => files.get(path),
    write: async (path: string, text: string) => {
      memory.writes += 1
      files.set(path, text)
    },
  }

  return memory
}

// A fake xdg-mime that remembers the default handler.
function fakeXdgMime(initial?: string) {
  let current = initial
  const run = vi.fn<CommandRunner>(async (_file, args) => {
    if (args[0] === 'default') {
      current = args[1]

      return { stdout: '', stderr: '' }
    }

    return { stdout: current === undefined ? '' : `${current}\n`, stderr: '' }
  })

  return { run, current: () => current }
}

const plan = planLinuxSchemeRegistration({
  env: { APPIMAGE: '/home/u/Apps/mPath.AppImage' },
  isPackaged: true,
  home: '/home/u',
})

describe('applyLinuxSchemeRegistration', () => {
  it('writes the entry and makes it the default, so xdg-mime names it (S1)', async () => {
    const files = memoryFiles()
    const xdg = fakeXdgMime('other-app.desktop')
    const { logger } = createTestLogger()

    await expect(applyLinuxSchemeRegistration(plan, { files, run: xdg.run, logger })).resolves.toBe(
      'registered',
    )
    expect(xdg.current()).toBe(URL_HANDLER_DESKTOP_FILE)
    expect(xdg.run).toHaveBeenCalledWith('xdg-mime', [
      'default',
      URL_HANDLER_DESKTOP_FILE,
      'x-scheme-handler/mpath',
    ])
    expect([...files.files.values()][0]).toContain('Exec="/home/u/Apps/mPath.AppImage" %u')
  })

  it('changes nothing when run again (S2)', async () => {
    const files = memoryFiles()
    const xdg = fakeXdgMime()
    const { logger } = createTestLogger()
    await applyLinuxSchemeRegistration(plan, { files, run: xdg.run, logger })
    xdg.run.mockClear()

    await expect(applyLinuxSchemeRegistration(plan, { files, run: xdg.run, logger })).resolves.toBe(
      'unchanged',
    )
    expect(files.writes).toBe(1)
    expect(xdg.run.mock.calls.map(([, args]) => args[0])).toEqual(['query'])
  })

  it('rewrites the entry when the AppImage moved', async () => {
    const files = memoryFiles()
    const xdg = fakeXdgMime()
    const { logger } = createTestLogger()
    await applyLinuxSchemeRegistration(plan, { files, run: xdg.run, logger })
    const moved = planLinuxSchemeRegistration({
      env: { APPIMAGE: '/home/u/Downloads/mPath.AppImage' },
      isPackaged: true,
      home: '/home/u',
    })

    await expect(
      applyLinuxSchemeRegistration(moved, { files, run: xdg.run, logger }),
    ).resolves.toBe('registered')
    expect([...files.files.values()][0]).toContain('/home/u/Downloads/mPath.AppImage')
  })

  it('inside Flatpak touches nothing and logs why (S4)', async () => {
    const files = memoryFiles()
    const xdg = fakeXdgMime()
    const { logger, entries } = createTestLogger()
    const flatpak = planLinuxSchemeRegistration({
      env: { FLATPAK_ID: 'dev.mpath.desktop' },
      isPackaged: true,
      home: '/home/u',
    })

    await expect(
      applyLinuxSchemeRegistration(flatpak, { files, run: xdg.run, logger }),
    ).resolves.toBe('skipped')
    expect(files.writes).toBe(0)
    expect(xdg.run).not.toHaveBeenCalled()
    expect(entries.some((entry) => /Flatpak/.test(JSON.stringify(entry.context)))).toBe(true)
  })
})
