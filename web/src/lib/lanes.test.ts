import { describe, expect, it } from 'vitest'

import { ApiError, createClient } from '../api/client'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import {
  childrenByStep, emptyLaneForm, groupPlan, isLaneName, laneBusy, progress, splitNames, splitRewrite, storyUrl,
  toLaneCreate, type LaneArtefact, type Workflow,
} from './lanes'

const plan: LaneArtefact[] = [
  { system: 'dns', kind: 'record', name: 'web-pay.sandbox.test', app: 'order', detail: '' },
  { system: 'kubernetes', kind: 'namespace', name: 'pay', detail: '' },
  { system: 'consul', kind: 'config-rewrite', name: 'app.properties: site', app: 'order',
    detail: 'https://web-qa.sandbox.test/home → https://web-pay.sandbox.test/home' },
  { system: 'consul', kind: 'config-branch', name: 'feature-pay', app: 'order', detail: 'copied from test' },
  { system: 'gitlab', kind: 'branch', name: 'trade/order@feature/pay', app: 'order', detail: '' },
  { system: 'vault', kind: 'secret', name: 'x', detail: '' },
]

describe('lane plan', () => {
  it('groups artefacts by system in a fixed order, unknown systems last', () => {
    expect(groupPlan(plan).map((g) => g.system)).toEqual(['kubernetes', 'gitlab', 'dns', 'consul', 'vault'])
  })
  it('separates config rewrites as before → after', () => {
    const consul = groupPlan(plan).find((g) => g.system === 'consul')!
    expect(consul.artefacts.map((a) => a.kind)).toEqual(['config-branch'])
    expect(consul.rewrites).toEqual([{ app: 'order', where: 'app.properties: site',
      before: 'https://web-qa.sandbox.test/home', after: 'https://web-pay.sandbox.test/home' }])
  })
  it('keeps a detail without an arrow whole', () => {
    expect(splitRewrite('no arrow')).toEqual({ before: 'no arrow', after: '' })
    expect(splitRewrite('a → b → c')).toEqual({ before: 'a', after: 'b → c' })
  })
})

describe('lane create request', () => {
  it('leaves out what the form left empty', () => {
    const form = { ...emptyLaneForm(), name: ' Pay_Q3 ', workspace: '10158231', story: '1010158231500000001',
      apps: [{ app: 'order', replicas: null, domains: [] }] }
    expect(toLaneCreate(form)).toEqual({ name: 'Pay_Q3', story: { workspace_id: '10158231', id: '1010158231500000001' },
      apps: [{ app: 'order' }] })
  })
  it('carries replicas, domains, members, coloring and the robot', () => {
    const form = {
      ...emptyLaneForm(), name: 'x', workspace: 'w', story: 's', members: 'amy, bob,amy\ncarl',
      apps: [{ app: 'order', replicas: 2, domains: ['web'] }], producers: ['order'],
      consumers: [{ app: 'order', topic: ' t ', group: 'g' }, { app: 'order', topic: '', group: 'g' }],
      notifyType: 'dingtalk' as const, notifyUrl: 'https://oapi.dingtalk.com/robot/send?access_token=1', notifySecret: 'SEC',
    }
    expect(toLaneCreate(form)).toEqual({
      name: 'x', story: { workspace_id: 'w', id: 's' }, members: ['amy', 'bob', 'carl'],
      apps: [{ app: 'order', replicas: 2, domains: ['web'] }],
      coloring: { producers: ['order'], consumers: [{ app: 'order', topic: 't', group: 'g' }] },
      notify: { type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=1', secret: 'SEC' },
    })
  })
  it('follows the API name rule', () => {
    for (const ok of ['Pay_Q3', 'a', 'a.b-c', 'x'.repeat(40)]) expect(isLaneName(ok), ok).toBe(true)
    for (const bad of ['', 'a b', 'x'.repeat(41), 'é', 'a/b']) expect(isLaneName(bad), bad).toBe(false)
  })
  it('splits names', () => {
    expect(splitNames(' a，b  c,,a ')).toEqual(['a', 'b', 'c'])
  })
})

describe('lane helpers', () => {
  it('link the TAPD story', () => {
    expect(storyUrl({ workspace_id: '10158231', id: '1010158231500000001' }))
      .toBe('https://www.tapd.cn/10158231/prong/stories/view/1010158231500000001')
    expect(storyUrl({ workspace_id: 'w', id: 'i', url: 'https://tapd.example/x' })).toBe('https://tapd.example/x')
    expect(storyUrl(undefined)).toBe('')
  })
  it('follow busy lanes only', () => {
    expect(laneBusy({ state: 'creating', workflow_state: 'running' })).toBe(true)
    expect(laneBusy({ state: 'active', workflow_state: 'running' })).toBe(true)
    expect(laneBusy({ state: 'active', workflow_state: 'succeeded' })).toBe(false)
    expect(laneBusy(null)).toBe(false)
  })
  it('hang children under the step that started them', () => {
    const wf: Workflow = {
      id: 'w', kind: 'lane.create', state: 'running',
      steps: [{ index: 0, name: 'prepare', state: 'succeeded', attempt: 1 }, { index: 1, name: 'apps', state: 'waiting', attempt: 1 }],
      children: [
        { id: 'c1', kind: 'lane.app.create', subject: 'order', step: 1, state: 'running', error: null },
        { id: 'c2', kind: 'lane.app.create', subject: 'pay', step: 1, state: 'succeeded', error: null },
      ],
    }
    expect([...childrenByStep(wf).entries()].map(([k, v]) => [k, v.map((c) => c.subject)])).toEqual([[1, ['order', 'pay']]])
    expect(childrenByStep(null).size).toBe(0)
    expect(progress(wf.steps)).toBe(50)
    expect(progress([])).toBe(0)
  })
})

describe('an answer whose error is text (a failed lane deletion)', () => {
  it('becomes the message, with the body as details', async () => {
    const body = { done: false, workflow_id: 'w1', workflow_state: 'failed', error: 'step namespace: cluster unreachable' }
    const client = createClient({
      csrfToken: () => 't', onUnauthenticated: () => {},
      fetch: async () => new Response(JSON.stringify(body), { status: 503, statusText: 'Service Unavailable' }),
    })
    const e = await client.del('/lanes/1', { query: { confirm: 'x' } }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(503)
    expect((e as ApiError).message).toBe('step namespace: cluster unreachable')
    expect((e as ApiError).details.workflow_state).toBe('failed')
  })
})

describe('lane messages', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    const flat = (o: object, p = ''): Record<string, string> => Object.entries(o).reduce((acc, [k, v]) =>
      typeof v === 'string' ? { ...acc, [p + k]: v } : { ...acc, ...flat(v as object, `${p}${k}.`) }, {} as Record<string, string>)
    const a = flat(en.lanes)
    const b = flat(zhCN.lanes)
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const k of Object.keys(a)) expect(ph(b[k]!), k).toEqual(ph(a[k]!))
  })
})
