// The connectors page's rules over the API's answers. The fields of each
// system come from the server (GET lists every setting and every secret of
// the system), so nothing here knows which system has which field — only
// which field is the address, and how an edit becomes a request body.
import { ApiError } from '../api/client'
import type { Connector, ConnectorPut } from '../api/types'

type SettingValue = string | boolean
type Settings = Record<string, SettingValue>

/// A secret as the dialog holds it: a new value, or the wish to remove it.
export interface SecretInput {
  value: string
  remove: boolean
}

/// The field whose change makes the server ask for the secrets again: `url`, or `server` for DNS.
export function addressField(settings: object): 'url' | 'server' | null {
  if ('url' in settings) return 'url'
  if ('server' in settings) return 'server'
  return null
}

/// Where the system is: its url, or its DNS server; '' when not configured.
export function addressOf(connector: Connector): string {
  const field = addressField(connector.settings)
  const value = field ? (connector.settings as Settings)[field] : ''
  return typeof value === 'string' ? value : ''
}

/// The names of the secrets that are set, in the server's order.
export function secretsSet(connector: Connector): string[] {
  return Object.entries(connector.secret_set).filter(([, set]) => set).map(([name]) => name)
}

/// An edit of one system: its settings, texts and flags apart (inputs and
/// switches), and its secrets.
export interface ConnectorForm {
  texts: Record<string, string>
  flags: Record<string, boolean>
  secrets: Record<string, SecretInput>
}

/// The form's starting values: every setting the server shows, secrets empty.
export function formOf(connector: Connector): ConnectorForm {
  const form: ConnectorForm = { texts: {}, flags: {}, secrets: {} }
  for (const [name, value] of Object.entries(connector.settings)) {
    if (typeof value === 'boolean') form.flags[name] = value
    else form.texts[name] = String(value ?? '')
  }
  for (const name of Object.keys(connector.secret_set)) form.secrets[name] = { value: '', remove: false }
  return form
}

/// The body of a save or a test: the settings as a whole; a secret entered is
/// sent, a removed one as "", an empty one is left out (the server keeps the
/// one in effect while the address stays).
export function connectorBody(form: ConnectorForm): ConnectorPut {
  const body: Settings = { ...form.texts, ...form.flags }
  for (const [name, secret] of Object.entries(form.secrets)) {
    if (secret.remove) body[name] = ''
    else if (secret.value !== '') body[name] = secret.value
  }
  return body as ConnectorPut
}

// The server drops a url's trailing "/": the same address, not a move.
function sameAddress(a: SettingValue | undefined, b: SettingValue | undefined): boolean {
  const norm = (v: SettingValue | undefined) => String(v ?? '').replace(/\/+$/, '')
  return norm(a) === norm(b)
}

/// The secrets the server would refuse to keep: set now, neither entered nor
/// removed, while the form moves the address (so a stored token is never sent
/// to a new host).
export function secretsToReenter(connector: Connector, form: ConnectorForm): string[] {
  const field = addressField(connector.settings)
  if (!field || sameAddress(form.texts[field], (connector.settings as Settings)[field])) return []
  return Object.entries(form.secrets)
    .filter(([name, s]) => connector.secret_set[name] && !s.remove && s.value === '')
    .map(([name]) => name)
}

/// The field a refusal names (400 bad value, 409 secrets that no longer
/// open), when it is one of the form's; null otherwise.
export function refusedField(e: unknown, fields: string[]): string | null {
  if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 409)) return null
  const field = e.details.field
  return typeof field === 'string' && fields.includes(field) ? field : null
}
