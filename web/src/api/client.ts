// The one way the console talks to the server: the public API under /api/v1,
// with the session cookie and, on writes, the session's CSRF token.

/// An error answer of the API ({"error":{code,message,details}}), or a network failure.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface ClientOptions {
  /// Prefix of every path; "/api/v1" in the browser.
  base?: string
  fetch?: typeof fetch
  /// The CSRF token of the current session (null before login).
  csrfToken: () => string | null
  /// Called when the server says the session is gone (401), except for `quiet401` calls.
  onUnauthenticated: () => void
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /// 401 is an ordinary answer here (sign-in, the first "who am I").
  quiet401?: boolean
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text()
  try {
    const parsed = JSON.parse(text) as { error?: string | { code?: string; message?: string; details?: Record<string, unknown> } }
    // Some answers carry their own body with `error` as text (a lane's 503
    // deletion names the failed step): the message, with the body as details.
    if (typeof parsed.error === 'string' && parsed.error) {
      return new ApiError(response.status, 'error', parsed.error, parsed as Record<string, unknown>)
    }
    if (typeof parsed.error === 'object' && parsed.error?.message) {
      return new ApiError(response.status, parsed.error.code ?? 'error', parsed.error.message, parsed.error.details ?? {})
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'http', `${response.status} ${response.statusText}`.trim())
}

export function createClient(options: ClientOptions) {
  const base = options.base ?? '/api/v1'
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))

  async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
    const csrf = options.csrfToken()
    if (WRITES.has(method) && csrf) headers['X-CSRF-Token'] = csrf
    let response: Response
    try {
      response = await doFetch(withQuery(base + path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal,
      })
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e
      throw new ApiError(0, 'network', 'the server cannot be reached')
    }
    if (!response.ok) {
      const error = await errorFrom(response)
      if (response.status === 401 && !opts.quiet401) options.onUnauthenticated()
      throw error
    }
    return response
  }

  async function json<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    const response = await send(method, path, opts)
    if (response.status === 204) return undefined as T
    return (await response.json()) as T
  }

  return {
    get: <T>(path: string, query?: Query, opts?: RequestOptions) => json<T>('GET', path, { ...opts, query }),
    post: <T>(path: string, body: unknown = {}, opts?: RequestOptions) => json<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body: unknown, opts?: RequestOptions) => json<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body: unknown, opts?: RequestOptions) => json<T>('PATCH', path, { ...opts, body }),
    del: <T = void>(path: string, opts?: RequestOptions) => json<T>('DELETE', path, opts),
    text: async (path: string, query?: Query) => (await send('GET', path, { query })).text(),
    /// A streamed text body (chunked), piece by piece until it ends or `signal` aborts.
    async stream(path: string, query: Query, onText: (piece: string) => void, signal: AbortSignal): Promise<void> {
      const response = await send('GET', path, { query, signal })
      if (!response.body) {
        onText(await response.text())
        return
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        if (value) onText(value)
      }
    },
    url: (path: string, query?: Query) => withQuery(base + path, query),
  }
}

export type Client = ReturnType<typeof createClient>
