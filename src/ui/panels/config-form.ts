/**
 * The configuration editor's pure logic. The form is a view of a scenario file: `specToForm`
 * reads the fields the editor shows, `formToScenario` writes them back over the rest of the
 * scenario (a text box that holds no integer is written as the text, so the reader names the
 * wrong type as it would in a file), and `checkForm` validates the result with the scenario
 * format's own `validateScenario`, mapping each problem back to the form field it concerns by
 * its JSON path. So the editor accepts exactly what the scenario reader accepts: no limit or
 * default is repeated here. Topology follows the scenario shorthands (`brokersPerZone`, the
 * controllers 1001..), and topics whose replicas no longer fit are left without an assignment,
 * so the reader gives them Kafka's `assignReplicasToBrokers` with the scenario's seed. Faults
 * that the reader finds naming something gone are dropped, and consumers lose gone brokers or
 * are dropped, and both are reported. The capacity fields (broker type, a custom type's limits,
 * the storage) are written only where the chosen type takes them, but the form keeps what was
 * typed, so trying another type loses nothing.
 */
import type { BrokerTypeName, StandardBrokerType } from '../../engine/capacity/broker-type-names'
import type {
  BrokerLimits,
  ClusterConfig,
  ControllerMode,
  SimulationSpec,
  StorageSpec,
  TimedFault,
  ZoneName,
} from '../../engine/spec'
import { isExpressBrokerType, THROTTLE_RATE_KEYS } from '../../analysis/capacity-figures'
import {
  elrAfterVersionChange,
  lingerAfterVersionChange,
  versionOf,
  type KafkaVersion,
} from '../../analysis/version'
// The modules themselves, not the scenario index, so the importers stay out of this bundle.
import { specToScenario } from '../../scenario/export'
import {
  CONTROLLER_COUNT_RULE,
  FIRST_CONTROLLER_ID,
  MAX_CONTROLLERS,
  MAX_ZONES,
  ZONE_COUNT_RULE,
} from '../../scenario/fields'
import { makeProblem, renderProblem, type Problem } from '../../scenario/messages'
import { mergedClusterConfig } from '../../scenario/normalize'
import type { ScenarioConsumer, ScenarioFile, ScenarioProducer } from '../../scenario/types'
import { checkValue, validateScenario } from '../../scenario/validate'
import { formatSimTime } from '../../scenario/sim-time'

export type UncleanChoice = 'inherit' | 'true' | 'false'
export type AcksChoice = 'all' | '1' | '0'

export interface TopicForm {
  name: string
  partitions: string
  replicationFactor: string
  minIsr: string
  unclean: UncleanChoice
  /** The throttled-replica lists ("0:1,1:2" or "*"); empty: none. */
  leaderThrottled: string
  followerThrottled: string
}

export interface ProducerForm {
  id: string
  topic: string
  acks: AcksChoice
  recordsPerSecond: string
  /** Broker ids, comma separated: "1, 2, 3". */
  bootstrapServers: string
  /** The average record size; empty: the scenario's default. */
  recordBytes: string
}

/** `cluster.brokerType`, or 'none': no broker type, so no capacity model. */
export type BrokerTypeChoice = BrokerTypeName | 'none'

export const LIMIT_KEYS = [
  'vcpus',
  'networkMiBps',
  'volumeThroughputMiBps',
  'recommendedPartitions',
  'maxPartitions',
] as const satisfies readonly (keyof BrokerLimits)[]
export const STORAGE_KEYS = [
  'volumeGiB',
  'provisionedThroughputMiBps',
] as const satisfies readonly (keyof StorageSpec)[]
export type LimitKey = (typeof LIMIT_KEYS)[number]
export type StorageKey = (typeof STORAGE_KEYS)[number]

export const NUMERIC_BROKER_KEYS = [
  'min.insync.replicas',
  'default.replication.factor',
  'replica.lag.time.max.ms',
  'broker.session.timeout.ms',
  'zookeeper.session.timeout.ms',
] as const
export const BOOLEAN_BROKER_KEYS = [
  'unclean.leader.election.enable',
  'auto.leader.rebalance.enable',
  'eligible.leader.replicas.enable',
] as const
/** Broker configs unset by default (no replication throttle): an empty box leaves them out. */
export const OPTIONAL_BROKER_KEYS = THROTTLE_RATE_KEYS
export type OptionalBrokerKey = (typeof OPTIONAL_BROKER_KEYS)[number]
export type NumericBrokerKey = (typeof NUMERIC_BROKER_KEYS)[number]
export type BooleanBrokerKey = (typeof BOOLEAN_BROKER_KEYS)[number]

export interface ConfigForm {
  /** The Kafka version (`cluster.kafkaVersion`); a spec without one shows 3.9, what it means. */
  kafkaVersion: KafkaVersion
  zoneCount: string
  brokersPerZone: string
  controllerMode: ControllerMode
  controllerCount: string
  /** 'spread' over the zones in order, or a zone index as a string: all controllers there. */
  controllerPlacement: string
  brokerType: BrokerTypeChoice
  /** `cluster.brokerLimits`, written with "custom" only; an empty field is left out. */
  brokerLimits: Record<LimitKey, string>
  /** `cluster.storage`, written with a Standard or custom type only; empty fields are left out. */
  storage: Record<StorageKey, string>
  topics: TopicForm[]
  producers: ProducerForm[]
  numeric: Record<NumericBrokerKey, string>
  /** The replication throttles in bytes/s; empty: unset. */
  optional: Record<OptionalBrokerKey, string>
  flags: Record<BooleanBrokerKey, boolean>
}

/** Field key (e.g. "topics.0.replicationFactor") to its problems. */
export type FieldProblems = Record<string, Problem[]>

/** Field key to its problems in words (rendered by the scenario format's renderer). */
export type FormErrors = Record<string, string>

/**
 * The form on another Kafka version: the ELR switch, when it is at the old version's default,
 * follows the new version's (on for new clusters from 4.1); a choice the user made stays.
 */
export function withKafkaVersion(form: ConfigForm, version: KafkaVersion): ConfigForm {
  const key = 'eligible.leader.replicas.enable'
  const elr = elrAfterVersionChange(form.flags[key], form.kafkaVersion, version)
  return { ...form, kafkaVersion: version, flags: { ...form.flags, [key]: elr } }
}

/** Whether a broker type has a volume to configure: Standard and custom, not Express (MSK's). */
export function takesStorage(type: BrokerTypeChoice): type is StandardBrokerType | 'custom' {
  return type !== 'none' && !isExpressBrokerType(type)
}

/** The zone names for `count` zones: the spec's own first, then use1-az1.. not yet taken. */
export function zoneNames(existing: readonly ZoneName[], count: number): ZoneName[] {
  const names = existing.slice(0, count)
  for (let k = 1; names.length < count; k++) {
    const candidate = `use1-az${k}`
    if (!names.includes(candidate) && !existing.includes(candidate)) names.push(candidate)
  }
  return names
}

const ACKS_CHOICES: Record<string, AcksChoice> = { '-1': 'all', '1': '1', '0': '0' }

/** A group's numbers as text boxes; what is absent is an empty box. */
function textsOf<K extends string>(
  keys: readonly K[],
  values: Partial<Record<K, number>> | undefined,
): Record<K, string> {
  const texts = {} as Record<K, string>
  for (const key of keys) texts[key] = String(values?.[key] ?? '')
  return texts
}

export function specToForm(spec: SimulationSpec): ConfigForm {
  const { cluster } = spec
  const zoneCount = Math.max(1, cluster.zones.length)
  const controllerZones = new Set(cluster.controllers.map((c) => c.zone))
  const onlyZone = cluster.controllers[0]?.zone
  const placement =
    zoneCount > 1 && controllerZones.size === 1 && onlyZone !== undefined
      ? String(cluster.zones.indexOf(onlyZone))
      : 'spread'
  const numeric = {} as Record<NumericBrokerKey, string>
  for (const key of NUMERIC_BROKER_KEYS) numeric[key] = String(cluster.config[key])
  const optional = {} as Record<OptionalBrokerKey, string>
  for (const key of OPTIONAL_BROKER_KEYS) optional[key] = String(cluster.config[key] ?? '')
  const flags = {} as Record<BooleanBrokerKey, boolean>
  for (const key of BOOLEAN_BROKER_KEYS) flags[key] = cluster.config[key]
  return {
    kafkaVersion: versionOf(spec),
    zoneCount: String(zoneCount),
    brokersPerZone: String(Math.max(1, Math.round(cluster.brokers.length / zoneCount))),
    controllerMode: cluster.controller,
    controllerCount: String(Math.max(1, cluster.controllers.length)),
    controllerPlacement: placement,
    brokerType: cluster.brokerType ?? 'none',
    brokerLimits: textsOf(LIMIT_KEYS, cluster.brokerLimits),
    storage: textsOf(STORAGE_KEYS, cluster.storage),
    topics: spec.topics.map((t) => {
      const unclean = t.config['unclean.leader.election.enable']
      return {
        name: t.name,
        partitions: String(t.partitions),
        replicationFactor: String(t.replicationFactor),
        minIsr: String(t.config['min.insync.replicas'] ?? cluster.config['min.insync.replicas']),
        unclean: unclean === undefined ? 'inherit' : unclean ? 'true' : 'false',
        leaderThrottled: t.config['leader.replication.throttled.replicas'] ?? '',
        followerThrottled: t.config['follower.replication.throttled.replicas'] ?? '',
      }
    }),
    producers: spec.clients.flatMap((c) =>
      c.kind === 'producer'
        ? [
            {
              id: c.id,
              topic: c.topic,
              acks: ACKS_CHOICES[String(c.config.acks)] ?? 'all',
              recordsPerSecond: String(c.recordsPerSecond),
              bootstrapServers: c.config['bootstrap.servers'].join(', '),
              recordBytes: c.recordBytes === undefined ? '' : String(c.recordBytes),
            },
          ]
        : [],
    ),
    numeric,
    optional,
    flags,
  }
}

/**
 * The JSON value a text box stands for: an integer when the text is one (spaces around it
 * allowed), otherwise the text itself, which the scenario reader then reports as the wrong type.
 */
export function jsonValue(text: string): number | string {
  const trimmed = text.trim()
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

/** "1, 2,3" as a JSON list: each entry as `jsonValue`, empty entries left out. */
export function jsonList(text: string): (number | string)[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(jsonValue)
}

/**
 * The filled boxes of a group, each as `jsonValue`. An empty box is left out: an optional field
 * then takes its default, and the reader names a required one as required.
 */
function filledFields<K extends string>(texts: Record<K, string>): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {}
  for (const [key, text] of Object.entries<string>(texts)) {
    if (text.trim() !== '') out[key as K] = jsonValue(text)
  }
  return out
}

/** `cluster.brokerType` and the companions the chosen type takes. */
function capacityFile(form: ConfigForm) {
  const type = form.brokerType
  if (type === 'none') return {}
  const storage = takesStorage(type) ? filledFields(form.storage) : {}
  return {
    brokerType: type,
    ...(type === 'custom' ? { brokerLimits: filledFields(form.brokerLimits) } : {}),
    ...(Object.keys(storage).length === 0 ? {} : { storage }),
  }
}

/**
 * The cluster configs whose default a broker type sets (Express's fixed settings): the scenario
 * reader rejects any other value, so the form leaves out those it does not show, and the reader
 * gives them the type's values. Choosing Express thus raises no problem that no field could fix.
 */
function typeDefaultedKeys(type: BrokerTypeChoice, version: KafkaVersion) {
  if (type === 'none') return []
  const plain = mergedClusterConfig(undefined, version)
  const typed = mergedClusterConfig(undefined, version, type)
  return (Object.keys(typed) as (keyof ClusterConfig)[]).filter((key) => typed[key] !== plain[key])
}

/** A count the form builds a list from, checked with the scenario format's own rule. */
function count(text: string, path: string, rule: typeof ZONE_COUNT_RULE, problems: Problem[]) {
  const checked = checkValue(jsonValue(text), path, rule)
  if (checked.ok) return checked.value as number
  problems.push(...checked.problems)
  return null
}

export interface Topology {
  zones: ZoneName[]
  brokers: { id: number; zone: ZoneName }[]
  controllers: { id: number; zone: ZoneName }[]
}

/**
 * Zones, brokers (round-robin) and controllers (spread, or all in one zone) of a form, for the
 * hints beside the fields. Counts are clamped to the format's limits so the hints also work
 * while a field is being edited; what is valid is for `checkForm` to say.
 */
export function topologyOf(form: ConfigForm, base: SimulationSpec): Topology {
  const clamp = (text: string, max: number) => {
    const n = jsonValue(text)
    return typeof n === 'number' ? Math.min(max, Math.max(1, n)) : 1
  }
  const zones = zoneNames(base.cluster.zones, clamp(form.zoneCount, MAX_ZONES))
  const perZone = clamp(form.brokersPerZone, Math.ceil(10_000 / zones.length))
  const brokers = Array.from({ length: zones.length * perZone }, (_, i) => ({
    id: i + 1,
    zone: zones[i % zones.length]!,
  }))
  return {
    zones,
    brokers,
    controllers: controllersOf(form, base, zones, clamp(form.controllerCount, MAX_CONTROLLERS)),
  }
}

function controllersOf(form: ConfigForm, base: SimulationSpec, zones: ZoneName[], n: number) {
  const placement = form.controllerPlacement === 'spread' ? null : Number(form.controllerPlacement)
  // A placement in a zone that is no longer there keeps that zone's name, so the reader says so.
  const named =
    placement === null
      ? zones
      : zoneNames(base.cluster.zones, Math.max(zones.length, placement + 1))
  return Array.from({ length: n }, (_, i) => ({
    id: FIRST_CONTROLLER_ID + i,
    zone: placement === null ? zones[i % zones.length]! : named[placement]!,
  }))
}

/** What the form carries over from the base scenario as it is: faults and consumers. */
interface Carried {
  faults: TimedFault[]
  consumers: ScenarioConsumer[]
}

/**
 * The scenario file a form describes, over the base scenario. `null` when a count the form
 * builds a list from (zones, controllers) is itself invalid; its problems are in `problems`.
 */
export function formToScenario(
  form: ConfigForm,
  base: SimulationSpec,
  carried: Carried = carriedOf(base),
): { scenario: unknown; problems: Problem[] } {
  const problems: Problem[] = []
  const file = specToScenario(base)
  const zoneCount = count(form.zoneCount, 'cluster.zones', ZONE_COUNT_RULE, problems)
  const controllerCount = count(
    form.controllerCount,
    'cluster.controllers',
    CONTROLLER_COUNT_RULE,
    problems,
  )
  // While a count is invalid the base's own is used, so the other fields are still checked.
  const zones = zoneNames(base.cluster.zones, zoneCount ?? Math.max(1, base.cluster.zones.length))
  const controllers = controllersOf(
    form,
    base,
    zones,
    controllerCount ?? Math.max(1, base.cluster.controllers.length),
  )
  const config: Record<string, unknown> = { ...file.cluster.config }
  const typeDefaulted: readonly string[] = typeDefaultedKeys(form.brokerType, form.kafkaVersion)
  for (const key of typeDefaulted) delete config[key]
  for (const key of NUMERIC_BROKER_KEYS) {
    // A value the broker type fixes (Express: min.insync.replicas 2, RF 3) is written only when
    // the form changed it, so that choosing the type gives its values; a changed one the reader
    // names at its field.
    const untouched = form.numeric[key] === String(base.cluster.config[key])
    if (typeDefaulted.includes(key) && untouched) continue
    config[key] = jsonValue(form.numeric[key])
  }
  for (const key of OPTIONAL_BROKER_KEYS) {
    const text = form.optional[key]
    if (text.trim() === '') delete config[key]
    else config[key] = jsonValue(text)
  }
  for (const key of BOOLEAN_BROKER_KEYS) config[key] = form.flags[key]
  const perZone = jsonValue(form.brokersPerZone)
  const baseVersion = versionOf(base)
  // A file that names no version keeps naming none while the form stays at what that means.
  const named = base.cluster.kafkaVersion !== undefined || form.kafkaVersion !== baseVersion
  const scenario = {
    ...file,
    cluster: {
      ...(named ? { kafkaVersion: form.kafkaVersion } : {}),
      ...capacityFile(form),
      controller: form.controllerMode,
      zones,
      brokersPerZone: perZone,
      controllers,
      config,
    },
    topics: form.topics.map((t) => topicFile(t, base, file, zones, perZone)),
    clients: [
      ...form.producers.map((p) => producerFile(p, file, baseVersion, form.kafkaVersion)),
      ...carried.consumers,
    ],
    faults: carried.faults,
  }
  return { scenario, problems }
}

function carriedOf(base: SimulationSpec): Carried {
  const file = specToScenario(base)
  const consumers = (file.clients ?? []).filter((c): c is ScenarioConsumer => c.kind === 'consumer')
  return { faults: file.faults ?? [], consumers }
}

/**
 * A topic of the form. Its existing assignment (and initial state) is kept when its partition
 * count and RF are unchanged and every replica's broker still exists in the same zone;
 * otherwise Kafka would not have placed it so, and the reader assigns it afresh.
 */
function topicFile(
  t: TopicForm,
  base: SimulationSpec,
  file: ScenarioFile,
  zones: ZoneName[],
  perZone: number | string,
) {
  const partitions = jsonValue(t.partitions)
  const replicationFactor = jsonValue(t.replicationFactor)
  const index = base.topics.findIndex((old) => old.name === t.name)
  const old = base.topics[index]
  const oldFile = file.topics?.[index]
  // Topic configs the form does not show (retention.ms) are kept from the topic of that name.
  const config: Record<string, unknown> = {
    ...oldFile?.config,
    'min.insync.replicas': jsonValue(t.minIsr),
  }
  delete config['unclean.leader.election.enable']
  if (t.unclean !== 'inherit') config['unclean.leader.election.enable'] = t.unclean === 'true'
  const lists = [
    ['leader.replication.throttled.replicas', t.leaderThrottled],
    ['follower.replication.throttled.replicas', t.followerThrottled],
  ] as const
  for (const [key, text] of lists) {
    if (text.trim() === '') delete config[key]
    else config[key] = text.trim()
  }
  const out: Record<string, unknown> = { name: t.name, partitions, replicationFactor, config }
  if (old === undefined || oldFile === undefined || typeof perZone !== 'number') return out
  if (old.partitions !== partitions || old.replicationFactor !== replicationFactor) return out
  const oldZone = new Map(base.cluster.brokers.map((b) => [b.id, b.zone]))
  const stays = (id: number) =>
    id >= 1 && id <= perZone * zones.length && zones[(id - 1) % zones.length] === oldZone.get(id)
  if (!old.assignment.every((replicas) => replicas.every(stays))) return out
  out.assignment = oldFile.assignment
  if (oldFile.initial !== undefined) out.initial = oldFile.initial
  return out
}

/**
 * A producer of the form, over its configs in the base scenario. Changing acks drops an
 * enable.idempotence carried from before, so that Kafka's default for the new acks applies; a
 * linger.ms at the old version's default follows the new version's (5 from 4.0, KIP-1030).
 */
function producerFile(p: ProducerForm, file: ScenarioFile, from: KafkaVersion, to: KafkaVersion) {
  const old = file.clients?.find(
    (c): c is ScenarioProducer => c.kind === 'producer' && c.id === p.id,
  )
  const acks = p.acks === 'all' ? 'all' : Number(p.acks)
  const config: Record<string, unknown> = { ...old?.config }
  if (old !== undefined && String(old.config?.acks ?? 'all') !== String(acks)) {
    delete config['enable.idempotence']
  }
  config.acks = acks
  config['bootstrap.servers'] = jsonList(p.bootstrapServers)
  const linger = config['linger.ms']
  if (typeof linger === 'number') config['linger.ms'] = lingerAfterVersionChange(linger, from, to)
  return {
    kind: 'producer',
    id: p.id,
    topic: p.topic,
    recordsPerSecond: jsonValue(p.recordsPerSecond),
    ...(p.recordBytes.trim() === '' ? {} : { recordBytes: jsonValue(p.recordBytes) }),
    config,
  }
}

export interface DroppedFault {
  fault: TimedFault
  /** What the scenario reader says about the fault in the new cluster. */
  problems: Problem[]
}

export interface FormCheck {
  /** Problems by field key; problems that concern no field are in `general`. */
  fields: FieldProblems
  general: Problem[]
  dropped: DroppedFault[]
  /** Consumers dropped or changed because their topic or brokers went away. */
  notes: string[]
  /** The scenario file the form describes (null while a count is invalid). */
  scenario: unknown
  /** The spec, when the scenario reader accepts the form. */
  spec: SimulationSpec | null
}

const FAULT_PATH = /^faults\[(\d+)\]/
const CLIENT_PATH = /^clients\[(\d+)\](.*)$/

/**
 * Validates a form with the scenario reader. Faults and consumers the reader finds naming what
 * the new cluster no longer has are dropped (consumers first lose the brokers that are gone) and
 * the scenario is checked again, until nothing more is dropped.
 */
export function checkForm(form: ConfigForm, base: SimulationSpec): FormCheck {
  const carried = carriedOf(base)
  const dropped: DroppedFault[] = []
  const notes: string[] = []
  for (;;) {
    const { scenario, problems } = formToScenario(form, base, carried)
    const result = validateScenario(scenario)
    const errors = result.ok ? [] : result.problems
    const faultDrops = new Map<number, Problem[]>()
    for (const p of errors) {
      const match = FAULT_PATH.exec(p.path)
      if (match !== null)
        faultDrops.set(Number(match[1]), [...(faultDrops.get(Number(match[1])) ?? []), p])
    }
    const consumersChanged = carryConsumers(carried, errors, form.producers.length, notes)
    if (faultDrops.size > 0) {
      carried.faults = carried.faults.filter((fault, i) => {
        const reasons = faultDrops.get(i)
        if (reasons !== undefined) dropped.push({ fault, problems: reasons })
        return reasons === undefined
      })
    }
    if (faultDrops.size > 0 || consumersChanged) continue
    const all = [...problems, ...errors]
    const { fields, general } = placeProblems(all, form)
    const spec = result.ok && problems.length === 0 ? result.spec : null
    return { fields, general, dropped, notes, scenario, spec }
  }
}

/** Takes gone brokers off consumers and drops consumers whose topic or every broker is gone. */
function carryConsumers(carried: Carried, errors: Problem[], producers: number, notes: string[]) {
  let changed = false
  carried.consumers = carried.consumers.flatMap((consumer, c) => {
    const own = errors.filter((p) => CLIENT_PATH.exec(p.path)?.[1] === String(producers + c))
    const gone = own.find((p) => p.code === 'unknown-topic')
    if (gone !== undefined) {
      notes.push(`Consumer ${consumer.id} is dropped: topic ${consumer.topic} no longer exists`)
      changed = true
      return []
    }
    const lost = new Set(own.flatMap((p) => (p.code === 'unknown-broker' ? [p.params.broker] : [])))
    if (lost.size === 0) return [consumer]
    changed = true
    const servers = (consumer.config?.['bootstrap.servers'] ?? []).filter((b) => !lost.has(b))
    if (servers.length === 0) {
      notes.push(`Consumer ${consumer.id} is dropped: none of its bootstrap servers exist`)
      return []
    }
    notes.push(`Consumer ${consumer.id} loses the bootstrap servers that no longer exist`)
    return [{ ...consumer, config: { ...consumer.config, 'bootstrap.servers': servers } }]
  })
  return changed
}

const CONFIG_KEY = /^cluster\.config\["([^"]+)"\]/
const CAPACITY_PATH = new RegExp(
  `^cluster\\.(?:(brokerLimits)\\.(${LIMIT_KEYS.join('|')})|(storage)\\.(${STORAGE_KEYS.join('|')}))$`,
)
const TOPIC_PATH =
  /^topics\[(\d+)\](?:\.(name|partitions|replicationFactor)|\.config\["([^"]+)"\])?/

/** The form field a problem concerns, by its JSON path, or null for none. */
export function fieldOf(problem: Problem, producers: number): string | null {
  const path = problem.path
  // The form edits the session timeout, not the heartbeat interval it is compared with.
  if (problem.code === 'heartbeat-exceeds-session') return 'numeric.broker.session.timeout.ms'
  if (path.startsWith('cluster.zones')) return 'zoneCount'
  if (path.startsWith('cluster.brokers')) return 'brokersPerZone'
  if (/^cluster\.controllers\[\d+\]\.zone$/.test(path)) return 'controllerPlacement'
  if (path.startsWith('cluster.controllers')) return 'controllerCount'
  if (path === 'cluster.controller') return 'controllerMode'
  if (path === 'cluster.kafkaVersion') return 'kafkaVersion'
  const capacity = CAPACITY_PATH.exec(path)
  if (capacity !== null) {
    const [, limits, limitKey, storage, storageKey] = capacity
    return limits !== undefined ? `${limits}.${limitKey}` : `${storage}.${storageKey}`
  }
  // What the type takes or refuses as a whole (limits, a volume) is told at the type's select.
  if (/^cluster\.(brokerType|brokerLimits|storage)$/.test(path)) return 'brokerType'
  const key = CONFIG_KEY.exec(path)?.[1]
  if (key !== undefined) {
    if ((NUMERIC_BROKER_KEYS as readonly string[]).includes(key)) return `numeric.${key}`
    if ((OPTIONAL_BROKER_KEYS as readonly string[]).includes(key)) return `optional.${key}`
    if ((BOOLEAN_BROKER_KEYS as readonly string[]).includes(key)) return `flags.${key}`
    return null
  }
  const topic = TOPIC_PATH.exec(path)
  if (topic !== null) {
    const [, i, field, configKey] = topic
    if (field !== undefined) return `topics.${i}.${field}`
    if (configKey === 'min.insync.replicas') return `topics.${i}.minIsr`
    if (configKey === 'unclean.leader.election.enable') return `topics.${i}.unclean`
    if (configKey === 'leader.replication.throttled.replicas') return `topics.${i}.leaderThrottled`
    if (configKey === 'follower.replication.throttled.replicas')
      return `topics.${i}.followerThrottled`
    return `topics.${i}.name`
  }
  const client = CLIENT_PATH.exec(path)
  if (client === null) return null
  let index = Number(client[1])
  // A consumer's id that repeats a producer's is the producer's problem: only it can change.
  if (index >= producers && problem.code === 'duplicate-id') {
    index = Number(CLIENT_PATH.exec(problem.params.firstPath)?.[1] ?? index)
  }
  if (index >= producers) return null
  const rest = client[2] ?? ''
  if (rest === '.topic' || rest === '.recordsPerSecond' || rest === '.recordBytes')
    return `producers.${index}${rest}`
  if (rest.startsWith('.config.acks')) return `producers.${index}.acks`
  if (rest.startsWith('.config["bootstrap.servers"]')) return `producers.${index}.bootstrapServers`
  return `producers.${index}.id`
}

/**
 * Limits the reader rejects are, to it, no limits, so it adds that "custom" needs some; the
 * limits' own problems already say what is wrong, at their fields.
 */
function withoutEchoes(problems: Problem[]): Problem[] {
  const ownProblems = problems.some((p) => p.path.startsWith('cluster.brokerLimits.'))
  return ownProblems ? problems.filter((p) => p.code !== 'custom-broker-needs-limits') : problems
}

function placeProblems(problems: Problem[], form: ConfigForm) {
  const fields: FieldProblems = {}
  const general: Problem[] = []
  for (const found of withoutEchoes(problems)) {
    const p = fromProducerSide(found, form.producers.length)
    const field = fieldOf(p, form.producers.length)
    if (field === null) general.push(p)
    else (fields[field] ??= []).push(p)
  }
  return { fields, general }
}

/**
 * A producer id that a carried consumer repeats is reported by the reader at the consumer (the
 * later one); told from the producer's side, it is the same problem with the two places swapped.
 */
function fromProducerSide(problem: Problem, producers: number): Problem {
  if (problem.code !== 'duplicate-id' || problem.params.of !== 'client') return problem
  const at = Number(CLIENT_PATH.exec(problem.path)?.[1])
  const first = Number(CLIENT_PATH.exec(problem.params.firstPath)?.[1])
  if (!(at >= producers && first < producers)) return problem
  return makeProblem(`clients[${first}].id`, 'duplicate-id', {
    ...problem.params,
    firstPath: `clients[${at}]`,
  })
}

/** Each field's problems in words, and those of no field under "general". */
export function validateForm(form: ConfigForm, base: SimulationSpec): FormErrors {
  const { fields, general } = checkForm(form, base)
  const errors: FormErrors = {}
  for (const [field, problems] of Object.entries(fields)) {
    errors[field] = problems.map(renderProblem).join('; ')
  }
  if (general.length > 0)
    errors.general = general.map((p) => `${p.path}: ${renderProblem(p)}`).join('; ')
  return errors
}

/** Splits the spec's fault script into the faults kept and those dropped (with reasons). */
export function partitionFaults(form: ConfigForm, base: SimulationSpec) {
  const { dropped } = checkForm(form, base)
  const kept = base.faults.filter(
    (f) => !dropped.some((d) => d.fault === f || sameFault(d.fault, f)),
  )
  return { kept, dropped }
}

function sameFault(a: TimedFault, b: TimedFault): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** "crashBroker at 00:30.000". */
export function describeFault(f: TimedFault): string {
  return `${f.type} at ${formatSimTime(f.atMs)}`
}

export interface BuildResult {
  spec: SimulationSpec
  dropped: DroppedFault[]
  notes: string[]
}

/** Builds the new spec from a valid form (this throws on a form the reader rejects). */
export function buildSpec(form: ConfigForm, base: SimulationSpec): BuildResult {
  const check = checkForm(form, base)
  if (check.spec === null) {
    const problems = [...Object.values(check.fields).flat(), ...check.general]
    throw new Error(
      `buildSpec: invalid form: ${problems.map((p) => `${p.path}: ${renderProblem(p)}`).join('; ')}`,
    )
  }
  return { spec: check.spec, dropped: check.dropped, notes: check.notes }
}
