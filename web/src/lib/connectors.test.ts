import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/client'
import type { Connector } from '../api/types'
import { addressOf, connectorBody, formOf, refusedField, secretsSet, secretsToReenter } from './connectors'

const jenkins: Connector = {
  system: 'jenkins', source: 'sandbox', fallback: 'sandbox',
  settings: { url: 'http://127.0.0.1:9001', ca_file: '', insecure_skip_tls_verify: false, user: 'admin' },
  secret_set: { token: true }, version: null, updated_by: null, updated_at: null,
}
const dns: Connector = {
  system: 'dns', source: 'config', fallback: 'config',
  settings: { server: '10.0.0.53:53', zone: 'example.com.', key_name: 'slipway.', key_algorithm: '' },
  secret_set: { key_secret: false }, version: null, updated_by: null, updated_at: null,
}

describe('connector rows', () => {
  it('show the address of HTTP systems and of DNS, and the secrets set', () => {
    expect(addressOf(jenkins)).toBe('http://127.0.0.1:9001')
    expect(addressOf(dns)).toBe('10.0.0.53:53')
    expect(addressOf({ ...jenkins, settings: {} })).toBe('')
    expect(secretsSet(jenkins)).toEqual(['token'])
    expect(secretsSet(dns)).toEqual([])
  })
})

describe('connector edits', () => {
  it('start from every setting shown, with the secrets empty', () => {
    const form = formOf(jenkins)
    expect(form.texts).toEqual({ url: 'http://127.0.0.1:9001', ca_file: '', user: 'admin' })
    expect(form.flags).toEqual({ insecure_skip_tls_verify: false })
    expect(form.secrets).toEqual({ token: { value: '', remove: false } })
  })

  it('send the settings whole, a secret entered, a removed one as "", an empty one not at all', () => {
    const form = formOf(jenkins)
    form.texts.user = 'deployer'
    form.flags.insecure_skip_tls_verify = true
    expect(connectorBody(form)).toEqual({ ...jenkins.settings, user: 'deployer', insecure_skip_tls_verify: true })
    form.secrets.token.value = 's3cret'
    expect(connectorBody(form)).toMatchObject({ token: 's3cret' })
    // Removing wins over a value typed before the box was ticked.
    form.secrets.token.remove = true
    expect(connectorBody(form)).toMatchObject({ token: '' })
  })

  it('ask for a set secret again only when the address moves', () => {
    const form = formOf(jenkins)
    form.texts.user = 'deployer'
    expect(secretsToReenter(jenkins, form)).toEqual([])
    form.texts.url = 'http://127.0.0.1:9001/'
    expect(secretsToReenter(jenkins, form)).toEqual([])
    form.texts.url = 'https://ci2.example.com'
    expect(secretsToReenter(jenkins, form)).toEqual(['token'])
    form.secrets.token = { value: 'new', remove: false }
    expect(secretsToReenter(jenkins, form)).toEqual([])
    form.secrets.token = { value: '', remove: true }
    expect(secretsToReenter(jenkins, form)).toEqual([])
  })

  it('do not ask for a secret that is not set', () => {
    const form = formOf(dns)
    form.texts.server = '10.0.0.54:53'
    expect(secretsToReenter(dns, form)).toEqual([])
  })

  it("put a refusal on the field it names, when the form has it", () => {
    const fields = ['url', 'user', 'token']
    expect(refusedField(new ApiError(400, 'invalid_argument', 'token must be given again', { field: 'token' }), fields)).toBe('token')
    expect(refusedField(new ApiError(409, 'conflict', 'give token again', { field: 'token' }), fields)).toBe('token')
    expect(refusedField(new ApiError(400, 'invalid_argument', 'unknown field', { field: 'password' }), fields)).toBeNull()
    expect(refusedField(new ApiError(403, 'forbidden', 'admins only', { field: 'token' }), fields)).toBeNull()
    expect(refusedField(new Error('boom'), fields)).toBeNull()
  })
})
