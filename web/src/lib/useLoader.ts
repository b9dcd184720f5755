import { ref, type Ref } from 'vue'

import { messageOf } from './errors'

/// Loading and error state around one fetch: pages show both.
export function useLoader<T>(fetcher: () => Promise<T>): { data: Ref<T | null>; loading: Ref<boolean>; error: Ref<string>; load: () => Promise<void> } {
  const data = ref<T | null>(null) as Ref<T | null>
  const loading = ref(true)
  const error = ref('')
  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetcher()
    } catch (e) {
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}
