import { request } from 'node:http'
import { createServer, connect } from 'node:net'
import { networkInterfaces } from 'node:os'

import { afterEach, describe, expect, it } from 'vitest'

import { createTestLogger } from '../../log/testing/testLogger'
import { createManualClock } from '../../platform/testing/manualClock'
import { findFreePort } from '../testing/freePort'
import {
  startLoopbackListener,
  type LoopbackListener,
  type LoopbackVerdict,
} from './loopbackListener'

const opened: LoopbackListener[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map((listener) => listener.close()))
})

async function start(verdict: (url: URL) => LoopbackVerdict = () => 'accepted') {
  const port = await findFreePort()
  const clock = createManualClock()
  const received: URL[] = []
  const { logger } = createTestLogger()
  const listener = await startLoopbackListener({
    redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
    timeoutMs: 60_000,
    clock,
    logger,
    onCallback: (url) => {
      received.push(url)

      return verdict(url)
    },
  })
  opened.push(listener)

  return { listener, port, clock, received }
}

function send(
  port: number,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        )
      },
    )
    outgoing.on('error', reject)
    outgoing.end()
  })
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('loopback listener', () => {
  it('binds 127.0.0.1 only, never all interfaces (S21)', async () => {
    const { listener, port } = await start()

    expect(listener.host).toBe('127.0.0.1')
    expect(listener.port).toBe(port)
    expect(await canConnect('127.0.0.1', port)).toBe(true)
    expect(await canConnect('::1', port)).toBe(false)

    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && !address.internal && address.family === 'IPv4')

    if (external !== undefined) {
      expect(await canConnect(external.address, port)).toBe(false)
    }
  })

  it('takes one callback, answers the close-this-tab page, then closes', async () => {
    const { listener, port, received } = await start()
    const answer = await send(port, '/oauth/callback?code=abc&state=xyz')

    expect(answer.status).toBe(200)
    expect(answer.body).toContain('You can close this tab and return to mpath Desktop')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(received.map((url) => url.href)).toEqual([
      `http://127.0.0.1:${port}/oauth/callback?code=abc&state=xyz`,
    ])
    expect(await listener.closed).toBe('callback')
    expect(await canConnect('127.0.0.1', port)).toBe(false)
  })

  it('refuses other paths, methods and hosts and keeps listening', async () => {
    const { port, received } = await start()

    expect((await send(port, '/favicon.ico')).status).toBe(404)
    expect((await send(port, '/oauth/callback?code=a', { method: 'POST' })).status).toBe(405)
    expect((await send(port, '/oauth/callback?code=a', { host: 'evil.example.test' })).status).toBe(
      400,
    )
    expect(received).toHaveLength(0)
    expect((await send(port, '/oauth/callback?code=a&state=b')).status).toBe(200)
  })

  it('answers a dropped callback, staying open: a forgery cannot block the real one', async () => {
    let count = 0
    const { listener, port } = await start(() => (++count === 1 ? 'dropped' : 'accepted'))
    const forged = await send(port, '/oauth/callback?code=evil&state=forged')

    expect(forged.status).toBe(400)
    expect(forged.body).toContain('Return to mpath Desktop and sign in again')
    expect((await send(port, '/oauth/callback?code=real&state=real')).status).toBe(200)
    expect(await listener.closed).toBe('callback')
  })

  it('closes when the time runs out', async () => {
    const { listener, clock, port } = await start()

    clock.advance(60_000)

    expect(await listener.closed).toBe('timeout')
    expect(await canConnect('127.0.0.1', port)).toBe(false)
  })

  it('says so when the registered port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const { logger } = createTestLogger()

    await expect(
      startLoopbackListener({
        redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
        timeoutMs: 1000,
        clock: createManualClock(),
        logger,
        onCallback: () => 'accepted',
      }),
    ).rejects.toMatchObject({
      code: 'AUTH_TRANSPORT_UNAVAILABLE',
      message: `Port ${port} on this computer is used by another program.`,
    })
    await new Promise((resolve) => blocker.close(resolve))
  })

  it('refuses a redirect that is not http://127.0.0.1', async () => {
    const { logger } = createTestLogger()

    await expect(
      startLoopbackListener({
        redirectUri: 'http://localhost:7073/oauth/callback',
        timeoutMs: 1000,
        clock: createManualClock(),
        logger,
        onCallback: () => 'accepted',
      }),
    ).rejects.toMatchObject({ code: 'AUTH_TRANSPORT_UNAVAILABLE' })
  })
})
