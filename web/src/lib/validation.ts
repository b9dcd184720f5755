// Field checks the console runs before sending, mirroring the API's rules so
// mistakes show next to the field; the API still decides.

/// DNS-1123 label: lower-case letters, digits and '-', 1..63, starting and ending alphanumeric.
export function isDnsLabel(value: string): boolean {
  return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(value)
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export function isPort(value: number | null | undefined): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535
}

/// A configuration file name: 1..100 letters, digits, '.', '_', '-' (not "." or "..").
export function isConfigFileName(value: string): boolean {
  return /^[A-Za-z0-9._-]{1,100}$/.test(value) && value !== '.' && value !== '..'
}
