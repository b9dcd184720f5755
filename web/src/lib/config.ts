// Reading the API's configuration answers.
import { ApiError } from '../api/client'

/// A publish refused because the live value moved on since the draft was taken.
export interface LiveChanged {
  base_version: number
  live_version: number
  base_content: string
  live_content: string
}

/// The two versions of a 409 `live_changed`, or null for any other error.
export function liveChanged(e: ApiError): LiveChanged | null {
  const d = e.details
  if (e.status !== 409 || d.reason !== 'live_changed') return null
  return {
    base_version: Number(d.base_version ?? 0),
    live_version: Number(d.live_version ?? 0),
    base_content: typeof d.base_content === 'string' ? d.base_content : '',
    live_content: typeof d.live_content === 'string' ? d.live_content : '',
  }
}
