import { describe, expect, it } from 'vitest'

import { AppError, isErrorCode, toErrorData } from './appError'

describe('AppError', () => {
  it('keeps its code, message and action, and leaves the cause out of its data', () => {
    const error = new AppError('PROFILE_INVALID', 'Client ID is empty.', {
      action: 'Paste the client ID.',
      cause: new Error('secret detail'),
    })

    expect(error.toData()).toEqual({
      code: 'PROFILE_INVALID',
      message: 'Client ID is empty.',
      action: 'Paste the client ID.',
    })
    expect(JSON.stringify(error.toData())).not.toContain('secret detail')
  })

  it('turns foreign errors into INTERNAL without their message', () => {
    expect(toErrorData(new Error('token=abc'))).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong inside mpath Desktop.',
    })
  })

  it('recognises only known codes', () => {
    expect(isErrorCode('AUTH_DENIED')).toBe(true)
    expect(isErrorCode('NOPE')).toBe(false)
    expect(isErrorCode(42)).toBe(false)
  })
})
