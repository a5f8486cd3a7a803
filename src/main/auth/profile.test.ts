import { describe, expect, it } from 'vitest'

import { DEFAULT_SCOPES } from '../../shared/connection/profile'
import { AppError } from '../../shared/errors/appError'
import { memoryKeyValueStore } from '../platform/testing/memoryKeyValueStore'
import {
  isLoopbackHttpUrl,
  loadProfileFromFile,
  loadProfileFromSettings,
  loadSandboxProfile,
  PROFILE_SETTINGS_KEY,
  saveProfileToSettings,
  scopesFor,
  validateProfile,
} from './profile'
import { createFakeFetch, jsonResponse } from './testing/flowFakes'

const VALID = {
  issuer: 'https://clerk.example.com',
  apiUrl: 'https://mpath.example.com',
  clientId: 'oauth_client_123',
}

function errorOf(action: () => unknown): AppError {
  try {
    action()
  } catch (error) {
    if (error instanceof AppError) {
      return error
    }

    throw error
  }

  throw new Error('expected an AppError')
}

describe('validateProfile', () => {
  it('fills the defaults: custom-scheme redirect, default scopes, public client', () => {
    const profile = validateProfile(VALID)

    expect(profile.redirectUri).toBe('mpath://oauth/callback')
    expect(profile.scopes).toEqual([...DEFAULT_SCOPES])
    expect(profile.hasClientSecret).toBe(false)
  })

  it.each([
    ['issuer', { issuer: undefined }, /Issuer \(Clerk Frontend API URL\)/],
    ['apiUrl', { apiUrl: '' }, /mpath URL/],
    ['clientId', { clientId: '' }, /Client ID/],
    ['clientId spaces', { clientId: 'abc def' }, /Client ID contains spaces/],
    ['issuer not a URL', { issuer: 'clerk.example.com' }, /Issuer .* is not a web address/],
    ['apiUrl ftp', { apiUrl: 'ftp://mpath.example.com' }, /mpath URL is not a web address/],
    ['issuer query', { issuer: 'https://clerk.example.com/?x=1' }, /Issuer .* carries a query/],
    ['redirectUri', { redirectUri: 'https://example.com/cb' }, /Redirect URI is neither/],
    ['redirectUri no port', { redirectUri: 'http://127.0.0.1/cb' }, /Redirect URI has no port/],
    [
      'redirect not normal',
      { redirectUri: 'http://127.0.0.1:7073' },
      /Write it as http:\/\/127.0.0.1:7073\//,
    ],
    [
      'loopback host',
      { loopbackRedirectUri: 'http://localhost:7073/cb' },
      /Loopback redirect URI is not an http:\/\/127.0.0.1/,
    ],
    [
      'loopback https',
      { loopbackRedirectUri: 'https://127.0.0.1:7073/cb' },
      /Loopback redirect URI/,
    ],
    ['scopes empty', { scopes: [] }, /Scopes is missing/],
    ['scope with space', { scopes: ['read:tasks write:tasks'] }, /Scopes contain/],
  ])('names the field when %s is wrong', (_name, change, message) => {
    const error = errorOf(() => validateProfile({ ...VALID, ...change }))

    expect(error.code).toBe('PROFILE_INVALID')
    expect(`${error.message} ${error.action}`).toMatch(message)
    expect(error.action).toBeTruthy()
  })

  it('refuses plain http to another host with INSECURE_URL, naming the field', () => {
    const issuer = errorOf(() => validateProfile({ ...VALID, issuer: 'http://clerk.example.com' }))
    const apiUrl = errorOf(() => validateProfile({ ...VALID, apiUrl: 'http://mpath.example.com' }))

    expect(issuer.code).toBe('INSECURE_URL')
    expect(issuer.message).toMatch(/^Issuer/)
    expect(apiUrl.code).toBe('INSECURE_URL')
    expect(apiUrl.message).toMatch(/^mpath URL/)
    expect(apiUrl.action).toMatch(/https/)
  })

  it('allows http on loopback hosts only', () => {
    for (const host of ['127.0.0.1:7071', '[::1]:7071', 'localhost:7071']) {
      expect(validateProfile({ ...VALID, issuer: `http://${host}` }).issuer).toBe(`http://${host}`)
    }

    expect(isLoopbackHttpUrl('http://127.0.0.2:80')).toBe(false)
    expect(isLoopbackHttpUrl('http://localhost.example.com')).toBe(false)
  })

  it('accepts a loopback redirect and trims and de-duplicates values', () => {
    const profile = validateProfile({
      ...VALID,
      clientId: ' oauth_client_123 ',
      redirectUri: 'http://127.0.0.1:7073/oauth/callback',
      loopbackRedirectUri: 'http://127.0.0.1:7073/oauth/callback',
      scopes: ['openid', ' read:tasks', 'openid'],
    })

    expect(profile.clientId).toBe('oauth_client_123')
    expect(profile.scopes).toEqual(['openid', 'read:tasks'])
  })

  it('never keeps a client secret in the profile object', () => {
    const profile = validateProfile({ ...VALID, clientSecret: 'shh' })

    expect(JSON.stringify(profile)).not.toContain('shh')
  })
})

describe('scopesFor', () => {
  it('adds write:tasks only when editing is on', () => {
    expect(scopesFor({ editing: false })).toEqual([...DEFAULT_SCOPES])
    expect(scopesFor({ editing: true })).toEqual([...DEFAULT_SCOPES, 'write:tasks'])
  })
})

describe('profile sources', () => {
  it('round-trips through the settings store under connection.profile', () => {
    const store = memoryKeyValueStore()

    expect(loadProfileFromSettings(store)).toBeUndefined()
    saveProfileToSettings(store, validateProfile(VALID))

    expect(store.get(PROFILE_SETTINGS_KEY)).toMatchObject(VALID)
    expect(loadProfileFromSettings(store)?.clientId).toBe(VALID.clientId)
  })

  it('reads the file named by MPATH_PROFILE and keeps its secret apart', async () => {
    const files: Record<string, string> = {
      '/tmp/profile.json': JSON.stringify({ ...VALID, clientSecret: 'file-secret' }),
    }
    const read = async (path: string) => files[path] ?? Promise.reject(new Error('ENOENT'))

    expect(await loadProfileFromFile({}, read)).toBeUndefined()

    const loaded = await loadProfileFromFile({ MPATH_PROFILE: '/tmp/profile.json' }, read)

    expect(loaded?.clientSecret).toBe('file-secret')
    expect(loaded?.profile.hasClientSecret).toBe(true)
    expect(JSON.stringify(loaded?.profile)).not.toContain('file-secret')
    await expect(
      loadProfileFromFile({ MPATH_PROFILE: '/missing.json' }, read),
    ).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
      message: expect.stringMatching(/MPATH_PROFILE/),
    })
  })

  it('builds a profile from a sandbox.json, picking the public client', async () => {
    const fetch = createFakeFetch({
      '/sandbox.json': () =>
        jsonResponse({
          issuer: 'http://127.0.0.1:7071',
          apiUrl: 'http://127.0.0.1:7072',
          clients: [
            { clientId: 'basic', kind: 'confidential', redirectUris: ['mpath://oauth/callback'] },
            {
              clientId: 'public',
              kind: 'public',
              clientSecret: null,
              redirectUris: ['mpath://oauth/callback', 'http://127.0.0.1:7073/oauth/callback'],
              scopes: [...DEFAULT_SCOPES, 'write:tasks'],
            },
          ],
        }),
    })

    const profile = await loadSandboxProfile('http://127.0.0.1:7072', fetch)

    expect(profile).toMatchObject({
      issuer: 'http://127.0.0.1:7071',
      apiUrl: 'http://127.0.0.1:7072',
      clientId: 'public',
      redirectUri: 'mpath://oauth/callback',
      loopbackRedirectUri: 'http://127.0.0.1:7073/oauth/callback',
      scopes: [...DEFAULT_SCOPES],
      hasClientSecret: false,
    })
  })

  it('says how to start the sandbox when none answers', async () => {
    const fetch = createFakeFetch({})

    await expect(loadSandboxProfile('http://127.0.0.1:7072', fetch)).rejects.toMatchObject({
      code: 'PROFILE_MISSING',
      action: expect.stringMatching(/npm run sandbox/),
    })
    await expect(loadSandboxProfile('https://mpath.example.com', fetch)).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
    })
  })
})
