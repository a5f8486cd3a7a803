import * as oauth from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SANDBOX_ACCOUNTS } from '../seed/accounts'
import { PUBLIC_CLIENT_ID } from './clients'
import { confirmDeviceCodeOverHttp } from './testing/driveLogin'
import {
  configurationFor,
  startTestAuthorizationServer,
  type TestAuthorizationServer,
} from './testing/testAuthorizationServer'

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const [ada, ben] = SANDBOX_ACCOUNTS as [(typeof SANDBOX_ACCOUNTS)[0], (typeof SANDBOX_ACCOUNTS)[0]]
let server: TestAuthorizationServer
let publicClient: oauth.Configuration

beforeAll(async () => {
  server = await startTestAuthorizationServer()
  publicClient = await configurationFor(server, PUBLIC_CLIENT_ID)
})

afterAll(async () => {
  await server.close()
})

// Polling is done by hand: openid-client's poller waits the full interval first.
function pollOnce(deviceCode: string) {
  return oauth.genericGrantRequest(publicClient, DEVICE_CODE_GRANT, { device_code: deviceCode })
}

describe('device authorization grant', () => {
  it('issues tokens once the person enters the code, signs in and allows', async () => {
    const device = await oauth.initiateDeviceAuthorization(publicClient, {
      scope: 'openid offline_access read:tasks admin',
    })

    expect(device.verification_uri).toBe(`${server.issuer}/oauth/device`)
    expect(device.expires_in).toBe(600)
    await expect(pollOnce(device.device_code)).rejects.toMatchObject({
      error: 'authorization_pending',
    })

    const page = await confirmDeviceCodeOverHttp({
      verificationUri: device.verification_uri,
      userCode: device.user_code,
      email: ada.email,
      password: ada.password,
    })

    expect(page.html).toContain('data-page="device-success"')

    const tokens = await pollOnce(device.device_code)

    expect(tokens.refresh_token).toEqual(expect.any(String))
    expect(tokens.scope?.split(' ')).toEqual(expect.arrayContaining(['read:tasks', 'admin']))
  })

  it('drops admin for a member, as in the code flow', async () => {
    const device = await oauth.initiateDeviceAuthorization(publicClient, {
      scope: 'openid read:tasks admin',
    })
    await confirmDeviceCodeOverHttp({
      verificationUri: device.verification_uri,
      userCode: device.user_code,
      email: ben.email,
      password: ben.password,
    })
    const tokens = await pollOnce(device.device_code)

    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'read:tasks'])
  })

  it('answers access_denied when the person presses Deny', async () => {
    const device = await oauth.initiateDeviceAuthorization(publicClient, { scope: 'openid' })
    const page = await confirmDeviceCodeOverHttp({
      verificationUri: device.verification_uri,
      userCode: device.user_code,
      email: ben.email,
      password: ben.password,
      decision: 'deny',
    })

    expect(page.html).toContain('data-page="device-code"')
    await expect(pollOnce(device.device_code)).rejects.toMatchObject({ error: 'access_denied' })
  })

  it('shows the Code page again with an error for a wrong code', async () => {
    const page = await confirmDeviceCodeOverHttp({
      verificationUri: `${server.issuer}/oauth/device`,
      userCode: 'WRONG-CODE',
      email: ben.email,
      password: ben.password,
    })

    expect(page.html).toContain('data-page="device-code"')
    expect(page.html).toContain('role="alert"')
  })

  it('refuses an unknown scope', async () => {
    await expect(
      oauth.initiateDeviceAuthorization(publicClient, { scope: 'openid read:everything' }),
    ).rejects.toMatchObject({ error: 'invalid_scope' })
  })
})
