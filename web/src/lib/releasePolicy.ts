// An environment's release policy (R-REL-4) as the console's forms edit it:
// one row per canary step, the stability window, auto-rollback, approval.
// The rules (ranges, step counts) are the server's; a refusal names the field.
import type { ReleasePolicy } from '../api/types'

export interface StepRow {
  size: number
  unit: 'pods' | 'percent'
  pause: 'manual' | 'none' | 'timed'
  seconds: number
}

export interface PolicyForm {
  strategy: 'one_shot' | 'canary'
  steps: StepRow[]
  window: number
  autoRollback: boolean
  approval: 'default' | 'yes' | 'no'
}

/// The server's defaults: one pod, then half, each waiting for a promotion; 10 s window.
export const DEFAULT_WINDOW = 10

export function newStep(): StepRow {
  return { size: 1, unit: 'pods', pause: 'manual', seconds: 60 }
}

type ApiStep = NonNullable<NonNullable<ReleasePolicy['canary']>['steps']>[number]

function rowOf(s: ApiStep): StepRow {
  const pause = s.pause as unknown
  const timed = typeof pause === 'object' && pause !== null && 'seconds' in pause
  return {
    size: (s.percent ?? s.pods ?? 1) as number,
    unit: s.percent !== undefined ? 'percent' : 'pods',
    pause: timed ? 'timed' : pause === 'none' ? 'none' : 'manual',
    seconds: timed ? Number((pause as { seconds: unknown }).seconds) : 60,
  }
}

/// The form for a policy as the API shows it (or the defaults for a new environment).
export function formOf(p?: ReleasePolicy): PolicyForm {
  const steps = p?.canary?.steps?.map(rowOf) ?? [
    newStep(),
    { size: 50, unit: 'percent', pause: 'manual', seconds: 60 },
  ]
  return {
    strategy: p?.strategy ?? 'one_shot',
    steps,
    window: p?.canary?.stability_window_seconds ?? DEFAULT_WINDOW,
    autoRollback: p?.auto_rollback ?? false,
    approval: p?.approval_required === true ? 'yes' : p?.approval_required === false ? 'no' : 'default',
  }
}

/// The whole policy, as PUT /environments/{id}/release-policy and creation read it.
export function policyOf(f: PolicyForm): ReleasePolicy {
  return {
    strategy: f.strategy,
    canary: {
      steps: f.steps.map((s) => ({
        [s.unit]: s.size,
        pause: s.pause === 'timed' ? { seconds: s.seconds } : s.pause,
      })),
      stability_window_seconds: f.window,
    },
    auto_rollback: f.autoRollback,
    approval_required: f.approval === 'default' ? null : f.approval === 'yes',
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/// What happens after a step's pods are stable, in the console's language.
export function pauseText(s: StepRow, t: Translate): string {
  if (s.pause === 'timed') return t('env.pauseForN', { n: s.seconds })
  return s.pause === 'none' ? t('env.pauseNone') : t('env.pauseManual')
}

/// One step: "2 pod(s) · wait for promotion", "50% of pods · wait 300 s, then go on".
export function stepText(s: StepRow, t: Translate): string {
  const size = s.unit === 'pods' ? t('env.stepPodsN', { n: s.size }) : t('env.stepPercentN', { n: s.size })
  return `${size} · ${pauseText(s, t)}`
}
