import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/client'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { liveChanged } from './config'
import { stepLabel } from './releaseSteps'
import { isConfigFileName } from './validation'

describe('release step names', () => {
  it('recognise every form the server writes', () => {
    expect(stepLabel('record the image in use and the baseline')).toEqual({ key: 'releaseStep.record', params: {} })
    expect(stepLabel('canary: 1 new + 2 old pods')).toEqual({ key: 'releaseStep.canary', params: { canary: '1', stable: '2' } })
    expect(stepLabel('promote: 3 pods run reg/shop:1.1')).toEqual({ key: 'releaseStep.promote', params: { pods: '3', image: 'reg/shop:1.1' } })
    expect(stepLabel('roll out reg/shop:1.1 to 3 pods')).toEqual({ key: 'releaseStep.rollout', params: { image: 'reg/shop:1.1', pods: '3' } })
    expect(stepLabel('write the new baseline')).toEqual({ key: 'releaseStep.baseline', params: {} })
    expect(stepLabel('restore 2 config file(s)')).toEqual({ key: 'releaseStep.restoreConfig', params: { files: '2' } })
    expect(stepLabel('keep the pods (configuration only)')).toEqual({ key: 'releaseStep.keepPods', params: {} })
    expect(stepLabel('something new')).toBeNull()
    expect(stepLabel(undefined)).toBeNull()
  })
  it('have a translation for each form, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(en.releaseStep)) {
      const zh = (zhCN.releaseStep as Record<string, string>)[key]
      expect(zh, key).toBeTruthy()
      expect(zh).not.toEqual(text)
      expect(placeholders(zh)).toEqual(placeholders(text))
    }
  })
})

describe('configuration conflicts', () => {
  it('read both versions from a 409 live_changed', () => {
    const e = new ApiError(409, 'conflict', 'live changed', {
      reason: 'live_changed', base_version: 7, live_version: 9, base_content: 'a=1\n', live_content: 'a=2\n',
    })
    expect(liveChanged(e)).toEqual({ base_version: 7, live_version: 9, base_content: 'a=1\n', live_content: 'a=2\n' })
  })
  it('leave other refusals alone', () => {
    expect(liveChanged(new ApiError(409, 'conflict', 'no change', { reason: 'no_change' }))).toBeNull()
    expect(liveChanged(new ApiError(400, 'invalid', 'bad', { reason: 'live_changed' }))).toBeNull()
  })
})

describe('configuration file names', () => {
  it('follow the API rule', () => {
    for (const ok of ['application.properties', 'app.yaml', 'db_1.json', 'A-b.txt']) expect(isConfigFileName(ok), ok).toBe(true)
    for (const bad of ['', '.', '..', 'a/b', 'a b', 'x'.repeat(101), 'é.yaml']) expect(isConfigFileName(bad), bad).toBe(false)
  })
})
