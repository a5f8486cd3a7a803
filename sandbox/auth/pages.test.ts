import { describe, expect, it } from 'vitest'

import { escapeHtml, renderConsentPage, renderLoginPage } from './pages'

describe('pages', () => {
  it('labels the login fields and escapes what it echoes', () => {
    const html = renderLoginPage({
      action: '/interaction/abc/login',
      clientName: '<script>x</script>',
      email: '"onmouseover="alert(1)',
      error: 'Wrong.',
    })

    expect(html).toContain('<label for="email">Email</label>')
    expect(html).toContain('<label for="password">Password</label>')
    expect(html).toContain('>Sign in</button>')
    expect(html).not.toContain('<script>x</script>')
    expect(html).toContain('value="&quot;onmouseover=&quot;alert(1)"')
    expect(html).toContain('role="alert"')
  })

  it('shows the requested scopes with Allow and Deny', () => {
    const html = renderConsentPage({
      action: '/interaction/abc/confirm',
      clientName: 'mpath Desktop',
      accountEmail: 'ben@example.test',
      scopes: ['openid', 'read:tasks'],
    })

    expect(html).toContain('<code>read:tasks</code>')
    expect(html).toContain('value="allow">Allow</button>')
    expect(html).toContain('value="deny" class="secondary">Deny</button>')
  })

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})
