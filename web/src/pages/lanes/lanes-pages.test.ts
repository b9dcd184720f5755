// The lanes pages mounted in happy-dom against a scripted API: the list's
// states and highlighting, deletion (still running, failed step, done) and
// who polls the workflow.
import { ElMessageBox } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createApp, type Component } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { en } from '../../i18n/en'
import { useSession } from '../../stores/session'
import { installUi } from '../../ui'
import type { Lane } from '../../lib/lanes'
import LaneDetailPage from './LaneDetailPage.vue'
import LanesPage from './LanesPage.vue'
import LaneDrift from '../../components/lanes/LaneDrift.vue'

type Handler = (method: string, url: string) => { status: number; body?: unknown } | undefined
let handler: Handler
const calls: string[] = []

function lane(over: Partial<Lane> = {}): Lane {
  return {
    id: 7, name: 'Pay_Q3', namespace: 'pay-q3', branch: 'feature/Pay_Q3', jenkins_folder: 'Pay_Q3', config_branch: 'feature-pay-q3',
    story: { workspace_id: '10158231', id: '1010158231500000001', url: '' }, description: 'Pay in RMB', owner: 'dev',
    members: [], cluster: 'sandbox', state: 'active', workflow_id: 'wf_1', workflow_state: 'succeeded', apps: [],
    expiry: { stage: 'active', last_activity_at: '2026-12-01T08:00:00Z', delete_at: '2026-12-08T08:00:00Z' },
    version: 3, actions: ['edit', 'renew', 'sync', 'delete'], ...over,
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))
async function settle(n = 10) {
  for (let i = 0; i < n; i++) await tick()
}

async function mount(component: Component, props: Record<string, unknown> = {}, role = 'developer') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/lanes', name: 'lanes', component: { template: '<div />' } },
      { path: '/lanes/new', name: 'lane-create', component: { template: '<div />' } },
      { path: '/lanes/:id', name: 'lane', component: { template: '<div />' } },
      { path: '/apps/:id', name: 'app', component: { template: '<div />' } },
      { path: '/builds/:id', name: 'build', component: { template: '<div />' } },
    ],
  })
  await router.push('/lanes/7')
  const app = createApp(component, props)
  app.use(pinia).use(router).use(createI18n({ legacy: false, locale: 'en', messages: { en } }))
  installUi(app)
  const session = useSession()
  session.user = { id: 1, username: 'dev', role, display_name: 'Dev' } as never
  const el = document.createElement('div')
  document.body.appendChild(el)
  app.mount(el)
  await settle()
  return { el, router, unmount: () => app.unmount() }
}

beforeEach(() => {
  calls.length = 0
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const method = init?.method ?? 'GET'
    calls.push(`${method} ${url}`)
    const answer = handler(method, url) ?? { status: 404, body: { error: { code: 'not_found', message: 'no such thing' } } }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status })
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the lane list', () => {
  it('highlights lanes pending deletion with their delete date', async () => {
    handler = (_m, u) => (u.startsWith('/api/v1/lanes') ? { status: 200, body: { items: [
      lane(), lane({ id: 8, name: 'Old', expiry: { stage: 'pending_deletion', delete_at: '2026-12-08T08:00:00Z', last_activity_at: null } }),
    ] } } : undefined)
    const { el, unmount } = await mount(LanesPage)
    const rows = [...el.querySelectorAll('.el-table__body tr')]
    expect(rows).toHaveLength(2)
    expect(rows[0]!.className).not.toContain('lane-pending')
    expect(rows[1]!.className).toContain('lane-pending')
    expect(rows[1]!.textContent).toContain('Pending deletion')
    expect(rows[1]!.textContent).toContain('deleted on')
    expect(el.querySelector('[data-test=create-lane]')).not.toBeNull()
    unmount()
  })
  it('shows the empty state and the API message on errors', async () => {
    handler = () => ({ status: 200, body: { items: [] } })
    let mounted = await mount(LanesPage)
    expect(mounted.el.textContent).toContain(en.lanes.empty)
    mounted.unmount()
    handler = () => ({ status: 500, body: { error: { code: 'internal', message: 'database is locked' } } })
    mounted = await mount(LanesPage)
    expect(mounted.el.querySelector('[role=alert]')?.textContent).toContain('database is locked')
    mounted.unmount()
  })
  it('offers no create button to viewers', async () => {
    handler = () => ({ status: 200, body: { items: [] } })
    const { el, unmount } = await mount(LanesPage, {}, 'viewer')
    expect(el.querySelector('[data-test=create-lane]')).toBeNull()
    unmount()
  })
})

describe('the lane page', () => {
  const base: Handler = (m, u) => {
    if (m === 'GET' && u === '/api/v1/lanes/7') return { status: 200, body: lane() }
    if (m === 'GET' && u.startsWith('/api/v1/lanes/7/events')) return { status: 200, body: { items: [] } }
    if (m === 'GET' && u === '/api/v1/lanes/7/workflow') {
      return { status: 200, body: { workflow: { id: 'wf_1', kind: 'lane.create', state: 'succeeded', steps: [], children: [] }, children: [] } }
    }
    return undefined
  }

  it('shows the workflow steps to every member, from the lane route', async () => {
    handler = base
    const mounted = await mount(LaneDetailPage, { id: '7' })
    expect(calls).toContain('GET /api/v1/lanes/7/workflow')
    expect(calls.some((c) => c.includes('/api/v1/workflows/'))).toBe(false)
    expect(mounted.el.querySelector('[data-test=workflow-state]')).not.toBeNull()
    mounted.unmount()
  })

  it('deletes: still running, then done, then back to the list', async () => {
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: 'Pay_Q3', action: 'confirm' } as never)
    let deletes = 0
    handler = (m, u) => {
      if (m === 'DELETE') {
        expect(u).toBe('/api/v1/lanes/7?confirm=Pay_Q3')
        deletes += 1
        return deletes === 1
          ? { status: 202, body: { done: false, workflow_id: 'wf_2', workflow_state: 'running', error: null } }
          : { status: 200, body: { done: true, workflow_id: 'wf_2', workflow_state: 'succeeded', error: null } }
      }
      return base(m, u)
    }
    const { el, router, unmount } = await mount(LaneDetailPage, { id: '7' })
    ;(el.querySelector('[data-action=delete] button') as HTMLButtonElement).click()
    await settle()
    expect(el.querySelector('[data-test=delete-status]')?.textContent).toContain('Still deleting (running)')
    await new Promise((r) => setTimeout(r, 1100))
    await settle()
    expect(deletes).toBe(2)
    expect(router.currentRoute.value.name).toBe('lanes')
    unmount()
  })

  it('deletes: a failed step is named, deleting again finishes', async () => {
    vi.spyOn(ElMessageBox, 'prompt').mockResolvedValue({ value: 'Pay_Q3', action: 'confirm' } as never)
    handler = (m, u) => m === 'DELETE'
      ? { status: 503, body: { done: false, workflow_id: 'wf_2', workflow_state: 'failed', error: 'step namespace: the cluster is unreachable' } }
      : base(m, u)
    const { el, unmount } = await mount(LaneDetailPage, { id: '7' })
    ;(el.querySelector('[data-action=delete] button') as HTMLButtonElement).click()
    await settle()
    const status = el.querySelector('[data-test=delete-status]')?.textContent ?? ''
    expect(status).toContain('step namespace: the cluster is unreachable')
    expect(status).toContain('Delete again')
    unmount()
  })
})

describe('the drift check', () => {
  it('lists what is missing or could not be checked', async () => {
    handler = (m, u) => (m === 'GET' && u === '/api/v1/lanes/7/drift' ? { status: 200, body: { items: [
      { system: 'kubernetes', kind: 'namespace', name: 'pay-q3', present: true },
      { system: 'dns', kind: 'record', name: 'web-pay-q3.sandbox.test', app: 'order', present: false },
      { system: 'jenkins', kind: 'job', name: 'Pay_Q3/order', app: 'order', present: null, error: 'jenkins: timed out' },
    ] } } : undefined)
    const { el, unmount } = await mount(LaneDrift, { laneId: 7 })
    ;(el.querySelector('[data-test=check-drift]') as HTMLButtonElement).click()
    await settle()
    expect(el.querySelector('[data-test=drift-summary]')?.textContent).toContain('1 of 3 artefacts are missing, 1 could not be checked')
    const rows = [...el.querySelectorAll('.el-table__body tr')].map((r) => r.textContent)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('web-pay-q3.sandbox.test')
    expect(rows[0]).toContain('Missing')
    expect(rows[1]).toContain('jenkins: timed out')
    unmount()
  })
  it('says when everything is in place', async () => {
    handler = () => ({ status: 200, body: { items: [{ system: 'kubernetes', kind: 'namespace', name: 'pay-q3', present: true }] } })
    const { el, unmount } = await mount(LaneDrift, { laneId: 7 })
    ;(el.querySelector('[data-test=check-drift]') as HTMLButtonElement).click()
    await settle()
    expect(el.querySelector('[data-test=drift-summary]')?.textContent).toContain('All 1 artefacts are in place')
    expect(el.querySelector('.el-table')).toBeNull()
    unmount()
  })
})
