import { createServer } from 'node:net'

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a server whose port must be known
 * before it starts (a registered loopback redirect URI).
 */
export async function findFreePort(): Promise<number> {
  const server = createServer()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })

  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))

  return port
}
