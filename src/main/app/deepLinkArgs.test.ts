import { describe, expect, it } from 'vitest'

import { extractDeepLinks, scanDeepLinkArgs } from './deepLinkArgs'

const CALLBACK = 'mpath://oauth/callback?code=C&state=S'

describe('S5: a cold start carries the link only in argv', () => {
  it('takes the one link after the marker on Windows (packaged)', () => {
    expect(extractDeepLinks(['mpath.exe', '--protocol-launcher', '--', CALLBACK], 'win32')).toEqual(
      [CALLBACK],
    )
  })

  it('takes it in development, after the app path, on Windows', () => {
    const argv = [
      'C:\\e\\electron.exe',
      'C:\\My App\\out\\main\\index.js',
      '--protocol-launcher',
      '--',
      CALLBACK,
    ]
    expect(extractDeepLinks(argv, 'win32')).toEqual([CALLBACK])
  })

  it('tolerates switches Chromium inserts before "--" on Windows', () => {
    const argv = [
      'mpath.exe',
      '--protocol-launcher',
      '--allow-file-access-from-files',
      '--',
      CALLBACK,
    ]
    expect(extractDeepLinks(argv, 'win32')).toEqual([CALLBACK])
  })

  it('takes the link argument on Linux and macOS', () => {
    expect(extractDeepLinks(['/opt/mpath/mpath', CALLBACK], 'linux')).toEqual([CALLBACK])
    expect(extractDeepLinks(['/usr/bin/electron', '/src/app', CALLBACK], 'darwin')).toEqual([
      CALLBACK,
    ])
  })

  it('finds nothing in a plain start', () => {
    expect(scanDeepLinkArgs(['mpath.exe'], 'win32')).toEqual({ urls: [] })
    expect(scanDeepLinkArgs(['/opt/mpath/mpath', '--enable-logging'], 'linux')).toEqual({
      urls: [],
    })
  })
})

describe('S11: crafted links cannot inject flags', () => {
  it('refuses a link with quotes and a flag as one argument', () => {
    const scan = scanDeepLinkArgs(
      ['mpath.exe', '--protocol-launcher', '--', 'mpath://x" --inspect=9229 "'],
      'win32',
    )
    expect(scan.urls).toEqual([])
    expect(scan.rejected).toContain('spaces, quotes')
  })

  it('refuses everything when the link was split into several arguments', () => {
    const scan = scanDeepLinkArgs(
      ['mpath.exe', '--protocol-launcher', '--', 'mpath://x', '--inspect=9229', ''],
      'win32',
    )
    expect(scan).toEqual({
      urls: [],
      rejected: 'expected exactly one link after "--", found 3 arguments',
    })
  })

  it('refuses two links after the marker', () => {
    const scan = scanDeepLinkArgs(
      ['mpath.exe', '--protocol-launcher', '--', CALLBACK, 'mpath://tasks/t1'],
      'win32',
    )
    expect(scan.urls).toEqual([])
    expect(scan.rejected).toContain('found 2 arguments')
  })

  it('refuses a flag where the link should be', () => {
    const scan = scanDeepLinkArgs(
      ['mpath.exe', '--protocol-launcher', '--', '--inspect=9229'],
      'win32',
    )
    expect(scan.urls).toEqual([])
    expect(scan.rejected).toContain('does not start with mpath://')
  })

  it('refuses a link without the marker or without "--" on Windows', () => {
    expect(scanDeepLinkArgs(['mpath.exe', CALLBACK], 'win32').rejected).toContain(
      'without --protocol-launcher',
    )
    expect(
      scanDeepLinkArgs(['mpath.exe', '--protocol-launcher', CALLBACK], 'win32').rejected,
    ).toContain('not followed by "--"')
    expect(
      scanDeepLinkArgs(['mpath.exe', '--', '--protocol-launcher', CALLBACK], 'win32').rejected,
    ).toContain('not followed by "--"')
  })

  it('ignores flags around the link on Linux and refuses two links', () => {
    expect(
      extractDeepLinks(['/opt/mpath/mpath', '--', '--inspect=9229', CALLBACK], 'linux'),
    ).toEqual([CALLBACK])
    expect(scanDeepLinkArgs(['/opt/mpath/mpath', CALLBACK, 'mpath://tasks/t1'], 'linux')).toEqual({
      urls: [],
      rejected: 'expected one link, found 2',
    })
  })

  it('never takes a flag that merely contains a link', () => {
    expect(extractDeepLinks(['/opt/mpath/mpath', `--open=${CALLBACK}`], 'linux')).toEqual([])
  })
})
