/**
 * The second validation pass: what a JSON Schema cannot say. Unique ids and names, references
 * to zones, brokers, controllers and topics, replication factors against the broker count,
 * min.insync.replicas against the replication factor, assignments and initial states against
 * the replicas, Kafka's producer config rules, and faults after the end of the run (a warning).
 * Each check runs only on the parts the first pass accepted, and reference checks only when the
 * referenced list itself is valid, so one mistake does not cause a cascade of others.
 */
import { DEFAULT_PRODUCER_CONFIG, type BrokerSpec, type ClusterConfig } from '../engine/spec'
import { DEFAULT_DURATION_MS, FIRST_CONTROLLER_ID, MAX_BROKERS } from './fields'
import { defaultControllers, expandBrokers, mergedClusterConfig, normalizeAcks } from './normalize'
import {
  error,
  warn,
  type Ctx,
  type LooseFault,
  type LooseScenario,
  type LooseTopic,
} from './shape'
import { at, didYouMean } from './text'
import type { ScenarioAcks } from './types'

interface Known {
  zones?: Set<string>
  /** Broker ids, when the broker list is valid. */
  brokers?: Set<number>
  brokerCount?: number
  controllers?: Set<number>
  /** Topics by name, when every topic has a valid name. */
  topics?: Map<string, LooseTopic>
  config: ClusterConfig
  durationMs?: number
}

const CONFIG_PATH = 'cluster.config'

export function checkSemantics(ctx: Ctx, scenario: LooseScenario): void {
  const cluster = scenario.cluster
  const known: Known = { config: mergedClusterConfig(cluster?.config) }
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
  checkTopics(ctx, scenario, known)
  checkClients(ctx, scenario, known)
  scenario.faults?.forEach((fault, i) => {
    if (fault !== undefined) checkFault(ctx, fault, at('faults', i), known)
  })
  scenario.narration?.steps.forEach((step, i) => {
    const path = at('narration', 'steps', i, 'atMs')
    const previous = scenario.narration?.steps[i - 1]
    if (previous !== undefined && step.atMs < previous.atMs) {
      warn(
        ctx,
        path,
        `${step.atMs} ms comes before the previous step (${previous.atMs} ms); steps are shown in time order`,
      )
    }
    if (known.durationMs !== undefined && step.atMs > known.durationMs) {
      warn(
        ctx,
        path,
        `${step.atMs} ms is after the end of the run (durationMs ${known.durationMs}); this step is never shown`,
      )
    }
  })
}

function unknownZone(zone: string, known: Known): string {
  const zones = [...(known.zones ?? [])]
  return `unknown zone ${JSON.stringify(zone)}; cluster.zones lists ${zones.map((z) => JSON.stringify(z)).join(', ')}.${didYouMean(zone, zones)}`.replace(
    /\.$/,
    '',
  )
}

function checkBrokers(ctx: Ctx, scenario: LooseScenario, known: Known): BrokerSpec[] | undefined {
  const cluster = scenario.cluster
  if (cluster === undefined || known.zones === undefined) return cluster?.brokers
  let brokers = cluster.brokers
  if (brokers === undefined && cluster.brokersPerZone !== undefined) {
    const total = cluster.brokersPerZone * known.zones.size
    if (total > MAX_BROKERS) {
      error(
        ctx,
        'cluster.brokersPerZone',
        `${cluster.brokersPerZone} brokers in each of ${known.zones.size} zones makes ${total}; the simulator allows at most ${MAX_BROKERS}`,
      )
      return undefined
    }
    brokers = expandBrokers(cluster.zones ?? [], cluster.brokersPerZone)
  }
  if (brokers === undefined) return undefined
  if (brokers.length > MAX_BROKERS) {
    error(
      ctx,
      'cluster.brokers',
      `lists ${brokers.length} brokers; the simulator allows at most ${MAX_BROKERS}`,
    )
  }
  checkNodes(ctx, brokers, 'cluster.brokers', 'broker', known)
  const used = new Set(brokers.map((b) => b.zone))
  cluster.zones?.forEach((zone, i) => {
    if (!used.has(zone))
      warn(ctx, at('cluster.zones', i), `zone ${JSON.stringify(zone)} has no brokers`)
  })
  return brokers
}

/** Duplicate ids and unknown zones in a broker or controller list. */
function checkNodes(
  ctx: Ctx,
  nodes: { id: number; zone: string }[],
  path: string,
  what: string,
  known: Known,
): void {
  const firstAt = new Map<number, number>()
  nodes.forEach((node, i) => {
    const first = firstAt.get(node.id)
    if (first !== undefined) {
      error(ctx, at(path, i, 'id'), `duplicate ${what} id ${node.id} (also at ${at(path, first)})`)
    } else {
      firstAt.set(node.id, i)
    }
    if (known.zones !== undefined && !known.zones.has(node.zone)) {
      error(ctx, at(path, i, 'zone'), unknownZone(node.zone, known))
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
        error(
          ctx,
          at('cluster.controllers', i, 'id'),
          `controller id ${c.id} is also a broker id; in KRaft every node.id is unique`,
        )
      }
    })
  } else if ([...(known.controllers ?? [])].some((id) => known.brokers?.has(id) === true)) {
    error(
      ctx,
      'cluster.controllers',
      `the default controller ids ${FIRST_CONTROLLER_ID}.. collide with broker ids; list the controllers explicitly`,
    )
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
      `broker.heartbeat.interval.ms (${c['broker.heartbeat.interval.ms']}) must not exceed broker.session.timeout.ms (${c['broker.session.timeout.ms']})`,
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
      error(
        ctx,
        at('topics', i, 'name'),
        `duplicate topic name ${JSON.stringify(name)} (also at topics[${first}])`,
      )
      return
    }
    firstAt.set(name, i)
    byName.set(name, topic)
    // Kafka rejects topics whose names differ only in "." versus "_" (their metric names collide).
    const squashed = name.replace(/\./g, '_')
    const other = collisionAt.get(squashed)
    if (other !== undefined) {
      error(
        ctx,
        at('topics', i, 'name'),
        `topic ${JSON.stringify(name)} collides with ${JSON.stringify(topics[other]?.name)} (topics[${other}]): Kafka treats "." and "_" alike in metric names and refuses the second`,
      )
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
  const rfSource = explicitRf
    ? 'replicationFactor'
    : `replicationFactor (default.replication.factor)`
  if (known.brokerCount !== undefined && rf > known.brokerCount) {
    error(
      ctx,
      explicitRf ? at(path, 'replicationFactor') : path,
      `${rfSource} ${rf} is larger than the number of brokers (${known.brokerCount}); Kafka refuses it with InvalidReplicationFactorException`,
    )
  }
  const topicMinIsr = topic.config['min.insync.replicas']
  const minIsr = topicMinIsr ?? known.config['min.insync.replicas']
  if (minIsr > rf) {
    error(
      ctx,
      topicMinIsr !== undefined
        ? at(path, 'config', 'min.insync.replicas')
        : explicitRf
          ? at(path, 'replicationFactor')
          : path,
      `min.insync.replicas ${minIsr}${topicMinIsr === undefined ? ' (from cluster.config)' : ''} is larger than the ${rfSource} ${rf}: acks=all writes could never succeed`,
    )
  }
  const partitions = topic.partitions
  const partitionExists = (key: string, entryPath: string): boolean => {
    if (partitions === undefined || Number(key) < partitions) return true
    error(
      ctx,
      entryPath,
      `partition ${key} does not exist: the topic has ${partitions} partitions (0 to ${partitions - 1})`,
    )
    return false
  }
  for (const [key, replicas] of Object.entries(topic.assignment ?? {})) {
    const entryPath = at(path, 'assignment', key)
    if (!partitionExists(key, entryPath)) continue
    if (replicas.length !== rf) {
      error(ctx, entryPath, `lists ${replicas.length} replicas, but the ${rfSource} is ${rf}`)
    }
    replicas.forEach((id, j) => {
      if (known.brokers !== undefined && !known.brokers.has(id)) {
        error(
          ctx,
          at(entryPath, j),
          `unknown broker ${id}; brokers are ${[...known.brokers].join(', ')}`,
        )
      }
    })
  }
  for (const [key, state] of Object.entries(topic.initial ?? {})) {
    const entryPath = at(path, 'initial', key)
    if (!partitionExists(key, entryPath)) continue
    const replicas = topic.assignment?.[key]
    if (replicas === undefined) {
      if (!topic.assignmentKeys.includes(key)) {
        error(
          ctx,
          entryPath,
          `needs an explicit assignment[${JSON.stringify(key)}]: an initial state names replicas, so the replicas must be given`,
        )
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
  const shown = replicas.join(', ')
  if (state.leader !== -1 && !replicas.includes(state.leader)) {
    error(
      ctx,
      at(path, 'leader'),
      `leader ${state.leader} is not among the replicas (${shown}); use -1 for no leader`,
    )
  } else if (state.leader !== -1 && !state.isr.includes(state.leader)) {
    error(
      ctx,
      at(path, 'isr'),
      `must include the leader ${state.leader} (Kafka's leader is always in the ISR)`,
    )
  }
  const subset = (ids: number[] | undefined, key: string): void =>
    ids?.forEach((id, j) => {
      if (!replicas.includes(id))
        error(ctx, at(path, key, j), `broker ${id} is not among the replicas (${shown})`)
    })
  subset(state.isr, 'isr')
  subset(state.elr, 'elr')
  subset(state.lastKnownElr, 'lastKnownElr')
  state.elr?.forEach((id, j) => {
    if (state.isr.includes(id))
      error(
        ctx,
        at(path, 'elr', j),
        `broker ${id} is in the ISR; eligible leader replicas are outside it (KIP-966)`,
      )
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
        error(
          ctx,
          at(path, 'id'),
          `duplicate client id ${JSON.stringify(client.id)} (also at clients[${first}])`,
        )
      else firstAt.set(client.id, i)
    }
    if (
      client.topic !== undefined &&
      known.topics !== undefined &&
      !known.topics.has(client.topic)
    ) {
      error(ctx, at(path, 'topic'), unknownTopic(client.topic, known))
    }
    const bootstrap = client.config['bootstrap.servers'] as number[] | undefined
    bootstrap?.forEach((id, j) => {
      if (known.brokers !== undefined && !known.brokers.has(id)) {
        error(
          ctx,
          at(path, 'config', 'bootstrap.servers', j),
          `unknown broker ${id}; brokers are ${[...known.brokers].join(', ')}`,
        )
      }
    })
    if (client.kind === 'producer') checkProducerConfig(ctx, client.config, at(path, 'config'))
  })
}

function unknownTopic(name: string, known: Known): string {
  const names = [...(known.topics?.keys() ?? [])]
  if (names.length === 0)
    return `unknown topic ${JSON.stringify(name)}: the scenario defines no topics`
  return `unknown topic ${JSON.stringify(name)}; topics are ${names.map((n) => JSON.stringify(n)).join(', ')}.${didYouMean(name, names)}`.replace(
    /\.$/,
    '',
  )
}

/** Kafka's producer-side ConfigExceptions and overrides, with Kafka's wording where it has one. */
function checkProducerConfig(ctx: Ctx, config: Record<string, unknown>, path: string): void {
  const d = DEFAULT_PRODUCER_CONFIG
  const acks = config.acks === undefined ? -1 : normalizeAcks(config.acks as ScenarioAcks)
  const retries = (config.retries as number | undefined) ?? d.retries
  if (config['enable.idempotence'] === true) {
    if (acks !== -1) {
      error(
        ctx,
        at(path, 'acks'),
        'Must set acks to all in order to use the idempotent producer (enable.idempotence is true); Kafka refuses this with a ConfigException',
      )
    }
    if (retries === 0) {
      error(
        ctx,
        at(path, 'retries'),
        'Must set retries to non-zero when using the idempotent producer (enable.idempotence is true)',
      )
    }
  }
  const lingerMs = (config['linger.ms'] as number | undefined) ?? d['linger.ms']
  const requestTimeoutMs =
    (config['request.timeout.ms'] as number | undefined) ?? d['request.timeout.ms']
  const deliveryTimeoutMs = config['delivery.timeout.ms'] as number | undefined
  if (deliveryTimeoutMs !== undefined && deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
    error(
      ctx,
      at(path, 'delivery.timeout.ms'),
      `delivery.timeout.ms (${deliveryTimeoutMs}) should be equal to or larger than linger.ms + request.timeout.ms (${lingerMs + requestTimeoutMs}); Kafka refuses it`,
    )
  } else if (
    deliveryTimeoutMs === undefined &&
    d['delivery.timeout.ms'] < lingerMs + requestTimeoutMs
  ) {
    warn(
      ctx,
      at(path, 'delivery.timeout.ms'),
      `the default ${d['delivery.timeout.ms']} is below linger.ms + request.timeout.ms, so it is raised to ${lingerMs + requestTimeoutMs}, as Kafka does`,
    )
  }
}

function checkFault(ctx: Ctx, fault: LooseFault, path: string, known: Known): void {
  if (fault.atMs !== undefined && known.durationMs !== undefined && fault.atMs > known.durationMs) {
    warn(
      ctx,
      at(path, 'atMs'),
      `${fault.atMs} ms is after the end of the run (durationMs ${known.durationMs}); this fault never happens`,
    )
  }
  const f = fault.fields
  const brokerRef = (id: unknown, p: string): void => {
    if (typeof id === 'number' && known.brokers !== undefined && !known.brokers.has(id)) {
      error(ctx, p, `unknown broker ${id}; brokers are ${[...known.brokers].join(', ')}`)
    }
  }
  brokerRef(f.broker, at(path, 'broker'))
  if (Array.isArray(f.brokers)) f.brokers.forEach((id, j) => brokerRef(id, at(path, 'brokers', j)))
  if (typeof f.zone === 'string' && known.zones !== undefined && !known.zones.has(f.zone)) {
    error(ctx, at(path, 'zone'), unknownZone(f.zone, known))
  }
  if (
    typeof f.controller === 'number' &&
    known.controllers !== undefined &&
    !known.controllers.has(f.controller)
  ) {
    error(
      ctx,
      at(path, 'controller'),
      `unknown controller ${f.controller}; controllers are ${[...known.controllers].join(', ')}`,
    )
  }
  if (typeof f.topic === 'string' && known.topics !== undefined) {
    const topic = known.topics.get(f.topic)
    if (topic === undefined) {
      error(ctx, at(path, 'topic'), unknownTopic(f.topic, known))
    } else if (
      typeof f.partition === 'number' &&
      topic.partitions !== undefined &&
      f.partition >= topic.partitions
    ) {
      error(
        ctx,
        at(path, 'partition'),
        `topic ${JSON.stringify(f.topic)} has ${topic.partitions} partitions (0 to ${topic.partitions - 1})`,
      )
    }
  }
}
