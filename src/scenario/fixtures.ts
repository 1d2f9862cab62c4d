/**
 * Scenario fixtures shared by the tests (test data only; nothing in the app imports this).
 * `VALID` must pass both the JSON Schema and `validateScenario`; `INVALID_SHAPE` must fail both,
 * each for the reason in its name.
 */

/**
 * The README's example scenario (3 zones, RF 3, min ISR 2) with most optional fields written out:
 * explicit brokers and controllers, an assignment, an initial ISR and full client configs.
 */
export const FULL_EXAMPLE = {
  version: 1,
  name: '3 AZ, RF 3, min ISR 2 — lose an AZ',
  description: 'optional text',
  seed: 7,
  durationMs: 120000,
  cluster: {
    controller: 'kraft',
    zones: ['use1-az1', 'use1-az2', 'use1-az3'],
    brokers: [
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az2' },
      { id: 3, zone: 'use1-az3' },
    ],
    controllers: [
      { id: 1001, zone: 'use1-az1' },
      { id: 1002, zone: 'use1-az2' },
      { id: 1003, zone: 'use1-az3' },
    ],
    config: {
      'replica.lag.time.max.ms': 30000,
      'unclean.leader.election.enable': false,
      'min.insync.replicas': 1,
    },
  },
  topics: [
    {
      name: 'orders',
      partitions: 6,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      assignment: { '0': [1, 2, 3] },
      initial: { '0': { leader: 2, isr: [2, 1] } },
    },
  ],
  clients: [
    {
      kind: 'producer',
      id: 'p1',
      topic: 'orders',
      recordsPerSecond: 200,
      config: {
        acks: 'all',
        'bootstrap.servers': [1, 2, 3],
        retries: 2147483647,
        'delivery.timeout.ms': 120000,
        'request.timeout.ms': 30000,
        'retry.backoff.ms': 100,
        'metadata.max.age.ms': 300000,
      },
    },
    { kind: 'consumer', id: 'c1', topic: 'orders', config: { 'bootstrap.servers': [1, 2, 3] } },
  ],
  faults: [
    { atMs: 20000, type: 'stopZone', zone: 'use1-az1' },
    { atMs: 80000, type: 'startZone', zone: 'use1-az1' },
  ],
}

export const MINIMAL = {
  version: 1,
  name: 'minimal',
  cluster: { zones: ['a'], brokersPerZone: 1 },
}

/** Every fault type, on a ZooKeeper cluster with two zones and explicit controllers. */
export const ALL_FAULTS = {
  $schema: 'scenario.schema.json',
  version: 1,
  name: 'every fault',
  durationMs: 600000,
  cluster: {
    controller: 'zookeeper',
    zones: ['use1-az1', 'use1-az2'],
    brokersPerZone: 2,
    controllers: [
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az2' },
      { id: 3, zone: 'use1-az1' },
    ],
    config: {
      'zookeeper.session.timeout.ms': 6000,
      'leader.imbalance.per.broker.percentage': 0,
      'auto.leader.rebalance.enable': false,
    },
  },
  topics: [{ name: 'events', partitions: 4, replicationFactor: 2 }],
  clients: [
    { kind: 'producer', id: 'p', topic: 'events', recordsPerSecond: 0, config: { acks: 1 } },
  ],
  faults: [
    { atMs: 1000, type: 'crashBroker', broker: 1 },
    { atMs: 2000, type: 'startBroker', broker: 1 },
    { atMs: 3000, type: 'shutdownBroker', broker: 2 },
    { atMs: 4000, type: 'isolateBroker', broker: 3, from: ['controllers'] },
    { atMs: 5000, type: 'healBroker', broker: 3 },
    { atMs: 6000, type: 'stopZone', zone: 'use1-az1' },
    { atMs: 7000, type: 'startZone', zone: 'use1-az1' },
    { atMs: 8000, type: 'isolateZone', zone: 'use1-az2', from: ['brokers', 'clients'] },
    { atMs: 9000, type: 'healZone', zone: 'use1-az2' },
    { atMs: 10000, type: 'slowBroker', broker: 4, fetchDelayMs: 40000 },
    { atMs: 11000, type: 'unslowBroker', broker: 4 },
    { atMs: 12000, type: 'crashController', controller: 3 },
    { atMs: 13000, type: 'startController', controller: 3 },
    { atMs: 14000, type: 'rollingRestart' },
    { atMs: 15000, type: 'rollingRestart', brokers: [4, 3], restartMs: 10000 },
    { atMs: 16000, type: 'electLeaders', election: 'PREFERRED' },
    { atMs: 17000, type: 'electLeaders', election: 'UNCLEAN', topic: 'events' },
    { atMs: 18000, type: 'electLeaders', election: 'PREFERRED', topic: 'events', partition: 3 },
  ],
}

/** An imported cluster: full assignment and initial states with ELR. */
export const IMPORTED = {
  version: 1,
  name: 'imported',
  cluster: {
    zones: ['z1', 'z2', 'z3'],
    brokers: [
      { id: 10, zone: 'z1' },
      { id: 20, zone: 'z2' },
      { id: 30, zone: 'z3' },
    ],
    config: { 'eligible.leader.replicas.enable': true, 'min.insync.replicas': 2 },
  },
  topics: [
    {
      name: 'payments',
      partitions: 2,
      replicationFactor: 3,
      config: { 'unclean.leader.election.enable': true },
      assignment: { '0': [10, 20, 30], '1': [20, 30, 10] },
      initial: {
        '0': { leader: 10, isr: [10, 20], elr: [30], lastKnownElr: [] },
        '1': { leader: -1, isr: [], elr: [], lastKnownElr: [20] },
      },
    },
  ],
}

export const VALID: Record<string, unknown> = {
  FULL_EXAMPLE,
  MINIMAL,
  ALL_FAULTS,
  IMPORTED,
  acksForms: {
    ...MINIMAL,
    topics: [{ name: 't', partitions: 1 }],
    clients: (['all', '-1', '0', '1', -1, 0, 1] as const).map((acks, i) => ({
      kind: 'producer',
      id: `p${i}`,
      topic: 't',
      recordsPerSecond: 10,
      config: { acks, 'enable.idempotence': acks === 'all' || acks === -1 || acks === '-1' },
    })),
  },
  standardCapacity: {
    version: 1,
    name: 'standard brokers with a volume',
    cluster: {
      zones: ['a', 'b', 'c'],
      brokersPerZone: 2,
      brokerType: 'kafka.m5.4xlarge',
      storage: { volumeGiB: 2000, provisionedThroughputMiBps: 500 },
    },
    topics: [
      { name: 't', partitions: 6, replicationFactor: 3, config: { 'retention.ms': 3600000 } },
    ],
    clients: [{ kind: 'producer', id: 'p', topic: 't', recordsPerSecond: 100, recordBytes: 4096 }],
  },
  expressCapacity: {
    version: 1,
    name: 'express brokers, fixed settings left to their defaults',
    cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 1, brokerType: 'express.m7g.large' },
    topics: [{ name: 't', partitions: 3 }],
  },
  customCapacity: withCluster({
    brokerType: 'custom',
    brokerLimits: { vcpus: 4, networkMiBps: 600, volumeThroughputMiBps: 250, maxPartitions: 4000 },
  }),
}

function withCluster(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...MINIMAL, cluster: { ...MINIMAL.cluster, ...patch } }
}

/** Each fails the schema and the validator, for a reason the schema can express. */
export const INVALID_SHAPE: Record<string, unknown> = {
  notAnObject: [],
  missingVersion: { name: 'x', cluster: MINIMAL.cluster },
  version2: { ...MINIMAL, version: 2 },
  versionString: { ...MINIMAL, version: '1' },
  emptyName: { ...MINIMAL, name: '' },
  unknownRootField: { ...MINIMAL, zones: ['a'] },
  negativeSeed: { ...MINIMAL, seed: -1 },
  fractionalDuration: { ...MINIMAL, durationMs: 1.5 },
  missingCluster: { version: 1, name: 'x' },
  badController: withCluster({ controller: 'raft' }),
  noZones: withCluster({ zones: [] }),
  duplicateZone: withCluster({ zones: ['a', 'a'] }),
  brokersAndPerZone: withCluster({ brokers: [{ id: 1, zone: 'a' }] }),
  neitherBrokersNorPerZone: { ...MINIMAL, cluster: { zones: ['a'] } },
  emptyBrokers: { ...MINIMAL, cluster: { zones: ['a'], brokers: [] } },
  brokerWithoutZone: { ...MINIMAL, cluster: { zones: ['a'], brokers: [{ id: 1 }] } },
  brokerIdString: { ...MINIMAL, cluster: { zones: ['a'], brokers: [{ id: '1', zone: 'a' }] } },
  tooManyPerZone: withCluster({ brokersPerZone: 1001 }),
  unknownClusterConfig: withCluster({ config: { 'min.insync.replica': 2 } }),
  configAsString: withCluster({ config: { 'min.insync.replicas': '2' } }),
  booleanAsString: withCluster({ config: { 'unclean.leader.election.enable': 'true' } }),
  percentageTooHigh: withCluster({ config: { 'leader.imbalance.per.broker.percentage': 101 } }),
  topicsNotArray: { ...MINIMAL, topics: {} },
  badTopicName: { ...MINIMAL, topics: [{ name: 'a topic', partitions: 1 }] },
  dotTopicName: { ...MINIMAL, topics: [{ name: '..', partitions: 1 }] },
  zeroPartitions: { ...MINIMAL, topics: [{ name: 't', partitions: 0 }] },
  unknownTopicConfig: {
    ...MINIMAL,
    topics: [{ name: 't', partitions: 1, config: { 'cleanup.policy': 'compact' } }],
  },
  badAssignmentKey: { ...MINIMAL, topics: [{ name: 't', partitions: 1, assignment: { p0: [1] } }] },
  duplicateReplica: {
    ...MINIMAL,
    topics: [{ name: 't', partitions: 1, assignment: { '0': [1, 1] } }],
  },
  initialWithoutIsr: {
    ...MINIMAL,
    topics: [
      { name: 't', partitions: 1, assignment: { '0': [1] }, initial: { '0': { leader: 1 } } },
    ],
  },
  clientWithoutKind: { ...MINIMAL, clients: [{ id: 'c', topic: 't' }] },
  producerWithoutRate: {
    ...MINIMAL,
    clients: [{ kind: 'producer', id: 'p', topic: 't' }],
  },
  consumerWithRate: {
    ...MINIMAL,
    clients: [{ kind: 'consumer', id: 'c', topic: 't', recordsPerSecond: 5 }],
  },
  badAcks: {
    ...MINIMAL,
    clients: [{ kind: 'producer', id: 'p', topic: 't', recordsPerSecond: 1, config: { acks: 2 } }],
  },
  acksAllCaps: {
    ...MINIMAL,
    clients: [
      { kind: 'producer', id: 'p', topic: 't', recordsPerSecond: 1, config: { acks: 'ALL' } },
    ],
  },
  emptyBootstrap: {
    ...MINIMAL,
    clients: [{ kind: 'consumer', id: 'c', topic: 't', config: { 'bootstrap.servers': [] } }],
  },
  faultWithoutType: { ...MINIMAL, faults: [{ atMs: 1, broker: 1 }] },
  unknownFaultType: { ...MINIMAL, faults: [{ atMs: 1, type: 'stopAz', zone: 'a' }] },
  negativeAtMs: { ...MINIMAL, faults: [{ atMs: -5, type: 'crashBroker', broker: 1 }] },
  fractionalAtMs: { ...MINIMAL, faults: [{ atMs: 0.5, type: 'crashBroker', broker: 1 }] },
  faultExtraField: { ...MINIMAL, faults: [{ atMs: 1, type: 'crashBroker', broker: 1, zone: 'a' }] },
  faultMissingField: { ...MINIMAL, faults: [{ atMs: 1, type: 'slowBroker', broker: 1 }] },
  emptyFrom: { ...MINIMAL, faults: [{ atMs: 1, type: 'isolateBroker', broker: 1, from: [] }] },
  badScope: {
    ...MINIMAL,
    faults: [{ atMs: 1, type: 'isolateZone', zone: 'a', from: ['zookeeper'] }],
  },
  partitionWithoutTopic: {
    ...MINIMAL,
    faults: [{ atMs: 1, type: 'electLeaders', election: 'PREFERRED', partition: 0 }],
  },
  badElection: { ...MINIMAL, faults: [{ atMs: 1, type: 'electLeaders', election: 'preferred' }] },
}
