// Server-Sent Events from the API (environment and release progress), with
// JSON payloads per named event. The browser sends the session cookie.

export type EventHandlers = Record<string, (data: unknown) => void>

export interface Subscription {
  close(): void
}

export function subscribe(url: string, handlers: EventHandlers, onError?: () => void): Subscription {
  const source = new EventSource(url, { withCredentials: true })
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      const text = (event as MessageEvent<string>).data
      try {
        handle(JSON.parse(text))
      } catch {
        handle(text)
      }
    })
  }
  source.onerror = () => onError?.()
  return { close: () => source.close() }
}
