import { ApiError } from '../api/client'

/// What to show for a failure: the API's own message (with the field it
/// names, when the message does not already), never a stack trace.
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) {
    const field = typeof e.details.field === 'string' ? e.details.field : ''
    return field && !e.message.includes(field) ? `${e.message} (${field})` : e.message
  }
  if (e instanceof Error) return e.message
  return String(e)
}
