/**
 * The configuration editor's pure logic: a SimulationSpec becomes an editable form of strings,
 * the form is validated field by field with messages that name the problem, and a valid form
 * becomes a new SimulationSpec. Topology follows the scenario shorthands: brokers 1..n assigned to
 * the zones round-robin, controllers 1001.. spread over the zones in order, and new replica
 * assignments from Kafka's own `assignReplicasToBrokers` with the spec's seed. Faults that name a
 * broker, zone, controller, topic or partition that no longer exists are dropped and reported.
 */
import { assignReplicasToBrokers } from '../../engine/protocol/assignment'
import { prngFromSeed } from '../../engine/prng'
import {
  DEFAULT_PRODUCER_CONFIG,
  type Acks,
  type BrokerSpec,
  type ClientSpec,
  type ClusterConfig,
  type ControllerMode,
  type ControllerSpec,
  type SimulationSpec,
  type TimedFault,
  type TopicSpec,
  type ZoneName,
} from '../../engine/spec'
import { formatSimTime } from './event-format'

export const MAX_ZONES = 6
export const MAX_BROKERS_PER_ZONE = 20
export const MAX_CONTROLLERS = 9
export const MAX_PARTITIONS = 10_000
export const FIRST_CONTROLLER_ID = 1001

export type UncleanChoice = 'inherit' | 'true' | 'false'
export type AcksChoice = 'all' | '1' | '0'

export interface TopicForm {
  name: string
  partitions: string
  replicationFactor: string
  minIsr: string
  unclean: UncleanChoice
}

export interface ProducerForm {
  id: string
  topic: string
  acks: AcksChoice
  recordsPerSecond: string
  /** Broker ids, comma separated: "1, 2, 3". */
  bootstrapServers: string
}

export const NUMERIC_BROKER_KEYS = [
  'replica.lag.time.max.ms',
  'broker.session.timeout.ms',
  'zookeeper.session.timeout.ms',
] as const
export const BOOLEAN_BROKER_KEYS = [
  'unclean.leader.election.enable',
  'auto.leader.rebalance.enable',
  'eligible.leader.replicas.enable',
] as const
export type NumericBrokerKey = (typeof NUMERIC_BROKER_KEYS)[number]
export type BooleanBrokerKey = (typeof BOOLEAN_BROKER_KEYS)[number]

export interface ConfigForm {
  zoneCount: string
  brokersPerZone: string
  controllerMode: ControllerMode
  controllerCount: string
  /** 'spread' over the zones in order, or a zone index as a string: all controllers there. */
  controllerPlacement: string
  topics: TopicForm[]
  producers: ProducerForm[]
  numeric: Record<NumericBrokerKey, string>
  flags: Record<BooleanBrokerKey, boolean>
}

/** Field path (e.g. "topics.0.replicationFactor") to its problem, in plain words. */
export type FormErrors = Record<string, string>

const ACKS_BY_CHOICE: Record<AcksChoice, Acks> = { all: -1, '1': 1, '0': 0 }
const CHOICE_BY_ACKS: Record<Acks, AcksChoice> = { [-1]: 'all', 1: '1', 0: '0' }

/** The zone names for `count` zones: the spec's own first, then use1-az1.. not yet taken. */
export function zoneNames(existing: readonly ZoneName[], count: number): ZoneName[] {
  const names = existing.slice(0, count)
  for (let k = 1; names.length < count; k++) {
    const candidate = `use1-az${k}`
    if (!names.includes(candidate) && !existing.includes(candidate)) names.push(candidate)
  }
  return names
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
  return {
    zoneCount: String(zoneCount),
    brokersPerZone: String(Math.max(1, Math.round(cluster.brokers.length / zoneCount))),
    controllerMode: cluster.controller,
    controllerCount: String(Math.max(1, cluster.controllers.length)),
    controllerPlacement: placement,
    topics: spec.topics.map((t) => {
      const unclean = t.config['unclean.leader.election.enable']
      return {
        name: t.name,
        partitions: String(t.partitions),
        replicationFactor: String(t.replicationFactor),
        minIsr: String(t.config['min.insync.replicas'] ?? cluster.config['min.insync.replicas']),
        unclean: unclean === undefined ? 'inherit' : unclean ? 'true' : 'false',
      }
    }),
    producers: spec.clients.flatMap((c) =>
      c.kind === 'producer'
        ? [
            {
              id: c.id,
              topic: c.topic,
              acks: CHOICE_BY_ACKS[c.config.acks],
              recordsPerSecond: String(c.recordsPerSecond),
              bootstrapServers: c.config['bootstrap.servers'].join(', '),
            },
          ]
        : [],
    ),
    numeric: {
      'replica.lag.time.max.ms': String(cluster.config['replica.lag.time.max.ms']),
      'broker.session.timeout.ms': String(cluster.config['broker.session.timeout.ms']),
      'zookeeper.session.timeout.ms': String(cluster.config['zookeeper.session.timeout.ms']),
    },
    flags: {
      'unclean.leader.election.enable': cluster.config['unclean.leader.election.enable'],
      'auto.leader.rebalance.enable': cluster.config['auto.leader.rebalance.enable'],
      'eligible.leader.replicas.enable': cluster.config['eligible.leader.replicas.enable'],
    },
  }
}

/** A whole number written in plain digits, or null ("3.5", "", "1e3" and "abc" are not). */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null
}

function wholeInRange(text: string, min: number, max: number, what: string): string | null {
  const n = parseWhole(text)
  if (n === null || n < min || n > max)
    return `${what} must be a whole number from ${min} to ${max}`
  return null
}

/** Parses "1, 2,3" into broker ids; the problem is named for the first bad entry. */
export function parseBrokerList(
  text: string,
  brokerCount: number,
): { ids: number[] } | { error: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return { error: 'List at least one broker id, e.g. 1, 2, 3' }
  const ids: number[] = []
  for (const part of parts) {
    const id = parseWhole(part)
    if (id === null) return { error: `"${part}" is not a broker id` }
    if (id < 1 || id > brokerCount) {
      return { error: `Broker ${id} does not exist (brokers are 1–${brokerCount})` }
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return { ids }
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/

function topicNameError(name: string, index: number, topics: readonly TopicForm[]): string | null {
  if (name === '') return 'Topic name is required'
  if (name.length > 249) return 'Topic names are at most 249 characters'
  if (name === '.' || name === '..') return `"${name}" is not a legal topic name`
  if (!TOPIC_NAME.test(name)) {
    return 'Topic names may contain only letters, digits, ".", "_" and "-"'
  }
  if (topics.findIndex((t) => t.name === name) !== index) return `Topic ${name} is listed twice`
  return null
}

/** The broker count a form describes, or null while zones or brokers per zone are invalid. */
export function brokerCountOf(form: ConfigForm): number | null {
  const zones = parseWhole(form.zoneCount)
  const perZone = parseWhole(form.brokersPerZone)
  if (zones === null || zones < 1 || zones > MAX_ZONES) return null
  if (perZone === null || perZone < 1 || perZone > MAX_BROKERS_PER_ZONE) return null
  return zones * perZone
}

export function validateForm(form: ConfigForm, base: SimulationSpec): FormErrors {
  const errors: FormErrors = {}
  const put = (path: string, message: string | null) => {
    if (message !== null) errors[path] = message
  }
  put('zoneCount', wholeInRange(form.zoneCount, 1, MAX_ZONES, 'Zones'))
  put(
    'brokersPerZone',
    wholeInRange(form.brokersPerZone, 1, MAX_BROKERS_PER_ZONE, 'Brokers per zone'),
  )
  const controllersWhat = form.controllerMode === 'kraft' ? 'Controllers' : 'ZooKeeper nodes'
  put('controllerCount', wholeInRange(form.controllerCount, 1, MAX_CONTROLLERS, controllersWhat))
  const zones = parseWhole(form.zoneCount)
  if (form.controllerPlacement !== 'spread' && zones !== null) {
    const index = Number(form.controllerPlacement)
    if (index >= zones) put('controllerPlacement', `There are only ${zones} zones now`)
  }
  const brokers = brokerCountOf(form)
  form.topics.forEach((t, i) => validateTopic(t, i, form.topics, brokers, put))
  validateProducers(form, base, brokers, put)
  for (const key of NUMERIC_BROKER_KEYS) {
    put(`numeric.${key}`, wholeInRange(form.numeric[key], 1, 3_600_000, key))
  }
  const heartbeat = base.cluster.config['broker.heartbeat.interval.ms']
  const session = parseWhole(form.numeric['broker.session.timeout.ms'])
  if (session !== null && session >= 1 && session <= heartbeat) {
    put(
      'numeric.broker.session.timeout.ms',
      `broker.session.timeout.ms must be larger than broker.heartbeat.interval.ms (${heartbeat})`,
    )
  }
  return errors
}

type Put = (path: string, message: string | null) => void

function validateTopic(
  t: TopicForm,
  i: number,
  topics: readonly TopicForm[],
  brokers: number | null,
  put: Put,
) {
  const at = `topics.${i}`
  put(`${at}.name`, topicNameError(t.name, i, topics))
  put(`${at}.partitions`, wholeInRange(t.partitions, 1, MAX_PARTITIONS, 'Partitions'))
  const rf = parseWhole(t.replicationFactor)
  if (rf === null || rf < 1) put(`${at}.replicationFactor`, 'RF must be a whole number, at least 1')
  else if (brokers !== null && rf > brokers) {
    put(`${at}.replicationFactor`, `RF ${rf} is larger than the ${brokers} brokers`)
  }
  const minIsr = parseWhole(t.minIsr)
  if (minIsr === null || minIsr < 1) {
    put(`${at}.minIsr`, 'min.insync.replicas must be a whole number, at least 1')
  } else if (rf !== null && rf >= 1 && minIsr > rf) {
    put(`${at}.minIsr`, `min.insync.replicas ${minIsr} is larger than RF ${rf}`)
  }
}

function validateProducers(
  form: ConfigForm,
  base: SimulationSpec,
  brokers: number | null,
  put: Put,
) {
  const consumerIds = new Set(base.clients.filter((c) => c.kind === 'consumer').map((c) => c.id))
  form.producers.forEach((p, i) => {
    const at = `producers.${i}`
    const id = p.id.trim()
    if (id === '') put(`${at}.id`, 'Client id is required')
    else if (form.producers.findIndex((q) => q.id.trim() === id) !== i || consumerIds.has(id)) {
      put(`${at}.id`, `Client id ${id} is already used`)
    }
    if (!form.topics.some((t) => t.name === p.topic)) {
      put(`${at}.topic`, p.topic === '' ? 'Choose a topic' : `Topic ${p.topic} does not exist`)
    }
    put(
      `${at}.recordsPerSecond`,
      wholeInRange(p.recordsPerSecond, 1, 100_000, 'Records per second'),
    )
    if (brokers !== null) {
      const parsed = parseBrokerList(p.bootstrapServers, brokers)
      if ('error' in parsed) put(`${at}.bootstrapServers`, parsed.error)
    }
  })
}

export interface Topology {
  zones: ZoneName[]
  brokers: BrokerSpec[]
  controllers: ControllerSpec[]
}

/**
 * Zones, brokers (round-robin) and controllers (spread, or all in one zone) of a form. Counts are
 * clamped to their legal ranges so the drop preview also works while a field is being edited.
 */
export function topologyOf(form: ConfigForm, base: SimulationSpec): Topology {
  const clamp = (text: string, max: number) => Math.min(max, Math.max(1, parseWhole(text) ?? 1))
  const zones = zoneNames(base.cluster.zones, clamp(form.zoneCount, MAX_ZONES))
  const brokerCount = zones.length * clamp(form.brokersPerZone, MAX_BROKERS_PER_ZONE)
  const brokers = Array.from({ length: brokerCount }, (_, i) => ({
    id: i + 1,
    zone: zones[i % zones.length]!,
  }))
  const placement = form.controllerPlacement === 'spread' ? null : Number(form.controllerPlacement)
  const controllers = Array.from(
    { length: clamp(form.controllerCount, MAX_CONTROLLERS) },
    (_, i) => ({
      id: FIRST_CONTROLLER_ID + i,
      zone: zones[placement ?? i % zones.length] ?? zones[0]!,
    }),
  )
  return { zones, brokers, controllers }
}

export interface DroppedFault {
  fault: TimedFault
  reason: string
}

/** Why a fault no longer fits the new cluster, or null if it still does. */
function faultProblem(f: TimedFault, t: Topology, topics: ReadonlyMap<string, number>) {
  const hasBroker = (id: number) => t.brokers.some((b) => b.id === id)
  switch (f.type) {
    case 'crashBroker':
    case 'startBroker':
    case 'shutdownBroker':
    case 'isolateBroker':
    case 'healBroker':
    case 'slowBroker':
    case 'unslowBroker':
      return hasBroker(f.broker) ? null : `broker ${f.broker} no longer exists`
    case 'stopZone':
    case 'startZone':
    case 'isolateZone':
    case 'healZone':
      return t.zones.includes(f.zone) ? null : `zone ${f.zone} no longer exists`
    case 'crashController':
    case 'startController':
      return t.controllers.some((c) => c.id === f.controller)
        ? null
        : `controller ${f.controller} no longer exists`
    case 'rollingRestart': {
      const missing = (f.brokers ?? []).filter((b) => !hasBroker(b))
      return missing.length === 0 ? null : `brokers ${missing.join(', ')} no longer exist`
    }
    case 'electLeaders': {
      if (f.topic === undefined) return null
      const partitions = topics.get(f.topic)
      if (partitions === undefined) return `topic ${f.topic} no longer exists`
      if (f.partition !== undefined && f.partition >= partitions) {
        return `${f.topic} has no partition ${f.partition} now`
      }
      return null
    }
  }
}

/** Splits the spec's fault script into the faults kept and those dropped (with reasons). */
export function partitionFaults(form: ConfigForm, base: SimulationSpec) {
  const topology = topologyOf(form, base)
  const topics = new Map(form.topics.map((t) => [t.name, parseWhole(t.partitions) ?? 0]))
  const kept: TimedFault[] = []
  const dropped: DroppedFault[] = []
  for (const fault of base.faults) {
    const reason = faultProblem(fault, topology, topics)
    if (reason === null) kept.push(fault)
    else dropped.push({ fault, reason })
  }
  return { kept, dropped }
}

/** "crashBroker at 00:30.000". */
export function describeFault(f: TimedFault): string {
  return `${f.type} at ${formatSimTime(f.atMs)}`
}

/**
 * Keeps a topic's existing assignment (and initial state) when its partition count and RF are
 * unchanged and every replica's broker still exists in the same zone; otherwise Kafka would not
 * have placed it so, and the topic is assigned afresh.
 */
function keepAssignment(
  old: TopicSpec | undefined,
  t: TopicSpec,
  base: SimulationSpec,
  topo: Topology,
) {
  if (old === undefined || old.partitions !== t.partitions) return false
  if (old.replicationFactor !== t.replicationFactor) return false
  const oldZone = new Map(base.cluster.brokers.map((b) => [b.id, b.zone]))
  const newZone = new Map(topo.brokers.map((b) => [b.id, b.zone]))
  return old.assignment.every((replicas) =>
    replicas.every((id) => newZone.has(id) && newZone.get(id) === oldZone.get(id)),
  )
}

export interface BuildResult {
  spec: SimulationSpec
  dropped: DroppedFault[]
  /** Consumers dropped or changed because their topic or brokers went away. */
  notes: string[]
}

/** Builds the new spec from a valid form (call validateForm first; this throws on bad input). */
export function buildSpec(form: ConfigForm, base: SimulationSpec): BuildResult {
  const problems = Object.values(validateForm(form, base))
  if (problems.length > 0) throw new Error(`buildSpec: invalid form: ${problems.join('; ')}`)
  const topo = topologyOf(form, base)
  const config: ClusterConfig = { ...base.cluster.config }
  for (const key of NUMERIC_BROKER_KEYS) config[key] = parseWhole(form.numeric[key])!
  for (const key of BOOLEAN_BROKER_KEYS) config[key] = form.flags[key]
  const random = prngFromSeed(base.seed)
  const racks = topo.brokers.map((b) => ({ id: b.id, rack: b.zone }))
  const topics = form.topics.map((f): TopicSpec => {
    const topic: TopicSpec = {
      name: f.name,
      partitions: parseWhole(f.partitions)!,
      replicationFactor: parseWhole(f.replicationFactor)!,
      config: { 'min.insync.replicas': parseWhole(f.minIsr)! },
      assignment: [],
    }
    if (f.unclean !== 'inherit')
      topic.config['unclean.leader.election.enable'] = f.unclean === 'true'
    const old = base.topics.find((t) => t.name === f.name)
    if (old !== undefined && keepAssignment(old, topic, base, topo)) {
      topic.assignment = old.assignment.map((r) => [...r])
      if (old.initial !== undefined) topic.initial = old.initial
    } else {
      const map = assignReplicasToBrokers(
        racks,
        topic.partitions,
        topic.replicationFactor,
        -1,
        -1,
        random,
      )
      topic.assignment = Array.from({ length: topic.partitions }, (_, p) => map.get(p) ?? [])
    }
    return topic
  })
  const { consumers, notes } = carryConsumers(form, base)
  const clients = [...buildProducers(form, base, topo.brokers.length), ...consumers]
  const { kept, dropped } = partitionFaults(form, base)
  const spec: SimulationSpec = {
    ...base,
    cluster: { controller: form.controllerMode, ...topo, config },
    topics,
    clients,
    faults: kept,
  }
  return { spec, dropped, notes }
}

function buildProducers(form: ConfigForm, base: SimulationSpec, brokerCount: number): ClientSpec[] {
  return form.producers.map((p) => {
    const old = base.clients.find((c) => c.kind === 'producer' && c.id === p.id.trim())
    const parsed = parseBrokerList(p.bootstrapServers, brokerCount)
    return {
      kind: 'producer',
      id: p.id.trim(),
      topic: p.topic,
      recordsPerSecond: parseWhole(p.recordsPerSecond)!,
      config: {
        ...(old?.kind === 'producer' ? old.config : DEFAULT_PRODUCER_CONFIG),
        acks: ACKS_BY_CHOICE[p.acks],
        'bootstrap.servers': 'ids' in parsed ? parsed.ids : [],
      },
    }
  })
}

/**
 * The form does not edit consumers, so they are carried over: dropped when their topic is gone or
 * none of their bootstrap servers exist, otherwise with vanished brokers taken off their list.
 */
export function carryConsumers(form: ConfigForm, base: SimulationSpec) {
  const brokerIds = new Set(topologyOf(form, base).brokers.map((b) => b.id))
  const notes: string[] = []
  const consumers: ClientSpec[] = []
  for (const c of base.clients) {
    if (c.kind !== 'consumer') continue
    if (!form.topics.some((t) => t.name === c.topic)) {
      notes.push(`Consumer ${c.id} is dropped: topic ${c.topic} no longer exists`)
      continue
    }
    const servers = c.config['bootstrap.servers'].filter((b) => brokerIds.has(b))
    if (servers.length === 0) {
      notes.push(`Consumer ${c.id} is dropped: none of its bootstrap servers exist`)
      continue
    }
    if (servers.length < c.config['bootstrap.servers'].length) {
      notes.push(`Consumer ${c.id} loses the bootstrap servers that no longer exist`)
    }
    consumers.push({ ...c, config: { ...c.config, 'bootstrap.servers': servers } })
  }
  return { consumers, notes }
}
