/**
 * The two designs of a comparison, and the one fault script both run. A design is the current
 * scenario, an edited copy of it (one setting changed, `applyChange`), the advisor's zone-aware
 * reassignment of its layout, a cluster read from `kafka-topics --describe` output with a
 * broker-to-zone map, or a scenario file. Each is read here with the project's own readers
 * (`importDescribe`, `parseScenario`), so their problems are the Import tab's and the CLI's.
 * Whatever the kind, both designs then get the same seed, the same fault script and the same
 * length of run, so what differs between the runs is the design alone. Pure: the host calls this
 * in the simulation worker.
 */
import type { BrokerId, SimulationSpec, TimedFault, ZoneName } from '../engine/spec'
import { specToScenario } from '../scenario/export'
import { importDescribe } from '../scenario/import-describe'
import type { Problem } from '../scenario/messages'
import { formatSimTime } from '../scenario/sim-time'
import { note } from '../scenario/text'
import type { ScenarioClient, ScenarioFile } from '../scenario/types'
import { parseScenario, validateScenario } from '../scenario/validate'
import { advise } from './advisor'
import { applyChange, type ConfigChange, describeChange } from './compare'
import type { Severity } from './finding-messages'
import { applyFix, type ScenarioPatch } from './patch'
import { plural } from './plural'
import { zoneAwareReassignment } from './reassignment'

export type DesignSource =
  | { kind: 'current' }
  | { kind: 'edited'; change: ConfigChange }
  | { kind: 'reassignment' }
  /** `name`: where the text came from (a file name), for the label; default "pasted text". */
  | { kind: 'describe'; text: string; zoneMap: string; name?: string }
  | { kind: 'file'; name: string; text: string }

export type DesignKind = DesignSource['kind']

/** A design read and ready to run (before the shared seed and fault script are applied). */
export interface Design {
  kind: DesignKind
  spec: SimulationSpec
  /** What it is, in one line: "Current: …", "Reassignment: moves 12 replicas", "File: x.json". */
  label: string
  /** Where each part of it came from, in sentences. */
  details: string[]
  warnings: Problem[]
}

export type DesignResult = { ok: true; design: Design } | { ok: false; problems: Problem[] }

/** One failure both designs run, or the current scenario's own fault script, or none. */
export type FaultScript =
  | { kind: 'scenario' }
  | { kind: 'none' }
  | { kind: 'zone'; zone: ZoneName; atMs: number }
  | { kind: 'broker'; broker: BrokerId; atMs: number }

/** The workload rate given to each topic of an imported cluster no current client writes. */
export const IMPORTED_PRODUCER_RECORDS_PER_SECOND = 100

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Partitions × replicas that a reassignment places on a broker that did not hold them. */
function movedReplicas(before: SimulationSpec, after: SimulationSpec): number {
  let moved = 0
  after.topics.forEach((topic, t) => {
    topic.assignment.forEach((replicas, p) => {
      const old = new Set(before.topics[t]?.assignment[p] ?? [])
      for (const id of replicas) if (!old.has(id)) moved += 1
    })
  })
  return moved
}

/** The topics a patch reassigns, looking inside sequences. */
function reassignedTopics(patch: ScenarioPatch): string[] {
  if (patch.op === 'reassign') return [patch.topic]
  if (patch.op === 'sequence') return patch.patches.flatMap(reassignedTopics)
  return []
}

/**
 * The topics whose findings the advisor would fix by reassigning replicas across zones (today
 * the findings about two replicas of a partition in one zone while another zone has none), in
 * topic order. Read from the fixes rather than the rule ids, which the advisor may rename.
 */
export function topicsToReassign(spec: SimulationSpec): string[] {
  const names = new Set<string>()
  for (const finding of advise(spec)) {
    if (finding.fix !== undefined)
      for (const topic of reassignedTopics(finding.fix.patch)) names.add(topic)
  }
  return spec.topics.map((t) => t.name).filter((name) => names.has(name))
}

/**
 * The advisor's zone-aware reassignment of `spec`: the topics it flags planned in order, each
 * seeing the earlier plans' load, as `reassignmentJson` writes the `kafka-reassign-partitions`
 * file, and applied as the `reassign` fix applies one.
 *
 * @example
 * const { spec: after, moved, topics } = generatedReassignment(spec)
 */
export function generatedReassignment(spec: SimulationSpec): {
  spec: SimulationSpec
  moved: number
  topics: string[]
} {
  const topics = topicsToReassign(spec)
  let next = spec
  for (const topic of topics) {
    next = applyFix(next, { op: 'reassign', topic, assignment: zoneAwareReassignment(next, topic) })
  }
  return { spec: next, moved: movedReplicas(spec, next), topics }
}

function reassignmentDesign(current: SimulationSpec): Design {
  const { spec, moved, topics } = generatedReassignment(current)
  const label =
    topics.length === 0
      ? 'Reassignment: nothing to move'
      : `Reassignment: moves ${plural(moved, 'replica')} (${topics.join(', ')})`
  const details =
    topics.length === 0
      ? ['The advisor proposes no reassignment for this layout: every design is as it was.']
      : [
          `The advisor's zone-aware reassignment of the current layout (as the Import tab generates it for kafka-reassign-partitions): ${plural(moved, 'replica')} placed on new brokers in ${plural(topics.length, 'topic')}.`,
        ]
  return { kind: 'reassignment', spec, label, details, warnings: [] }
}

/** The current scenario's clients of the imported topics, connecting to any imported broker. */
function carriedClients(current: SimulationSpec, topics: Set<string>): ScenarioClient[] {
  return (specToScenario(current).clients ?? [])
    .filter((c) => topics.has(c.topic))
    .map((c) => {
      const { 'bootstrap.servers': _servers, ...config } = c.config ?? {}
      return { ...c, config }
    })
}

/**
 * A `kafka-topics --describe` cluster. Describe output names topics, partitions and replicas but
 * no clients and no broker defaults, so the rest comes from the current scenario: its producers
 * and consumers of the imported topics (or one producer per topic when none writes them), its
 * cluster defaults for min.insync.replicas and unclean.leader.election.enable, its Kafka version
 * and broker type.
 */
function describeDesign(
  source: Extract<DesignSource, { kind: 'describe' }>,
  current: SimulationSpec,
): DesignResult {
  const name = source.name ?? 'pasted text'
  const zones = source.zoneMap.trim()
  const imported = importDescribe(source.text, {
    ...(zones === '' ? {} : { zones }),
    name: `Imported from ${name}`,
  })
  if (!imported.ok) return { ok: false, problems: imported.problems }
  const file: ScenarioFile = imported.scenario
  const topics = new Set((file.topics ?? []).map((t) => t.name))
  const carried = carriedClients(current, topics)
  const clients: ScenarioClient[] =
    carried.length > 0
      ? carried
      : [...topics].map((topic) => ({
          kind: 'producer',
          id: `producer-${topic}`,
          topic,
          recordsPerSecond: IMPORTED_PRODUCER_RECORDS_PER_SECOND,
          config: { acks: 'all' },
        }))
  const { cluster } = current
  const scenario: ScenarioFile = {
    ...file,
    seed: current.seed,
    durationMs: current.durationMs,
    cluster: {
      ...file.cluster,
      ...(cluster.kafkaVersion === undefined ? {} : { kafkaVersion: cluster.kafkaVersion }),
      ...(cluster.brokerType === undefined || cluster.brokerType === 'custom'
        ? {}
        : { brokerType: cluster.brokerType }),
      config: {
        'min.insync.replicas': cluster.config['min.insync.replicas'],
        'unclean.leader.election.enable': cluster.config['unclean.leader.election.enable'],
        ...file.cluster.config,
      },
    },
    clients,
  }
  const read = validateScenario(scenario)
  if (!read.ok) return { ok: false, problems: read.problems }
  const spec = read.spec
  const partitions = spec.topics.reduce((sum, t) => sum + t.partitions, 0)
  const workload =
    carried.length > 0
      ? `Clients from the current scenario: ${carried.map((c) => c.id).join(', ')}.`
      : `No current client writes these topics: one producer per topic, ${IMPORTED_PRODUCER_RECORDS_PER_SECOND} records/s, acks=all.`
  return {
    ok: true,
    design: {
      kind: 'describe',
      spec,
      label: `Describe: ${name} (${plural(spec.topics.length, 'topic')}, ${plural(partitions, 'partition')} on ${plural(spec.cluster.brokers.length, 'broker')} in ${plural(spec.cluster.zones.length, 'zone')})`,
      details: [
        workload,
        'Cluster defaults min.insync.replicas and unclean.leader.election.enable, the Kafka version and the broker type come from the current scenario (describe output shows only topic overrides).',
      ],
      warnings: [...imported.warnings, ...read.warnings],
    },
  }
}

function fileDesign(source: Extract<DesignSource, { kind: 'file' }>): DesignResult {
  const read = parseScenario(source.text)
  if (!read.ok) return { ok: false, problems: read.problems }
  return {
    ok: true,
    design: {
      kind: 'file',
      spec: read.spec,
      label: `File: ${source.name}`,
      details: [
        `"${read.spec.name}", with its own clients; its fault script is replaced by the comparison's.`,
      ],
      warnings: read.warnings,
    },
  }
}

/**
 * Reads one design. `current` is the loaded scenario (with its recorded faults).
 *
 * @example
 * const b = readDesign({ kind: 'edited', change: { kind: 'acks', value: -1 } }, spec)
 * if (b.ok) console.log(b.design.label) // "Edited copy: acks=all on every producer"
 */
export function readDesign(source: DesignSource, current: SimulationSpec): DesignResult {
  try {
    switch (source.kind) {
      case 'current':
        return {
          ok: true,
          design: {
            kind: 'current',
            spec: current,
            label: `Current: ${current.name}`,
            details: ['The scenario loaded now.'],
            warnings: [],
          },
        }
      case 'edited':
        return {
          ok: true,
          design: {
            kind: 'edited',
            spec: applyChange(current, source.change),
            label: `Edited copy: ${describeChange(source.change)}`,
            details: ['The current scenario with this one change.'],
            warnings: [],
          },
        }
      case 'reassignment':
        return { ok: true, design: reassignmentDesign(current) }
      case 'describe':
        return describeDesign(source, current)
      case 'file':
        return fileDesign(source)
    }
  } catch (error) {
    return { ok: false, problems: [note('$', errorText(error))] }
  }
}

/** The faults of a fault script, in time order. */
export function faultScriptFaults(script: FaultScript, current: SimulationSpec): TimedFault[] {
  switch (script.kind) {
    case 'scenario':
      return current.faults.slice()
    case 'none':
      return []
    case 'zone':
      return [{ type: 'stopZone', zone: script.zone, atMs: script.atMs }]
    case 'broker':
      return [{ type: 'crashBroker', broker: script.broker, atMs: script.atMs }]
  }
}

/** The fault script in words: "stopZone use1-az1 at 00:10", "the current scenario's 3 faults". */
export function describeFaultScript(script: FaultScript, current: SimulationSpec): string {
  switch (script.kind) {
    case 'scenario':
      return `the current scenario's ${plural(current.faults.length, 'fault')}`
    case 'none':
      return 'no faults'
    case 'zone':
      return `stopZone ${script.zone} at ${formatSimTime(script.atMs, { milliseconds: false })}`
    case 'broker':
      return `crashBroker broker ${script.broker} at ${formatSimTime(script.atMs, { milliseconds: false })}`
  }
}

/** What a fault needs to exist in a design: its broker, zone, controller node or client. */
function missingTarget(spec: SimulationSpec, fault: TimedFault): string | null {
  const f = fault as {
    broker?: number
    zone?: string
    controller?: number
    client?: string
    brokers?: number[]
  }
  const brokers = new Set(spec.cluster.brokers.map((b) => b.id))
  if (f.broker !== undefined && !brokers.has(f.broker)) return `broker ${f.broker}`
  const missing = (f.brokers ?? []).filter((id) => !brokers.has(id))
  if (missing.length > 0) return `broker ${missing.join(', ')}`
  if (f.zone !== undefined && !spec.cluster.brokers.some((b) => b.zone === f.zone))
    return `a broker in zone ${f.zone}`
  if (f.controller !== undefined && !spec.cluster.controllers.some((c) => c.id === f.controller))
    return `controller node ${f.controller}`
  if (f.client !== undefined && !spec.clients.some((c) => c.id === f.client))
    return `client ${f.client}`
  return null
}

/**
 * Problems that keep `faults` from running on a design: a fault naming a broker, zone,
 * controller or client the design does not have.
 */
export function faultProblems(spec: SimulationSpec, faults: readonly TimedFault[]): Problem[] {
  return faults.flatMap((fault, i) => {
    const missing = missingTarget(spec, fault)
    return missing === null
      ? []
      : [
          note(
            `faults[${i}]`,
            `${fault.type} at ${formatSimTime(fault.atMs, { milliseconds: false })} needs ${missing}, which this design does not have`,
          ),
        ]
  })
}

/** The design as it runs: the shared seed, fault script and length. */
export function runnableSpec(
  design: Design,
  current: SimulationSpec,
  faults: readonly TimedFault[],
  durationMs: number,
): SimulationSpec {
  return { ...design.spec, seed: current.seed, durationMs, faults: faults.slice() }
}

/** One advisor finding as the comparison shows it. */
export interface FindingLine {
  id: string
  severity: Severity
  path: string
  message: string
  /** The other design has no finding of this rule at this place. */
  onlyHere: boolean
}

function findingKey(f: { id: string; path: string; params: unknown }): string {
  const topic = (f.params as { topic?: unknown }).topic
  return `${f.id}|${f.path}|${typeof topic === 'string' ? topic : ''}`
}

/**
 * The advisor's findings for both designs, each marked when the other design lacks it (the
 * same rule at the same place, for the same topic).
 */
export function compareFindings(
  a: SimulationSpec,
  b: SimulationSpec,
): { a: FindingLine[]; b: FindingLine[] } {
  const fa = advise(a)
  const fb = advise(b)
  const keysA = new Set(fa.map(findingKey))
  const keysB = new Set(fb.map(findingKey))
  const line = (f: (typeof fa)[number], other: Set<string>): FindingLine => ({
    id: f.id,
    severity: f.severity,
    path: f.path,
    message: f.message,
    onlyHere: !other.has(findingKey(f)),
  })
  return { a: fa.map((f) => line(f, keysB)), b: fb.map((f) => line(f, keysA)) }
}
