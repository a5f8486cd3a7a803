import { describeScope } from './scopes'

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1f2328; margin: 0; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem;
    border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
  input { width: 100%; box-sizing: border-box; padding: 0.5rem; font-size: 1rem;
    border: 1px solid #8c959f; border-radius: 4px; }
  button { margin-top: 1.25rem; padding: 0.6rem 1.2rem; font-size: 1rem; border-radius: 4px;
    border: 1px solid #0969da; background: #0969da; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0969da; margin-left: 0.5rem; }
  button:focus-visible, input:focus-visible { outline: 3px solid #fb8f44; outline-offset: 2px; }
  .error { color: #a40e26; background: #ffebe9; padding: 0.5rem; border-radius: 4px; }
  .note { color: #57606a; font-size: 0.9rem; }
`

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · mpath sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`
}

function errorBlock(error: string | undefined): string {
  return error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`
}

/** The sign-in page: Email, Password, Sign in. */
export function renderLoginPage(input: {
  action: string
  clientName: string
  email?: string
  error?: string
}): string {
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(input.clientName)}</strong></p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" data-page="login">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus
  value="${escapeHtml(input.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="note">Local sandbox: the accounts are listed in its ready document.</p>`,
  )
}

/** The consent page: who asks, for what, with Allow and Deny. */
export function renderConsentPage(input: {
  action: string
  clientName: string
  accountEmail: string
  scopes: readonly string[]
}): string {
  const items = input.scopes
    .map(
      (scope) => `<li>${escapeHtml(describeScope(scope))} <code>${escapeHtml(scope)}</code></li>`,
    )
    .join('\n')

  return layout(
    'Allow access',
    `<h1>Allow access</h1>
<p><strong>${escapeHtml(input.clientName)}</strong> wants to access your account
<strong>${escapeHtml(input.accountEmail)}</strong>:</p>
<ul aria-label="Requested permissions">
${items}
</ul>
<form method="post" action="${escapeHtml(input.action)}" data-page="consent">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  )
}

/** The device-code entry page: Code, Continue. */
export function renderDeviceCodePage(input: {
  action: string
  xsrf: string
  error?: string
}): string {
  return layout(
    'Connect a device',
    `<h1>Connect a device</h1>
<p>Enter the code shown on your device.</p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" data-page="device-code">
<input type="hidden" name="xsrf" value="${escapeHtml(input.xsrf)}">
<input type="hidden" name="confirm" value="yes">
<label for="user_code">Code</label>
<input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters"
  required autofocus>
<button type="submit">Continue</button>
</form>`,
  )
}

/** The page shown once a device has been connected. */
export function renderDeviceSuccessPage(clientName: string): string {
  return layout(
    'Device connected',
    `<h1 data-page="device-success">Device connected</h1>
<p>You are signed in to <strong>${escapeHtml(clientName)}</strong> on your device. You can
close this page.</p>`,
  )
}

/** An error the browser shows when there is nowhere safe to redirect to. */
export function renderErrorPage(error: string, description: string | undefined): string {
  return layout(
    'Sign-in error',
    `<h1>Something went wrong</h1>
<p class="error" role="alert"><code data-error="${escapeHtml(error)}">${escapeHtml(error)}</code>${
      description === undefined ? '' : `: ${escapeHtml(description)}`
    }</p>`,
  )
}
