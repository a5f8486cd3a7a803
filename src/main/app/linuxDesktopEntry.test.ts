import { describe, expect, it } from 'vitest'

import {
  appImageDesktopEntry,
  desktopExecLine,
  lintDesktopEntry,
  parseDesktopEntry,
  planLinuxSchemeRegistration,
  SCHEME_MIME_TYPE,
  URL_HANDLER_DESKTOP_FILE,
} from './linuxDesktopEntry'

const home = '/home/u'

describe('planLinuxSchemeRegistration', () => {
  it('writes a user-level entry pointing at the AppImage, never its mount (S1, S2)', () => {
    const plan = planLinuxSchemeRegistration({
      env: { APPIMAGE: '/home/u/Apps/mPath.AppImage', APPDIR: '/tmp/.mount_x' },
      isPackaged: true,
      home,
    })
    expect(plan).toMatchObject({
      kind: 'appimage',
      desktopFile: URL_HANDLER_DESKTOP_FILE,
      path: '/home/u/.local/share/applications/mpath-desktop-url-handler.desktop',
    })

    if (plan.kind !== 'appimage') {
      throw new Error('expected an AppImage plan')
    }

    const entry = parseDesktopEntry(plan.contents)
    expect(entry.get('Exec')).toBe('"/home/u/Apps/mPath.AppImage" %u')
    expect(entry.get('MimeType')).toBe('x-scheme-handler/mpath;')
    expect(plan.contents).not.toContain('/tmp/.mount_')
    expect(lintDesktopEntry(plan.contents)).toEqual([])
  })

  it('honours XDG_DATA_HOME', () => {
    const plan = planLinuxSchemeRegistration({
      env: { APPIMAGE: '/opt/a.AppImage', XDG_DATA_HOME: '/data' },
      isPackaged: true,
      home,
    })
    expect(plan).toMatchObject({ path: '/data/applications/mpath-desktop-url-handler.desktop' })
  })

  it('skips runtime registration inside Flatpak and says why (S4)', () => {
    const plan = planLinuxSchemeRegistration({
      env: { FLATPAK_ID: 'dev.mpath.desktop', APPIMAGE: '/x.AppImage' },
      isPackaged: true,
      home,
    })
    expect(plan).toEqual({ kind: 'skip', reason: expect.stringContaining('Flatpak') })
  })

  it('leaves a deb install to its packaged entry', () => {
    expect(planLinuxSchemeRegistration({ env: {}, isPackaged: true, home })).toEqual({
      kind: 'packaged',
      desktopFile: 'mpath-desktop.desktop',
    })
  })

  it('registers nothing from a development run', () => {
    expect(planLinuxSchemeRegistration({ env: {}, isPackaged: false, home })).toMatchObject({
      kind: 'skip',
    })
  })

  it('refuses a relative APPIMAGE path', () => {
    expect(
      planLinuxSchemeRegistration({ env: { APPIMAGE: 'a.AppImage' }, isPackaged: true, home }),
    ).toMatchObject({ kind: 'skip' })
  })
})

describe('desktopExecLine', () => {
  it.each([
    ['/home/u/Apps/mPath.AppImage', '"/home/u/Apps/mPath.AppImage" %u'],
    ['/home/u/My Apps/mpath.AppImage', '"/home/u/My Apps/mpath.AppImage" %u'],
    ['/home/u/a"b/m.AppImage', '"/home/u/a\\\\"b/m.AppImage" %u'],
    ['/home/u/$HOME/m.AppImage', '"/home/u/\\\\$HOME/m.AppImage" %u'],
    ['/home/u/100%/m.AppImage', '"/home/u/100%%/m.AppImage" %u'],
    ['/home/u/back\\slash', '"/home/u/back\\\\\\\\slash" %u'],
  ])('quotes %s', (path, line) => {
    expect(desktopExecLine(path)).toBe(line)
  })

  it('refuses a path with a line break, which would inject entry keys', () => {
    expect(() => desktopExecLine('/a\nExec=evil')).toThrow(/line break/)
  })
})

describe('lintDesktopEntry (S3)', () => {
  const entry = (exec: string, mime = `${SCHEME_MIME_TYPE};`) =>
    `[Desktop Entry]\nType=Application\nName=mpath Desktop\nExec=${exec}\nMimeType=${mime}\n`

  it('accepts %u and %U', () => {
    expect(lintDesktopEntry(entry('"/opt/mpath Desktop/mpath-desktop" %U'))).toEqual([])
    expect(lintDesktopEntry(entry('/usr/bin/mpath-desktop %u'))).toEqual([])
  })

  it('fails an Exec that does not pass the link', () => {
    expect(lintDesktopEntry(entry('/usr/bin/mpath-desktop'))).toEqual([
      'Exec does not pass the link (%u or %U)',
    ])
    expect(lintDesktopEntry(entry('/usr/bin/mpath-desktop %%u'))).toContain(
      'Exec does not pass the link (%u or %U)',
    )
    expect(lintDesktopEntry(entry('/usr/bin/mpath-desktop %f'))).toHaveLength(1)
  })

  it('fails an entry that does not declare the scheme', () => {
    expect(lintDesktopEntry(entry('/usr/bin/x %u', 'text/plain;'))).toEqual([
      'MimeType does not declare x-scheme-handler/mpath',
    ])
  })

  it('fails an Exec inside an AppImage mount', () => {
    expect(lintDesktopEntry(entry('/tmp/.mount_abc/mpath %u'))).toEqual([
      "Exec points into an AppImage's temporary mount",
    ])
  })

  it('reads only the [Desktop Entry] group', () => {
    const text = `${entry('/usr/bin/x')}\n[Desktop Action New]\nExec=/usr/bin/x %u\n`
    expect(lintDesktopEntry(text)).toContain('Exec does not pass the link (%u or %U)')
  })

  it('passes the AppImage entry', () => {
    expect(lintDesktopEntry(appImageDesktopEntry('/home/u/mPath.AppImage'))).toEqual([])
  })
})
