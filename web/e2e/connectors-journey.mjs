// The connectors page, in one language: as admin, the sandbox's seven
// systems → Jenkins with only its user changed (saved: a version, the token
// still set) → its url moved without the token (refused on the token field,
// nothing saved) → a candidate with a wrong token tested (the failure shown,
// the token nowhere on the page), then a good one → reset to the file's
// settings. A developer sees no menu entry and the not-allowed state.
//
//   node e2e/connectors-journey.mjs <locale> <slipway binary> <artefact dir>
import { apiAs, openBrowser, startServer, ADMIN_PASSWORD } from './harness.mjs'
import { answerPrompt, messages, settled, signIn, signOut } from './ui.mjs'

const [locale, binary, artefacts] = process.argv.slice(2)
const m = await messages(locale)
const server = await startServer(binary)
const browser = await openBrowser({ locale, artefacts })
const { page } = browser
const PASSWORD = 'journey-password-1'
const SYSTEMS = ['jenkins', 'registry', 'apollo', 'consul', 'gitlab', 'tapd', 'dns']
const WRONG_TOKEN = `wrong-token-${Date.now()}`

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

const rowOf = (system) => page.locator('[data-test=connectors] tbody tr').filter({ has: page.locator(`[data-system=${system}]`) })
const dialog = () => page.locator('.el-dialog:visible')

async function openEdit(system) {
  await rowOf(system).locator('[data-test=edit-connector]').click()
  await dialog().locator('[data-test=connector-form]').waitFor()
}

async function closeDialog() {
  await dialog().getByRole('button', { name: m.common.cancel }).click()
  await page.locator('.el-dialog').first().waitFor({ state: 'hidden' })
}

let failed = false
try {
  const admin = await apiAs(server.base, 'admin', ADMIN_PASSWORD)
  await admin.post('/users', { username: 'dev', password: PASSWORD, role: 'developer', display_name: 'Dev Li' })
  const sandboxJenkins = await admin.get('/connectors/jenkins')

  await step("the sandbox's systems", async () => {
    await page.goto(server.base + '/')
    await page.getByRole('button', { name: m.login.submit }).waitFor()
    await signIn(page, m, 'admin', ADMIN_PASSWORD)
    await page.getByRole('menuitem', { name: m.nav.connectors }).click()
    for (const system of SYSTEMS) {
      await rowOf(system).locator('[data-test=source]', { hasText: m.connectors.sources.sandbox }).waitFor()
    }
    const rows = await page.locator('[data-test=connectors] tbody tr').count()
    if (rows !== SYSTEMS.length) throw new Error(`${rows} rows, not ${SYSTEMS.length}`)
    await rowOf('jenkins').getByText(sandboxJenkins.settings.url).waitFor()
    await rowOf('jenkins').locator('[data-test=secret-token]', { hasText: m.connectors.set }).waitFor()
    await settled(page)
    await browser.screenshot('connectors')
  })

  await step('change only the Jenkins user', async () => {
    await openEdit('jenkins')
    if ((await page.locator('#connector-user').inputValue()) !== sandboxJenkins.settings.user) throw new Error('the user is not prefilled')
    const token = page.locator('#connector-token')
    if ((await token.inputValue()) !== '') throw new Error('the token input is not empty')
    if ((await token.getAttribute('placeholder')) !== m.connectors.secretKeep) throw new Error('the token does not say it is set')
    await page.locator('#connector-user').fill('deployer')
    await dialog().locator('[data-test=save-connector]').click()
    const row = rowOf('jenkins')
    await row.locator('[data-test=version]', { hasText: '1' }).waitFor()
    await row.locator('[data-test=source]', { hasText: m.connectors.sources.api }).waitFor()
    await row.locator('[data-test=secret-token]', { hasText: m.connectors.set }).waitFor()
    await row.locator('[data-test=updated-by]', { hasText: 'admin' }).waitFor()
    // Until the toast is gone, for the docs' picture.
    await page.locator('.el-message').waitFor({ state: 'detached' })
    await browser.screenshot('connectors-saved')
    const saved = await admin.get('/connectors/jenkins')
    if (saved.settings.user !== 'deployer' || !saved.secret_set.token || saved.settings.url !== sandboxJenkins.settings.url) {
      throw new Error(`saved: ${JSON.stringify(saved)}`)
    }
  })

  await step('moving the url needs the token again', async () => {
    await openEdit('jenkins')
    await page.locator('#connector-url').fill('http://127.0.0.1:9')
    // Said before saving, then refused by the server on the token field.
    await dialog().locator('[data-test=reenter-token]').waitFor()
    await dialog().locator('[data-test=save-connector]').click()
    await dialog().locator('[data-test=secret-field-token] .el-form-item__error', { hasText: 'token' }).waitFor()
    await settled(page)
    await browser.screenshot('connector-reenter')
    const now = await admin.get('/connectors/jenkins')
    if (now.settings.url !== sandboxJenkins.settings.url || now.version !== 1) throw new Error(`changed: ${JSON.stringify(now)}`)
    await closeDialog()
  })

  await step('test a candidate: a wrong token, then the one in effect', async () => {
    await openEdit('jenkins')
    await page.locator('#connector-token').fill(WRONG_TOKEN)
    await dialog().locator('[data-test=test-connector]').click()
    const result = dialog().locator('[data-test=test-result].el-alert--error')
    await result.getByText('unauthenticated').waitFor()
    const text = await page.locator('body').innerText()
    const html = await page.content()
    if (text.includes(WRONG_TOKEN) || html.includes(WRONG_TOKEN)) throw new Error('the token is on the page')
    await settled(page)
    await browser.screenshot('connector-test-failed')
    // The sandbox's user with the stored token: the system answers.
    await page.locator('#connector-token').fill('')
    await page.locator('#connector-user').fill(sandboxJenkins.settings.user)
    await dialog().locator('[data-test=test-connector]').click()
    await dialog().locator('[data-test=test-result].el-alert--success').waitFor()
    const now = await admin.get('/connectors/jenkins')
    if (now.settings.user !== 'deployer' || now.version !== 1) throw new Error(`a test saved: ${JSON.stringify(now)}`)
    await closeDialog()
  })

  await step('reset to the file settings', async () => {
    await rowOf('jenkins').locator('[data-test=reset-connector]').click()
    await answerPrompt(page)
    const row = rowOf('jenkins')
    await row.locator('[data-test=source]', { hasText: m.connectors.sources.sandbox }).waitFor()
    await row.locator('[data-test=reset-connector]').waitFor({ state: 'detached' })
    const now = await admin.get('/connectors/jenkins')
    if (now.source !== 'sandbox' || now.settings.user !== sandboxJenkins.settings.user) throw new Error(`after reset: ${JSON.stringify(now)}`)
  })

  await step('a developer is not allowed', async () => {
    await signOut(page, m)
    await signIn(page, m, 'dev', PASSWORD)
    await page.getByRole('menuitem', { name: m.nav.apps }).waitFor()
    if (await page.getByRole('menuitem', { name: m.nav.connectors }).count()) throw new Error('the menu offers connectors')
    await page.goto(server.base + '/connectors')
    await page.locator('[data-test=not-allowed]', { hasText: m.connectors.notAllowed }).waitFor()
  })

  // The refused save (400 naming the token) is part of the journey; anything else is a problem.
  const expected = (p) => /HTTP 400: PUT .*\/connectors\/jenkins$/.test(p) || /console error: .*status of 400/.test(p)
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
