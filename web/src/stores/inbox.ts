import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

import { api } from '../api'
import type { AwaitingChangeList } from '../api/types'
import { useSession } from './session'

const POLL_MS = 30_000

/// How many changes wait for the signed-in user's approval (the header's
/// count), refreshed every 30 s and after every approval in the console.
export const useInbox = defineStore('inbox', () => {
  const session = useSession()
  const total = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null
  // Only approvers and admins can approve: nobody else asks.
  const relevant = computed(() => session.user?.role === 'admin' || session.user?.role === 'approver')

  async function refresh(): Promise<void> {
    if (!relevant.value) {
      total.value = 0
      return
    }
    try {
      total.value = (await api.get<AwaitingChangeList>('/changes', { awaiting: 'me', limit: 1 })).total
    } catch {
      // The count is a hint: the inbox page shows the error itself.
    }
  }
  function start() {
    stop()
    void refresh()
    timer = setInterval(() => void refresh(), POLL_MS)
  }
  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }
  return { total, relevant, refresh, start, stop }
})
