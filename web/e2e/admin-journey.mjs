// The approver's and the admin's pages, in one language: the sandbox banner,
// the approval inbox with its count in the header (approve and reject with
// comments), then as admin: a new user, the audit log filtered by actor,
// the clusters with a connectivity check.
//
//   node e2e/admin-journey.mjs <locale> <slipway binary> <artefact dir>
import { apiAs, openBrowser, startServer, waitFor, ADMIN_PASSWORD } from './harness.mjs'
import { readyApp } from './setup.mjs'
import { choose, messages, settled, signIn, signOut } from './ui.mjs'

const [locale, binary, artefacts] = process.argv.slice(2)
const m = await messages(locale)
const server = await startServer(binary)
const browser = await openBrowser({ locale, artefacts })
const { page } = browser
const PASSWORD = 'journey-password-1'

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

let failed = false
try {
  const admin = await apiAs(server.base, 'admin', ADMIN_PASSWORD)
  await admin.post('/users', { username: 'dev', password: PASSWORD, role: 'developer', display_name: 'Dev Li' })
  await admin.post('/users', { username: 'lead', password: PASSWORD, role: 'approver', display_name: 'Lead Wang' })
  const dev = await apiAs(server.base, 'dev', PASSWORD)
  // Core application, prod environment: every change waits for lead.
  const { app, env } = await readyApp(dev, admin, { name: `pay-${locale.toLowerCase()}`, approver: 'lead', level: 'core', envType: 'prod' })
  const waiting = []
  for (const tag of ['1.25.0', '1.25.1']) {
    const c = await dev.post(`/apps/${app.id}/changes`, { env_id: env.id, title: `nginx ${tag}`, tag })
    await dev.post(`/changes/${c.id}/submit`)
    waiting.push(c.id)
  }

  await step('the sandbox banner and the count of waiting approvals', async () => {
    await page.goto(server.base + '/')
    await page.getByRole('button', { name: m.login.submit }).waitFor()
    await signIn(page, m, 'lead', PASSWORD)
    const banner = page.locator('[data-test=sandbox-banner]')
    await banner.getByText(m.sandbox.text).waitFor()
    const k8s = banner.getByRole('link', { name: 'kubernetes', exact: true })
    if ((await k8s.getAttribute('href')) !== server.sandbox.kubernetes) throw new Error('the banner links elsewhere')
    await page.locator('[data-test=inbox-count] .el-badge__content', { hasText: '2' }).waitFor()
  })

  await step('approve and reject from the inbox', async () => {
    await page.locator('[data-test=inbox-count]').click()
    const rows = page.locator('[data-test=inbox] tbody tr')
    await rows.nth(1).waitFor()
    await settled(page)
    await browser.screenshot('inbox')
    await rows.filter({ hasText: 'nginx 1.25.0' }).locator('[data-test=inbox-approve]').click()
    await page.getByLabel(m.change.approveComment).fill('ship it')
    await page.locator('[data-test=confirm-decision]').click()
    await page.locator('[data-test=inbox-count] .el-badge__content', { hasText: '1' }).waitFor()
    await rows.filter({ hasText: 'nginx 1.25.1' }).locator('[data-test=inbox-reject]').click()
    // A rejection needs a reason: refused in the dialog first.
    await page.locator('[data-test=confirm-decision]').click()
    await page.locator('.el-dialog:visible [role=alert]').waitFor()
    await page.getByLabel(m.change.rejectComment).fill('not this week')
    await page.locator('[data-test=confirm-decision]').click()
    await page.getByText(m.inbox.empty).waitFor()
    await page.locator('[data-test=inbox-count] .el-badge__content').waitFor({ state: 'hidden' })
    const [approved, rejected] = await Promise.all(waiting.map((id) => dev.get(`/changes/${id}`)))
    if (approved.state !== 'pending_release' || rejected.state !== 'developing') {
      throw new Error(`states after the inbox: ${approved.state}, ${rejected.state}`)
    }
    await signOut(page, m)
  })

  await step('create a user as admin', async () => {
    await signIn(page, m, 'admin', ADMIN_PASSWORD)
    await page.getByRole('menuitem', { name: m.nav.users }).click()
    await page.locator('[data-test=new-user]').click()
    await page.locator('#user-name').fill('qa.zhao')
    await page.locator('#user-display').fill('QA Zhao')
    await choose(page, m.users.role, m.role.viewer)
    await page.locator('#user-password').fill('qa-password-1')
    await page.locator('[data-test=save-user]').click()
    await page.locator('[data-test=users] tbody tr', { hasText: 'qa.zhao' }).getByText(m.role.viewer).waitFor()
    await settled(page)
    await browser.screenshot('users')
  })

  await step('filter the audit log by actor', async () => {
    await page.getByRole('menuitem', { name: m.nav.audit }).click()
    await page.getByLabel(m.audit.actor).fill('lead')
    await page.locator('[data-test=audit-search]').click()
    // The unfiltered list shows first; the filtered one replaces it.
    const actorCells = page.locator('[data-test=audit] tbody tr td:nth-child(2)')
    let actors = []
    await waitFor('only lead in the audit log', async () => {
      actors = (await actorCells.allTextContents()).map((a) => a.trim())
      return actors.length > 0 && actors.every((a) => a === 'lead')
    }, 10_000).catch(() => {
      throw new Error(`actors: ${actors.join(', ')}`)
    })
    const rows = page.locator('[data-test=audit] tbody tr')
    await rows.filter({ hasText: 'change.approve' }).first().waitFor()
    await rows.filter({ hasText: 'change.reject' }).first().waitFor()
    await browser.screenshot('audit')
  })

  await step('check a cluster', async () => {
    await page.getByRole('menuitem', { name: m.nav.clusters }).click()
    const row = page.locator('[data-test=clusters] tbody tr', { hasText: 'sandbox' })
    await row.getByRole('button', { name: m.clusters.check }).click()
    await row.getByText(m.clusters.reachable).waitFor()
  })

  if (browser.problems.length) throw new Error('the browser reported problems:\n  ' + browser.problems.join('\n  '))
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
