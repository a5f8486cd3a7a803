import { deviceError } from './authorizationFlowErrors'
import { replaced, type AuthorizationFlowHost, type DeviceAttempt } from './authorizationFlowHost'
import { receivedTokensFrom } from './authorizationFlowTokens'
import { runDeviceAuthorization } from './transports/deviceFlow'

/**
 * Runs the device authorization grant for an attempt the host has just made active: shows the
 * code to type once the server gives one, then hands over the tokens. Rejects with an
 * `AppError` when the grant fails, expires, or is replaced.
 */
export async function runDeviceAttempt(
  host: AuthorizationFlowHost,
  context: DeviceAttempt,
): Promise<void> {
  const { clock } = host
  const { server } = context
  const startedAt = new Date(clock.now()).toISOString()
  host.setState({
    status: 'waiting',
    transport: 'device',
    startedAt,
    expiresAt: startedAt,
    isSlow: false,
    alternatives: host.alternativesFor(server, 'device'),
  })

  try {
    const requestedAt = clock.now()
    const response = await runDeviceAuthorization({
      server,
      scopes: server.profile.scopes,
      clock,
      signal: context.controller.signal,
      onPrompt: (prompt) => {
        if (host.active === context) {
          host.setState({
            status: 'waiting',
            transport: 'device',
            startedAt,
            expiresAt: new Date(prompt.expiresAt).toISOString(),
            isSlow: false,
            alternatives: host.alternativesFor(server, 'device'),
            device: { userCode: prompt.userCode, verificationUri: prompt.verificationUri },
          })
        }
      },
    })

    if (host.active !== context) {
      throw replaced()
    }

    await host.onTokens(receivedTokensFrom(response, server.profile.scopes, requestedAt), server)
    void host.release(context)
    host.setState({ status: 'succeeded', transport: 'device' })
  } catch (error) {
    const appError = deviceError(error, context.controller.signal.aborted, server.profile.scopes)
    host.fail(context, server, appError)
    void host.release(context)
    throw appError
  }
}
