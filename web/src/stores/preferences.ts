import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export type Locale = 'zh-CN' | 'en'
export const LOCALE_KEY = 'slipway.locale'

/// The remembered choice, else Chinese when the browser asks for it, else English.
export function initialLocale(stored: string | null, browser: readonly string[]): Locale {
  if (stored === 'zh-CN' || stored === 'en') return stored
  for (const lang of browser) {
    const l = lang.toLowerCase()
    if (l.startsWith('zh')) return 'zh-CN'
    if (l.startsWith('en')) return 'en'
  }
  return 'en'
}

export const usePreferences = defineStore('preferences', () => {
  const locale = ref<Locale>(initialLocale(localStorage.getItem(LOCALE_KEY), navigator.languages ?? [navigator.language]))
  watch(locale, (value) => localStorage.setItem(LOCALE_KEY, value))
  return { locale }
})
