/**
 * The second validation pass: what a JSON Schema cannot say. Unique ids and names, references
 * to zones, brokers, controllers and topics, replication factors against the broker count,
 * min.insync.replicas against the replication factor, assignments and initial states against
 * the replicas, Kafka's producer config rules, and faults after the end of the run (a warning).
 * Each check runs only on the parts the first pass accepted, and reference checks only when the
 * referenced list itself is valid, so one mistake does not cause a cascade of others.
 */
import {
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  OFFSETS_TOPIC,
  type BrokerSpec,
  type ClusterConfig,
} from '../engine/spec'
import { EXPRESS_FIXED, isExpressBrokerType } from '../engine/capacity/broker-type-names'
import {
  brokerTypeFigures,
  DEFAULT_VOLUME_MIBPS,
  MIN_PROVISIONED_VOLUME_GIB,
} from '../engine/capacity/broker-types'
import { DEFAULT_DURATION_MS, FIRST_CONTROLLER_ID, MAX_BROKERS } from './fields'
import { defaultControllers, expandBrokers, mergedClusterConfig, normalizeAcks } from './normalize'
import {
  error,
  warn,
  type Ctx,
  type LooseClient,
  type LooseCluster,
  type LooseFault,
  type LooseScenario,
  type LooseTopic,
} from './shape'
import type { ProblemParams } from './messages'
import { at, closest } from './text'
import type { ScenarioAcks } from './types'
import {
  DEFAULT_KAFKA_VERSION,
  KAFKA_VERSIONS,
  atLeast,
  normalizeKafkaVersion,
  rulesOf,
  type KafkaVersion,
} from '../engine/versions'

interface Known {
  /** The scenario's Kafka version (its default when missing or unknown). */
  version: KafkaVersion
  zones?: Set<string>
  /** Broker ids, when the broker list is valid. */
  brokers?: Set<number>
  brokerCount?: number
  controllers?: Set<number>
  /** Topics by name, when every topic has a valid name. */
  topics?: Map<string, LooseTopic>
  config: ClusterConfig
  durationMs?: number
  /** Clients by id, when every client has an id. */
  clients?: Map<string, LooseClient>
}

const CONFIG_PATH = 'cluster.config'

export function checkSemantics(ctx: Ctx, scenario: LooseScenario): void {
  const cluster = scenario.cluster
  const version = checkKafkaVersion(ctx, scenario)
  const known: Known = {
    version,
    config: mergedClusterConfig(cluster?.config, version, cluster?.brokerType),
  }
  // Warnings matter only when there are no errors, so an invalid durationMs may fall back here.
  known.durationMs = (scenario.fields.durationMs as number | undefined) ?? DEFAULT_DURATION_MS
  if (cluster?.zones !== undefined) known.zones = new Set(cluster.zones)
  const brokers = checkBrokers(ctx, scenario, known)
  if (brokers !== undefined) {
    known.brokers = new Set(brokers.map((b) => b.id))
    known.brokerCount = brokers.length
  }
  checkControllers(ctx, scenario, known)
  checkClusterConfig(ctx, scenario, known)
  checkBrokerType(ctx, scenario, known)
  checkTopics(ctx, scenario, known)
  checkClients(ctx, scenario, known)
  // As with topics: no "clients" field means no clients, so a fault naming one is unknown.
  if (!('clients' in scenario)) known.clients = new Map()
  else if (scenario.clients?.every((c) => c?.id !== undefined) === true)
    known.clients = new Map(
      scenario.clients.map((c) => [(c as LooseClient).id as string, c as LooseClient]),
    )
  scenario.faults?.forEach((fault, i) => {
    if (fault !== undefined) checkFault(ctx, fault, at('faults', i), known)
  })
  checkUpgrades(ctx, scenario, known)
  scenario.narration?.steps.forEach((step, i) => {
    const path = at('narration', 'steps', i, 'atMs')
    const previous = scenario.narration?.steps[i - 1]
    if (previous !== undefined && step.atMs < previous.atMs) {
      warn(ctx, path, 'step-out-of-order', { atMs: step.atMs, previousAtMs: previous.atMs })
    }
    if (known.durationMs !== undefined && step.atMs > known.durationMs) {
      warn(ctx, path, 'step-after-end', { atMs: step.atMs, durationMs: known.durationMs })
    }
  })
}

/**
 * `cluster.brokerType` with its companions: "custom" takes brokerLimits (and only it does),
 * storage needs a type and not an Express one, and Express brokers' fixed settings (MSK Developer
 * Guide, Express brokers): 3 zones, replication factor 3, min.insync.replicas 2, no unclean
 * leader election.
 */
function checkBrokerType(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const cluster = scenario.cluster
  if (cluster === undefined) return
  const type = cluster.brokerType
  if (type === 'custom' && cluster.brokerLimits === undefined)
    error(ctx, 'cluster.brokerLimits', 'custom-broker-needs-limits', {})
  if (type !== 'custom' && cluster.brokerLimits !== undefined)
    error(ctx, 'cluster.brokerLimits', 'broker-limits-need-custom', { brokerType: type ?? null })
  if (cluster.storage !== undefined && type === undefined)
    error(ctx, 'cluster.storage', 'storage-needs-broker-type', {})
  checkProvisionedThroughput(ctx, cluster)
  if (!isExpressBrokerType(type)) return
  if (cluster.storage !== undefined)
    error(ctx, 'cluster.storage', 'express-no-storage', { brokerType: type })
  scenario.faults?.forEach((fault, i) => {
    if (fault?.type === 'replaceVolume')
      error(ctx, at('faults', i, 'type'), 'express-no-volume-to-replace', { brokerType: type })
  })
  const fixed = (
    path: string,
    setting: ProblemParams['express-fixed-setting']['setting'],
    value: number | boolean | undefined,
    required: number | boolean,
  ): void => {
    if (value !== undefined && value !== required)
      error(ctx, path, 'express-fixed-setting', { brokerType: type, setting, value, required })
  }
  fixed('cluster.zones', 'zones', cluster.zones?.length, EXPRESS_FIXED.zones)
  const config = cluster.config
  fixed(
    at(CONFIG_PATH, 'min.insync.replicas'),
    'min.insync.replicas',
    config['min.insync.replicas'],
    EXPRESS_FIXED.minInsyncReplicas,
  )
  fixed(
    at(CONFIG_PATH, 'unclean.leader.election.enable'),
    'unclean.leader.election.enable',
    config['unclean.leader.election.enable'],
    EXPRESS_FIXED.uncleanLeaderElection,
  )
  fixed(
    at(CONFIG_PATH, 'default.replication.factor'),
    'replicationFactor',
    config['default.replication.factor'],
    EXPRESS_FIXED.replicationFactor,
  )
  scenario.topics?.forEach((topic, i) => {
    if (topic === undefined) return
    const path = at('topics', i)
    fixed(
      topic.replicationFactor === undefined ? path : at(path, 'replicationFactor'),
      'replicationFactor',
      topic.replicationFactor ?? known.config['default.replication.factor'],
      EXPRESS_FIXED.replicationFactor,
    )
    fixed(
      at(path, 'config', 'min.insync.replicas'),
      'min.insync.replicas',
      topic.config['min.insync.replicas'],
      EXPRESS_FIXED.minInsyncReplicas,
    )
    fixed(
      at(path, 'config', 'unclean.leader.election.enable'),
      'unclean.leader.election.enable',
      topic.config['unclean.leader.election.enable'],
      EXPRESS_FIXED.uncleanLeaderElection,
    )
  })
}

/**
 * `cluster.storage.provisionedThroughputMiBps` (msk-provisioned-throughput): 250 MiB/s up to the
 * type's maximum, on a volume of 10 GiB or more, from kafka.m5.4xlarge and kafka.m7g.2xlarge up.
 * A custom type takes any value.
 */
function checkProvisionedThroughput(ctx: Ctx, cluster: LooseCluster): void {
  const type = cluster.brokerType
  const wanted = cluster.storage?.provisionedThroughputMiBps
  if (wanted === undefined || type === undefined || type === 'custom' || isExpressBrokerType(type))
    return
  const path = 'cluster.storage.provisionedThroughputMiBps'
  const maximum = brokerTypeFigures(type).volumeMaxProvisionedMiBps
  if (maximum === null) {
    error(ctx, path, 'provisioned-throughput-unavailable', { brokerType: type })
    return
  }
  if (wanted < DEFAULT_VOLUME_MIBPS || wanted > maximum)
    error(ctx, path, 'provisioned-throughput-out-of-range', {
      brokerType: type,
      got: wanted,
      minimum: DEFAULT_VOLUME_MIBPS,
      maximum,
    })
  const volume = cluster.storage?.volumeGiB
  if (volume !== undefined && volume < MIN_PROVISIONED_VOLUME_GIB)
    error(ctx, 'cluster.storage.volumeGiB', 'provisioned-throughput-small-volume', {
      volumeGiB: volume,
      minimum: MIN_PROVISIONED_VOLUME_GIB,
    })
}

/** `cluster.kafkaVersion`: a version the engine models, and one that has the chosen controller. */
function checkKafkaVersion(ctx: Ctx, scenario: LooseScenario): KafkaVersion {
  const cluster = scenario.cluster
  const text = cluster?.kafkaVersion
  if (text === undefined) return DEFAULT_KAFKA_VERSION
  const version = normalizeKafkaVersion(text)
  if (version === undefined) {
    error(ctx, 'cluster.kafkaVersion', 'unknown-kafka-version', {
      value: text,
      supported: [...KAFKA_VERSIONS],
    })
    return DEFAULT_KAFKA_VERSION
  }
  const rules = rulesOf(version)
  if (cluster?.controller === 'zookeeper' && !rules.zookeeper) {
    error(ctx, 'cluster.controller', 'zookeeper-removed', { version })
  }
  if (cluster?.config['eligible.leader.replicas.enable'] === true && !rules.elrAvailable) {
    error(ctx, at(CONFIG_PATH, 'eligible.leader.replicas.enable'), 'elr-not-in-version', {
      version,
    })
  }
  return version
}

/** Each upgradeCluster, in time order, goes to a newer version the cluster's controller has. */
function checkUpgrades(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const upgrades: { atMs: number; text: string; path: string }[] = []
  scenario.faults?.forEach((fault, i) => {
    const text = fault?.fields.toVersion
    if (fault?.type === 'upgradeCluster' && typeof text === 'string')
      upgrades.push({ atMs: fault.atMs ?? 0, text, path: at('faults', i, 'toVersion') })
  })
  upgrades.sort((a, b) => a.atMs - b.atMs)
  let current = known.version
  for (const upgrade of upgrades) {
    const to = normalizeKafkaVersion(upgrade.text)
    if (to === undefined) {
      error(ctx, upgrade.path, 'unknown-kafka-version', {
        value: upgrade.text,
        supported: [...KAFKA_VERSIONS],
      })
      continue
    }
    if (!atLeast(to, current) || to === current) {
      error(ctx, upgrade.path, 'upgrade-not-newer', { from: current, to: upgrade.text })
      continue
    }
    if (scenario.cluster?.controller === 'zookeeper' && !rulesOf(to).zookeeper) {
      error(ctx, upgrade.path, 'zookeeper-upgrade-to-4', { to })
      continue
    }
    current = to
  }
}

function unknownZone(zone: string, known: Known): ProblemParams['unknown-zone'] {
  const zones = [...(known.zones ?? [])]
  const suggestion = closest(zone, zones)
  return suggestion === undefined ? { zone, zones } : { zone, zones, suggestion }
}

function checkBrokers(ctx: Ctx, scenario: LooseScenario, known: Known): BrokerSpec[] | undefined {
  const cluster = scenario.cluster
  if (cluster === undefined || known.zones === undefined) return cluster?.brokers
  let brokers = cluster.brokers
  if (brokers === undefined && cluster.brokersPerZone !== undefined) {
    const total = cluster.brokersPerZone * known.zones.size
    if (total > MAX_BROKERS) {
      error(ctx, 'cluster.brokersPerZone', 'too-many-brokers-per-zone', {
        brokersPerZone: cluster.brokersPerZone,
        zones: known.zones.size,
        total,
        maximum: MAX_BROKERS,
      })
      return undefined
    }
    brokers = expandBrokers(cluster.zones ?? [], cluster.brokersPerZone)
  }
  if (brokers === undefined) return undefined
  if (brokers.length > MAX_BROKERS) {
    error(ctx, 'cluster.brokers', 'too-many-brokers', {
      listed: brokers.length,
      maximum: MAX_BROKERS,
    })
  }
  checkNodes(ctx, brokers, 'cluster.brokers', 'broker', known)
  const used = new Set(brokers.map((b) => b.zone))
  cluster.zones?.forEach((zone, i) => {
    if (!used.has(zone)) warn(ctx, at('cluster.zones', i), 'zone-without-brokers', { zone })
  })
  return brokers
}

/** Duplicate ids and unknown zones in a broker or controller list. */
function checkNodes(
  ctx: Ctx,
  nodes: { id: number; zone: string }[],
  path: string,
  what: 'broker' | 'controller',
  known: Known,
): void {
  const firstAt = new Map<number, number>()
  nodes.forEach((node, i) => {
    const first = firstAt.get(node.id)
    if (first !== undefined) {
      error(ctx, at(path, i, 'id'), 'duplicate-id', {
        of: what,
        id: node.id,
        firstPath: at(path, first),
      })
    } else {
      firstAt.set(node.id, i)
    }
    if (known.zones !== undefined && !known.zones.has(node.zone)) {
      error(ctx, at(path, i, 'zone'), 'unknown-zone', unknownZone(node.zone, known))
    }
  })
}

function checkControllers(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const cluster = scenario.cluster
  if (cluster === undefined) return
  const explicit = cluster.controllers
  if (explicit !== undefined) {
    checkNodes(ctx, explicit, 'cluster.controllers', 'controller', known)
    known.controllers = new Set(explicit.map((c) => c.id))
  } else if (!('controllers' in cluster) && cluster.zones !== undefined) {
    // readCluster sets the key (possibly to undefined) whenever the file has controllers.
    known.controllers = new Set(defaultControllers(cluster.zones).map((c) => c.id))
  }
  // A KRaft node id names one process; this model has no combined broker+controller nodes.
  // ZooKeeper server ids (myid) are a separate namespace from broker ids.
  if ((cluster.controller ?? 'kraft') !== 'kraft' || known.brokers === undefined) return
  if (explicit !== undefined) {
    explicit.forEach((c, i) => {
      if (known.brokers?.has(c.id) === true) {
        error(ctx, at('cluster.controllers', i, 'id'), 'controller-is-broker', { id: c.id })
      }
    })
  } else if ([...(known.controllers ?? [])].some((id) => known.brokers?.has(id) === true)) {
    error(ctx, 'cluster.controllers', 'default-controllers-collide', {
      firstId: FIRST_CONTROLLER_ID,
    })
  }
}

function checkClusterConfig(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const c = known.config
  // KRaft brokers must heartbeat more often than the session times out (KafkaConfig).
  if (c['broker.heartbeat.interval.ms'] > c['broker.session.timeout.ms']) {
    const explicit = scenario.cluster?.config['broker.heartbeat.interval.ms'] !== undefined
    error(
      ctx,
      at(CONFIG_PATH, explicit ? 'broker.heartbeat.interval.ms' : 'broker.session.timeout.ms'),
      'heartbeat-exceeds-session',
      {
        heartbeatMs: c['broker.heartbeat.interval.ms'],
        sessionMs: c['broker.session.timeout.ms'],
      },
    )
  }
}

function checkTopics(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const topics = scenario.topics
  // No "topics" field means no topics, so every topic a client or fault names is unknown. A
  // "topics" field that is not a list leaves the set unknown and those checks off.
  if (!('topics' in scenario)) known.topics = new Map()
  if (topics === undefined) return
  const byName = new Map<string, LooseTopic>()
  const firstAt = new Map<string, number>()
  const collisionAt = new Map<string, number>()
  let complete = true
  topics.forEach((topic, i) => {
    if (topic?.name === undefined) {
      complete = false
      return
    }
    const name = topic.name
    const first = firstAt.get(name)
    if (first !== undefined) {
      error(ctx, at('topics', i, 'name'), 'duplicate-id', {
        of: 'topic',
        id: name,
        firstPath: at('topics', first),
      })
      return
    }
    firstAt.set(name, i)
    byName.set(name, topic)
    // Kafka rejects topics whose names differ only in "." versus "_" (their metric names collide).
    const squashed = name.replace(/\./g, '_')
    const other = collisionAt.get(squashed)
    if (other !== undefined) {
      error(ctx, at('topics', i, 'name'), 'topic-name-collision', {
        name,
        other: topics[other]?.name ?? '',
        otherPath: at('topics', other),
      })
    } else {
      collisionAt.set(squashed, i)
    }
  })
  if (complete) known.topics = byName
  topics.forEach((topic, i) => {
    if (topic !== undefined) checkTopic(ctx, topic, at('topics', i), known)
  })
}

function checkTopic(ctx: Ctx, topic: LooseTopic, path: string, known: Known): void {
  const explicitRf = topic.replicationFactor !== undefined
  const rf = topic.replicationFactor ?? known.config['default.replication.factor']
  const rfFromDefault = !explicitRf
  if (known.brokerCount !== undefined && rf > known.brokerCount) {
    error(ctx, explicitRf ? at(path, 'replicationFactor') : path, 'rf-above-brokers', {
      rf,
      brokers: known.brokerCount,
      rfFromDefault,
    })
  }
  const topicMinIsr = topic.config['min.insync.replicas']
  const minIsr = topicMinIsr ?? known.config['min.insync.replicas']
  if (minIsr > rf) {
    // Kafka accepts such a topic; what a write meets depends on the version (versions.ts).
    warn(
      ctx,
      topicMinIsr !== undefined
        ? at(path, 'config', 'min.insync.replicas')
        : explicitRf
          ? at(path, 'replicationFactor')
          : path,
      'min-isr-above-rf',
      {
        minIsr,
        rf,
        minIsrFromCluster: topicMinIsr === undefined,
        rfFromDefault,
        version: known.version,
        capped: rulesOf(known.version).minIsrCappedAtReplicationFactor,
      },
    )
  }
  const partitions = topic.partitions
  const partitionExists = (key: string, entryPath: string): boolean => {
    if (partitions === undefined || Number(key) < partitions) return true
    error(ctx, entryPath, 'unknown-partition', { partition: Number(key), partitions })
    return false
  }
  for (const [key, replicas] of Object.entries(topic.assignment ?? {})) {
    const entryPath = at(path, 'assignment', key)
    if (!partitionExists(key, entryPath)) continue
    if (replicas.length !== rf) {
      error(ctx, entryPath, 'replica-count-mismatch', {
        listed: replicas.length,
        rf,
        rfFromDefault,
      })
    }
    replicas.forEach((id, j) => {
      if (known.brokers !== undefined && !known.brokers.has(id)) {
        error(ctx, at(entryPath, j), 'unknown-broker', { broker: id, brokers: [...known.brokers] })
      }
    })
  }
  // A set, not the list: a topic of 10,000 partitions would make `includes` quadratic.
  const assignmentKeys = new Set(topic.assignmentKeys)
  for (const [key, state] of Object.entries(topic.initial ?? {})) {
    const entryPath = at(path, 'initial', key)
    if (!partitionExists(key, entryPath)) continue
    const replicas = topic.assignment?.[key]
    if (replicas === undefined) {
      if (!assignmentKeys.has(key)) {
        error(ctx, entryPath, 'initial-needs-assignment', { partition: key })
      }
      continue
    }
    checkInitial(ctx, state, replicas, entryPath)
  }
}

function checkInitial(
  ctx: Ctx,
  state: { leader: number; isr: number[]; elr?: number[]; lastKnownElr?: number[] },
  replicas: number[],
  path: string,
): void {
  if (state.leader !== -1 && !replicas.includes(state.leader)) {
    error(ctx, at(path, 'leader'), 'leader-not-replica', { leader: state.leader, replicas })
  } else if (state.leader !== -1 && !state.isr.includes(state.leader)) {
    error(ctx, at(path, 'isr'), 'isr-missing-leader', { leader: state.leader })
  }
  const subset = (ids: number[] | undefined, key: string): void =>
    ids?.forEach((id, j) => {
      if (!replicas.includes(id))
        error(ctx, at(path, key, j), 'not-a-replica', { broker: id, replicas })
    })
  subset(state.isr, 'isr')
  subset(state.elr, 'elr')
  subset(state.lastKnownElr, 'lastKnownElr')
  state.elr?.forEach((id, j) => {
    if (state.isr.includes(id)) error(ctx, at(path, 'elr', j), 'elr-in-isr', { broker: id })
  })
}

function checkClients(ctx: Ctx, scenario: LooseScenario, known: Known): void {
  const firstAt = new Map<string, number>()
  scenario.clients?.forEach((client, i) => {
    if (client === undefined) return
    const path = at('clients', i)
    if (client.id !== undefined) {
      const first = firstAt.get(client.id)
      if (first !== undefined)
        error(ctx, at(path, 'id'), 'duplicate-id', {
          of: 'client',
          id: client.id,
          firstPath: at('clients', first),
        })
      else firstAt.set(client.id, i)
    }
    if (
      client.topic !== undefined &&
      known.topics !== undefined &&
      !known.topics.has(client.topic)
    ) {
      error(ctx, at(path, 'topic'), 'unknown-topic', unknownTopic(client.topic, known))
    }
    const bootstrap = client.config['bootstrap.servers'] as number[] | undefined
    bootstrap?.forEach((id, j) => {
      if (known.brokers !== undefined && !known.brokers.has(id)) {
        error(ctx, at(path, 'config', 'bootstrap.servers', j), 'unknown-broker', {
          broker: id,
          brokers: [...known.brokers],
        })
      }
    })
    if (client.kind === 'producer') checkProducerConfig(ctx, client.config, at(path, 'config'))
    else if (client.kind === 'consumer') checkConsumerGroup(ctx, client, path, known)
  })
  const grouped = scenario.clients?.some((c) => c?.kind === 'consumer' && c.group !== undefined)
  const rf = known.config['offsets.topic.replication.factor']
  const declared = scenario.topics?.some((t) => t?.name === OFFSETS_TOPIC) === true
  if (grouped === true && !declared && known.brokerCount !== undefined && rf > known.brokerCount) {
    const explicit = scenario.cluster?.config['offsets.topic.replication.factor'] !== undefined
    warn(
      ctx,
      explicit ? at(CONFIG_PATH, 'offsets.topic.replication.factor') : 'clients',
      'offsets-topic-cannot-be-created',
      { rf, brokers: known.brokerCount },
    )
  }
}

/**
 * A group member's settings as Kafka checks them: the consumer refuses a heartbeat interval not
 * below the session timeout (Heartbeat's constructor), and the coordinator a session timeout
 * outside group.min/max.session.timeout.ms (GroupCoordinator.handleJoinGroup, INVALID_SESSION_TIMEOUT).
 */
function checkConsumerGroup(ctx: Ctx, client: LooseClient, path: string, known: Known): void {
  if (client.group === undefined) {
    if (client.members !== undefined) error(ctx, at(path, 'members'), 'members-need-group', {})
    return
  }
  const d = DEFAULT_CONSUMER_CONFIG
  const heartbeatMs =
    (client.config['heartbeat.interval.ms'] as number | undefined) ?? d['heartbeat.interval.ms']
  const sessionMs =
    (client.config['session.timeout.ms'] as number | undefined) ?? d['session.timeout.ms']
  const configPath = at(path, 'config')
  if (heartbeatMs >= sessionMs) {
    const key =
      client.config['heartbeat.interval.ms'] !== undefined
        ? 'heartbeat.interval.ms'
        : 'session.timeout.ms'
    error(ctx, at(configPath, key), 'consumer-heartbeat-not-below-session', {
      heartbeatMs,
      sessionMs,
    })
  }
  const minMs = known.config['group.min.session.timeout.ms']
  const maxMs = known.config['group.max.session.timeout.ms']
  if (sessionMs < minMs || sessionMs > maxMs) {
    error(ctx, at(configPath, 'session.timeout.ms'), 'session-timeout-out-of-range', {
      sessionMs,
      minMs,
      maxMs,
    })
  }
}

function unknownTopic(name: string, known: Known): ProblemParams['unknown-topic'] {
  const topics = [...(known.topics?.keys() ?? [])]
  const suggestion = closest(name, topics)
  return suggestion === undefined ? { topic: name, topics } : { topic: name, topics, suggestion }
}

/** Kafka's producer-side ConfigExceptions and overrides, with Kafka's wording where it has one. */
function checkProducerConfig(ctx: Ctx, config: Record<string, unknown>, path: string): void {
  const d = DEFAULT_PRODUCER_CONFIG
  const acks = config.acks === undefined ? -1 : normalizeAcks(config.acks as ScenarioAcks)
  const retries = (config.retries as number | undefined) ?? d.retries
  if (config['enable.idempotence'] === true) {
    if (acks !== -1) {
      error(ctx, at(path, 'acks'), 'idempotence-needs-acks-all', {})
    }
    if (retries === 0) {
      error(ctx, at(path, 'retries'), 'idempotence-needs-retries', {})
    }
  }
  // ProducerConfig.postProcessAndValidateIdempotenceConfigs: more than 5 requests in flight is an
  // error with idempotence asked for, and turns idempotence off when it is only the default.
  const maxInFlight = config['max.in.flight.requests.per.connection'] as number | undefined
  if (maxInFlight !== undefined && maxInFlight > 5) {
    const at5 = at(path, 'max.in.flight.requests.per.connection')
    if (config['enable.idempotence'] === true)
      error(ctx, at5, 'idempotence-needs-max-in-flight-5', { maxInFlight })
    else if (config['enable.idempotence'] === undefined && acks === -1 && retries > 0)
      warn(ctx, at5, 'idempotence-disabled-by-max-in-flight', { maxInFlight })
  }
  const lingerMs = (config['linger.ms'] as number | undefined) ?? d['linger.ms']
  const requestTimeoutMs =
    (config['request.timeout.ms'] as number | undefined) ?? d['request.timeout.ms']
  const deliveryTimeoutMs = config['delivery.timeout.ms'] as number | undefined
  if (deliveryTimeoutMs !== undefined && deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
    error(ctx, at(path, 'delivery.timeout.ms'), 'delivery-timeout-too-small', {
      deliveryTimeoutMs,
      minimum: lingerMs + requestTimeoutMs,
    })
  } else if (
    deliveryTimeoutMs === undefined &&
    d['delivery.timeout.ms'] < lingerMs + requestTimeoutMs
  ) {
    warn(ctx, at(path, 'delivery.timeout.ms'), 'delivery-timeout-raised', {
      defaultMs: d['delivery.timeout.ms'],
      raisedTo: lingerMs + requestTimeoutMs,
    })
  }
}

function checkFault(ctx: Ctx, fault: LooseFault, path: string, known: Known): void {
  if (fault.atMs !== undefined && known.durationMs !== undefined && fault.atMs > known.durationMs) {
    warn(ctx, at(path, 'atMs'), 'fault-after-end', {
      atMs: fault.atMs,
      durationMs: known.durationMs,
    })
  }
  const f = fault.fields
  const brokerRef = (id: unknown, p: string): void => {
    if (typeof id === 'number' && known.brokers !== undefined && !known.brokers.has(id)) {
      error(ctx, p, 'unknown-broker', { broker: id, brokers: [...known.brokers] })
    }
  }
  brokerRef(f.broker, at(path, 'broker'))
  if (Array.isArray(f.brokers)) f.brokers.forEach((id, j) => brokerRef(id, at(path, 'brokers', j)))
  if (typeof f.zone === 'string' && known.zones !== undefined && !known.zones.has(f.zone)) {
    error(ctx, at(path, 'zone'), 'unknown-zone', unknownZone(f.zone, known))
  }
  if (
    typeof f.controller === 'number' &&
    known.controllers !== undefined &&
    !known.controllers.has(f.controller)
  ) {
    error(ctx, at(path, 'controller'), 'unknown-controller', {
      controller: f.controller,
      controllers: [...known.controllers],
    })
  }
  if (typeof f.client === 'string' && known.clients !== undefined) {
    const client = known.clients.get(f.client)
    if (client === undefined) {
      const clients = [...known.clients.keys()]
      const suggestion = closest(f.client, clients)
      error(
        ctx,
        at(path, 'client'),
        'unknown-client',
        suggestion === undefined
          ? { client: f.client, clients }
          : { client: f.client, clients, suggestion },
      )
    } else if (typeof f.member === 'number') {
      const members =
        client.kind === 'consumer' && client.group !== undefined ? (client.members ?? 1) : 1
      if (f.member >= members)
        error(ctx, at(path, 'member'), 'unknown-member', {
          client: f.client,
          member: f.member,
          members,
        })
    }
  }
  if (typeof f.topic === 'string' && known.topics !== undefined) {
    const topic = known.topics.get(f.topic)
    if (topic === undefined) {
      error(ctx, at(path, 'topic'), 'unknown-topic', unknownTopic(f.topic, known))
    } else if (
      typeof f.partition === 'number' &&
      topic.partitions !== undefined &&
      f.partition >= topic.partitions
    ) {
      error(ctx, at(path, 'partition'), 'unknown-partition', {
        partition: f.partition,
        partitions: topic.partitions,
        topic: f.topic,
      })
    }
  }
}
