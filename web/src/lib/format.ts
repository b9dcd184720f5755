// Dates and durations in the browser's time zone and the console's language.

export function formatTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  }).format(date)
}

/// "1h 2m 3s" style, from seconds; localized units would add noise to tables.
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds) || seconds < 0) return '—'
  const s = Math.floor(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s % 60
  if (h) return `${h}h ${m}m`
  if (m) return `${m}m ${rest}s`
  return `${rest}s`
}

export function secondsBetween(from: string | null | undefined, to: string | null | undefined, now = Date.now()): number | null {
  if (!from) return null
  const start = new Date(from).getTime()
  const end = to ? new Date(to).getTime() : now
  if (Number.isNaN(start) || Number.isNaN(end)) return null
  return Math.max(0, (end - start) / 1000)
}
