/**
 * Checks the wording of every SimEvent type in the event log. The fixture is a mapped type over
 * SimEventType, so a new event type without a sample here fails to compile; each sample's line is
 * compared with the exact expected text, and the categories are checked too (the time format is
 * tested with `formatSimTime` in src/scenario/sim-time.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { SimEvent, SimEventType } from '../../engine/types'
import { EVENT_CATEGORY, describeEvent, formatEventLine, isAlarming } from './event-format'

type Samples = { [K in SimEventType]: [Extract<SimEvent, { type: K }>, string] }

const at = 1234
const samples: Samples = {
  FaultInjected: [
    { atMs: at, type: 'FaultInjected', fault: 'stopZone', detail: 'zone use1-az1' },
    'stopZone: zone use1-az1',
  ],
  BrokerStopped: [
    { atMs: at, type: 'BrokerStopped', broker: 2, clean: false },
    'broker 2 stopped (unclean shutdown)',
  ],
  BrokerStarted: [{ atMs: at, type: 'BrokerStarted', broker: 2 }, 'broker 2 started'],
  BrokerRegistered: [
    { atMs: at, type: 'BrokerRegistered', broker: 2 },
    'broker 2 registered with the controller',
  ],
  BrokerFenced: [{ atMs: at, type: 'BrokerFenced', broker: 2 }, 'broker 2 fenced'],
  BrokerUnfenced: [{ atMs: at, type: 'BrokerUnfenced', broker: 2 }, 'broker 2 unfenced'],
  BrokerSessionExpired: [
    { atMs: at, type: 'BrokerSessionExpired', broker: 2 },
    'broker 2 session expired',
  ],
  ControlledShutdownRequested: [
    { atMs: at, type: 'ControlledShutdownRequested', broker: 3, remainingLeaders: 1 },
    'broker 3 requested controlled shutdown, 1 leader to move',
  ],
  ControlledShutdownCompleted: [
    { atMs: at, type: 'ControlledShutdownCompleted', broker: 3 },
    'broker 3 controlled shutdown completed',
  ],
  ControllerElected: [
    { atMs: at, type: 'ControllerElected', controller: 1001 },
    'node 1001 is the active controller',
  ],
  ControllerResigned: [
    { atMs: at, type: 'ControllerResigned', controller: 1001 },
    'node 1001 resigned as controller',
  ],
  QuorumLost: [
    { atMs: at, type: 'QuorumLost' },
    'controller quorum lost its majority: no leader elections until it returns',
  ],
  QuorumRestored: [{ atMs: at, type: 'QuorumRestored' }, 'controller quorum has a majority again'],
  ControllerNodeStopped: [
    { atMs: at, type: 'ControllerNodeStopped', controller: 1002 },
    'controller node 1002 stopped',
  ],
  ControllerNodeStarted: [
    { atMs: at, type: 'ControllerNodeStarted', controller: 1002 },
    'controller node 1002 started',
  ],
  LeaderElected: [
    {
      atMs: at,
      type: 'LeaderElected',
      topic: 'orders',
      partition: 0,
      leader: 2,
      leaderEpoch: 3,
      election: 'ONLINE',
      unclean: false,
    },
    'orders-0 leader 2 epoch 3 (ONLINE)',
  ],
  PartitionOffline: [
    { atMs: at, type: 'PartitionOffline', topic: 'orders', partition: 1, leaderEpoch: 4, isr: [3] },
    'orders-1 offline, leader none epoch 4 isr [3]',
  ],
  IsrShrunk: [
    {
      atMs: at,
      type: 'IsrShrunk',
      topic: 'orders',
      partition: 0,
      isr: [1, 2],
      removed: [3],
      by: 'leader',
    },
    'orders-0 isr shrunk to [1,2], removed [3] (by leader)',
  ],
  IsrExpanded: [
    { atMs: at, type: 'IsrExpanded', topic: 'orders', partition: 0, isr: [1, 2, 3], added: [3] },
    'orders-0 isr expanded to [1,2,3], added [3]',
  ],
  ElrChanged: [
    { atMs: at, type: 'ElrChanged', topic: 'orders', partition: 0, elr: [2], lastKnownElr: [] },
    'orders-0 elr [2] lastKnownElr []',
  ],
  ReplicaTruncated: [
    {
      atMs: at,
      type: 'ReplicaTruncated',
      topic: 'orders',
      partition: 0,
      broker: 3,
      fromOffset: 120,
      toOffset: 100,
    },
    'orders-0 replica on broker 3 truncated from offset 120 to 100',
  ],
  VolumeReplaced: [
    { atMs: at, type: 'VolumeReplaced', broker: 2, replicas: 1, records: 1200 },
    'broker 2 volume replaced: 1 replica starts empty (1200 records to fetch again)',
  ],
  ProduceFailed: [
    {
      atMs: at,
      type: 'ProduceFailed',
      client: 'producer-1',
      topic: 'orders',
      partition: 0,
      error: 'NOT_ENOUGH_REPLICAS',
      records: 50,
      retriable: true,
    },
    'producer-1 orders-0 NOT_ENOUGH_REPLICAS, 50 records, retriable',
  ],
  RecordsExpired: [
    {
      atMs: at,
      type: 'RecordsExpired',
      client: 'producer-1',
      topic: 'orders',
      partition: 0,
      records: 1,
      error: 'REQUEST_TIMED_OUT',
    },
    'producer-1 expired 1 record for orders-0 (REQUEST_TIMED_OUT)',
  ],
  ClientConnectFailed: [
    { atMs: at, type: 'ClientConnectFailed', client: 'producer-1', bootstrapServers: [1] },
    'producer-1 could not connect to bootstrap.servers [1]',
  ],
  ClientConnected: [
    { atMs: at, type: 'ClientConnected', client: 'consumer-1', broker: 2 },
    'consumer-1 connected to broker 2',
  ],
  ConsumerOffsetReset: [
    {
      atMs: at,
      type: 'ConsumerOffsetReset',
      client: 'consumer-1',
      topic: 'orders',
      partition: 2,
      fromOffset: 90,
      toOffset: 80,
      reason: 'truncation',
    },
    'consumer-1 orders-2 truncation detected: position moved from 90 back to 80, where the logs diverge',
  ],
  GroupCoordinatorFound: [
    { atMs: at, type: 'GroupCoordinatorFound', client: 'readers', group: 'g', broker: 2 },
    'readers found the coordinator of group g: broker 2',
  ],
  GroupCoordinatorLost: [
    { atMs: at, type: 'GroupCoordinatorLost', client: 'readers', group: 'g', cause: 'null' },
    'readers lost the coordinator of group g (null): rediscovering it',
  ],
  GroupCoordinatorNotAvailable: [
    {
      atMs: at,
      type: 'GroupCoordinatorNotAvailable',
      client: 'readers',
      group: 'g',
      reason: 'no-offsets-topic',
    },
    'readers: group g cannot form, __consumer_offsets could not be created (fewer brokers than offsets.topic.replication.factor)',
  ],
  GroupRebalanced: [
    { atMs: at, type: 'GroupRebalanced', group: 'g', generation: 2, members: 1, broker: 3 },
    'group g generation 2: 1 member (coordinator broker 3)',
  ],
  GroupMemberRemoved: [
    {
      atMs: at,
      type: 'GroupMemberRemoved',
      group: 'g',
      client: 'readers',
      member: 1,
      memberId: 'readers-1-x',
      reason: 'session-timeout',
    },
    'group g removed readers member 1: no heartbeat within session.timeout.ms',
  ],
  GroupAssignmentReceived: [
    {
      atMs: at,
      type: 'GroupAssignmentReceived',
      client: 'readers',
      group: 'g',
      member: 0,
      generation: 2,
      partitions: [0, 1],
    },
    'readers member 0 of group g got partitions 0, 1 (generation 2)',
  ],
  RollingRestartStep: [
    { atMs: at, type: 'RollingRestartStep', broker: 1, step: 'stop' },
    'broker 1 stop',
  ],
  KafkaVersionFinalized: [
    { atMs: at, type: 'KafkaVersionFinalized', fromVersion: '3.9', toVersion: '4.0' },
    'Kafka 4.0 finalised (was 3.9): its metadata-version features apply',
  ],
  AdminElectionResult: [
    {
      atMs: at,
      type: 'AdminElectionResult',
      election: 'PREFERRED',
      topic: 'orders',
      partition: 0,
      result: 'ELECTION_NOT_NEEDED',
    },
    'PREFERRED election for orders-0: ELECTION_NOT_NEEDED',
  ],
  InvariantViolated: [
    { atMs: at, type: 'InvariantViolated', message: 'two leaders in epoch 3' },
    'two leaders in epoch 3',
  ],
}

describe('describeEvent', () => {
  for (const [type, [event, detail]] of Object.entries(samples)) {
    it(`describes ${type}`, () => {
      expect(describeEvent(event)).toBe(`${type}  ${detail}`)
      expect(EVENT_CATEGORY[event.type]).toBeDefined()
    })
  }

  it('prints the time first, as mm:ss.mmm', () => {
    expect(formatEventLine(samples.LeaderElected[0])).toBe(
      '00:01.234  LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)',
    )
  })

  it('flags an unclean election that the election kind does not already name', () => {
    const lastKnownLeader: SimEvent = {
      ...samples.LeaderElected[0],
      election: 'ONLINE',
      unclean: true,
    }
    expect(describeEvent(lastKnownLeader)).toBe(
      'LeaderElected  orders-0 leader 2 epoch 3 (ONLINE, unclean)',
    )
    expect(isAlarming(lastKnownLeader)).toBe(true)
    expect(isAlarming(samples.LeaderElected[0])).toBe(false)
  })
})
