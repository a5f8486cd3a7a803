import { describe, expect, it } from 'vitest'

import { initialFormValues, toProfile, validateConnectForm } from './connectForm'

const VALID = {
  ...initialFormValues(null),
  issuer: 'https://clerk.acme.test',
  apiUrl: 'https://mpath.acme.test',
  clientId: 'client_acme',
}

describe('validateConnectForm', () => {
  it('accepts a complete form and the local sandbox over http', () => {
    expect(validateConnectForm(VALID)).toEqual({})
    expect(
      validateConnectForm({
        ...VALID,
        issuer: 'http://127.0.0.1:7071',
        loopbackRedirectUri: 'http://127.0.0.1:7073/oauth/callback',
      }),
    ).toEqual({})
  })

  it('names each problem', () => {
    const errors = validateConnectForm({
      ...VALID,
      apiUrl: 'http://mpath.acme.test',
      clientId: ' ',
      redirectUri: 'callback',
      scopes: 'profile email',
      issuer: 'not a url',
    })

    expect(errors).toEqual({
      issuer: expect.stringContaining('full address'),
      apiUrl: expect.stringContaining('https://'),
      clientId: expect.stringContaining('Client ID'),
      redirectUri: expect.stringContaining('mpath://oauth/callback'),
      scopes: expect.stringContaining('openid'),
    })
  })
})

describe('toProfile', () => {
  it('trims values, splits scopes and leaves out an empty loopback address', () => {
    const profile = toProfile(
      { ...VALID, issuer: ' https://clerk.acme.test ', scopes: 'openid  email' },
      false,
    )

    expect(profile).toEqual({
      issuer: 'https://clerk.acme.test',
      apiUrl: 'https://mpath.acme.test',
      clientId: 'client_acme',
      redirectUri: 'mpath://oauth/callback',
      scopes: ['openid', 'email'],
      hasClientSecret: false,
    })
  })
})
