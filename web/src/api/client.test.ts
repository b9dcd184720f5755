import { describe, expect, it, vi } from 'vitest'

import { ApiError, createClient, withQuery } from './client'

function reply(status: number, body: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('api client', () => {
  it('sends the CSRF token on writes only, and JSON bodies', async () => {
    const fetch = vi.fn(async () => reply(200, { ok: true }))
    const api = createClient({ fetch, csrfToken: () => 'tok', onUnauthenticated: () => {} })
    await api.get('/apps', { q: 'order', status: '', limit: 20 })
    await api.post('/apps', { name: 'a' })
    const [getUrl, getInit] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(getUrl).toBe('/api/v1/apps?q=order&limit=20')
    expect((getInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
    const [, postInit] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect((postInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
    expect(postInit.body).toBe('{"name":"a"}')
    expect(postInit.method).toBe('POST')
  })

  it("turns error answers into ApiError with the API's message and details", async () => {
    const fetch = vi.fn(async () =>
      reply(400, { error: { code: 'invalid', message: 'name must be a DNS label', details: { field: 'name' } } }),
    )
    const api = createClient({ fetch, csrfToken: () => null, onUnauthenticated: () => {} })
    const error = await api.post('/apps', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe('name must be a DNS label')
    expect((error as ApiError).code).toBe('invalid')
    expect((error as ApiError).details.field).toBe('name')
  })

  it('reports a 401 to the session handler unless the call expects it', async () => {
    const fetch = vi.fn(async () => reply(401, { error: { code: 'unauthenticated', message: 'log in' } }))
    const onUnauthenticated = vi.fn()
    const api = createClient({ fetch, csrfToken: () => null, onUnauthenticated })
    await expect(api.get('/apps')).rejects.toThrow('log in')
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    await expect(api.get('/auth/me', undefined, { quiet401: true })).rejects.toThrow('log in')
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('describes a non-JSON failure by its status and a network failure plainly', async () => {
    const api = createClient({
      fetch: vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
      csrfToken: () => null,
      onUnauthenticated: () => {},
    })
    await expect(api.get('/apps')).rejects.toThrow('502 Bad Gateway')
    const offline = createClient({
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
      csrfToken: () => null,
      onUnauthenticated: () => {},
    })
    await expect(offline.get('/apps')).rejects.toMatchObject({ code: 'network', status: 0 })
  })

  it('answers undefined for 204', async () => {
    const api = createClient({ fetch: vi.fn(async () => new Response(null, { status: 204 })), csrfToken: () => 't', onUnauthenticated: () => {} })
    expect(await api.del('/tokens/3')).toBeUndefined()
  })

  it('streams a chunked body piece by piece', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('line 1\n'))
        c.enqueue(new TextEncoder().encode('line 2\n'))
        c.close()
      },
    })
    const api = createClient({ fetch: vi.fn(async () => new Response(body, { status: 200 })), csrfToken: () => null, onUnauthenticated: () => {} })
    const pieces: string[] = []
    await api.stream('/builds/1/log', { follow: true }, (p) => pieces.push(p), new AbortController().signal)
    expect(pieces.join('')).toBe('line 1\nline 2\n')
  })

  it('builds query strings, skipping empty values', () => {
    expect(withQuery('/x', { a: 1, b: '', c: undefined, d: 'x y' })).toBe('/x?a=1&d=x+y')
    expect(withQuery('/x?y=1', { a: true })).toBe('/x?y=1&a=true')
    expect(withQuery('/x')).toBe('/x')
  })
})
