import type { Pod } from '../api/types'

/// Applies one watch event ({type: ADDED|MODIFIED|DELETED, pod}) to the pod list.
export function applyPodEvent(pods: Pod[], event: { type?: string; pod?: Pod }): Pod[] {
  const pod = event.pod
  if (!pod?.name) return pods
  const rest = pods.filter((p) => p.name !== pod.name)
  if (event.type === 'DELETED') return rest
  return [...rest, pod].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
}

/// Live pods (not terminating) running `image`, and those running anything else.
export function countByImage(pods: Pod[], image: string | undefined): { current: number; other: number } {
  let current = 0
  let other = 0
  for (const p of pods) {
    if (p.terminating) continue
    if (image && p.image === image) current += 1
    else other += 1
  }
  return { current, other }
}
