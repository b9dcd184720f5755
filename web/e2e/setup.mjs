// Set-up steps that journeys share, through the API (not under test): a
// complete commercial application (no build needed) with an environment.
import { waitFor } from './harness.mjs'

export const DETAILS = {
  vendor_image: 'docker.io/library/nginx',
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  health_check: { type: 'http', path: '/healthz', port: 8080 },
}

/// Registers `name` as `owner` (an apiAs client), approves it as `admin`,
/// completes it with `approver` and creates its `envType` environment on the
/// sandbox cluster. Returns { app, env }.
export async function readyApp(owner, admin, { name, approver, level = 'non_core', envType = 'test', image }) {
  const app = await owner.post('/apps', { name, team: 'trade', type: 'commercial', level })
  const approved = await admin.post(`/apps/${app.id}/approve`, { comment: 'set-up' })
  await owner.put(`/apps/${app.id}/details`, { version: approved.version, ...DETAILS, approvers: [approver] })
  const env = await owner.post(`/apps/${app.id}/environments`, { env_type: envType, cluster: 'sandbox', ...(image ? { image } : {}) })
  await waitFor(`environment ${env.id}`, async () => !!(await owner.get(`/environments/${env.id}`)).id)
  return { app, env }
}
