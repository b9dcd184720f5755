import { createI18n } from 'vue-i18n'

import { en } from './en'
import { zhCN } from './zh-CN'
import { initialLocale, LOCALE_KEY } from '../stores/preferences'

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(localStorage.getItem(LOCALE_KEY), navigator.languages ?? [navigator.language]),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
})
