// The main journey, in one language: sign in → register an application →
// approve it → complete its details → create an environment → edit its
// release policy → build with the live log → open a change → approve it as
// another user → canary release with a promotion (following the edited
// policy) → roll back → the old image's pods.
//
//   node e2e/release-journey.mjs <locale> <slipway binary> <artefact dir>
import { apiAs, openBrowser, startServer, waitFor, ADMIN_PASSWORD } from './harness.mjs'
import { answerPrompt, choose, clickAction, messages, settled, signIn, signOut } from './ui.mjs'

const [locale, binary, artefacts] = process.argv.slice(2)
const m = await messages(locale)
const server = await startServer(binary)
const browser = await openBrowser({ locale, artefacts })
const { page } = browser
const app = `shop-${locale.toLowerCase()}`
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

  await step('sign in', async () => {
    await page.goto(server.base + '/')
    await page.getByRole('button', { name: m.login.submit }).waitFor()
    await browser.screenshot('sign-in')
    await signIn(page, m, 'dev', PASSWORD)
  })

  await step('register an application', async () => {
    await page.locator('[data-test=register-app]').click()
    await page.locator('#app-name').fill(app)
    await page.locator('#app-team').fill('trade')
    await page.locator('#app-repo').fill(`https://git.example.com/trade/${app}.git`)
    await page.locator('.el-dialog:visible').getByText(m.appLevel.core, { exact: true }).click()
    await settled(page)
    await browser.screenshot('register')
    await page.locator('[data-test=submit-register]').click()
    await page.getByRole('heading', { name: app }).waitFor()
    await page.getByText(m.state.under_review).first().waitFor()
    await signOut(page, m)
  })

  await step('approve the registration as admin', async () => {
    await signIn(page, m, 'admin', ADMIN_PASSWORD)
    await choose(page, m.apps.status, m.state.under_review)
    await page.getByRole('link', { name: app }).click()
    await clickAction(page, 'approve')
    await answerPrompt(page, 'looks good')
    await page.getByText(m.state.pending_online, { exact: true }).first().waitFor()
    await signOut(page, m)
  })

  let appId
  await step('complete the details', async () => {
    await signIn(page, m, 'dev', PASSWORD)
    await page.getByRole('link', { name: app }).click()
    await page.locator('.missing').first().waitFor()
    appId = Number(new URL(page.url()).pathname.split('/').pop())
    await browser.screenshot('details-missing')
    await page.locator('#d-job').fill(`trade/${app}`)
    await page.locator('[data-test=add-port]').click()
    await page.locator(`input[aria-label="${m.details.port}"]`).first().fill('8080')
    await choose(page, m.details.healthType, 'http')
    await page.getByLabel(m.details.healthPath).fill('/healthz')
    await page.locator(`input[aria-label="${m.details.port}"]`).nth(1).fill('8080')
    await page.locator('#d-approvers').fill('lead')
    await page.locator('[data-action=complete] button').click()
    await page.locator('.missing').first().waitFor({ state: 'detached' })
  })

  // The image the environment starts with (and a rollback returns to): a
  // build made through the API, as CI would.
  const dev = await apiAs(server.base, 'dev', PASSWORD)
  const first = await dev.post(`/apps/${appId}/builds`, { branch: 'main', version: '0.9.0' })
  await waitFor('build 0.9.0', async () => (await dev.get(`/builds/${first.id}`)).state === 'succeeded')

  await step('create a canary environment', async () => {
    await page.getByRole('tab', { name: m.app.environments }).click()
    await page.locator('[data-action=add_environment] button').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.getByText('prod', { exact: true }).click()
    await choose(page, m.env.image, '0.9.0')
    await dialog.getByText(m.strategy.canary, { exact: true }).click()
    await choose(page, m.env.approval, m.env.approvalYes)
    await settled(page)
    await browser.screenshot('environment-form')
    await page.locator('[data-test=submit-env]').click()
    await page.locator('[data-test=ready-count]', { hasText: '2 / 2' }).waitFor({ timeout: 60_000 })
    await browser.screenshot('environment-live')
  })

  // The owner tightens the policy after the fact: a 1 s stability window and
  // auto-rollback; the canary release below runs with them.
  await step('edit the release policy', async () => {
    await page.locator('[data-action=edit_release_policy] button').click()
    const dialog = page.locator('.el-dialog:visible')
    const seconds = dialog.locator('[data-test=policy-window] input')
    await seconds.fill('1')
    await seconds.press('Tab')
    await dialog.locator('[data-test=policy-auto-rollback]').click()
    await settled(page)
    await browser.screenshot('release-policy')
    await page.locator('[data-test=save-policy]').click()
    await page.locator('[data-test=policy-window-value]', { hasText: m.env.secondsN.replace('{n}', '1') }).waitFor()
    await page.locator('[data-test=policy-auto-rollback-value]', { hasText: m.common.yes }).waitFor()
  })

  await step('build with the live log', async () => {
    await page.goto(`${server.base}/apps/${appId}?tab=builds`)
    await page.locator('input[data-test=build-version], [data-test=build-version] input').fill('1.0.0')
    await page.locator('[data-action=build] button').click()
    await page.locator('[data-test=build-log]').waitFor()
    await waitFor('the log to show text', async () => (await page.locator('[data-test=build-log]').textContent()).length > 20)
    await page.locator('[data-test=build-state]', { hasText: m.state.succeeded }).waitFor({ timeout: 60_000 })
    await browser.screenshot('build-log')
  })

  let changeUrl
  await step('open and submit a change', async () => {
    await page.goto(`${server.base}/apps/${appId}?tab=changes`)
    await page.locator('[data-action=change] button').click()
    await choose(page, m.change.environment, 'prod')
    await page.locator('input[data-test=change-title], [data-test=change-title] input').fill('Release 1.0.0')
    await choose(page, m.change.build, '1.0.0')
    await page.locator('[data-test=submit-change]').click()
    await page.locator('[data-test=change-state]').waitFor()
    changeUrl = page.url()
    await clickAction(page, 'submit')
    await page.locator('[data-test=change-state]', { hasText: m.state.approving }).waitFor()
    await signOut(page, m)
  })

  await step('approve the change as another user', async () => {
    await signIn(page, m, 'lead', PASSWORD)
    await page.goto(changeUrl)
    await clickAction(page, 'approve')
    await answerPrompt(page, 'ship it')
    await page.locator('[data-test=change-state]', { hasText: m.state.pending_release }).waitFor()
    await browser.screenshot('change-approved')
    await signOut(page, m)
  })

  await step('canary release with a promotion', async () => {
    await signIn(page, m, 'dev', PASSWORD)
    await page.goto(changeUrl)
    await clickAction(page, 'release')
    await page.locator('.el-dialog:visible').getByText(m.release.planFinal).waitFor()
    await settled(page)
    await browser.screenshot('release-plan')
    await page.locator('[data-test=start-release]').click()
    await page.locator('[data-test=release-state]', { hasText: m.state.canary }).waitFor({ timeout: 60_000 })
    await page.locator('[data-test=pods-new]', { hasText: '1' }).waitFor({ timeout: 60_000 })
    await page.locator('[data-action=promote] button:not([disabled])').waitFor()
    // Step names in the console's language, numbers and image filled in.
    await page.locator('[data-test=step-name]', { hasText: m.releaseStep.record }).waitFor()
    await page.locator('[data-test=step-name]', { hasText: m.releaseStep.baseline }).waitFor()
    const canaryStep = m.releaseStep.canary.replace('{canary}', '1').replace('{stable}', '1')
    await page.locator('[data-test=step-name]', { hasText: canaryStep }).waitFor()
    await browser.screenshot('release-timeline-canary')
    // The release runs with the policy as edited above.
    const release = await dev.get(`/releases/${new URL(page.url()).pathname.split('/').pop()}`)
    if (release.plan?.[0]?.stability_window_seconds !== 1 || !release.auto_rollback) {
      throw new Error(`the release does not follow the edited policy: ${JSON.stringify(release.plan)}`)
    }
    await clickAction(page, 'promote')
    await page.locator('[data-test=release-state]', { hasText: m.state.completed }).waitFor({ timeout: 90_000 })
    await page.locator('[data-test=pods-new]', { hasText: '2' }).waitFor({ timeout: 60_000 })
    await browser.screenshot('release-completed')
  })

  await step('roll back to the old image', async () => {
    await clickAction(page, 'rollback')
    await page.locator('[data-test=rollback-image]', { hasText: '0.9.0' }).waitFor()
    await settled(page)
    await browser.screenshot('rollback-dialog')
    await page.locator('[data-test=confirm-rollback]').click()
    await page.getByRole('heading', { name: new RegExp(m.releaseKind.rollback) }).waitFor()
    await page.locator('[data-test=release-state]', { hasText: m.state.completed }).waitFor({ timeout: 90_000 })
  })

  await step("see the old image's pods", async () => {
    await page.locator('h1 a').first().click()
    await page.locator('[data-test=env-image-live]', { hasText: '0.9.0' }).waitFor()
    await waitFor('every pod on 0.9.0', async () => {
      const images = await page.locator('[data-test=pods] tbody tr').allTextContents()
      return images.length === 2 && images.every((row) => row.includes(':0.9.0'))
    }, 60_000)
    await browser.screenshot('rolled-back-pods')
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
