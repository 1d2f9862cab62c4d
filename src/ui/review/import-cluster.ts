/**
 * Importing a real cluster into a scenario, with the same importers and reader as
 * `kafka-ha-lab import`: `kafka-topics --describe` text or a `kafka-reassign-partitions` JSON,
 * plus a broker-to-zone map. Then the zone-placement repair: which topics need it, the
 * reassignment JSON that moves them, and the spec after applying it (for re-analysis).
 */
import { advise, applyFix, reassignmentJson } from '../../analysis/index'
import type { SimulationSpec } from '../../engine/spec'
import {
  importDescribe,
  importReassignment,
  type ImportOptions,
  type Problem,
  validateScenario,
} from '../../scenario/index'

export type ImportFormat = 'describe' | 'reassignment'

export type ImportOutcome =
  | { ok: true; spec: SimulationSpec; warnings: Problem[]; format: ImportFormat }
  | { ok: false; problems: Problem[]; format: ImportFormat }

/** The CLI's rule: JSON, or pasted `--generate` output, is a reassignment file; else describe text. */
export function detectFormat(text: string): ImportFormat {
  const start = text.trimStart()
  if (start.startsWith('{') || start.startsWith('[')) return 'reassignment'
  if (/Proposed partition reassignment configuration/.test(text)) return 'reassignment'
  return 'describe'
}

/**
 * @example
 * importCluster(describeText, '1=use1-az1,2=use1-az2,3=use1-az3')
 */
export function importCluster(
  text: string,
  zoneMap: string,
  format = detectFormat(text),
): ImportOutcome {
  const options: ImportOptions = { ...(zoneMap.trim() === '' ? {} : { zones: zoneMap }) }
  const result =
    format === 'describe' ? importDescribe(text, options) : importReassignment(text, options)
  if (!result.ok) return { ok: false, problems: result.problems, format }
  const read = validateScenario(result.scenario)
  if (!read.ok) return { ok: false, problems: read.problems, format }
  return { ok: true, spec: read.spec, warnings: [...result.warnings, ...read.warnings], format }
}

/** Where a problem is, for people: "Line 12", "Zone map", "Input", or the JSON path. */
export function problemPlace(problem: Pick<Problem, 'path'>): string {
  const line = /^line (\d+)(.*)$/.exec(problem.path)
  if (line !== null) return `Line ${line[1]}${line[2] ?? ''}`
  if (problem.path.startsWith('zoneMap')) return `Zone map${problem.path.slice('zoneMap'.length)}`
  if (problem.path === '$' || problem.path === '') return 'Input'
  return problem.path
}

/** Topics the advisor says keep two replicas of a partition in one zone while another has none. */
export function topicsWithZoneProblems(spec: SimulationSpec): string[] {
  const names = new Set<string>()
  for (const finding of advise(spec)) {
    if (finding.id !== 'replicas-share-zone') continue
    const index = /^topics\[(\d+)\]/.exec(finding.path)?.[1]
    const topic = index === undefined ? undefined : spec.topics[Number(index)]
    if (topic !== undefined && topic.replicationFactor <= spec.cluster.brokers.length)
      names.add(topic.name)
  }
  return spec.topics.map((t) => t.name).filter((name) => names.has(name))
}

/** The reassignment JSON for `topics`, one partition per line so it reads in a text box. */
export function readableReassignment(spec: SimulationSpec, topics: string[]): string {
  const parsed = JSON.parse(reassignmentJson(spec, topics)) as {
    version: number
    partitions: unknown[]
  }
  const lines = parsed.partitions.map((p) => `    ${JSON.stringify(p)}`)
  return `{\n  "version": ${parsed.version},\n  "partitions": [\n${lines.join(',\n')}\n  ]\n}\n`
}

/** The spec with a reassignment JSON applied (each listed topic's replicas replaced). */
export function applyReassignment(spec: SimulationSpec, json: string): SimulationSpec {
  const parsed = JSON.parse(json) as {
    partitions: { topic: string; partition: number; replicas: number[] }[]
  }
  const byTopic = new Map<string, number[][]>()
  for (const p of parsed.partitions) {
    const assignment =
      byTopic.get(p.topic) ??
      spec.topics.find((t) => t.name === p.topic)?.assignment.map((r) => [...r]) ??
      []
    assignment[p.partition] = p.replicas
    byTopic.set(p.topic, assignment)
  }
  let next = spec
  for (const [topic, assignment] of byTopic)
    next = applyFix(next, { op: 'reassign', topic, assignment })
  return next
}
