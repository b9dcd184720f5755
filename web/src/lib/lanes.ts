// Swimlanes in the console: API types, the plan grouped by system, the create
// request built from the form, and the workflow with its children.
import type { components } from '../api/schema'

type S = components['schemas']
export type Lane = S['Lane']
export type LaneApp = S['LaneApp']
export type LaneCreate = S['LaneCreate']
export type LaneEdit = S['LaneEdit']
export type LaneAppRequest = S['LaneAppRequest']
export type LaneArtefact = S['LaneArtefact']
export type LaneArtefactState = S['LaneArtefactState']
export type LanePlanResult = S['LanePlanResult']
export type LaneEvent = S['LaneEvent']
export type LaneDeletion = S['LaneDeletion']
export type WorkflowStep = S['WorkflowStep']

/// A workflow with its steps and the child workflows its steps started.
export type Workflow = S['Workflow']
export type WorkflowChild = S['WorkflowChild']

/// The systems a plan touches, in the order the page shows them.
export const SYSTEMS = ['kubernetes', 'gitlab', 'jenkins', 'dns', 'consul', 'apollo'] as const

export interface PlanGroup {
  system: string
  artefacts: LaneArtefact[]
  /// The config rewrites of this system (before → after), separately.
  rewrites: Rewrite[]
}
export interface Rewrite {
  app: string
  where: string
  before: string
  after: string
}

/// "before → after" of a config-rewrite artefact (the arrow the server writes).
export function splitRewrite(detail: string): { before: string; after: string } {
  const at = detail.indexOf(' → ')
  return at < 0 ? { before: detail, after: '' } : { before: detail.slice(0, at), after: detail.slice(at + 3) }
}

/// The plan by system (known systems first, in SYSTEMS order; others after).
export function groupPlan(plan: LaneArtefact[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>()
  for (const a of plan) {
    let g = groups.get(a.system)
    if (!g) groups.set(a.system, (g = { system: a.system, artefacts: [], rewrites: [] }))
    if (a.kind === 'config-rewrite') g.rewrites.push({ app: a.app ?? '', where: a.name, ...splitRewrite(a.detail) })
    else g.artefacts.push(a)
  }
  const rank = (s: string) => {
    const i = (SYSTEMS as readonly string[]).indexOf(s)
    return i < 0 ? SYSTEMS.length : i
  }
  return [...groups.values()].sort((a, b) => rank(a.system) - rank(b.system) || a.system.localeCompare(b.system))
}

/// The form of the create page (strings as typed; turned into LaneCreate by toLaneCreate).
export interface LaneAppForm {
  app: string
  replicas?: number | null
  domains: string[]
}
export interface LaneConsumerForm {
  app: string
  topic: string
  group: string
}
export interface LaneForm {
  name: string
  workspace: string
  story: string
  members: string
  apps: LaneAppForm[]
  producers: string[]
  consumers: LaneConsumerForm[]
  notifyType: '' | 'dingtalk' | 'webhook'
  notifyUrl: string
  notifySecret: string
}

export function emptyLaneForm(): LaneForm {
  return {
    name: '', workspace: '', story: '', members: '', apps: [], producers: [], consumers: [],
    notifyType: '', notifyUrl: '', notifySecret: '',
  }
}

/// Comma, space or newline separated names, without blanks and repeats.
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[\s,，]+/).map((s) => s.trim()).filter(Boolean))]
}

/// The request body of POST /lanes for the form; empty optional parts are left out.
export function toLaneCreate(form: LaneForm): LaneCreate {
  const body: LaneCreate = {
    name: form.name.trim(),
    story: { workspace_id: form.workspace.trim(), id: form.story.trim() },
    apps: form.apps.map((a) => {
      const r: LaneAppRequest = { app: a.app }
      if (a.replicas) r.replicas = a.replicas
      if (a.domains.length) r.domains = [...a.domains]
      return r
    }),
  }
  const members = splitNames(form.members)
  if (members.length) body.members = members
  const consumers = form.consumers.filter((c) => c.app && c.topic.trim() && c.group.trim())
    .map((c) => ({ app: c.app, topic: c.topic.trim(), group: c.group.trim() }))
  if (form.producers.length || consumers.length) {
    body.coloring = {}
    if (form.producers.length) body.coloring.producers = [...form.producers]
    if (consumers.length) body.coloring.consumers = consumers
  }
  if (form.notifyType && form.notifyUrl.trim()) {
    body.notify = { type: form.notifyType, url: form.notifyUrl.trim() }
    if (form.notifySecret) body.notify.secret = form.notifySecret
  }
  return body
}

/// The API's lane name rule: 1-40 letters, digits, '-', '_', '.'.
export function isLaneName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,40}$/.test(name)
}

/// The TAPD page of a story, unless the API already gave one.
export function storyUrl(story: { workspace_id: string; id: string; url?: string } | undefined | null): string {
  if (!story) return ''
  if (story.url) return story.url
  return `https://www.tapd.cn/${encodeURIComponent(story.workspace_id)}/prong/stories/view/${encodeURIComponent(story.id)}`
}

/// Whether a workflow state still changes (the page polls while it does).
export function isRunning(state: string | null | undefined): boolean {
  return state === 'running'
}

/// A lane still being made or removed: the page follows it.
export function laneBusy(lane: Pick<Lane, 'state' | 'workflow_state'> | null | undefined): boolean {
  return !!lane && (lane.state === 'creating' || lane.state === 'deleting' || isRunning(lane.workflow_state))
}

/// The children each step started, by step index.
export function childrenByStep(wf: Workflow | null | undefined): Map<number, WorkflowChild[]> {
  const by = new Map<number, WorkflowChild[]>()
  for (const c of wf?.children ?? []) {
    const list = by.get(c.step) ?? []
    list.push(c)
    by.set(c.step, list)
  }
  return by
}

/// Share of the steps that are done (succeeded), 0..100.
export function progress(steps: { state: string }[] | undefined): number {
  if (!steps?.length) return 0
  return Math.round((100 * steps.filter((s) => s.state === 'succeeded').length) / steps.length)
}
