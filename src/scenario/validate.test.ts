/**
 * Checks every validation rule of `validateScenario` and `parseScenario`: each case breaks one
 * thing in an otherwise valid scenario (built by `base()`) and expects a problem at an exact path
 * whose message names what is wrong and what is allowed. Further cases check that all problems
 * are reported at once, that warnings do not block, that JSON syntax errors carry
 * `line N, column M`, and that hostile values (cycles, throwing getters, BigInt) never throw.
 */
import { describe, expect, it } from 'vitest'
import { parseScenario, validateScenario } from './validate'
import type { Problem } from './types'

/** Scenarios are edited as untyped JSON here, on purpose: most edits make them invalid. */
type Json = Record<string, unknown>
type Change = (s: Json) => void

function base(): Json {
  return {
    version: 1,
    name: 'base',
    cluster: {
      zones: ['use1-az1', 'use1-az2', 'use1-az3'],
      brokers: [
        { id: 1, zone: 'use1-az1' },
        { id: 2, zone: 'use1-az2' },
        { id: 3, zone: 'use1-az3' },
      ],
    },
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
    clients: [
      { kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 100 },
      { kind: 'consumer', id: 'c1', topic: 'orders' },
    ],
    faults: [{ atMs: 10000, type: 'crashBroker', broker: 1 }],
  }
}

function problemsOf(raw: unknown): Problem[] {
  const result = validateScenario(raw)
  return result.ok ? [] : result.problems
}

function warningsOf(raw: unknown): Problem[] {
  const result = validateScenario(raw)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.warnings
}

/** The container and key that a dotted path ("topics.0.name") names in a document. */
function locate(root: Json, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.')
  let node: unknown = root
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key]
  return [node as Record<string, unknown>, keys[keys.length - 1] as string]
}

const set =
  (path: string, value: unknown): Change =>
  (s) => {
    const [container, key] = locate(s, path)
    container[key] = value
  }
const del =
  (path: string): Change =>
  (s) => {
    const [container, key] = locate(s, path)
    delete container[key]
  }
const push =
  (path: string, ...values: unknown[]): Change =>
  (s) => {
    const [container, key] = locate(s, path)
    ;(container[key] as unknown[]).push(...values)
  }
const all =
  (...changes: Change[]): Change =>
  (s) => {
    for (const change of changes) change(s)
  }

/** base() with the changes applied. */
function edited(...changes: Change[]): Json {
  const s = base()
  all(...changes)(s)
  return s
}

/** [what, change to base(), expected path, words the message must contain] */
type Case = [string, Change, string, string[]]

const cases: Case[] = [
  // The document and its root fields.
  ['version missing', del('version'), 'version', ['required', '1']],
  ['version 2', set('version', 2), 'version', ['unsupported version 2', 'version 1']],
  ['version as text', set('version', '1'), 'version', ['number 1', 'string "1"']],
  ['name missing', del('name'), 'name', ['required']],
  ['name empty', set('name', ''), 'name', ['empty']],
  ['name a number', set('name', 5), 'name', ['string', 'number 5']],
  ['unknown root field', set('toplogy', {}), 'toplogy', ['unknown field', 'allowed fields']],
  ['seed negative', set('seed', -1), 'seed', ['negative']],
  ['seed too large', set('seed', 2 ** 32), 'seed', ['at most 4294967295']],
  ['seed fractional', set('seed', 1.5), 'seed', ['integer', '1.5']],
  ['duration zero', set('durationMs', 0), 'durationMs', ['at least 1']],
  ['duration text', set('durationMs', '2m'), 'durationMs', ['integer', '"2m"']],
  ['description a number', set('description', 1), 'description', ['string']],
  // Cluster shape.
  ['cluster missing', del('cluster'), 'cluster', ['required']],
  ['cluster an array', set('cluster', []), 'cluster', ['object', 'an array']],
  [
    'controller unknown',
    set('cluster.controller', 'raft'),
    'cluster.controller',
    ['"kraft" or "zookeeper"', '"raft"'],
  ],
  ['zones missing', del('cluster.zones'), 'cluster.zones', ['required']],
  ['zones empty', set('cluster.zones', []), 'cluster.zones', ['empty']],
  [
    'zone listed twice',
    push('cluster.zones', 'use1-az1'),
    'cluster.zones[3]',
    ['"use1-az1" is listed twice', 'cluster.zones[0]'],
  ],
  ['zone empty string', set('cluster.zones.1', ''), 'cluster.zones[1]', ['empty']],
  [
    'brokers and brokersPerZone',
    set('cluster.brokersPerZone', 1),
    'cluster',
    ['either brokers or brokersPerZone'],
  ],
  [
    'neither brokers nor brokersPerZone',
    del('cluster.brokers'),
    'cluster.brokers',
    ['required', 'brokersPerZone'],
  ],
  [
    'brokersPerZone zero',
    all(del('cluster.brokers'), set('cluster.brokersPerZone', 0)),
    'cluster.brokersPerZone',
    ['at least 1'],
  ],
  [
    'brokersPerZone too many in total',
    all(del('cluster.brokers'), set('cluster.brokersPerZone', 400)),
    'cluster.brokersPerZone',
    ['1200', 'at most 1000'],
  ],
  ['broker list empty', set('cluster.brokers', []), 'cluster.brokers', ['at least one broker']],
  ['broker without id', del('cluster.brokers.1.id'), 'cluster.brokers[1].id', ['required']],
  ['broker id negative', set('cluster.brokers.1.id', -1), 'cluster.brokers[1].id', ['negative']],
  [
    'broker unknown field',
    set('cluster.brokers.0.rack', 'x'),
    'cluster.brokers[0].rack',
    ['unknown field', 'id, zone'],
  ],
  [
    'duplicate broker id',
    set('cluster.brokers.2.id', 1),
    'cluster.brokers[2].id',
    ['duplicate broker id 1', 'cluster.brokers[0]'],
  ],
  [
    'broker in unknown zone',
    set('cluster.brokers.2.zone', 'use1-az4'),
    'cluster.brokers[2].zone',
    ['unknown zone "use1-az4"', '"use1-az1"'],
  ],
  [
    'broker zone typo',
    set('cluster.brokers.2.zone', 'use1-az33'),
    'cluster.brokers[2].zone',
    ['Did you mean "use1-az3"'],
  ],
  [
    'controllers empty',
    set('cluster.controllers', []),
    'cluster.controllers',
    ['at least one controller'],
  ],
  [
    'duplicate controller id',
    set('cluster.controllers', [
      { id: 9, zone: 'use1-az1' },
      { id: 9, zone: 'use1-az2' },
    ]),
    'cluster.controllers[1].id',
    ['duplicate controller id 9'],
  ],
  [
    'controller in unknown zone',
    set('cluster.controllers', [{ id: 9, zone: 'az9' }]),
    'cluster.controllers[0].zone',
    ['unknown zone "az9"'],
  ],
  [
    'KRaft controller id equal to a broker id',
    set('cluster.controllers', [{ id: 2, zone: 'use1-az1' }]),
    'cluster.controllers[0].id',
    ['also a broker id', 'KRaft'],
  ],
  [
    'default controller ids collide with a broker id',
    set('cluster.brokers.0.id', 1002),
    'cluster.controllers',
    ['1001', 'collide'],
  ],
  // Cluster configs.
  [
    'unknown config key, close to a known one',
    set('cluster.config', { 'min.insync.replica': 2 }),
    'cluster.config["min.insync.replica"]',
    ['unknown cluster config', 'Did you mean "min.insync.replicas"'],
  ],
  [
    'config key in the wrong camel case',
    set('cluster.config', { replicaLagTimeMaxMs: 1 }),
    'cluster.config.replicaLagTimeMaxMs',
    ['Did you mean "replica.lag.time.max.ms"'],
  ],
  [
    'producer config in the cluster',
    set('cluster.config', { acks: 1 }),
    'cluster.config.acks',
    ['"acks" is a producer config', 'not a cluster config'],
  ],
  [
    'config the simulator does not model',
    set('cluster.config', { 'num.io.threads': 8 }),
    'cluster.config["num.io.threads"]',
    ['does not model', 'known keys', 'replica.lag.time.max.ms'],
  ],
  [
    'config number as text',
    set('cluster.config', { 'min.insync.replicas': '2' }),
    'cluster.config["min.insync.replicas"]',
    ['integer', 'string "2"'],
  ],
  [
    'config boolean as text',
    set('cluster.config', { 'unclean.leader.election.enable': 'false' }),
    'cluster.config["unclean.leader.election.enable"]',
    ['true or false', 'string "false"'],
  ],
  [
    'config out of range',
    set('cluster.config', { 'leader.imbalance.per.broker.percentage': 150 }),
    'cluster.config["leader.imbalance.per.broker.percentage"]',
    ['at most 100'],
  ],
  [
    'replica.lag.time.max.ms of 1 (its half, the ISR check period, would be 0)',
    set('cluster.config', { 'replica.lag.time.max.ms': 1 }),
    'cluster.config["replica.lag.time.max.ms"]',
    ['must be at least 2 (got 1): the ISR is checked every replica.lag.time.max.ms / 2 ms'],
  ],
  [
    'heartbeat longer than session',
    set('cluster.config', { 'broker.heartbeat.interval.ms': 10000 }),
    'cluster.config["broker.heartbeat.interval.ms"]',
    ['must not exceed broker.session.timeout.ms (9000)'],
  ],
  // Topics.
  ['topics an object', set('topics', {}), 'topics', ['array', 'an object']],
  [
    'topic name with a space',
    set('topics.0.name', 'my orders'),
    'topics[0].name',
    ['"my orders" is not a valid name', 'a-z'],
  ],
  [
    'topic name too long',
    set('topics.0.name', 'x'.repeat(250)),
    'topics[0].name',
    ['at most 249 characters'],
  ],
  [
    'duplicate topic',
    push('topics', { name: 'orders', partitions: 1 }),
    'topics[1].name',
    ['duplicate topic name "orders"'],
  ],
  [
    'topics colliding in metric names',
    all(push('topics', { name: 'a.b', partitions: 1 }, { name: 'a_b', partitions: 1 })),
    'topics[2].name',
    ['collides with "a.b"', '"." and "_"'],
  ],
  ['partitions missing', del('topics.0.partitions'), 'topics[0].partitions', ['required']],
  ['partitions zero', set('topics.0.partitions', 0), 'topics[0].partitions', ['at least 1']],
  [
    'partitions too many',
    set('topics.0.partitions', 10001),
    'topics[0].partitions',
    ['at most 10000'],
  ],
  [
    'RF larger than the broker count',
    set('topics.0.replicationFactor', 4),
    'topics[0].replicationFactor',
    ['4 is larger than the number of brokers (3)', 'InvalidReplicationFactorException'],
  ],
  [
    'default RF larger than the broker count',
    all(
      del('topics.0.replicationFactor'),
      set('cluster.config', { 'default.replication.factor': 5 }),
    ),
    'topics[0]',
    ['default.replication.factor', '5 is larger than the number of brokers (3)'],
  ],
  [
    'unknown Kafka version',
    set('cluster.kafkaVersion', '3.5'),
    'cluster.kafkaVersion',
    ['"3.5"', '"3.6", "3.7", "3.8", "3.9", "4.0", "4.1"'],
  ],
  [
    'ZooKeeper on Kafka 4.0',
    all(set('cluster.kafkaVersion', '4.0.x'), set('cluster.controller', 'zookeeper')),
    'cluster.controller',
    ['Kafka 4.0 has no ZooKeeper mode'],
  ],
  [
    'ELR on Kafka 3.8',
    all(
      set('cluster.kafkaVersion', '3.8.x'),
      set('cluster.config', { 'eligible.leader.replicas.enable': true }),
    ),
    'cluster.config["eligible.leader.replicas.enable"]',
    ['does not exist in Kafka 3.8'],
  ],
  [
    'an upgrade to an older version',
    all(
      set('cluster.kafkaVersion', '4.0'),
      set('faults', [{ atMs: 1000, type: 'upgradeCluster', toVersion: '3.9.x' }]),
    ),
    'faults[0].toVersion',
    ['"3.9.x" is not newer than 4.0'],
  ],
  [
    'an upgrade to an unknown version',
    set('faults', [{ atMs: 1000, type: 'upgradeCluster', toVersion: '5.0' }]),
    'faults[0].toVersion',
    ['"5.0" is not one this simulator models'],
  ],
  [
    'a ZooKeeper cluster upgraded to 4.0',
    all(
      set('cluster.controller', 'zookeeper'),
      set('faults', [{ atMs: 1000, type: 'upgradeCluster', toVersion: '4.0' }]),
    ),
    'faults[0].toVersion',
    ['cannot upgrade to Kafka 4.0', 'migration is not modelled'],
  ],
  [
    'unknown topic config',
    set('topics.0.config', { 'cleanup.policy': 'compact' }),
    'topics[0].config["cleanup.policy"]',
    [
      'unknown topic config',
      'does not model',
      'min.insync.replicas, unclean.leader.election.enable, leader.replication.throttled.replicas, follower.replication.throttled.replicas, retention.ms',
    ],
  ],
  [
    'broker config at topic level',
    set('topics.0.config', { 'replica.lag.time.max.ms': 1 }),
    'topics[0].config["replica.lag.time.max.ms"]',
    ['is a broker config (cluster.config)'],
  ],
  [
    'unknown topic field',
    set('topics.0.replicationfactor', 3),
    'topics[0].replicationfactor',
    ['unknown field in a topic: "replicationfactor"', 'Did you mean "replicationFactor"'],
  ],
  // Assignments.
  [
    'assignment an array',
    set('topics.0.assignment', [[1, 2, 3]]),
    'topics[0].assignment',
    ['keyed by partition number'],
  ],
  [
    'assignment key not a number',
    set('topics.0.assignment', { p0: [1, 2, 3] }),
    'topics[0].assignment.p0',
    ['not a partition number'],
  ],
  [
    'assignment key with a leading zero',
    set('topics.0.assignment', { '01': [1, 2, 3] }),
    'topics[0].assignment["01"]',
    ['not a partition number'],
  ],
  [
    'assignment too short',
    set('topics.0.assignment', { '0': [1, 2] }),
    'topics[0].assignment["0"]',
    ['lists 2 replicas', 'replicationFactor is 3'],
  ],
  [
    'assignment too long',
    all(set('topics.0.replicationFactor', 2), set('topics.0.assignment', { '1': [1, 2, 3] })),
    'topics[0].assignment["1"]',
    ['lists 3 replicas', 'is 2'],
  ],
  [
    'assignment duplicate',
    set('topics.0.assignment', { '0': [1, 2, 1] }),
    'topics[0].assignment["0"][2]',
    ['1 is listed twice'],
  ],
  [
    'assignment unknown broker',
    set('topics.0.assignment', { '0': [1, 2, 7] }),
    'topics[0].assignment["0"][2]',
    ['unknown broker 7', '1, 2, 3'],
  ],
  [
    'assignment of a missing partition',
    set('topics.0.assignment', { '6': [1, 2, 3] }),
    'topics[0].assignment["6"]',
    ['partition 6 does not exist', '6 partitions (0 to 5)'],
  ],
  [
    'assignment empty list',
    set('topics.0.assignment', { '0': [] }),
    'topics[0].assignment["0"]',
    ['empty'],
  ],
  // Initial states.
  [
    'initial without assignment',
    set('topics.0.initial', { '0': { leader: 1, isr: [1] } }),
    'topics[0].initial["0"]',
    ['needs an explicit assignment["0"]'],
  ],
  [
    'initial leader not a replica',
    all(
      set('topics.0.assignment', { '0': [1, 2, 3] }),
      push('cluster.brokers', { id: 4, zone: 'use1-az1' }),
      set('topics.0.initial', { '0': { leader: 4, isr: [4] } }),
    ),
    'topics[0].initial["0"].leader',
    ['leader 4 is not among the replicas (1, 2, 3)'],
  ],
  [
    'initial leader not in the ISR',
    all(
      set('topics.0.assignment', { '0': [1, 2, 3] }),
      set('topics.0.initial', { '0': { leader: 1, isr: [2, 3] } }),
    ),
    'topics[0].initial["0"].isr',
    ['must include the leader 1'],
  ],
  [
    'initial ISR outside the replicas',
    all(
      set('topics.0.replicationFactor', 2),
      set('topics.0.assignment', { '0': [1, 2] }),
      set('topics.0.initial', { '0': { leader: 1, isr: [1, 3] } }),
    ),
    'topics[0].initial["0"].isr[1]',
    ['broker 3 is not among the replicas (1, 2)'],
  ],
  [
    'initial ELR inside the ISR',
    all(
      set('topics.0.assignment', { '0': [1, 2, 3] }),
      set('topics.0.initial', { '0': { leader: 1, isr: [1, 2], elr: [2] } }),
    ),
    'topics[0].initial["0"].elr[0]',
    ['in the ISR', 'KIP-966'],
  ],
  [
    'initial leader below -1',
    all(
      set('topics.0.assignment', { '0': [1, 2, 3] }),
      set('topics.0.initial', { '0': { leader: -2, isr: [] } }),
    ),
    'topics[0].initial["0"].leader',
    ['at least -1'],
  ],
  [
    'initial unknown field',
    all(
      set('topics.0.assignment', { '0': [1, 2, 3] }),
      set('topics.0.initial', { '0': { leader: 1, isr: [1], epoch: 3 } }),
    ),
    'topics[0].initial["0"].epoch',
    ['unknown field'],
  ],
  // Clients.
  [
    'client kind missing',
    del('clients.0.kind'),
    'clients[0].kind',
    ['required', '"producer" or "consumer"'],
  ],
  [
    'client kind unknown',
    set('clients.0.kind', 'admin'),
    'clients[0].kind',
    ['"producer" or "consumer"', '"admin"'],
  ],
  [
    'producer without rate',
    del('clients.0.recordsPerSecond'),
    'clients[0].recordsPerSecond',
    ['required'],
  ],
  [
    'consumer with a rate',
    set('clients.1.recordsPerSecond', 5),
    'clients[1].recordsPerSecond',
    ['unknown field', 'a consumer'],
  ],
  [
    'client topic unknown',
    set('clients.1.topic', 'order'),
    'clients[1].topic',
    ['unknown topic "order"', 'Did you mean "orders"'],
  ],
  [
    'client topic with no topics at all',
    all(set('topics', []), set('faults', [])),
    'clients[0].topic',
    ['defines no topics'],
  ],
  [
    'client topic in a file without a topics field',
    all(del('topics'), set('faults', [])),
    'clients[0].topic',
    ['unknown topic "orders"', 'defines no topics'],
  ],
  [
    'fault client in a file without a clients field',
    all(del('clients'), set('faults', [{ atMs: 1, type: 'crashClient', client: 'p1' }])),
    'faults[0].client',
    ['unknown client "p1"; clients are none'],
  ],
  [
    'fault topic in a file without a topics field',
    all(
      del('topics'),
      set('clients', []),
      set('faults', [{ atMs: 1, type: 'electLeaders', election: 'PREFERRED', topic: 'orders' }]),
    ),
    'faults[0].topic',
    ['unknown topic "orders"'],
  ],
  ['duplicate client id', set('clients.1.id', 'p1'), 'clients[1].id', ['duplicate client id "p1"']],
  [
    'acks 2',
    set('clients.0.config', { acks: 2 }),
    'clients[0].config.acks',
    ['"all", "-1", "0", "1", -1, 0 or 1', 'number 2'],
  ],
  [
    'acks ALL',
    set('clients.0.config', { acks: 'ALL' }),
    'clients[0].config.acks',
    ['string "ALL"', 'Did you mean "all"'],
  ],
  [
    'bootstrap empty',
    set('clients.0.config', { 'bootstrap.servers': [] }),
    'clients[0].config["bootstrap.servers"]',
    ['empty'],
  ],
  [
    'bootstrap host names',
    set('clients.0.config', { 'bootstrap.servers': 'b-1:9092' }),
    'clients[0].config["bootstrap.servers"]',
    ['array', 'string "b-1:9092"'],
  ],
  [
    'bootstrap unknown broker',
    set('clients.1.config', { 'bootstrap.servers': [1, 9] }),
    'clients[1].config["bootstrap.servers"][1]',
    ['unknown broker 9'],
  ],
  [
    'consumer config on a producer',
    set('clients.0.config', { 'auto.offset.reset': 'earliest' }),
    'clients[0].config["auto.offset.reset"]',
    ['is a consumer config'],
  ],
  [
    'auto.offset.reset none',
    set('clients.1.config', { 'auto.offset.reset': 'none' }),
    'clients[1].config["auto.offset.reset"]',
    ['"latest" or "earliest"'],
  ],
  [
    'idempotence with acks=1',
    set('clients.0.config', { acks: 1, 'enable.idempotence': true }),
    'clients[0].config.acks',
    ['Must set acks to all in order to use the idempotent producer'],
  ],
  [
    'idempotence with retries 0',
    set('clients.0.config', { retries: 0, 'enable.idempotence': true }),
    'clients[0].config.retries',
    ['Must set retries to non-zero'],
  ],
  [
    'idempotence with 6 requests in flight',
    set('clients.0.config', {
      'max.in.flight.requests.per.connection': 6,
      'enable.idempotence': true,
    }),
    'clients[0].config["max.in.flight.requests.per.connection"]',
    ['Must set max.in.flight.requests.per.connection to at most 5', 'got 6'],
  ],
  [
    'delivery timeout too short',
    set('clients.0.config', { 'delivery.timeout.ms': 20000 }),
    'clients[0].config["delivery.timeout.ms"]',
    ['(20000) should be equal to or larger than linger.ms + request.timeout.ms (30000)'],
  ],
  // Faults.
  ['fault type missing', del('faults.0.type'), 'faults[0].type', ['required', 'crashBroker']],
  [
    'fault type unknown',
    set('faults.0.type', 'killBroker'),
    'faults[0].type',
    ['"crashBroker"', '"killBroker"'],
  ],
  [
    'fault type typo',
    set('faults.0.type', 'crashbroker'),
    'faults[0].type',
    ['Did you mean "crashBroker"'],
  ],
  ['atMs missing', del('faults.0.atMs'), 'faults[0].atMs', ['required']],
  [
    'atMs negative',
    set('faults.0.atMs', -100),
    'faults[0].atMs',
    ['must not be negative (got -100)'],
  ],
  [
    'atMs fractional',
    set('faults.0.atMs', 10.5),
    'faults[0].atMs',
    ['must be an integer (got 10.5)'],
  ],
  ['atMs as text', set('faults.0.atMs', '10s'), 'faults[0].atMs', ['integer', '"10s"']],
  [
    'fault field of another type',
    set('faults.0.zone', 'use1-az1'),
    'faults[0].zone',
    ['unknown field', 'a crashBroker fault', 'broker'],
  ],
  [
    'fault field missing',
    set('faults.0', { atMs: 1, type: 'slowBroker', broker: 1 }),
    'faults[0].fetchDelayMs',
    ['required'],
  ],
  [
    'fault unknown broker',
    set('faults.0.broker', 7),
    'faults[0].broker',
    ['unknown broker 7', '1, 2, 3'],
  ],
  [
    'fault unknown zone',
    set('faults.0', { atMs: 1, type: 'stopZone', zone: 'use1-az9' }),
    'faults[0].zone',
    ['unknown zone "use1-az9"'],
  ],
  [
    'fault unknown controller',
    set('faults.0', { atMs: 1, type: 'crashController', controller: 1 }),
    'faults[0].controller',
    ['unknown controller 1', '1001, 1002, 1003'],
  ],
  [
    'fault unknown topic',
    set('faults.0', { atMs: 1, type: 'electLeaders', election: 'PREFERRED', topic: 'payments' }),
    'faults[0].topic',
    ['unknown topic "payments"'],
  ],
  [
    'fault partition out of range',
    set('faults.0', {
      atMs: 1,
      type: 'electLeaders',
      election: 'UNCLEAN',
      topic: 'orders',
      partition: 6,
    }),
    'faults[0].partition',
    ['6 partitions (0 to 5)'],
  ],
  [
    'fault partition without topic',
    set('faults.0', { atMs: 1, type: 'electLeaders', election: 'UNCLEAN', partition: 0 }),
    'faults[0].partition',
    ['needs "topic"'],
  ],
  [
    'election lower case',
    set('faults.0', { atMs: 1, type: 'electLeaders', election: 'preferred' }),
    'faults[0].election',
    ['"PREFERRED" or "UNCLEAN"', 'Did you mean "PREFERRED"'],
  ],
  [
    'isolation scope unknown',
    set('faults.0', { atMs: 1, type: 'isolateBroker', broker: 1, from: ['zookeeper'] }),
    'faults[0].from[0]',
    ['"controllers", "brokers" or "clients"'],
  ],
  [
    'isolation scope twice',
    set('faults.0', {
      atMs: 1,
      type: 'isolateZone',
      zone: 'use1-az1',
      from: ['clients', 'clients'],
    }),
    'faults[0].from[1]',
    ['listed twice'],
  ],
  [
    'rolling restart unknown broker',
    set('faults.0', { atMs: 1, type: 'rollingRestart', brokers: [1, 5] }),
    'faults[0].brokers[1]',
    ['unknown broker 5'],
  ],
  [
    'slow broker without delay',
    set('faults.0', { atMs: 1, type: 'slowBroker', broker: 1, fetchDelayMs: 0 }),
    'faults[0].fetchDelayMs',
    ['at least 1'],
  ],
  [
    'faults an object',
    set('faults', { 0: { atMs: 10000, type: 'crashBroker', broker: 1 } }),
    'faults',
    ['array'],
  ],
  ['fault a string', set('faults.0', 'crashBroker 1'), 'faults[0]', ['object', 'string']],
  // Broker types and capacity.
  [
    'unknown broker type',
    set('cluster.brokerType', 'kafka.m5.huge'),
    'cluster.brokerType',
    ['"kafka.m5.large"', '"express.m7g.large"', '"custom"', 'Did you mean "kafka.m5.large"'],
  ],
  [
    'custom broker without limits',
    set('cluster.brokerType', 'custom'),
    'cluster.brokerLimits',
    ['"custom" needs brokerLimits', 'networkMiBps'],
  ],
  [
    'broker limits with a published type',
    all(
      set('cluster.brokerType', 'kafka.m5.large'),
      set('cluster.brokerLimits', { vcpus: 2, networkMiBps: 100 }),
    ),
    'cluster.brokerLimits',
    ['"kafka.m5.large"', "AWS's published figures", '"brokerType": "custom"'],
  ],
  [
    'broker limits without a type',
    set('cluster.brokerLimits', { vcpus: 2, networkMiBps: 100 }),
    'cluster.brokerLimits',
    ['set "brokerType": "custom"'],
  ],
  [
    'broker limits missing the network',
    all(set('cluster.brokerType', 'custom'), set('cluster.brokerLimits', { vcpus: 2 })),
    'cluster.brokerLimits.networkMiBps',
    ['required'],
  ],
  [
    'broker limits with an unknown key',
    all(
      set('cluster.brokerType', 'custom'),
      set('cluster.brokerLimits', { vcpus: 2, networkMiBps: 100, iops: 3000 }),
    ),
    'cluster.brokerLimits.iops',
    ['cluster.brokerLimits'],
  ],
  [
    'storage without a broker type',
    set('cluster.storage', { volumeGiB: 1000 }),
    'cluster.storage',
    ['needs a brokerType'],
  ],
  [
    'storage volume too large',
    all(set('cluster.brokerType', 'kafka.m5.large'), set('cluster.storage', { volumeGiB: 20000 })),
    'cluster.storage.volumeGiB',
    ['16384'],
  ],
  [
    'provisioned throughput on a size that cannot have it',
    all(
      set('cluster.brokerType', 'kafka.m5.large'),
      set('cluster.storage', { volumeGiB: 1000, provisionedThroughputMiBps: 300 }),
    ),
    'cluster.storage.provisionedThroughputMiBps',
    ['kafka.m5.large cannot have provisioned', 'kafka.m5.4xlarge and kafka.m7g.2xlarge'],
  ],
  [
    "provisioned throughput above the type's maximum",
    all(
      set('cluster.brokerType', 'kafka.m5.4xlarge'),
      set('cluster.storage', { volumeGiB: 1000, provisionedThroughputMiBps: 800 }),
    ),
    'cluster.storage.provisionedThroughputMiBps',
    ['250 to 593 MiB/s', 'got 800'],
  ],
  [
    'provisioned throughput on a tiny volume',
    all(
      set('cluster.brokerType', 'kafka.m7g.2xlarge'),
      set('cluster.storage', { volumeGiB: 5, provisionedThroughputMiBps: 300 }),
    ),
    'cluster.storage.volumeGiB',
    ['at least 10 GiB', 'got 5'],
  ],
  [
    'storage on Express brokers',
    all(set('cluster.brokerType', 'express.m7g.large'), set('cluster.storage', { volumeGiB: 100 })),
    'cluster.storage',
    ['Express broker', 'MSK manages its storage'],
  ],
  [
    'Express brokers in 2 zones',
    all(
      set('cluster.brokerType', 'express.m7g.large'),
      set('cluster.zones', ['use1-az1', 'use1-az2']),
      set('cluster.brokers', [
        { id: 1, zone: 'use1-az1' },
        { id: 2, zone: 'use1-az2' },
      ]),
      set('topics.0.replicationFactor', 2),
    ),
    'cluster.zones',
    ['Express broker', 'number of Availability Zones at 3', 'got 2'],
  ],
  [
    'Express brokers with replication factor 2',
    all(set('cluster.brokerType', 'express.m7g.large'), set('topics.0.replicationFactor', 2)),
    'topics[0].replicationFactor',
    ['Express broker', 'replicationFactor at 3', 'got 2'],
  ],
  [
    'Express brokers with min.insync.replicas 1',
    all(
      set('cluster.brokerType', 'express.m7g.large'),
      set('cluster.config', { 'min.insync.replicas': 1 }),
    ),
    'cluster.config["min.insync.replicas"]',
    ['min.insync.replicas at 2', 'got 1'],
  ],
  [
    "Express brokers with a topic's min.insync.replicas 3",
    all(
      set('cluster.brokerType', 'express.m7g.large'),
      set('topics.0.config', { 'min.insync.replicas': 3 }),
    ),
    'topics[0].config["min.insync.replicas"]',
    ['min.insync.replicas at 2', 'got 3'],
  ],
  [
    'Express brokers with unclean leader election',
    all(
      set('cluster.brokerType', 'express.m7g.large'),
      set('cluster.config', { 'unclean.leader.election.enable': true }),
    ),
    'cluster.config["unclean.leader.election.enable"]',
    ['unclean.leader.election.enable at false', 'got true'],
  ],
  [
    'a malformed throttled-replica list',
    set('topics.0.config', { 'leader.replication.throttled.replicas': '0-1,2' }),
    'topics[0].config["leader.replication.throttled.replicas"]',
    ['not a throttled-replica list', '"*" or partition:broker pairs', '"0:1,0:2"'],
  ],
  [
    'a throttle rate of 0',
    set('cluster.config', { 'follower.replication.throttled.rate': 0 }),
    'cluster.config["follower.replication.throttled.rate"]',
    ['1'],
  ],
  [
    'a replaced volume on Express brokers',
    all(
      set('cluster.brokerType', 'express.m7g.large'),
      set('faults', [{ atMs: 1000, type: 'replaceVolume', broker: 1 }]),
    ),
    'faults[0].type',
    ['Express broker', 'no volume to replace'],
  ],
  [
    'record size above message.max.bytes',
    set('clients.0.recordBytes', 2000000),
    'clients[0].recordBytes',
    ['1048588'],
  ],
  [
    'retention below -1',
    set('topics.0.config', { 'retention.ms': -2 }),
    'topics[0].config["retention.ms"]',
    ['-1'],
  ],
  // Narration.
  ['narration without steps', set('narration', {}), 'narration.steps', ['required']],
  [
    'narration step without text',
    set('narration', { steps: [{ atMs: 0, title: 'x' }] }),
    'narration.steps[0].text',
    ['required'],
  ],
]

describe('validateScenario rules', () => {
  it('accepts the base scenario without problems or warnings', () => {
    expect(problemsOf(base())).toEqual([])
    expect(warningsOf(base())).toEqual([])
  })

  it.each(cases)('%s', (_what, change, path, words) => {
    const scenario = base()
    change(scenario)
    const problems = problemsOf(scenario)
    const atPath = problems.filter((p) => p.path === path)
    expect(atPath, JSON.stringify(problems, null, 1)).not.toEqual([])
    const message = atPath.map((p) => p.message).join(' | ')
    for (const word of words) expect(message).toContain(word)
  })
})

describe('warnings', () => {
  it('warns about faults after the end of the run, and still accepts the file', () => {
    const s = edited(
      set('durationMs', 60000),
      push(
        'faults',
        { atMs: 60000, type: 'startBroker', broker: 1 },
        { atMs: 60001, type: 'startBroker', broker: 1 },
      ),
    )
    expect(warningsOf(s)).toMatchObject([
      {
        path: 'faults[2].atMs',
        message: expect.stringContaining('after the end of the run (durationMs 60000)') as string,
      },
    ])
  })

  it('warns about a zone without brokers', () => {
    const s = edited(push('cluster.zones', 'use1-az4'))
    expect(warningsOf(s)).toMatchObject([
      { path: 'cluster.zones[3]', message: 'zone "use1-az4" has no brokers' },
    ])
  })

  it("warns when a default delivery.timeout.ms is raised, as Kafka's producer does", () => {
    const s = edited(set('clients.0.config', { 'request.timeout.ms': 100000, 'linger.ms': 30000 }))
    expect(warningsOf(s)[0]?.path).toBe('clients[0].config["delivery.timeout.ms"]')
    const result = validateScenario(s)
    const producer = result.ok ? result.spec.clients[0] : undefined
    expect(producer?.kind === 'producer' && producer.config['delivery.timeout.ms']).toBe(130000)
  })

  it('warns that more than 5 requests in flight turn the default idempotence off, and turns it off', () => {
    const s = edited(set('clients.0.config', { 'max.in.flight.requests.per.connection': 10 }))
    expect(warningsOf(s)).toMatchObject([
      {
        path: 'clients[0].config["max.in.flight.requests.per.connection"]',
        message: expect.stringContaining('Idempotence will be disabled') as string,
      },
    ])
    const result = validateScenario(s)
    const producer = result.ok ? result.spec.clients[0] : undefined
    expect(producer?.kind === 'producer' && producer.config['enable.idempotence']).toBe(false)
  })

  it('warns about narration steps out of order or after the run', () => {
    const s = edited(
      set('durationMs', 5000),
      set('faults', []),
      set('narration', {
        steps: [
          { atMs: 3000, title: 'b', text: 'b' },
          { atMs: 1000, title: 'a', text: 'a' },
          { atMs: 6000, title: 'c', text: 'c' },
        ],
      }),
    )
    expect(warningsOf(s).map((w) => w.path)).toEqual([
      'narration.steps[1].atMs',
      'narration.steps[2].atMs',
    ])
  })
})

describe('reporting', () => {
  it('reports every problem at once, not just the first', () => {
    const s = edited(
      set('seed', -1),
      set('cluster.brokers.2.zone', 'nowhere'),
      set('topics.0.replicationFactor', 4),
      set('clients.0.config', { acks: 'some' }),
      set('faults.0.broker', 42),
      push('faults', { atMs: -1, type: 'stopZone', zone: 'use1-az1' }),
    )
    expect(
      problemsOf(s)
        .map((p) => p.path)
        .sort(),
    ).toEqual(
      [
        'seed',
        'cluster.brokers[2].zone',
        'topics[0].replicationFactor',
        'clients[0].config.acks',
        'faults[0].broker',
        'faults[1].atMs',
      ].sort(),
    )
  })

  it('does not cascade: a broken broker list does not make every broker reference unknown', () => {
    const s = edited(set('cluster.brokers.0.id', 'one'))
    expect(problemsOf(s).map((p) => p.path)).toEqual(['cluster.brokers[0].id'])
  })

  it('shows the root as $', () => {
    expect(problemsOf([])).toMatchObject([
      { path: '$', message: 'must be an object (got an array)' },
    ])
    expect(problemsOf(null)).toMatchObject([{ path: '$', message: 'must be an object (got null)' }])
  })

  it('returns the narration beside the spec', () => {
    const narration = {
      steps: [{ atMs: 0, title: 'Start', text: 'Hello', configKeys: ['acks'], checkpoint: true }],
      tryIt: 'Try it.',
    }
    const result = validateScenario(edited(set('narration', narration)))
    expect(result.ok && result.narration).toEqual(narration)
    expect(result.ok && 'narration' in result.spec).toBe(false)
  })
})

describe('parseScenario', () => {
  const problems = (text: string): Problem[] => {
    const result = parseScenario(text)
    return result.ok ? [] : result.problems
  }

  it('accepts JSON with comments, as hand-written scenarios often have', () => {
    const text = `// a comment\n${JSON.stringify(base(), null, 2).replace('"name": "base",', '"name": "base", /* inline */')}`
    expect(parseScenario(text).ok).toBe(true)
  })

  it.each([
    ['{"version": 1,, "name": "x"}', 'line 1, column 15', 'expected a property name'],
    ['{\n  "version": 1\n  "name": "x"\n}', 'line 3, column 3', 'expected "," or "}"'],
    ['{\n  "zones": ["a", "b",]\n}', 'line 2, column 22', 'trailing comma before "]"'],
    ['{"a": 1,}', 'line 1, column 9', 'trailing comma before "}"'],
    ["{'version': 1}", 'line 1, column 2', 'double quotes'],
    ['{"version": 01}', 'line 1, column 13', 'bad number "01"'],
    ['{"name": "a\nb"}', 'line 1, column 12', 'control character'],
    ['{"name": "\\q"}', 'line 1, column 11', 'bad escape'],
    ['{"name": "x"', 'line 1, column 13', 'unexpected end of the text'],
    ['{"version": tru}', 'line 1, column 13', 'unexpected word "tru"'],
    ['{} {}', 'line 1, column 4', 'after the end of the JSON value'],
    ['', 'line 1, column 1', 'the text is empty'],
    ['/* open', 'line 1, column 1', 'unterminated /* comment'],
    ['\r\n\r\n  {"a": NaN}', 'line 3, column 9', 'unexpected "N"'],
  ])('reports %j at %s', (text, path, words) => {
    const found = problems(text)
    expect(found).toHaveLength(1)
    expect(found[0]?.path).toBe(path)
    expect(found[0]?.message).toContain(words)
  })

  it('rejects duplicate keys, naming both places', () => {
    const found = problems('{\n  "version": 1,\n  "version": 1\n}')
    expect(found).toMatchObject([
      {
        path: 'line 3, column 3',
        message: expect.stringContaining(
          'duplicate key "version" (first at line 2, column 3)',
        ) as string,
      },
    ])
  })

  it('limits nesting instead of overflowing the stack', () => {
    const found = problems('['.repeat(100000))
    expect(found[0]?.message).toContain('nested more than 100 levels deep')
  })

  it('keeps a "__proto__" key as an ordinary (unknown) field', () => {
    const s = JSON.stringify(base()).replace('{', '{"__proto__": {"polluted": true},')
    expect(problems(s)).toMatchObject([
      {
        path: '__proto__',
        message: expect.stringContaining('unknown field "__proto__"') as string,
      },
    ])
    expect(({} as Json).polluted).toBeUndefined()
  })

  it('reads a byte-order mark and \\u escapes', () => {
    const result = parseScenario(
      `\uFEFF${JSON.stringify({ ...base(), name: 'caf\\u00e9' }).replace('caf\\\\u00e9', 'caf\\u00e9')}`,
    )
    expect(result.ok && result.spec.name).toBe('café')
  })
})

describe('never throws', () => {
  const hostile: [string, unknown][] = [
    ['undefined', undefined],
    ['a number', 42],
    ['a BigInt', 10n],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    [
      'a cyclic object',
      (() => {
        const s = base()
        set('cluster.self', s)(s)
        push('topics', s.topics)(s)
        return s
      })(),
    ],
    [
      'a throwing getter',
      (() => {
        const s = base()
        Object.defineProperty(s, 'cluster', {
          enumerable: true,
          get: () => {
            throw new Error('boom')
          },
        })
        return s
      })(),
    ],
    ['a BigInt in a field', { ...base(), seed: 1n }],
    ['a sparse array', { ...base(), faults: new Array(3) }],
    ['a Map instead of an object', { ...base(), cluster: new Map() }],
  ]

  it.each(hostile)('on %s', (_name, value) => {
    let result: ReturnType<typeof validateScenario> | undefined
    expect(() => (result = validateScenario(value))).not.toThrow()
    expect(result?.ok).toBe(false)
    if (result !== undefined && !result.ok) {
      for (const p of result.problems) {
        expect(p.path.length).toBeGreaterThan(0)
        expect(p.message.length).toBeGreaterThan(0)
      }
    }
  })

  it('on non-string input to parseScenario', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false)
  })
})

describe('min.insync.replicas above the replication factor', () => {
  // Kafka accepts such a topic (TopicConfig only checks min.insync.replicas >= 1); what a write
  // meets depends on the version: capped from 3.7 (Partition.effectiveMinIsr), refused before.
  it('is a warning naming the cap from Kafka 3.7', () => {
    const s = edited(set('topics.0.config', { 'min.insync.replicas': 4 }))
    expect(problemsOf(s)).toEqual([])
    const [warning] = warningsOf(s).filter((w) => w.code === 'min-isr-above-rf')
    expect(warning?.path).toBe('topics[0].config["min.insync.replicas"]')
    expect(warning?.message).toContain(
      'min.insync.replicas 4 is larger than the replicationFactor 3',
    )
    expect(warning?.message).toContain('caps it at the replication factor')
  })

  it('is a warning that every acks=all write fails on Kafka 3.6', () => {
    const s = edited(
      all(
        set('cluster.kafkaVersion', '3.6.0'),
        set('cluster.config', { 'min.insync.replicas': 2 }),
        set('topics.0.replicationFactor', 1),
      ),
    )
    expect(problemsOf(s)).toEqual([])
    const [warning] = warningsOf(s).filter((w) => w.code === 'min-isr-above-rf')
    expect(warning?.path).toBe('topics[0].replicationFactor')
    expect(warning?.message).toContain('min.insync.replicas 2 (from cluster.config)')
    expect(warning?.message).toContain('every acks=all write fails with NOT_ENOUGH_REPLICAS')
  })
})
