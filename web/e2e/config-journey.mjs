// The configuration journey, in one language: open an environment's files →
// edit a properties file (highlighted editor) → compare it with the live
// value side by side → publish with a comment → edit again while someone
// changes the live value in Consul → the publish shows both versions →
// merge, rebase, publish → delete the live file (confirmed), gone from Consul
// and shown as a deletion in the history.
//
//   node e2e/config-journey.mjs <locale> <slipway binary> <artefact dir>
import { apiAs, openBrowser, startServer, waitFor, ADMIN_PASSWORD } from './harness.mjs'
import { readyApp } from './setup.mjs'
import { answerPrompt, messages, settled, signIn } from './ui.mjs'

const [locale, binary, artefacts] = process.argv.slice(2)
const m = await messages(locale)
const server = await startServer(binary)
const browser = await openBrowser({ locale, artefacts })
const { page } = browser
const PASSWORD = 'journey-password-1'
const FILE = 'application.properties'

async function step(name, body) {
  const started = Date.now()
  try {
    await body()
  } catch (e) {
    await browser.screenshot(`failed-${name}`).catch(() => {})
    throw new Error(`step "${name}" failed: ${e.message}`)
  }
  console.log(`ok ${name} (${Date.now() - started} ms)`)
}

/// Types a line at the end of the CodeMirror editor (the content ends with a line break).
async function typeLineAtEnd(text) {
  await page.locator('[data-test=code-editor] .cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

let failed = false
try {
  const admin = await apiAs(server.base, 'admin', ADMIN_PASSWORD)
  await admin.post('/users', { username: 'dev', password: PASSWORD, role: 'developer', display_name: 'Dev Li' })
  await admin.post('/users', { username: 'lead', password: PASSWORD, role: 'approver', display_name: 'Lead Wang' })
  const dev = await apiAs(server.base, 'dev', PASSWORD)
  const { env } = await readyApp(dev, admin, { name: `cfg-${locale.toLowerCase()}`, approver: 'lead' })
  // The file's first version, published through the API.
  const files = `/environments/${env.id}/config/files/${FILE}`
  await dev.put(`${files}/draft`, { content: 'server.port=8080\npool.size=10\n' })
  await dev.post(`${files}/publish`, { comment: 'first version' })
  const { location } = await dev.get(files)

  /// Someone else changes the live value straight in Consul.
  async function changeInConsul(content) {
    const r = await fetch(`${server.sandbox.consul}/v1/kv/${location}`, {
      method: 'PUT',
      headers: { 'X-Consul-Token': 'sandbox-consul-token' },
      body: content,
    })
    if (!r.ok || (await r.text()).trim() !== 'true') throw new Error(`Consul PUT ${location}: ${r.status}`)
  }
  async function liveInConsul() {
    const r = await fetch(`${server.sandbox.consul}/v1/kv/${location}?raw`, { headers: { 'X-Consul-Token': 'sandbox-consul-token' } })
    return r.text()
  }

  await step('open the files of an environment', async () => {
    await page.goto(`${server.base}/environments/${env.id}`)
    await page.getByRole('button', { name: m.login.submit }).waitFor()
    await signIn(page, m, 'dev', PASSWORD)
    await page.locator('[data-test=config-link]').click()
    await page.locator('[data-test=config-files]').getByRole('link', { name: FILE }).click()
    await page.locator('[data-test=code-editor] .cm-content').waitFor()
    // Highlighted: the properties mode marks keys and values.
    await waitFor('highlighted keys', async () => (await page.locator('[data-test=code-editor] .cm-line span').count()) > 0, 10_000)
  })

  await step('edit and compare with live', async () => {
    await typeLineAtEnd('feature.checkout=on')
    await page.locator('[data-test=unsaved]').waitFor()
    await page.locator('[data-test=compare]').click()
    await page.locator('[data-test=side-by-side] .cm-mergeView').waitFor()
    await page.locator('[data-test=config-diff]', { hasText: 'feature.checkout' }).waitFor()
    await page.locator('[data-test=draft-state]').waitFor()
    await settled(page)
    await browser.screenshot('config-diff')
  })

  await step('publish with a comment', async () => {
    await page.locator('[data-action=edit] button').click()
    await page.getByLabel(m.config.publishComment).fill('enable the new checkout')
    await settled(page)
    await page.locator('[data-test=confirm-publish]').click()
    await page.locator('[data-test=config-history]', { hasText: 'enable the new checkout' }).waitFor()
    await page.locator('[data-test=draft-state]').waitFor({ state: 'detached' })
    const live = await liveInConsul()
    if (!live.includes('feature.checkout=on')) throw new Error(`live value without the edit: ${live}`)
  })

  await step('a concurrent change gives the conflict view', async () => {
    await page.getByRole('tab', { name: m.config.edit, exact: true }).click()
    await typeLineAtEnd('pool.size.max=50')
    await page.locator('[data-test=save-draft]').click()
    await page.locator('[data-test=draft-state]').waitFor()
    await changeInConsul('server.port=9090\npool.size=10\nfeature.checkout=on\n')
    await page.locator('[data-action=edit] button').click()
    await page.getByLabel(m.config.publishComment).fill('raise the pool limit')
    await page.locator('[data-test=confirm-publish]').click()
    const conflict = page.locator('[data-test=conflict]')
    await conflict.getByText(m.config.conflictTitle).waitFor()
    // Both versions: what the draft started from and what is live now.
    await conflict.locator('.cm-content', { hasText: 'server.port=9090' }).first().waitFor()
    await conflict.locator('.cm-content', { hasText: 'server.port=8080' }).first().waitFor()
    await conflict.scrollIntoViewIfNeeded()
    await settled(page)
    await browser.screenshot('config-conflict')
  })

  await step('merge, rebase and publish', async () => {
    // Take their port into the draft, then make the live value of now its base.
    await page.locator('[data-test=code-editor] .cm-content').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Shift+End')
    await page.keyboard.type('server.port=9090')
    await page.locator('[data-test=rebase]').click()
    await page.locator('[data-test=conflict]').waitFor({ state: 'detached' })
    await page.locator('[data-test=config-diff]', { hasText: 'pool.size.max' }).waitFor()
    await page.locator('[data-action=edit] button').click()
    await page.getByLabel(m.config.publishComment).fill('raise the pool limit')
    await page.locator('[data-test=confirm-publish]').click()
    await page.locator('[data-test=config-history]', { hasText: 'raise the pool limit' }).waitFor()
    const live = await liveInConsul()
    for (const line of ['server.port=9090', 'feature.checkout=on', 'pool.size.max=50']) {
      if (!live.includes(line)) throw new Error(`live value lacks ${line}: ${live}`)
    }
    await browser.screenshot('config-history')
  })

  await step('delete the live file', async () => {
    await page.locator('[data-test=delete-file]').click()
    await answerPrompt(page)
    // No draft left: back to the environment's files, whose history shows the deletion.
    await page.locator('[data-test=config-history] [data-test=deleted-mark]').first().waitFor()
    const r = await fetch(`${server.sandbox.consul}/v1/kv/${location}`, { headers: { 'X-Consul-Token': 'sandbox-consul-token' } })
    if (r.status !== 404) throw new Error(`the key is still in Consul: ${r.status}`)
  })

  // The refused publish (409 live_changed) is part of the journey; anything else is a problem.
  const expected = (p) => /HTTP 409: POST .*\/publish$/.test(p) || /console error: .*status of 409/.test(p)
  const problems = browser.problems.filter((p) => !expected(p))
  if (problems.length) throw new Error('the browser reported problems:\n  ' + problems.join('\n  '))
} catch (e) {
  failed = true
  console.error(e.message)
  console.error('--- server output (tail) ---\n' + server.output().split('\n').slice(-40).join('\n'))
} finally {
  await browser.close()
  await server.stop()
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed')
process.exit(failed ? 1 : 0)
