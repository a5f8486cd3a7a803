import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** A static file server on loopback, closed by `close()`. */
export interface StaticServer {
  origin: string
  close(): Promise<void>
}

/**
 * Serves the built renderer over http on 127.0.0.1, as the desktop harness needs: the page's
 * own origin is then `'self'` for its Content Security Policy, as `file://` is in the app.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root)

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = normalize(join(base, path === '/' ? 'index.html' : path))

    if (!file.startsWith(base + sep) || request.method !== 'GET') {
      response.writeHead(404).end()

      return
    }

    void stat(file).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404).end()

          return
        }

        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        createReadStream(file).pipe(response)
      },
      () => response.writeHead(404).end(),
    )
  })

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
