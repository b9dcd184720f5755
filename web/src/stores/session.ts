import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

import { api, setCsrfToken } from '../api'
import { ApiError } from '../api/client'
import type { Session, User } from '../api/types'

// The session cookie is HttpOnly: this flag only says whether asking the
// server is worth it, so a first visit goes to sign-in without a failed request.
const SIGNED_IN_KEY = 'slipway.signedIn'

/// Who is signed in (from the session cookie) and the CSRF token for writes.
export const useSession = defineStore('session', () => {
  const user = ref<User | null>(null)
  const loaded = ref(false)

  function apply(session: Session | null) {
    user.value = session?.user ?? null
    setCsrfToken(session?.csrf_token ?? null)
    if (session) localStorage.setItem(SIGNED_IN_KEY, '1')
    else localStorage.removeItem(SIGNED_IN_KEY)
  }

  /// Asks the server once per page load whether the cookie is a live session.
  async function load(): Promise<void> {
    if (loaded.value) return
    if (!localStorage.getItem(SIGNED_IN_KEY)) {
      loaded.value = true
      return
    }
    try {
      apply(await api.get<Session>('/auth/me', undefined, { quiet401: true }))
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      apply(null)
    }
    loaded.value = true
  }

  async function login(username: string, password: string) {
    apply(await api.post<Session>('/auth/login', { username, password }, { quiet401: true }))
    loaded.value = true
  }

  async function logout() {
    try {
      await api.post('/auth/logout')
    } finally {
      forget()
    }
  }

  /// The server dropped the session (401): forget it locally too.
  function forget() {
    apply(null)
    loaded.value = true
  }

  const isAdmin = computed(() => user.value?.role === 'admin')
  const canCreate = computed(() => !!user.value && user.value.role !== 'viewer')
  return { user, loaded, load, login, logout, forget, isAdmin, canCreate }
})
