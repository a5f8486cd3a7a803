/** Counts requests and response body bytes as they stream in. */
export interface CountingFetch {
  fetch: typeof fetch
  readonly requests: number
  readonly bytes: number
}

/**
 * Wraps the global `fetch` so both sides of the benchmark pay the same small toll for being
 * counted: the body is piped through a byte counter (the sandbox sends no Content-Length).
 */
export function createCountingFetch(): CountingFetch {
  let requests = 0
  let bytes = 0

  const counted: typeof fetch = async (input, init) => {
    requests += 1
    const response = await fetch(input, init)

    if (response.body === null) {
      return response
    }

    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength
        controller.enqueue(chunk)
      },
    })

    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }

  return {
    fetch: counted,
    get requests() {
      return requests
    },
    get bytes() {
      return bytes
    },
  }
}
