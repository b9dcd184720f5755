// What every browser journey needs: a fresh `slipway serve` with the embedded
// sandbox, API helpers for set-up, and Debian's Chromium driven by
// playwright-core (no browser download), watched for console errors and
// failed requests, with screenshots saved as test artefacts.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const ADMIN_PASSWORD = 'admin-password-for-journeys'

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/// Polls `check` until it returns a truthy value; throws after `ms`.
export async function waitFor(what, check, ms = 60_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(200)
  }
}

export async function startServer(binary) {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-journey-'))
  const config = join(dir, 'slipway.yaml')
  // Fast password hashing: journeys sign in several users.
  writeFileSync(config, 'auth:\n  argon2:\n    time_cost: 1\n    memory_kib: 64\nsandbox:\n  enabled: true\n')
  const port = await freePort()
  const log = join(dir, 'server.log')
  const child = spawn(binary, ['serve', '--config', config, '--data-dir', join(dir, 'data'), '--listen', `127.0.0.1:${port}`], {
    env: { ...process.env, SLIPWAY_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  let exited = null
  child.on('exit', (code, signal) => (exited = { code, signal }))
  const base = `http://127.0.0.1:${port}`
  await waitFor(
    'the server to answer /healthz',
    async () => {
      if (exited) throw new Error(`slipway serve exited (${JSON.stringify(exited)}):\n${output}`)
      try {
        return (await fetch(`${base}/healthz`)).ok
      } catch {
        return false
      }
    },
    30_000,
  )
  const sandbox = JSON.parse(readFileSync(join(dir, 'data', 'sandbox-endpoints.json'), 'utf8'))
  return {
    base,
    sandbox,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM')
        await waitFor('the server to stop', () => exited, 30_000).catch(() => child.kill('SIGKILL'))
      }
      writeFileSync(log, output)
      rmSync(dir, { recursive: true, force: true })
    },
    output: () => output,
  }
}

/// The API as one user (bearer token), for set-up steps that are not under test.
export async function apiAs(base, username, password) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`)
  const cookie = login.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await login.json()
  const call = async (method, path, body) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
  return {
    get: (p) => call('GET', p),
    post: (p, b = {}) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    patch: (p, b) => call('PATCH', p, b),
  }
}

/// Chromium with a fresh profile, in `locale`, recording every browser-side problem.
export async function openBrowser({ locale, artefacts }) {
  const profile = mkdtempSync(join(tmpdir(), 'slipway-chromium-'))
  // Only this run's screenshots: an earlier failure's must not linger.
  rmSync(artefacts, { recursive: true, force: true })
  mkdirSync(artefacts, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
  })
  const problems = []
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => {
    // Leaving a page aborts its streams (logs, events): not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`)
  })
  page.setDefaultTimeout(30_000)
  let shot = 0
  return {
    page,
    problems,
    /// Saves a numbered screenshot; returns its path.
    async screenshot(name) {
      shot += 1
      const path = join(artefacts, `${String(shot).padStart(2, '0')}-${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
