// The swimlane journey, in one language. Set-up through the API: two
// self-developed applications (one with the business domain `web`) with a
// `test` environment on the sandbox cluster, and a QA config value the lane's
// copy rewrites. In the browser: create a lane (form → plan by system with
// the config rewrites → confirm) as a developer, follow it to `active`, a push
// deploys into it, renew it; as admin, the workflow with each application's
// child workflow, an edit that takes an application out (its plan first),
// then delete it (type the name) and see it gone.
//
//   node e2e/lane-journey.mjs <locale> <slipway binary> <artefact dir>
import { apiAs, openBrowser, startServer, waitFor, ADMIN_PASSWORD } from './harness.mjs'
import { answerPrompt, messages, settled, signIn, signOut } from './ui.mjs'

const [locale, binary, artefacts] = process.argv.slice(2)
const m = await messages(locale)
const server = await startServer(binary)
const browser = await openBrowser({ locale, artefacts })
const { page } = browser
const suffix = locale.toLowerCase()
const order = `order-${suffix}`
const pay = `pay-${suffix}`
const lane = `Pay_Q3-${suffix}`
const PASSWORD = 'journey-password-1'
const STORY = { workspace: '10158231', id: '1010158231500000001' }

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

/// Picks `text` in the nth el-select matching `selector`.
async function chooseNth(selector, n, text) {
  const select = page.locator(selector).nth(n)
  await select.locator('.el-select__wrapper').click()
  await settled(page)
  await page.locator('.el-select-dropdown__item:visible:not(.is-disabled)', { hasText: text }).first().click()
  await settled(page)
}

let failed = false
try {
  const admin = await apiAs(server.base, 'admin', ADMIN_PASSWORD)
  await admin.post('/users', { username: 'dev', password: PASSWORD, role: 'developer', display_name: 'Dev Li' })
  const dev = await apiAs(server.base, 'dev', PASSWORD)
  for (const [name, domains] of [[order, ['web']], [pay, []]]) {
    const app = await dev.post('/apps', {
      name, team: 'trade', type: 'self_developed', level: 'non_core', description: `lane journey ${name}`,
      repo_url: `https://git.example.com/trade/${name}.git`,
    })
    await admin.post(`/apps/${app.id}/approve`, { comment: 'ok' })
    const current = await dev.get(`/apps/${app.id}`)
    await dev.put(`/apps/${app.id}/details`, {
      version: current.version, ports: [{ name: 'http', port: 8080 }], business_domains: domains,
    })
    await admin.post(`/apps/${app.id}/environments`, { env_type: 'test', cluster: 'sandbox' })
  }
  // QA's config of order names a QA host and pay's internal service: the lane's copy rewrites both.
  const consul = await fetch(`${server.sandbox.consul}/v1/kv/slipway/config/${order}/test/sandbox/app.properties`, {
    method: 'PUT',
    headers: { 'X-Consul-Token': 'sandbox-consul-token', 'Content-Type': 'text/plain' },
    body: `site=https://web-qa.sandbox.test/home\npay.url=http://${pay}.app:8080\n`,
  })
  if (!consul.ok) throw new Error(`consul put: ${consul.status} ${await consul.text()}`)

  await step('sign in as a developer', async () => {
    await page.goto(server.base + '/lanes')
    await page.getByRole('button', { name: m.login.submit }).waitFor()
    await signIn(page, m, 'dev', PASSWORD)
    await page.getByRole('heading', { name: m.lanes.title }).waitFor()
    await page.getByText(m.lanes.empty).waitFor()
  })

  await step('fill the create form', async () => {
    await page.locator('[data-test=create-lane]').click()
    await page.locator('#lane-name').fill(lane)
    await page.locator('#lane-workspace').fill(STORY.workspace)
    await page.locator('#lane-story').fill(STORY.id)
    await page.locator('[data-test=add-lane-app]').click()
    await chooseNth('[data-test=lane-app]', 0, order)
    await page.locator('[data-test=add-lane-app]').click()
    await chooseNth('[data-test=lane-app]', 1, pay)
    await chooseNth('[data-test=lane-producers]', 0, order)
    await page.keyboard.press('Escape')
    await settled(page)
    await browser.screenshot('lane-form')
  })

  await step('see the plan by system with the config rewrites', async () => {
    await page.locator('[data-test=lane-plan-button]').click()
    await page.locator('[data-test=lane-plan-step]').waitFor()
    for (const system of ['kubernetes', 'gitlab', 'jenkins', 'dns', 'consul']) {
      await page.locator(`[data-system=${system}]`).waitFor()
    }
    const ns = lane.toLowerCase().replace(/[^a-z0-9]/g, '-')
    const rewrites = page.locator('[data-test=plan-rewrites]')
    await rewrites.getByText(`https://web-${ns}.sandbox.test/home`).waitFor()
    await rewrites.getByText(`http://${pay}.${ns}:8080`).waitFor()
    await page.getByText(`feature/${lane}`).first().waitFor()
    await settled(page)
    await browser.screenshot('lane-plan')
    await page.locator('[data-system=consul]').scrollIntoViewIfNeeded()
    await browser.screenshot('lane-plan-rewrites')
  })

  await step('confirm and follow the lane to active', async () => {
    await page.locator('[data-test=confirm-create-lane]').click()
    await page.getByRole('heading', { name: lane }).waitFor()
    await page.locator('[data-test=lane-state]', { hasText: m.lanes.stateName.active }).waitFor({ timeout: 90_000 })
    await page.locator('[data-test=lane-apps-table]').getByText(`web-${lane.toLowerCase().replace(/[^a-z0-9]/g, '-')}.sandbox.test`).waitFor()
    // Every artefact is where the plan said.
    await page.locator('[data-test=check-drift]').click()
    const allThere = new RegExp(m.lanes.driftNone.replace('{total}', '\\d+'))
    await page.locator('[data-test=drift-summary]', { hasText: allThere }).waitFor()
  })

  await step('a push deploys into the lane', async () => {
    const pushed = await fetch(`${server.sandbox.gitlab}/sandbox/push`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ project: `trade/${order}`, branch: `feature/${lane}` }),
    })
    if (!pushed.ok) throw new Error(`push: ${pushed.status} ${await pushed.text()}`)
    const ns = lane.toLowerCase().replace(/[^a-z0-9]/g, '-')
    await waitFor('the pushed image in the lane', async () => {
      await page.reload()
      await page.locator('[data-test=lane-apps-table]').waitFor()
      return (await page.locator('[data-test=lane-apps-table]').textContent()).includes(`:${ns}-`)
    }, 90_000)
    await page.locator('[data-test=lane-events]').getByText(m.lanes.eventKinds.deploy, { exact: true }).first().waitFor()
  })

  await step('renew', async () => {
    await page.locator('[data-action=renew] button:not([disabled])').click()
    await page.getByText(m.lanes.renewed).waitFor()
    await page.locator('[data-test=lane-events]').getByText(m.lanes.eventKinds.renew, { exact: true }).first().waitFor()
    await signOut(page, m)
  })

  await step('the workflow with each application as admin', async () => {
    await signIn(page, m, 'admin', ADMIN_PASSWORD)
    await page.goto(server.base + '/lanes')
    await page.locator('[data-test=lanes]').getByText('1010158231500000001').or(page.locator('[data-test=lanes] .el-link')).first().waitFor()
    await browser.screenshot('lane-list')
    await page.getByRole('link', { name: lane }).click()
    await page.getByRole('heading', { name: lane }).waitFor()
    const wf = page.locator('[data-test=lane-workflow]')
    await wf.locator('[data-step=apps]').waitFor()
    await wf.locator(`[data-child="${order}"]`).waitFor()
    await wf.locator(`[data-child="${pay}"]`).waitFor()
    await wf.locator('[data-test=workflow-state]', { hasText: m.state.succeeded }).waitFor()
    await settled(page)
    await browser.screenshot('lane-detail')
  })

  await step('edit the applications: take pay out (admin)', async () => {
    await page.locator('[data-action=edit] button:not([disabled])').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.locator('[data-row="1"]').getByRole('button', { name: m.common.remove }).click()
    await dialog.getByRole('button', { name: m.lanes.planButton }).click()
    await dialog.locator('[data-test=lane-plan]').waitFor()
    await settled(page)
    await browser.screenshot('lane-edit-plan')
    await dialog.locator('[data-test=apply-lane-edit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await waitFor('one application left', async () => (await page.locator('[data-test=lane-apps-table] tbody tr').count()) === 1, 60_000)
    await page.locator('[data-test=lane-state]', { hasText: m.lanes.stateName.active }).waitFor({ timeout: 60_000 })
    await page.locator('[data-test=lane-events]').getByText(m.lanes.eventKinds.edited, { exact: true }).first().waitFor({ timeout: 60_000 })
    // The edit's workflow: pay's artefacts removed by a child workflow.
    const wf = page.locator('[data-test=lane-workflow]')
    await wf.locator('[data-step=changes]').waitFor()
    await wf.locator(`[data-child="${pay}"]`).waitFor()
    await wf.locator('[data-test=workflow-state]', { hasText: m.state.succeeded }).waitFor()
  })

  await step('delete with the typed name and see it gone', async () => {
    await page.locator('[data-action=delete] button:not([disabled])').click()
    await answerPrompt(page, lane)
    await page.getByRole('heading', { name: m.lanes.title }).waitFor({ timeout: 120_000 })
    await page.getByText(m.lanes.empty).waitFor()
    await page.getByRole('link', { name: lane }).waitFor({ state: 'detached' })
    const left = await dev.get('/lanes')
    if (left.items.some((l) => l.name === lane)) throw new Error(`${lane} is still listed`)
  })

  if (browser.problems.length) {
    throw new Error('the browser reported problems:\n  ' + browser.problems.join('\n  '))
  }
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
