// Small helpers for driving Element Plus widgets, and the console's own
// messages (so journeys check the translated text the user sees).
import { readFileSync } from 'node:fs'

export async function messages(locale) {
  const file = new URL(`../src/i18n/${locale === 'en' ? 'en' : 'zh-CN'}.ts`, import.meta.url)
  // The message files are plain object literals: drop the type-only parts and load them as JS.
  const source = readFileSync(file, 'utf8').replace(/^import type .*$/m, '').replace(': typeof en', '')
  const mod = await import('data:text/javascript,' + encodeURIComponent(source))
  return locale === 'en' ? mod.en : mod.zhCN
}

/// Picks an option of the el-select labelled `label` whose text contains `text`.
export async function choose(page, label, text) {
  const input = page.getByLabel(label, { exact: true }).first()
  await input.locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

export async function signIn(page, m, username, password) {
  await page.getByLabel(m.login.username).fill(username)
  await page.getByLabel(m.login.password).fill(password)
  await page.getByRole('button', { name: m.login.submit }).click()
  await page.locator('[data-test=user-menu]').waitFor()
}

export async function signOut(page, m) {
  await page.locator('[data-test=user-menu]').click()
  await page.getByText(m.nav.logout, { exact: true }).click()
  await page.getByRole('button', { name: m.login.submit }).waitFor()
}

/// Answers an ElMessageBox prompt and confirms it.
export async function answerPrompt(page, text) {
  const box = page.locator('.el-message-box:visible')
  if (text !== undefined) await box.locator('input, textarea').first().fill(text)
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

export async function clickAction(page, action) {
  await page.locator(`[data-action=${action}] button:not([disabled])`).click()
}

/// Waits until no Element Plus transition is running (dialogs fading in), for clean screenshots.
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
}
