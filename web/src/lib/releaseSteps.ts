// Release steps are named by the server in English with their numbers in
// the text ("canary: 1 new + 2 old pods"); the console shows them in its
// own language by recognising each form. An unknown form shows as it is.

export interface StepLabel {
  key: string
  params: Record<string, string>
}

const FORMS: [RegExp, string, string[]][] = [
  [/^record the image in use and the baseline$/, 'releaseStep.record', []],
  [/^canary: (\d+) new \+ (\d+) old pods$/, 'releaseStep.canary', ['canary', 'stable']],
  [/^promote: (\d+) pods run (.+)$/, 'releaseStep.promote', ['pods', 'image']],
  [/^roll out (.+) to (\d+) pods$/, 'releaseStep.rollout', ['image', 'pods']],
  [/^keep the pods \(configuration only\)$/, 'releaseStep.keepPods', []],
  [/^restore (\d+) config file\(s\)$/, 'releaseStep.restoreConfig', ['files']],
  [/^write the new baseline$/, 'releaseStep.baseline', []],
]

export function stepLabel(name: string | undefined): StepLabel | null {
  for (const [pattern, key, names] of FORMS) {
    const m = pattern.exec(name ?? '')
    if (m) return { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) }
  }
  return null
}
