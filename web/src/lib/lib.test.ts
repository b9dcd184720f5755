import { describe, expect, it } from 'vitest'

import { ApiError } from '../api/client'
import { i18n } from '../i18n'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { initialLocale } from '../stores/preferences'
import { allowed, refusal } from './actions'
import { messageOf } from './errors'
import { formatDuration, formatTime, secondsBetween } from './format'
import { isDnsLabel, isHttpUrl, isPort } from './validation'

describe('formatting', () => {
  it("shows times in the given zone and language", () => {
    expect(formatTime('2026-11-27T02:16:00Z', 'en-GB', 'Asia/Shanghai')).toBe('27/11/2026, 10:16:00')
    expect(formatTime('2026-11-27T02:16:00Z', 'zh-CN', 'UTC')).toBe('2026/11/27 02:16:00')
    expect(formatTime(null, 'en')).toBe('—')
    expect(formatTime('not a time', 'en')).toBe('not a time')
  })
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('5s')
    expect(formatDuration(65)).toBe('1m 5s')
    expect(formatDuration(3720)).toBe('1h 2m')
    expect(formatDuration(-1)).toBe('—')
    expect(secondsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:01:30Z')).toBe(90)
    expect(secondsBetween(null, null)).toBeNull()
  })
})

describe('actions and refusals', () => {
  const app = { actions: ['edit'], refusals: { approve: 'only approvers may approve' } }
  it('follows the API', () => {
    expect(allowed(app, 'edit')).toBe(true)
    expect(allowed(app, 'approve')).toBe(false)
    expect(refusal(app, 'approve')).toBe('only approvers may approve')
    expect(refusal(app, 'edit')).toBe('')
    expect(allowed(null, 'edit')).toBe(false)
  })
})

describe('error messages', () => {
  it("use the API's message and name the field", () => {
    expect(messageOf(new ApiError(400, 'invalid', 'must be a DNS label', { field: 'name' }))).toBe('must be a DNS label (name)')
    expect(messageOf(new ApiError(400, 'invalid', 'name: too long', { field: 'name' }))).toBe('name: too long')
  })
  it('put the code and the field first, translated, in Chinese', () => {
    i18n.global.locale.value = 'zh-CN'
    try {
      expect(messageOf(new ApiError(400, 'invalid', 'must be a DNS label', { field: 'name' })))
        .toBe('请求无效（字段 name）：must be a DNS label')
      expect(messageOf(new ApiError(409, 'conflict', 'the file changed since version 3', {})))
        .toBe('冲突：the file changed since version 3')
      expect(messageOf(new ApiError(0, 'network', 'the server cannot be reached', {})))
        .toBe('无法连接服务器：the server cannot be reached')
      expect(messageOf(new ApiError(418, 'teapot', 'short and stout', {}))).toBe('short and stout')
    } finally {
      i18n.global.locale.value = 'en'
    }
  })
})

describe('language', () => {
  it('defaults to Chinese when the browser asks for it and remembers a choice', () => {
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(initialLocale(null, ['en-US', 'zh-CN'])).toBe('en')
    expect(initialLocale(null, ['fr'])).toBe('en')
    expect(initialLocale('en', ['zh-CN'])).toBe('en')
    expect(initialLocale('bogus', ['zh-CN'])).toBe('zh-CN')
  })
  it('has every message in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })
})

describe('validation', () => {
  it('checks names, URLs and ports like the API', () => {
    expect(isDnsLabel('order-svc')).toBe(true)
    expect(isDnsLabel('Order')).toBe(false)
    expect(isDnsLabel('-a')).toBe(false)
    expect(isDnsLabel('a'.repeat(64))).toBe(false)
    expect(isHttpUrl('https://git.example.com/a.git')).toBe(true)
    expect(isHttpUrl('ftp://x')).toBe(false)
    expect(isPort(8080)).toBe(true)
    expect(isPort(0)).toBe(false)
  })
})
