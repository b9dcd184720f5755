// The console's API client, wired to the session store and the router in main.ts.
import { createClient } from './client'

let csrf: string | null = null
let unauthenticated: () => void = () => {}

export const api = createClient({
  csrfToken: () => csrf,
  onUnauthenticated: () => unauthenticated(),
})

export function setCsrfToken(token: string | null) {
  csrf = token
}

export function onUnauthenticated(handler: () => void) {
  unauthenticated = handler
}
