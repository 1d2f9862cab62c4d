/**
 * The rules of the scenario format as data: each field's type, range and description (with its
 * default). The hand-written validator (`validate.ts`) and the JSON Schema builder
 * (`schema-source.ts`) both read these tables, so the two cannot drift apart on a single field.
 * Defaults are taken from `src/engine/spec.ts`, which holds Apache Kafka's.
 */
import { DEFAULT_KAFKA_VERSION, KAFKA_VERSIONS } from '../engine/versions'
import { BROKER_TYPE_NAMES } from '../engine/capacity/broker-type-names'
import { MAX_VOLUME_GIB } from '../engine/capacity/broker-types'
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  type ClusterConfig,
  type ConsumerConfig,
  type FaultType,
  type ConnectionConfig,
  type ProducerConfig,
  type TopicConfig,
} from '../engine/spec'
import type { BudgetName, MinimumReason } from './messages'
import { MAX_DURATION_MS, MAX_NAME_CHARS, MAX_STRING_CHARS } from './budget'

/** Java's Integer.MAX_VALUE: the upper bound of Kafka's INT configs and ids. */
export const MAX_INT32 = 2147483647
export const MAX_SAFE = Number.MAX_SAFE_INTEGER
export const MAX_SEED = 4294967295
/**
 * Simulator limits that keep a mistyped number from allocating millions of objects; the limits
 * of a whole scenario (partitions over all topics, duration, faults...) are in budget.ts.
 */
export const MAX_PARTITIONS = 10000
export const MAX_BROKERS = 1000
export const MAX_RECORDS_PER_SECOND = 1000000
/** Kafka's default message.max.bytes (1048588): the largest record batch a broker accepts. */
export const MAX_RECORD_BYTES = 1048588
export const MAX_ZONES = 100
export const MAX_CONTROLLERS = 100
/** Kafka's topic name rule (`Topic.validate`): 1 to 249 of [a-zA-Z0-9._-], not "." or "..". */
export const TOPIC_NAME_PATTERN = '^(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}$'
export const DEFAULT_SEED = 1
export const DEFAULT_DURATION_MS = 120000
export const DEFAULT_CONTROLLER_COUNT = 3
export const FIRST_CONTROLLER_ID = 1001
export const ISOLATION_SCOPES = ['controllers', 'brokers', 'clients'] as const
export const ELECTION_TYPES = ['PREFERRED', 'UNCLEAN'] as const
export const ACKS_VALUES = ['all', '-1', '0', '1', -1, 0, 1] as const

export type Rule =
  /**
   * `why`, when given, explains the minimum in the validator's message; `budget`, that the
   * maximum is a work budget (budget.ts), which the message names.
   */
  | { kind: 'integer'; minimum: number; maximum: number; why?: MinimumReason; budget?: BudgetName }
  | { kind: 'boolean' }
  /** `topicName`: the pattern is Kafka's topic name rule, and the message says so. */
  | {
      kind: 'string'
      minLength: number
      maxLength: number
      pattern?: string
      topicName?: boolean
      /** The pattern is Kafka's throttled-replica list, and the message says so. */
      throttledReplicas?: boolean
      /** Free text, which may hold newlines and tabs; otherwise a name (characters.ts). */
      prose?: boolean
    }
  | { kind: 'enum'; values: readonly (string | number)[] }
  /** At most MAX_LIST_ITEMS items, each unique. */
  | { kind: 'integerList'; minimum: number; maximum: number; minItems: number }
  /** Names of at most MAX_NAME_CHARS characters each; at most `maxItems` (else MAX_LIST_ITEMS). */
  | { kind: 'stringList'; minItems: number; maxItems?: number }
  | { kind: 'enumList'; values: readonly string[]; minItems: number }
  /** Checked by hand in the validator and the schema builder. */
  | { kind: 'nested' }

export interface FieldSpec {
  rule: Rule
  required: boolean
  description: string
}

const int = (minimum: number, maximum: number): Rule => ({ kind: 'integer', minimum, maximum })
const bool: Rule = { kind: 'boolean' }
const nested: Rule = { kind: 'nested' }
const brokerIds = (minItems: number): Rule => ({
  kind: 'integerList',
  minimum: 0,
  maximum: MAX_INT32,
  minItems,
})
/** A name or other short string: no control, bidirectional or zero-width character (characters.ts). */
const text = (minLength: number, maxLength = 1000): Rule => ({
  kind: 'string',
  minLength,
  maxLength,
})
/** Free text: may hold newlines and tabs, but no other control, bidirectional or zero-width character. */
const prose = (minLength: number, maxLength: number): Rule => ({
  kind: 'string',
  minLength,
  maxLength,
  prose: true,
})

function opt(rule: Rule, description: string): FieldSpec {
  return { rule, required: false, description }
}
function req(rule: Rule, description: string): FieldSpec {
  return { rule, required: true, description: `${description} Required.` }
}

/**
 * Kafka's ThrottledReplicaListValidator: "*" alone, or comma-separated elements, each (trimmed)
 * empty or "partition:broker".
 */
const throttledReplicas: Rule = {
  kind: 'string',
  minLength: 0,
  maxLength: MAX_STRING_CHARS,
  // No two whitespace runs in it can share the same spaces, so matching stays linear in length.
  pattern: '^(\\s*\\*\\s*|\\s*([0-9]+:[0-9]+\\s*)?(,\\s*([0-9]+:[0-9]+\\s*)?)*)$',
  throttledReplicas: true,
}

const NO_SPIN = '(at least 1 ms in the simulator, so that no loop can spin at one instant)'

/** Broker and controller configs. Each description ends with Apache Kafka's default. */
const clusterConfigDescriptions: Record<keyof ClusterConfig, [Rule, string]> = {
  // At least 2: Kafka's ReplicaManager schedules the ISR check every replica.lag.time.max.ms / 2
  // (integer division), and a period of 0 is refused by Kafka's scheduler and would spin the
  // engine at one instant.
  'replica.lag.time.max.ms': [
    {
      kind: 'integer',
      minimum: 2,
      maximum: MAX_SAFE,
      why: 'isr-check-period',
    },
    'How long a follower may fail to catch up to the leader before the leader removes it from the ISR.',
  ],
  'replica.fetch.wait.max.ms': [
    int(1, MAX_INT32),
    `How long a follower's fetch waits at the leader for new data ${NO_SPIN}.`,
  ],
  'unclean.leader.election.enable': [
    bool,
    'Whether a replica outside the ISR may become leader when no ISR member is alive; this can lose acknowledged records.',
  ],
  'unclean.leader.election.interval.ms': [
    int(1, MAX_SAFE),
    'KRaft: how often the controller retries unclean elections for leaderless partitions.',
  ],
  'min.insync.replicas': [
    int(1, MAX_INT32),
    'With acks=all, the fewest ISR members for a write to succeed (NOT_ENOUGH_REPLICAS otherwise).',
  ],
  'default.replication.factor': [
    int(1, 32767),
    'Replication factor of topics that do not give one.',
  ],
  'broker.session.timeout.ms': [
    int(1, MAX_INT32),
    'KRaft: how long the controller waits for a broker heartbeat before fencing the broker.',
  ],
  'broker.heartbeat.interval.ms': [
    int(1, MAX_INT32),
    'KRaft: the interval between a broker heartbeats to the controller.',
  ],
  'zookeeper.session.timeout.ms': [
    int(1, MAX_INT32),
    'ZooKeeper mode: how long a silent broker keeps its session (and its leaderships).',
  ],
  'auto.leader.rebalance.enable': [
    bool,
    'Whether the controller periodically moves leadership back to preferred replicas.',
  ],
  'leader.imbalance.check.interval.seconds': [
    int(1, MAX_SAFE),
    'How often the controller checks leader balance.',
  ],
  'leader.imbalance.per.broker.percentage': [
    int(0, 100),
    'ZooKeeper mode: the share of non-preferred leaders on a broker that triggers a preferred election; KRaft ignores it.',
  ],
  'eligible.leader.replicas.enable': [
    bool,
    'KRaft (KIP-966): keep eligible leader replicas (ELR) so that a clean election stays possible after the ISR shrinks below min.insync.replicas.',
  ],
  'controlled.shutdown.enable': [
    bool,
    'Whether a stopping broker first moves its leaderships away.',
  ],
  'controlled.shutdown.max.retries': [
    int(0, MAX_INT32),
    'Controlled shutdown attempts before the broker stops anyway.',
  ],
  'controlled.shutdown.retry.backoff.ms': [
    int(1, MAX_SAFE),
    `Wait between controlled shutdown attempts ${NO_SPIN}.`,
  ],
  'offsets.topic.num.partitions': [
    int(1, MAX_PARTITIONS),
    "Partitions of __consumer_offsets, the internal topic that holds the consumer groups' committed offsets; a group's coordinator is the leader of partition abs(hash(group.id)) % this count.",
  ],
  'offsets.topic.replication.factor': [
    int(1, 32767),
    'Replication factor of __consumer_offsets. It is created when the first group looks for its coordinator; with fewer live brokers than this it cannot be, and groups never form (COORDINATOR_NOT_AVAILABLE).',
  ],
  'group.initial.rebalance.delay.ms': [
    int(0, MAX_INT32),
    "How long the coordinator waits for more members before a new (empty) group's first rebalance completes.",
  ],
  'group.min.session.timeout.ms': [
    int(1, MAX_INT32),
    'The smallest session.timeout.ms a member may ask for (a smaller one is refused: INVALID_SESSION_TIMEOUT).',
  ],
  'group.max.session.timeout.ms': [
    int(1, MAX_INT32),
    'The largest session.timeout.ms a member may ask for.',
  ],
  'leader.replication.throttled.rate': [
    int(1, MAX_SAFE),
    "Bytes/s a leader sends to the followers of the replicas a topic's leader.replication.throttled.replicas lists (KIP-73): their bytes count whether in sync or not, and only out-of-sync followers are held back while the rate is above it. Without a list it throttles nothing. (Kafka also takes 0, which stops the listed replicas' catch-up entirely; the simulator asks for at least 1.)",
  ],
  'follower.replication.throttled.rate': [
    int(1, MAX_SAFE),
    "Bytes/s a follower fetches for the replicas a topic's follower.replication.throttled.replicas lists (KIP-73); only replicas not caught up to the leader's high watermark are held back. Without a list it throttles nothing.",
  ],
}

function withDefaults<K extends string>(
  table: Record<K, [Rule, string]>,
  defaults: Partial<Record<K, unknown>>,
  overrides: Partial<Record<K, string>> = {},
): Record<K, FieldSpec> {
  const out = {} as Record<K, FieldSpec>
  for (const key of Object.keys(table) as K[]) {
    const [rule, doc] = table[key]
    const value = defaults[key]
    const stated = overrides[key] ?? `Default: ${JSON.stringify(value)}.`
    out[key] = opt(rule, `${doc} ${stated}`)
  }
  return out
}

const UNTHROTTLED = "Default: none, no throttle (Kafka's Long.MAX_VALUE)."

export const CLUSTER_CONFIG_FIELDS: Record<keyof ClusterConfig, FieldSpec> = withDefaults(
  clusterConfigDescriptions,
  DEFAULT_CLUSTER_CONFIG,
  {
    'leader.replication.throttled.rate': UNTHROTTLED,
    'follower.replication.throttled.rate': UNTHROTTLED,
  },
)

export const TOPIC_CONFIG_FIELDS: Record<keyof Required<TopicConfig>, FieldSpec> = {
  'min.insync.replicas': opt(
    int(1, MAX_INT32),
    "With acks=all, the fewest ISR members for a write to this topic to succeed. Default: the cluster's min.insync.replicas.",
  ),
  'unclean.leader.election.enable': opt(
    bool,
    "Whether an out-of-sync replica of this topic may become leader. Default: the cluster's unclean.leader.election.enable.",
  ),
  'leader.replication.throttled.replicas': opt(
    throttledReplicas,
    'The replicas whose replication the leader throttles to the cluster\'s leader.replication.throttled.rate: "partition:broker" pairs separated by commas (such as "0:1,1:2"; the broker is the one leading the partition when the throttle applies) or "*" for every replica. Default: none.',
  ),
  'follower.replication.throttled.replicas': opt(
    throttledReplicas,
    'The replicas whose fetching the follower throttles to the cluster\'s follower.replication.throttled.rate: "partition:broker" pairs (the broker is the follower) or "*". Default: none.',
  ),
  'retention.ms': opt(
    int(-1, MAX_SAFE),
    "How long the topic's logs keep records, in ms; -1 keeps them forever. With a brokerType, the bytes retained count against each broker's volume. Default: 604800000 (7 days, Kafka's log.retention.hours 168).",
  ),
}

/** The NetworkClient settings producers and consumers share (CommonClientConfigs). */
const connectionConfigDescriptions: Record<keyof ConnectionConfig, [Rule, string]> = {
  'reconnect.backoff.ms': [
    int(1, MAX_SAFE),
    `First wait before reconnecting to a broker whose connection failed; it doubles on each failure up to reconnect.backoff.max.ms, with 20 % jitter ${NO_SPIN}.`,
  ],
  'reconnect.backoff.max.ms': [
    int(1, MAX_SAFE),
    `Longest wait before reconnecting to a broker ${NO_SPIN}.`,
  ],
  'socket.connection.setup.timeout.ms': [
    int(1, MAX_INT32),
    'How long a new connection may take to set up before the client gives it up (a broker whose host is down or cut off never answers); it doubles on each failure up to socket.connection.setup.timeout.max.ms.',
  ],
  'socket.connection.setup.timeout.max.ms': [
    int(1, MAX_INT32),
    'Longest connection setup timeout after repeated failures.',
  ],
}

const producerConfigDescriptions: Record<keyof ProducerConfig, [Rule, string]> = {
  acks: [
    { kind: 'enum', values: ACKS_VALUES },
    'Which replicas must have a record before the leader acknowledges it: "all" or -1 (the whole ISR, at least min.insync.replicas), 1 (the leader only) or 0 (no acknowledgement). Accepts "all", "-1", "0", "1", -1, 0 and 1, as Kafka does.',
  ],
  retries: [int(0, MAX_INT32), 'How often a failed send is retried.'],
  'delivery.timeout.ms': [
    int(1, MAX_INT32),
    'Upper bound on the time from send() to success or failure, retries included; must be at least linger.ms + request.timeout.ms.',
  ],
  'request.timeout.ms': [
    int(1, MAX_INT32),
    'How long the producer waits for a response before it retries.',
  ],
  'retry.backoff.ms': [
    int(1, MAX_SAFE),
    `First wait before a retry; it doubles up to retry.backoff.max.ms ${NO_SPIN}.`,
  ],
  'retry.backoff.max.ms': [int(1, MAX_SAFE), `Longest wait between retries ${NO_SPIN}.`],
  'metadata.max.age.ms': [
    int(1, MAX_SAFE),
    'How often the producer refreshes metadata even without errors.',
  ],
  'bootstrap.servers': [
    brokerIds(1),
    'Broker ids the producer contacts first; if all of them are down it cannot start.',
  ],
  'enable.idempotence': [
    bool,
    'Whether the producer de-duplicates its retries. Requires acks "all" and retries above 0.',
  ],
  'linger.ms': [int(0, MAX_SAFE), 'How long the producer waits to fill a batch.'],
  'max.in.flight.requests.per.connection': [
    int(1, MAX_INT32),
    'Produce requests the producer keeps outstanding on one broker connection; the next batch for any partition that broker leads waits for a free slot. At most 5 with idempotence.',
  ],
  'max.block.ms': [
    int(0, MAX_INT32),
    "How long send() blocks while the producer has no metadata for its topic (no bootstrap server answered) or no free buffer memory; then the send fails with a TimeoutException (BufferExhaustedException for memory: KafkaProducer.doSend hands it to the callback and returns a failed future) and the application's thread moves on.",
  ],
  'buffer.memory': [
    int(1024, MAX_SAFE),
    'Bytes the producer may hold in batches not yet acknowledged (records are 1 KiB in the simulator); when full, send() blocks up to max.block.ms.',
  ],
  'batch.size': [
    int(1024, MAX_INT32),
    "Bytes of one batch buffer (the BufferPool's poolable size, named in BufferExhaustedException); the simulator counts buffer.memory by the records' bytes.",
  ],
  ...connectionConfigDescriptions,
}

export const PRODUCER_CONFIG_FIELDS: Record<keyof ProducerConfig, FieldSpec> = withDefaults(
  producerConfigDescriptions,
  DEFAULT_PRODUCER_CONFIG,
  {
    acks: 'Default: "all".',
    'bootstrap.servers': 'Default: every broker, in id order.',
    'delivery.timeout.ms': `Default: ${DEFAULT_PRODUCER_CONFIG['delivery.timeout.ms']}, raised to linger.ms + request.timeout.ms when that is larger, as Kafka does.`,
    'enable.idempotence':
      'Default: true, or false when acks is not "all" or retries is 0 (Kafka then disables it implicitly).',
    'linger.ms': 'Default: 0 (Kafka 3.x; Kafka 4.0 uses 5).',
  },
)

const consumerConfigDescriptions: Record<keyof ConsumerConfig, [Rule, string]> = {
  'bootstrap.servers': [
    brokerIds(1),
    'Broker ids the consumer contacts first; if all of them are down it cannot start.',
  ],
  'auto.offset.reset': [
    { kind: 'enum', values: ['latest', 'earliest'] },
    'Where a consumer without a committed offset starts.',
  ],
  'request.timeout.ms': [int(1, MAX_INT32), 'How long the consumer waits for a response.'],
  'metadata.max.age.ms': [
    int(1, MAX_SAFE),
    'How often the consumer refreshes metadata even without errors.',
  ],
  'fetch.max.wait.ms': [
    int(1, MAX_INT32),
    `How long a fetch waits at the leader for new data ${NO_SPIN}.`,
  ],
  'retry.backoff.ms': [int(1, MAX_SAFE), `Wait before a failed request is retried ${NO_SPIN}.`],
  'retry.backoff.max.ms': [
    int(1, MAX_SAFE),
    `Longest wait between metadata refreshes that bring nothing new ${NO_SPIN}.`,
  ],
  ...connectionConfigDescriptions,
  'enable.auto.commit': [
    bool,
    'Group members: whether the consumer commits its position every auto.commit.interval.ms (and before a rebalance). A member that dies hands its partitions over at the last commit, so what it read since is read again.',
  ],
  'auto.commit.interval.ms': [
    int(1, MAX_INT32),
    `Group members: how often positions are committed ${NO_SPIN}.`,
  ],
  'heartbeat.interval.ms': [
    int(1, MAX_INT32),
    'Group members: how often the member heartbeats to its group coordinator; must be below session.timeout.ms.',
  ],
  'session.timeout.ms': [
    int(1, MAX_INT32),
    "Group members: how long the coordinator waits without a heartbeat before it removes the member and gives its partitions to the others; within the brokers' group.min/max.session.timeout.ms.",
  ],
  'max.poll.interval.ms': [
    int(1, MAX_INT32),
    "Group members: the rebalance timeout (the application's poll loop never stalls in the simulator).",
  ],
}

export const CONSUMER_CONFIG_FIELDS: Record<keyof ConsumerConfig, FieldSpec> = withDefaults(
  consumerConfigDescriptions,
  DEFAULT_CONSUMER_CONFIG,
  { 'bootstrap.servers': 'Default: every broker, in id order.' },
)

export const ROOT_FIELDS: Record<string, FieldSpec> = {
  $schema: opt(
    text(0),
    'Where editors find this JSON Schema; the reader ignores it. Default: none.',
  ),
  version: req({ kind: 'enum', values: [1] }, 'The format version; this reader understands 1.'),
  name: req(text(1, MAX_NAME_CHARS), 'A short title shown in the UI.'),
  description: opt(
    prose(0, MAX_STRING_CHARS),
    'Free text about what the scenario shows. Default: "".',
  ),
  seed: opt(
    int(0, MAX_SEED),
    `Seed of every random choice (replica placement, jitter); the same seed replays the same run. Default: ${DEFAULT_SEED}.`,
  ),
  durationMs: opt(
    { kind: 'integer', minimum: 1, maximum: MAX_DURATION_MS, budget: 'duration' },
    `How much simulated time a headless run covers, in ms, at most ${MAX_DURATION_MS} (24 h; docs/scenario-format.md, "Work budgets"). Default: ${DEFAULT_DURATION_MS}.`,
  ),
  cluster: req(nested, 'Zones, brokers, controllers and broker configs.'),
  topics: opt(nested, 'The topics, created at t = 0. Default: [].'),
  clients: opt(nested, 'Producers and consumers, started at t = 0. Default: [].'),
  faults: opt(
    nested,
    'Faults and admin actions, applied at their atMs in time order. Default: [].',
  ),
  narration: opt(
    nested,
    'Guided-tour text shown beside the run, step by step; it does not change the simulation. Default: none.',
  ),
}

export const NARRATION_FIELDS: Record<string, FieldSpec> = {
  steps: req(nested, 'The steps, in time order.'),
  tryIt: opt(prose(1, 10000), 'A closing suggestion: what to change and replay. Default: none.'),
  tryItVariant: opt(
    nested,
    'The change tryIt suggests, as a scenario the UI loads with one click ("Try it: <label>"): this file with `merge` applied, named "<name> — variant". Default: none.',
  ),
}

/** `narration.tryItVariant`: the scenario the closing suggestion describes, as a patch. */
export const TRY_IT_VARIANT_FIELDS: Record<string, FieldSpec> = {
  label: req(
    text(1, 120),
    'What the variant changes, in a few words, shown on its button after "Try it: " (such as "set min.insync.replicas to 2").',
  ),
  merge: req(
    nested,
    'A JSON Merge Patch (RFC 7396) applied to this scenario file: objects merge key by key, a null value deletes the key, arrays and other values replace what was there (so changing one fault or client means giving the whole faults or clients list). The result must be a valid scenario.',
  ),
}

export const NARRATION_STEP_FIELDS: Record<string, FieldSpec> = {
  atMs: req(int(0, MAX_SAFE), 'Simulated time at which the step is shown, in ms.'),
  title: req(text(1, 200), 'A short heading.'),
  text: req(prose(1, 10000), 'What happens and why.'),
  rule: opt(
    prose(1, 10000),
    'The Kafka rule at work, ideally naming the Kafka method or KIP. Default: none.',
  ),
  configKeys: opt(
    { kind: 'stringList', minItems: 0 },
    'Kafka config keys the step is about. Default: [].',
  ),
  checkpoint: opt(
    bool,
    "Whether the UI pauses the timeline at this step's atMs (and keeps a time-travel checkpoint there). Default: false.",
  ),
  predict: opt(
    prose(1, 1000),
    'A question the learner answers before the next step plays ("Stop use1-az2 now: will orders stay writable?"). Default: none.',
  ),
  focusBrokers: opt(
    brokerIds(1),
    'Broker ids the step is about: the topology highlights them and dims the rest. Default: none.',
  ),
  focusZone: opt(
    text(1, MAX_NAME_CHARS),
    'The zone the step is about: the topology highlights it and dims the rest. Default: none.',
  ),
}

export const CLUSTER_FIELDS: Record<string, FieldSpec> = {
  kafkaVersion: opt(
    text(1, 40),
    `The Apache Kafka version, major.minor: ${KAFKA_VERSIONS.map((v) => JSON.stringify(v)).join(', ')}. Amazon MSK's version strings ("3.7.x", "3.7.x.kraft", "3.6.0") are accepted and read as their major.minor. Behaviour that differs between versions follows the chosen one (docs/scenario-format.md lists what). Default: "${DEFAULT_KAFKA_VERSION}".`,
  ),
  controller: opt(
    { kind: 'enum', values: ['kraft', 'zookeeper'] },
    'The control plane: a KRaft controller quorum or a ZooKeeper ensemble. Default: "kraft".',
  ),
  zones: req(
    { kind: 'stringList', minItems: 1, maxItems: MAX_ZONES },
    `Availability zones (Kafka racks; MSK uses AZ ids such as "use1-az1"), each listed once. Their order is used by brokersPerZone and the default controllers. At most ${MAX_ZONES}.`,
  ),
  brokers: opt(
    nested,
    'The brokers, each with a unique id and a zone. Give either brokers or brokersPerZone. Default: from brokersPerZone.',
  ),
  brokersPerZone: opt(
    int(1, MAX_BROKERS),
    'Shorthand for brokers: ids 1..n assigned to the zones round-robin in zone order (broker 1 to the first zone, 2 to the second...). Default: none; give either brokers or brokersPerZone.',
  ),
  controllers: opt(
    nested,
    `KRaft controller voters, or ZooKeeper nodes. Default: ${DEFAULT_CONTROLLER_COUNT} nodes with ids ${FIRST_CONTROLLER_ID}.., spread over the zones in order (with 2 zones: first, second, first). At most ${MAX_CONTROLLERS}.`,
  ),
  config: opt(nested, "Broker configs by Kafka's key. Default: {} (Apache Kafka's defaults)."),
  brokerType: opt(
    { kind: 'enum', values: BROKER_TYPE_NAMES },
    'The Amazon MSK broker type: Standard ("kafka.t3.small", "kafka.m5.large" … "kafka.m5.24xlarge", "kafka.m7g.large" … "kafka.m7g.16xlarge"), Express ("express.m7g.large" … "express.m7g.16xlarge"), or "custom" with brokerLimits. It sets each broker\'s capacity from AWS\'s published figures (docs/capacity.md). Express brokers fix replication factor 3, min.insync.replicas 2, unclean leader election off and 3 zones. Default: none (no capacity model).',
  ),
  brokerLimits: opt(
    nested,
    'With brokerType "custom" only, and then required: each broker\'s limits. Default: none.',
  ),
  storage: opt(
    nested,
    "Each broker's EBS data volume (Standard and custom broker types; Express brokers' storage is managed by MSK). Default: none (a volume large enough for the run, at the type's default throughput).",
  ),
}

/** `cluster.brokerLimits`: a custom broker type's limits. */
export const BROKER_LIMITS_FIELDS: Record<string, FieldSpec> = {
  vcpus: req(int(1, 1024), 'vCPUs per broker.'),
  networkMiBps: req(
    int(1, 1000000),
    'Sustained network bandwidth per broker, each direction, in MiB/s.',
  ),
  volumeThroughputMiBps: opt(
    int(1, 1000000),
    "The data volume's throughput (writes and reads), in MiB/s. Default: not limited.",
  ),
  recommendedPartitions: opt(
    int(1, MAX_INT32),
    'Recommended partitions per broker, replicas included. Default: none.',
  ),
  maxPartitions: opt(
    int(1, MAX_INT32),
    'Maximum partitions per broker, replicas included. Default: none.',
  ),
}

/** `cluster.storage`: each Standard broker's EBS volume. */
export const STORAGE_FIELDS: Record<string, FieldSpec> = {
  volumeGiB: req(
    int(1, MAX_VOLUME_GIB),
    `The volume's size per broker, in GiB (at most ${MAX_VOLUME_GIB}).`,
  ),
  provisionedThroughputMiBps: opt(
    int(1, 1000000),
    "MSK provisioned storage throughput, in MiB/s, up to the broker type's maximum (docs/capacity.md). Default: the volume's default throughput.",
  ),
}

export const NODE_FIELDS: Record<string, FieldSpec> = {
  id: req(int(0, MAX_INT32), 'Node id (broker.id / node.id), unique within its list.'),
  zone: req(text(1, MAX_NAME_CHARS), 'One of cluster.zones.'),
}

export const TOPIC_FIELDS: Record<string, FieldSpec> = {
  name: req(
    {
      kind: 'string',
      minLength: 1,
      maxLength: 249,
      pattern: TOPIC_NAME_PATTERN,
      topicName: true,
    },
    'Topic name, unique among topics.',
  ),
  partitions: req(int(1, MAX_PARTITIONS), 'Number of partitions.'),
  replicationFactor: opt(
    int(1, 32767),
    "Replicas per partition; at most the number of brokers. Default: the cluster's default.replication.factor.",
  ),
  config: opt(nested, 'Topic-level config overrides. Default: {} (the cluster configs apply).'),
  assignment: opt(
    nested,
    "Replica lists by partition number; the first replica is the preferred leader. Default: Kafka's rack-aware assignReplicasToBrokers, seeded by the scenario seed.",
  ),
  initial: opt(
    nested,
    'Partition states at t = 0 by partition number, e.g. from an imported cluster. Default: the first replica leads and every replica is in the ISR.',
  ),
}

export const INITIAL_FIELDS: Record<string, FieldSpec> = {
  leader: req(int(-1, MAX_INT32), 'The leader at t = 0, one of the replicas; -1 for no leader.'),
  isr: req(brokerIds(0), 'The in-sync replicas; must include the leader.'),
  elr: opt(brokerIds(0), 'Eligible leader replicas (KIP-966), outside the ISR. Default: [].'),
  lastKnownElr: opt(
    brokerIds(0),
    'The last known eligible leader replicas (KIP-966). Default: [].',
  ),
}

const CLIENT_BASE_FIELDS: Record<string, FieldSpec> = {
  kind: req({ kind: 'enum', values: ['producer', 'consumer'] }, 'The client kind.'),
  id: req(text(1, MAX_NAME_CHARS), 'Client id (client.id), unique among clients.'),
  topic: req(text(1, 249), 'The topic it writes or reads; one of topics[].name.'),
}

export const PRODUCER_FIELDS: Record<string, FieldSpec> = {
  ...CLIENT_BASE_FIELDS,
  recordsPerSecond: req(
    int(0, MAX_RECORDS_PER_SECOND),
    'Records sent per second, spread evenly over the partitions.',
  ),
  recordBytes: opt(
    int(1, MAX_RECORD_BYTES),
    `The average record size in bytes (key, value and headers), for the bytes the brokers carry and the producer's buffer.memory. At most ${MAX_RECORD_BYTES} (Kafka's default message.max.bytes). Default: 1024.`,
  ),
  config: opt(nested, "Producer configs by Kafka's key. Default: {} (Kafka's defaults)."),
}

export const CONSUMER_FIELDS: Record<string, FieldSpec> = {
  ...CLIENT_BASE_FIELDS,
  group: opt(
    text(1, 249),
    "group.id: the consumer subscribes to its topic as a member of this group; the group coordinator (a broker: the leader of the group's __consumer_offsets partition) assigns the partitions (RangeAssignor) and keeps the committed offsets. Default: none (the consumer reads every partition with assign() and commits nothing).",
  ),
  members: opt(
    int(1, 1000),
    'With group: how many instances of this consumer run, each a member of the group (member 0, 1, …). Default: 1.',
  ),
  config: opt(nested, "Consumer configs by Kafka's key. Default: {} (Kafka's defaults)."),
}

export interface FaultRule {
  description: string
  fields: Record<string, FieldSpec>
}

const brokerField = req(int(0, MAX_INT32), 'The broker id, one of cluster.brokers.')
const zoneField = req(text(1, MAX_NAME_CHARS), 'The zone, one of cluster.zones.')
const clientField = req(text(1, MAX_NAME_CHARS), 'The client id, one of clients[].id.')
const memberField = opt(
  int(0, 999),
  'For a consumer with members: which member (0, 1, …). Default: 0.',
)
const controllerField = req(int(0, MAX_INT32), 'The controller id, one of cluster.controllers.')
const fromField = opt(
  { kind: 'enumList', values: ISOLATION_SCOPES, minItems: 1 },
  'Which links to cut: to the controllers, to the other brokers, to the clients. Default: all three.',
)

/** The fields of each fault type besides `atMs` and `type`. */
export const FAULT_RULES: Record<FaultType, FaultRule> = {
  crashBroker: {
    description: 'Kills a broker process: no controlled shutdown, its leaderships fail over.',
    fields: { broker: brokerField },
  },
  startBroker: { description: 'Starts a stopped broker.', fields: { broker: brokerField } },
  shutdownBroker: {
    description: 'Stops a broker with a controlled shutdown (leaderships move away first).',
    fields: { broker: brokerField },
  },
  isolateBroker: {
    description: "Cuts a broker's network links; the process keeps running.",
    fields: { broker: brokerField, from: fromField },
  },
  healBroker: { description: "Restores all of a broker's links.", fields: { broker: brokerField } },
  stopZone: {
    description: 'Stops every broker and controller in a zone (an AZ outage).',
    fields: { zone: zoneField },
  },
  startZone: { description: 'Starts every node in a zone again.', fields: { zone: zoneField } },
  isolateZone: {
    description: 'Cuts the links between a zone and the rest; the nodes keep running.',
    fields: { zone: zoneField, from: fromField },
  },
  healZone: { description: "Restores all of a zone's links.", fields: { zone: zoneField } },
  slowBroker: {
    description: "Delays a broker's replica fetches, so it may fall out of the ISR.",
    fields: {
      broker: brokerField,
      fetchDelayMs: req(int(1, MAX_SAFE), 'Added delay of each fetch, in ms.'),
    },
  },
  unslowBroker: { description: 'Removes a fetch delay.', fields: { broker: brokerField } },
  replaceVolume: {
    description:
      "Replaces a broker's storage volume (a Standard broker's EBS volume): the broker stops uncleanly and starts again with empty logs, so each of its replicas fetches the whole partition from its leader and rejoins the ISR once caught up. Not for Express brokers, which have no volume of their own.",
    fields: { broker: brokerField },
  },
  crashController: {
    description: 'Kills a KRaft controller or ZooKeeper node.',
    fields: { controller: controllerField },
  },
  startController: {
    description: 'Starts a controller or ZooKeeper node.',
    fields: { controller: controllerField },
  },
  crashClient: {
    description:
      "Kills a client's application process: a producer loses what it had not yet sent, a group member stops heartbeating and after session.timeout.ms the coordinator gives its partitions to the others, from the last committed offsets.",
    fields: { client: clientField, member: memberField },
  },
  startClient: {
    description:
      'Starts a crashed client again: a new producer, or a member that bootstraps, finds its coordinator and rejoins its group.',
    fields: { client: clientField, member: memberField },
  },
  rollingRestart: {
    description:
      'Restarts brokers one at a time with controlled shutdowns, each after under-replicated partitions return to 0, as MSK patching does.',
    fields: {
      brokers: opt(
        { ...brokerIds(1) },
        'Broker ids in restart order. Default: every broker, in the order of cluster.brokers.',
      ),
      restartMs: opt(
        int(1, MAX_SAFE),
        "How long each broker stays down, in ms. Default: 30000 (the engine's).",
      ),
    },
  },
  upgradeCluster: {
    description:
      'A rolling version upgrade as MSK runs it: every broker restarts on the new version with a controlled shutdown, one at a time, each after under-replicated partitions return to 0; after the last one the new version is finalised (its metadata-version features, such as ELR, switch on then).',
    fields: {
      toVersion: req(
        text(1, 40),
        'The version to upgrade to, newer than cluster.kafkaVersion (same forms as cluster.kafkaVersion).',
      ),
      restartMs: opt(
        int(1, MAX_SAFE),
        "How long each broker stays down, in ms. Default: 30000 (the engine's).",
      ),
    },
  },
  electLeaders: {
    description: 'Runs kafka-leader-election.sh for one partition, one topic or every partition.',
    fields: {
      election: req(
        { kind: 'enum', values: ELECTION_TYPES },
        'PREFERRED moves leadership to the first replica; UNCLEAN elects an out-of-sync replica when no ISR member is alive.',
      ),
      topic: opt(text(1, 249), 'Limit the election to this topic. Default: every topic.'),
      partition: opt(
        int(0, MAX_INT32),
        'Limit the election to this partition of `topic` (requires topic). Default: every partition.',
      ),
    },
  },
}

export const FAULT_TYPES = Object.keys(FAULT_RULES) as FaultType[]

/**
 * How many entries the lists an editor builds from a count may have: the zones and the
 * controllers (the validator checks the lists against the same MAX_ZONES and MAX_CONTROLLERS).
 */
export const ZONE_COUNT_RULE: Rule = int(1, MAX_ZONES)
export const CONTROLLER_COUNT_RULE: Rule = int(1, MAX_CONTROLLERS)

export const AT_MS_FIELD = req(
  int(0, MAX_SAFE),
  'Simulated time at which the fault happens, in ms from the start.',
)
