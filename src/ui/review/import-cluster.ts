/**
 * Importing a real cluster in the browser, with the same planner as `kafka-ha-lab import`
 * (src/scenario/import-plan.ts): the describe text or reassignment JSON, a zone source (typed
 * map, kafka-configs output, aws kafka list-nodes with describe-subnets, or MSK's numbering
 * assumed), the cluster-wide configs and a workload, as the import panel holds them in its
 * fields. Also what the preview says (what the import loads, and what the current scenario
 * loses), and the zone-placement repair: which topics need it, the reassignment JSON that moves
 * them, and the spec after applying it (for re-analysis).
 */
import { advise, applyFix, reassignmentJson } from '../../analysis/index'
import type { SimulationSpec, TopicSpec } from '../../engine/spec'
import {
  configValue,
  IMPORT_CONFIG_KEYS,
  resolveImportConfig,
  sourceText,
  type ConfigPreset,
  type ImportConfigKey,
  type ImportConfigValues,
  type ResolvedConfig,
} from '../../scenario/import-cluster-config'
import { importDescribe } from '../../scenario/import-describe'
import {
  detectImportFormat,
  planImport,
  type ImportFormat,
  type ImportPlan,
  type ZoneOrigin,
} from '../../scenario/import-plan'
import { importReassignment } from '../../scenario/import-reassignment'
import type { Problem } from '../../scenario/messages'
import {
  fittingZoneCounts,
  numberedZones,
  readZoneSource,
  type ZoneSourceKind,
} from '../../scenario/zone-source'
import { formatSimTime } from '../../scenario/sim-time'

export type { ImportFormat } from '../../scenario/import-plan'

/** The import panel's fields, as typed. */
export interface ImportInputs {
  text: string
  format?: ImportFormat
  zones: string
  /** MSK's numbering assumed over this many zones, instead of `zones`. */
  numbering: 2 | 3 | null
  preset: ConfigPreset | null
  /** What was typed into each config field; absent: not typed (the preset or source decides). */
  typed: Partial<Record<ImportConfigKey, string>>
  workload: { enabled: boolean; recordsPerSecond: string; recordBytes: string }
}

export const EMPTY_INPUTS: ImportInputs = {
  text: '',
  zones: '',
  numbering: null,
  preset: null,
  typed: {},
  workload: { enabled: false, recordsPerSecond: '', recordBytes: '' },
}

/**
 * How many problems a list holds in all, when what it shows was capped (`capOutcome`): the
 * warnings and errors (`problems`) and the info notes (`infos`), counted apart as ProblemList
 * lists them.
 */
export interface ProblemTotals {
  problems: number
  infos: number
}

export type ImportOutcome =
  | {
      ok: true
      plan: ImportPlan
      spec: SimulationSpec
      warnings: Problem[]
      format: ImportFormat
      /** Present when `warnings` holds only the first of them (capOutcome). */
      totals?: ProblemTotals
    }
  | { ok: false; problems: Problem[]; format: ImportFormat; totals?: ProblemTotals }

/**
 * How many problems of each kind a list shows before "… and N more". A 4 MB paste can have
 * 100,000 errors: listing them all froze the tab for tens of seconds, and nobody reads past the
 * first few dozen (they are usually the same mistake on every line).
 */
export const PROBLEMS_SHOWN = 50

/**
 * The first `max` warnings or errors and the first `max` info notes, and how many there are. The
 * importers already keep at most 100 of each kind and end with one "… and N more" problem per
 * kind cut short (scenario/text.ts `capProblems`): such a problem counts as the N it stands for,
 * and is shown only when the list is short enough to hold it, so the totals are the real ones.
 */
export function capProblems(
  problems: readonly Problem[],
  max = PROBLEMS_SHOWN,
): { shown: Problem[]; totals: ProblemTotals } {
  const shown: Problem[] = []
  const totals: ProblemTotals = { problems: 0, infos: 0 }
  let listed = 0
  let summarised = 0
  for (const problem of problems) {
    if (problem.code === 'more-problems') {
      summarised += problem.params.count
      continue
    }
    const info = problem.level === 'info'
    const count = info ? ++totals.infos : ++totals.problems
    if (count <= max) {
      shown.push(problem)
      if (!info) listed += 1
    }
  }
  if (summarised > 0 && listed === totals.problems) {
    // Everything else is listed: the importers' own "… and N more" lines say what is not.
    shown.push(...problems.filter((p) => p.code === 'more-problems'))
  }
  totals.problems += summarised
  return { shown, totals }
}

/**
 * The outcome with its problem lists capped for showing (PROBLEMS_SHOWN of each kind) and their
 * totals kept, so that a worker sends at most that many across the thread boundary.
 *
 * @example
 * capOutcome(planFromInputs(inputs)) // { ok: false, problems: [50 of them], totals: { problems: 100000, infos: 0 } }
 */
export function capOutcome(outcome: ImportOutcome, max = PROBLEMS_SHOWN): ImportOutcome {
  if (outcome.ok) {
    const { shown, totals } = capProblems(outcome.warnings, max)
    return { ...outcome, warnings: shown, totals }
  }
  const { shown, totals } = capProblems(outcome.problems, max)
  return { ...outcome, problems: shown, totals }
}

/** The CLI's rule: JSON, or pasted `--generate` output, is a reassignment file; else describe text. */
export function detectFormat(text: string): ImportFormat {
  return detectImportFormat(text)
}

/** The typed config fields as values; problems at `clusterConfig.<key>` for what is not one. */
function typedConfig(inputs: ImportInputs, problems: Problem[]): Partial<ImportConfigValues> {
  const out: Partial<Record<ImportConfigKey, number | boolean>> = {}
  for (const key of IMPORT_CONFIG_KEYS) {
    const text = inputs.typed[key]
    if (text === undefined || text.trim() === '') continue
    const parsed = configValue(key, text.trim(), `clusterConfig.${key}`)
    if (parsed.ok) out[key] = parsed.value
    else problems.push(...parsed.problems)
  }
  return out as Partial<ImportConfigValues>
}

/** A workload field: undefined when empty (the default), else the number or NaN (a problem). */
function workloadNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^[0-9]{1,10}$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/**
 * Plans the import the fields describe; nothing is loaded.
 *
 * @example
 * planFromInputs({ ...EMPTY_INPUTS, text: describe, zones: kafkaConfigsOutput, preset: 'msk' })
 */
export function planFromInputs(inputs: ImportInputs): ImportOutcome {
  const problems: Problem[] = []
  const typed = typedConfig(inputs, problems)
  const rate = workloadNumber(inputs.workload.recordsPerSecond)
  const bytes = workloadNumber(inputs.workload.recordBytes)
  const result = planImport({
    text: inputs.text,
    ...(inputs.format === undefined ? {} : { format: inputs.format }),
    zones: inputs.numbering === null ? inputs.zones : '',
    assumeNumbering: inputs.numbering === null ? null : numberedZones(inputs.numbering),
    typedConfig: typed,
    preset: inputs.preset,
    workload: inputs.workload.enabled
      ? {
          ...(rate === undefined ? {} : { recordsPerSecond: rate }),
          ...(bytes === undefined ? {} : { recordBytes: bytes }),
        }
      : null,
  })
  const format = result.ok ? result.plan.format : result.format
  if (!result.ok) return { ok: false, problems: [...problems, ...result.problems], format }
  if (problems.length > 0) return { ok: false, problems, format }
  const { plan } = result
  return { ok: true, plan, spec: plan.spec, warnings: plan.warnings, format }
}

/**
 * The old one-call form: describe text (or a reassignment) and a typed zone map, nothing else.
 *
 * @example
 * importCluster(describeText, '1=use1-az1,2=use1-az2,3=use1-az3')
 */
export function importCluster(text: string, zoneMap: string, format?: ImportFormat): ImportOutcome {
  return planFromInputs({ ...EMPTY_INPUTS, text, zones: zoneMap, ...(format ? { format } : {}) })
}

/** What the zone box holds, as the panel says under it; null when it is empty. */
export interface ZoneBoxState {
  kind: ZoneSourceKind
  ok: boolean
  /** "kafka-configs output: 6 brokers in 3 zones". */
  text: string
}

export function zoneBoxState(zones: string): ZoneBoxState | null {
  const read = readZoneSource(zones)
  if (read === null) return null
  const name: Record<ZoneSourceKind, string> = {
    map: 'a typed map',
    'kafka-configs': 'kafka-configs output',
    'list-nodes': 'aws kafka list-nodes output',
  }
  if (!read.ok) {
    return {
      kind: read.kind,
      ok: false,
      text: `${name[read.kind]}, with ${count(read.problems.length, 'problem')} (Import lists them)`,
    }
  }
  const map = read.source.zoneByBroker
  const zoneCount = new Set(map.values()).size
  return {
    kind: read.source.kind,
    ok: true,
    text: `${name[read.source.kind]}: ${count(map.size, 'broker')} in ${count(zoneCount, 'zone')}`,
  }
}

/** The configs the fields will give, for showing in them, from what is known before Import. */
export function configPreview(inputs: ImportInputs): ResolvedConfig {
  const read = inputs.numbering === null ? readZoneSource(inputs.zones) : null
  const source = read?.ok === true ? read.source : null
  const zoneCount =
    inputs.numbering ?? (source === null ? 1 : new Set(source.zoneByBroker.values()).size)
  const ignored: Problem[] = []
  return resolveImportConfig({
    typed: typedConfig(inputs, ignored),
    preset: inputs.preset,
    read: source?.config ?? null,
    zoneCount,
  })
}

/**
 * What the panel shows about its fields before Import: what the zone box holds, MSK numbering's
 * offer (null while a zone map is given or the numbering already assumed) and the configs the
 * fields will give. For a large paste this is read in a worker (ui/reader), debounced.
 */
export interface ImportFacts {
  zoneState: ZoneBoxState | null
  offers: { counts: (2 | 3)[]; brokers: number } | null
  resolved: ResolvedConfig
}

export function importFacts(inputs: ImportInputs): ImportFacts {
  return {
    zoneState: zoneBoxState(inputs.zones),
    offers:
      inputs.zones.trim() === '' && inputs.numbering === null ? numberingOffers(inputs.text) : null,
    resolved: configPreview(inputs),
  }
}

/**
 * Text up to this size is read on the page's thread as it is typed (a few milliseconds);
 * larger pastes go to a worker, debounced, so that the page never stalls on them.
 */
export const SYNC_READ_CHARS = 100_000

/** Whether the fields are small enough to read on the page's thread (SYNC_READ_CHARS). */
export function readsInline(inputs: ImportInputs, limit = SYNC_READ_CHARS): boolean {
  return inputs.text.length + inputs.zones.length <= limit
}

/** The broker ids the text names (for MSK's numbering), or [] when it does not import. */
export function brokerIdsOf(text: string): number[] {
  if (text.trim() === '') return []
  const result =
    detectImportFormat(text) === 'describe' ? importDescribe(text) : importReassignment(text)
  return result.ok ? (result.scenario.cluster.brokers ?? []).map((b) => b.id) : []
}

/** The zone counts whose MSK numbering fits the text's brokers (3 first). */
export function numberingOffers(text: string): { counts: (2 | 3)[]; brokers: number } {
  const ids = brokerIdsOf(text)
  return { counts: fittingZoneCounts(ids), brokers: ids.length }
}

const count = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

const ORIGIN_TEXT: Record<ZoneOrigin, string> = {
  map: 'from the typed map',
  'kafka-configs': 'from broker.rack in the kafka-configs output',
  'list-nodes': "from each broker's client subnet (aws kafka list-nodes, aws ec2 describe-subnets)",
  numbering: "assumed from MSK's broker numbering: an assumption, not read from the cluster",
  none: 'none given: every broker is in one zone, so zone failures cannot be simulated',
}

/** One line of the preview: a label and what it says. */
export interface PreviewLine {
  label: string
  text: string
}

/** What the import will load, line by line, in plain words. */
export function previewLines(plan: ImportPlan): PreviewLine[] {
  const { spec } = plan
  const topics = spec.topics.filter((t) => t.internal !== true)
  const partitions = topics.reduce((sum, t) => sum + t.partitions, 0)
  const byZone = spec.cluster.zones.map(
    (zone) =>
      `${zone} (${count(spec.cluster.brokers.filter((b) => b.zone === zone).length, 'broker')})`,
  )
  const ids = spec.cluster.brokers.map((b) => b.id)
  const lines: PreviewLine[] = [
    { label: 'Brokers', text: `${count(ids.length, 'broker')}, ids ${idRange(ids)}` },
    { label: 'Zones', text: `${byZone.join(', ')}; ${ORIGIN_TEXT[plan.zoneOrigin]}` },
    {
      label: 'Topics',
      text: `${count(topics.length, 'topic')}, ${count(partitions, 'partition')}`,
    },
    {
      label: 'Controller',
      text: spec.cluster.controller === 'kraft' ? 'KRaft' : 'ZooKeeper',
    },
  ]
  for (const key of IMPORT_CONFIG_KEYS) {
    lines.push({
      label: key,
      text: `${String(spec.cluster.config[key])} (${sourceText(plan.config.sources[key])})`,
    })
  }
  lines.push({ label: 'Effective min ISR', text: minIsrText(spec) })
  lines.push({ label: 'Clients', text: clientsText(plan) })
  return lines
}

function idRange(ids: number[]): string {
  if (ids.length === 0) return 'none'
  const sorted = [...ids].sort((a, b) => a - b)
  const contiguous = sorted.every((id, i) => i === 0 || id === sorted[i - 1]! + 1)
  return contiguous ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ')
}

/**
 * min(min.insync.replicas, replication factor), as engine/spec.ts `effectiveMinIsr` computes it
 * (the UI may not import the engine at run time).
 */
function effectiveMinIsr(topic: TopicSpec, spec: SimulationSpec): number {
  const configured =
    topic.config['min.insync.replicas'] ?? spec.cluster.config['min.insync.replicas']
  return Math.min(configured, topic.replicationFactor)
}

/** "2 for 40 topics (the cluster's), 1 for 3 topics (their own)". */
function minIsrText(spec: SimulationSpec): string {
  const groups = new Map<string, { value: number; own: boolean; topics: number }>()
  for (const topic of spec.topics) {
    if (topic.internal === true) continue
    const value = effectiveMinIsr(topic, spec)
    const own = topic.config['min.insync.replicas'] !== undefined
    const key = `${value}-${own}`
    const group = groups.get(key) ?? { value, own, topics: 0 }
    group.topics++
    groups.set(key, group)
  }
  if (groups.size === 0) return 'no topics'
  return [...groups.values()]
    .sort((a, b) => b.topics - a.topics)
    .map(
      (g) =>
        `${g.value} on ${count(g.topics, 'topic')} (${g.own ? 'their own value' : "the cluster's"})`,
    )
    .join(', ')
}

function clientsText(plan: ImportPlan): string {
  const w = plan.workload
  if (w === null || w.topics.length === 0) {
    return 'none: injected failures will show no client impact (add a workload to see it)'
  }
  const mib = (w.topics.length * w.recordsPerSecond * w.recordBytes) / 1048576
  return (
    `${count(w.topics.length, 'producer')} (acks=all, ${count(w.recordsPerSecond, 'record')}/s of ` +
    `${w.recordBytes.toLocaleString('en-US')} B each${w.defaultRate ? ', the default rate' : ''}) and ` +
    `${count(w.topics.length, 'consumer group')} of one member: ${mib.toFixed(mib < 10 ? 2 : 1)} MiB/s of produce in all`
  )
}

/** The summary sentence of a ready import. */
export function summary(outcome: Extract<ImportOutcome, { ok: true }>): string {
  const spec = outcome.spec
  const topics = spec.topics.filter((t) => t.internal !== true)
  const partitions = topics.reduce((sum, t) => sum + t.partitions, 0)
  const what = outcome.format === 'describe' ? 'describe output' : 'a reassignment'
  return (
    `Ready to import ${what}: ${count(topics.length, 'topic')}, ${count(partitions, 'partition')} on` +
    ` ${count(spec.cluster.brokers.length, 'broker')} in ${count(spec.cluster.zones.length, 'zone')}` +
    ` (${spec.cluster.zones.join(', ')}). Nothing has changed yet.`
  )
}

/** The scenario the import replaces, as the preview describes what it loses. */
export interface CurrentScenario {
  spec: SimulationSpec
  /** Unsaved changes, one sentence each ("2 faults injected during the run"). */
  changes: readonly string[]
  /** How far the current run has got. */
  reachedMs: number
}

/** "The current scenario “X” (3 brokers, 1 topic, 2 clients, 1 scripted fault) is replaced…". */
export function lossText(current: CurrentScenario): string {
  const { spec } = current
  const topics = spec.topics.filter((t) => t.internal !== true).length
  const parts = [
    count(spec.cluster.brokers.length, 'broker'),
    count(topics, 'topic'),
    count(spec.clients.length, 'client'),
    count(spec.faults.length, 'scripted fault'),
  ]
  const changes = current.changes.length > 0 ? `, with ${current.changes.join('; ')}` : ''
  return (
    `Importing replaces the current scenario “${spec.name}” (${parts.join(', ')})${changes}, ` +
    `and its run (at ${formatSimTime(current.reachedMs)}) restarts from 00:00.000 on the imported cluster.`
  )
}

/** Where a problem is, for people: "Line 12", "Zone map, line 3", "Cluster configs", "Input"... */
export function problemPlace(problem: Pick<Problem, 'path'>): string {
  const line = /^line (\d+)(.*)$/.exec(problem.path)
  if (line !== null) return `Line ${line[1]}${line[2] ?? ''}`
  if (problem.path.startsWith('zoneMap')) return `Zone map${problem.path.slice('zoneMap'.length)}`
  if (problem.path.startsWith('subnets')) return `Subnets${problem.path.slice('subnets'.length)}`
  if (problem.path.startsWith('clusterConfig'))
    return `Cluster configs${problem.path.slice('clusterConfig'.length).replace(/^\./, ': ')}`
  if (problem.path.startsWith('workload.recordsPerSecond')) return 'Workload records/s'
  if (problem.path.startsWith('workload.recordBytes')) return 'Workload record size'
  if (problem.path.startsWith('workload')) return 'Workload'
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
