// The API tells per object what the caller may do now (`actions`) and why not
// (`refusals`): buttons follow it instead of re-deriving permissions here.

export interface Actionable {
  actions?: string[]
  refusals?: Record<string, string>
}

export function allowed(object: Actionable | null | undefined, action: string): boolean {
  return !!object?.actions?.includes(action)
}

/// Why `action` is not possible now, or "" when it is (or the API gave no reason).
export function refusal(object: Actionable | null | undefined, action: string): string {
  if (!object || allowed(object, action)) return ''
  return object.refusals?.[action] ?? ''
}
