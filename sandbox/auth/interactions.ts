import type { IncomingMessage, ServerResponse } from 'node:http'

import type { InteractionDetails, Provider } from 'oidc-provider'

import type { SandboxAccount } from '../types'
import { readForm, sendHtml } from './httpUtilities'
import { renderConsentPage, renderErrorPage, renderLoginPage } from './pages'
import { isScopeAllowedFor } from './scopes'

/** Where oidc-provider sends the browser for a login or consent step. */
export const INTERACTION_PATH_PREFIX = '/interaction/'

const INTERACTION_ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/

/**
 * Serves the login and consent pages that oidc-provider's interactions point at, and
 * reports their outcome back to it.
 */
export function createInteractionHandler(input: {
  provider: Provider
  accounts: readonly SandboxAccount[]
}): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void> {
  const { provider, accounts } = input

  const findAccount = (accountId: string | undefined): SandboxAccount | undefined =>
    accounts.find((account) => account.userId === accountId)

  const clientNameOf = async (details: InteractionDetails): Promise<string> => {
    const clientId = String(details.params.client_id ?? '')
    const client = await provider.Client.find(clientId)

    return client?.clientName ?? clientId
  }

  const showStep = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const details = await provider.interactionDetails(req, res)
    const clientName = await clientNameOf(details)
    const base = `${INTERACTION_PATH_PREFIX}${details.uid}`

    if (details.prompt.name === 'login') {
      sendHtml(res, 200, renderLoginPage({ action: `${base}/login`, clientName }))

      return
    }

    const account = findAccount(details.session?.accountId)

    if (details.prompt.name !== 'consent' || !account) {
      sendHtml(res, 400, renderErrorPage('invalid_request', 'This sign-in step is not supported.'))

      return
    }

    const scopes = requestedScopes(details).filter((scope) => isScopeAllowedFor(account, scope))
    const page = renderConsentPage({
      action: `${base}/confirm`,
      clientName,
      accountEmail: account.email,
      scopes,
    })
    sendHtml(res, 200, page)
  }

  const submitLogin = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const details = await provider.interactionDetails(req, res)
    const form = await readForm(req)
    const email = (form.get('email') ?? '').trim()
    const password = form.get('password') ?? ''
    const account = accounts.find(
      (candidate) =>
        candidate.email.toLowerCase() === email.toLowerCase() && candidate.password === password,
    )

    if (details.prompt.name !== 'login') {
      sendHtml(res, 400, renderErrorPage('invalid_request', 'This sign-in step has passed.'))

      return
    }

    if (!account) {
      const page = renderLoginPage({
        action: `${INTERACTION_PATH_PREFIX}${details.uid}/login`,
        clientName: await clientNameOf(details),
        email,
        error: 'That email and password do not match an account. Check them and try again.',
      })
      sendHtml(res, 401, page)

      return
    }

    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.userId } },
      { mergeWithLastSubmission: false },
    )
  }

  const submitConsent = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const details = await provider.interactionDetails(req, res)
    const form = await readForm(req)
    const account = findAccount(details.session?.accountId)

    if (details.prompt.name !== 'consent' || !account) {
      sendHtml(res, 400, renderErrorPage('invalid_request', 'This sign-in step has passed.'))

      return
    }

    if (form.get('decision') !== 'allow') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user denied the request.' },
        { mergeWithLastSubmission: false },
      )

      return
    }

    const grantId = await saveGrant(provider, details, account)
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    )
  }

  return async (req, res, path) => {
    const match = INTERACTION_ROUTE.exec(path)
    const step = match?.[2]

    try {
      if (match && step === undefined && req.method === 'GET') {
        await showStep(req, res)
      } else if (step === 'login' && req.method === 'POST') {
        await submitLogin(req, res)
      } else if (step === 'confirm' && req.method === 'POST') {
        await submitConsent(req, res)
      } else {
        sendHtml(res, 404, renderErrorPage('not_found', 'There is no such page.'))
      }
    } catch (error) {
      // An expired or foreign interaction cookie lands here; the person must start over.
      if (!res.headersSent) {
        const description = 'This sign-in has expired or was opened in another browser.'
        const page = renderErrorPage('invalid_request', `${description} Start the sign-in again.`)
        sendHtml(res, 400, page)
      }

      if (!(error instanceof Error) || error.name !== 'SessionNotFound') {
        process.stderr.write(`[auth] interaction failed: ${String(error)}\n`)
      }
    }
  }
}

function requestedScopes(details: InteractionDetails): string[] {
  return String(details.params.scope ?? '')
    .split(' ')
    .filter(Boolean)
}

/**
 * Records the person's consent. `admin` is rejected rather than left out for non-admins, so
 * oidc-provider counts it as answered and does not ask again.
 */
async function saveGrant(
  provider: Provider,
  details: InteractionDetails,
  account: SandboxAccount,
): Promise<string> {
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined
  const grant =
    existing ??
    new provider.Grant({ accountId: account.userId, clientId: String(details.params.client_id) })
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details

  for (const scope of missingOIDCScope ?? []) {
    if (isScopeAllowedFor(account, scope)) {
      grant.addOIDCScope(scope)
    } else {
      grant.rejectOIDCScope(scope)
    }
  }

  if (missingOIDCClaims) {
    grant.addOIDCClaims(missingOIDCClaims)
  }

  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '))
  }

  return grant.save()
}
