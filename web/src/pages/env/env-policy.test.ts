// The release policy dialog mounted in happy-dom against a scripted API:
// it sends the whole policy with the version it read, and shows a refusal
// with the field the server names.
import { createApp, h, ref } from 'vue'
import { createI18n } from 'vue-i18n'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Environment } from '../../api/types'
import { en } from '../../i18n/en'
import { installUi } from '../../ui'
import EnvPolicyDialog from './EnvPolicyDialog.vue'

let answer: { status: number; body: unknown }
const sent: { method: string; url: string; body: unknown }[] = []
const saved: Environment[] = []

const env: Environment = {
  id: 12, env_type: 'prod', version: 4,
  release_policy: {
    strategy: 'canary',
    canary: { steps: [{ pods: 1, pause: 'manual' }], stability_window_seconds: 10 },
    auto_rollback: false, approval_required: null,
  },
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0))
}

async function mount() {
  const open = ref(true)
  const app = createApp({
    render: () => h(EnvPolicyDialog, { env, modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), onSaved: (e: Environment) => saved.push(e) }),
  })
  app.use(createI18n({ legacy: false, locale: 'en', messages: { en } }))
  installUi(app)
  const el = document.createElement('div')
  document.body.appendChild(el)
  app.mount(el)
  await settle()
  return { open }
}

function setNumber(testId: string, value: number) {
  const input = document.querySelector<HTMLInputElement>(`[data-test=${testId}] input`)!
  input.value = String(value)
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
}

beforeEach(() => {
  sent.length = 0
  saved.length = 0
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    return new Response(JSON.stringify(answer.body), { status: answer.status })
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the release policy dialog', () => {
  it('puts the whole policy with the version read', async () => {
    answer = { status: 200, body: { ...env, version: 5 } }
    const { open } = await mount()
    setNumber('policy-window', 30)
    document.querySelector<HTMLElement>('[data-test=policy-auto-rollback]')!.click()
    document.querySelector<HTMLElement>('[data-test=save-policy]')!.click()
    await settle()
    expect(sent).toHaveLength(1)
    expect(sent[0].method).toBe('PUT')
    expect(sent[0].url).toContain('/api/v1/environments/12/release-policy')
    expect(sent[0].body).toEqual({
      strategy: 'canary',
      canary: { steps: [{ pods: 1, pause: 'manual' }], stability_window_seconds: 30 },
      auto_rollback: true,
      approval_required: null,
      version: 4,
    })
    expect(saved.map((e) => e.version)).toEqual([5])
    expect(open.value).toBe(false)
  })
  it('shows a refusal with its field and stays open', async () => {
    answer = { status: 400, body: { error: { code: 'invalid', message: 'must be between 0 and 3600', details: { field: 'canary.stability_window_seconds' } } } }
    const { open } = await mount()
    document.querySelector<HTMLElement>('[data-test=save-policy]')!.click()
    await settle()
    expect(document.querySelector('[data-test=policy-error]')?.textContent).toContain('canary.stability_window_seconds')
    expect(open.value).toBe(true)
    expect(saved).toHaveLength(0)
  })
})
