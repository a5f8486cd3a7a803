import { describe, expect, it } from 'vitest'

import { decideNavigation, hostsOf, type NavigationPolicy } from './navigationPolicy'

const packaged: NavigationPolicy = {
  ownOrigins: [],
  rendererFolderUrl: 'file:///opt/mpath%20Desktop/resources/app.asar/out/renderer',
  identityProviderHosts: () => ['clerk.example.com'],
}
const development: NavigationPolicy = { ...packaged, ownOrigins: ['http://localhost:5173'] }

describe('decideNavigation', () => {
  it.each([
    ['file:///opt/mpath%20Desktop/resources/app.asar/out/renderer/index.html', 'allow'],
    ['file:///opt/mpath%20Desktop/resources/app.asar/out/renderer/index.html#/tasks', 'allow'],
    ['file:///opt/mpath%20Desktop/resources/app.asar/out/renderer/../main/index.js', 'deny'],
    ['file:///opt/mpath%20Desktop/resources/app.asar/out/rendererX/index.html', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['https://www.mpath.dev/help', 'open-external'],
    ['https://docs.example.org/a?b=c', 'open-external'],
    ['http://example.com/', 'deny'],
    ['http://localhost:5173/', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['JavaScript:alert(1)', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny'],
    ['blob:https://www.mpath.dev/1234', 'deny'],
    ['mpath://oauth/callback?code=c&state=s', 'deny'],
    ['mpath://tasks/t1', 'deny'],
    ['about:blank', 'deny'],
    ['chrome://settings', 'deny'],
    ['ms-settings:privacy', 'deny'],
    ['smb://server/share', 'deny'],
    ['https://user:pass@www.mpath.dev/', 'deny'],
    ['https://accounts.google.com/o/oauth2/v2/auth?client_id=x', 'deny'],
    ['https://accounts.google.com/', 'deny'],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'deny'],
    ['https://clerk.example.com/oauth/authorize?client_id=x&response_type=code', 'deny'],
    ['https://clerk.example.com/sign-in', 'deny'],
    ['https://sub.clerk.example.com/', 'deny'],
    ['https://happy-otter-1.clerk.accounts.dev/oauth/authorize', 'deny'],
    ['https://evil.example/authorize?client_id=x&redirect_uri=mpath://oauth/callback', 'deny'],
    ['https://evil.example/x?response_type=code&client_id=x', 'deny'],
    ['not a url', 'deny'],
    ['', 'deny'],
    [`https://www.mpath.dev/${'a'.repeat(3000)}`, 'deny'],
  ])('%s → %s (packaged)', (url, action) => {
    expect(decideNavigation(url, packaged).action).toBe(action)
  })

  it('allows the development server only in development', () => {
    expect(decideNavigation('http://localhost:5173/src/main.tsx', development).action).toBe('allow')
    expect(decideNavigation('http://localhost:5173/', packaged).action).toBe('deny')
    expect(decideNavigation('http://localhost:5174/', development).action).toBe('deny')
  })

  it('never hands a sign-in page to a window or the browser on a page’s request (S20)', () => {
    for (const url of [
      'https://clerk.example.com/oauth/authorize?client_id=a&response_type=code&state=s',
      'https://accounts.google.com/o/oauth2/auth?client_id=a',
    ]) {
      const decision = decideNavigation(url, development)
      expect(decision.action).toBe('deny')
      expect(decision).toMatchObject({ reason: expect.stringMatching(/sign-in|authorization/) })
    }
  })

  it('says why it refused, without echoing the address', () => {
    const decision = decideNavigation('javascript:alert(document.cookie)', packaged)
    expect(decision).toEqual({
      action: 'deny',
      reason: 'javascript: addresses are never opened from a page',
    })
  })
})

describe('hostsOf', () => {
  it('keeps the hosts of valid URLs only', () => {
    expect(hostsOf(['https://Clerk.Example.com/x', undefined, 'nope'])).toEqual([
      'clerk.example.com',
    ])
  })
})
