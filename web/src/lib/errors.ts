import { ApiError } from '../api/client'
import { i18n } from '../i18n'

/// What to show for a failure: the API's own message (with the field it
/// names, when the message does not already), never a stack trace. The
/// server speaks English: in another language the code's meaning and the
/// field come first, translated, then the server's message.
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) {
    const field = typeof e.details.field === 'string' ? e.details.field : ''
    const { locale, t, te } = i18n.global
    const code = `apiError.${e.code}`
    if (locale.value !== 'en' && te(code)) {
      return field
        ? t('apiError.shownField', { head: t(code), field, text: e.message })
        : t('apiError.shown', { head: t(code), text: e.message })
    }
    return field && !e.message.includes(field) ? `${e.message} (${field})` : e.message
  }
  if (e instanceof Error) return e.message
  return String(e)
}
