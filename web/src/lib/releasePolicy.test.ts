import { describe, expect, it } from 'vitest'

import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { DEFAULT_WINDOW, formOf, policyOf, stepText } from './releasePolicy'

describe('the release policy form', () => {
  it('reads what the API shows and writes it back unchanged', () => {
    const policy = {
      strategy: 'canary' as const,
      canary: {
        steps: [{ pods: 1, pause: 'manual' }, { percent: 50, pause: { seconds: 300 } }, { pods: 5, pause: 'none' }],
        stability_window_seconds: 30,
      },
      auto_rollback: true,
      approval_required: null,
    }
    const form = formOf(policy)
    expect(form.steps).toEqual([
      { size: 1, unit: 'pods', pause: 'manual', seconds: 60 },
      { size: 50, unit: 'percent', pause: 'timed', seconds: 300 },
      { size: 5, unit: 'pods', pause: 'none', seconds: 60 },
    ])
    expect(form.window).toBe(30)
    expect(form.approval).toBe('default')
    expect(policyOf(form)).toEqual(policy)
  })
  it('starts a new environment from the server defaults', () => {
    const form = formOf()
    expect(form.strategy).toBe('one_shot')
    expect(form.window).toBe(DEFAULT_WINDOW)
    expect(policyOf(form).canary?.steps).toEqual([{ pods: 1, pause: 'manual' }, { percent: 50, pause: 'manual' }])
    expect(policyOf({ ...form, approval: 'no' }).approval_required).toBe(false)
    expect(policyOf({ ...form, approval: 'yes' }).approval_required).toBe(true)
  })
  it('describes a step in both languages', () => {
    const t = (messages: typeof en) => (key: string, params: Record<string, unknown> = {}) => {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string
      return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name]))
    }
    const timed = { size: 50, unit: 'percent' as const, pause: 'timed' as const, seconds: 300 }
    expect(stepText(timed, t(en))).toBe('50% of pods · wait 300 s, then go on')
    expect(stepText({ ...timed, unit: 'pods', size: 2, pause: 'manual' }, t(en))).toBe('2 pod(s) · wait for promotion')
    expect(stepText(timed, t(zhCN as typeof en))).toBe('50% 的实例 · 等待 300 秒后继续')
  })
})
