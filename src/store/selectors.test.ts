/**
 * Selectors as pure functions: the logarithmic speed stops, fault windows paired from the
 * recording, and partition details read from a snapshot.
 */
import { describe, expect, it } from 'vitest'
import type { PartitionView, Snapshot } from '../engine/types'
import {
  SPEED_STOPS,
  faultWindows,
  findPartition,
  replicaDetails,
  speedToStop,
  stopToSpeed,
  timelineExtent,
  topicNames,
} from './selectors'

describe('speed stops', () => {
  it('run from 0.25× to 100× with 1× among them', () => {
    expect(SPEED_STOPS[0]).toBe(0.25)
    expect(SPEED_STOPS[SPEED_STOPS.length - 1]).toBe(100)
    expect(stopToSpeed(speedToStop(1))).toBe(1)
  })

  it('are spaced evenly on a log scale (each a ×2 or ×2.5 step)', () => {
    for (let i = 1; i < SPEED_STOPS.length; i += 1) {
      const ratio = (SPEED_STOPS[i] ?? 0) / (SPEED_STOPS[i - 1] ?? 1)
      expect(ratio).toBeGreaterThanOrEqual(2)
      expect(ratio).toBeLessThanOrEqual(2.5)
    }
  })

  it('snap an arbitrary speed to the nearest stop and clamp indexes', () => {
    expect(stopToSpeed(speedToStop(3))).toBe(2)
    expect(stopToSpeed(speedToStop(40))).toBe(50)
    expect(stopToSpeed(-3)).toBe(0.25)
    expect(stopToSpeed(99)).toBe(100)
  })
})

describe('timelineExtent', () => {
  it.each([
    [0, 0, 60_000],
    [50_000, 10_000, 60_000],
    [60_000, 60_000, 90_000],
    [100_000, 20_000, 120_000],
    [100_000, 130_000, 180_000],
  ])('horizon %d, now %d spans %d', (horizon, now, extent) => {
    expect(timelineExtent(horizon, now)).toBe(extent)
  })
})

describe('faultWindows', () => {
  it('pairs a crash with the start of the same broker', () => {
    expect(
      faultWindows([
        { type: 'crashBroker', broker: 2, atMs: 1000 },
        { type: 'crashBroker', broker: 3, atMs: 1500 },
        { type: 'startBroker', broker: 2, atMs: 4000 },
      ]),
    ).toEqual([
      { startMs: 1000, endMs: 4000, kind: 'broker', label: 'Broker 2 down' },
      { startMs: 1500, endMs: null, kind: 'broker', label: 'Broker 3 down' },
    ])
  })

  it('pairs zones, isolation, slowness and controllers, and shows admin actions as instants', () => {
    const windows = faultWindows([
      { type: 'stopZone', zone: 'a', atMs: 1 },
      { type: 'isolateBroker', broker: 1, atMs: 2 },
      { type: 'slowBroker', broker: 4, fetchDelayMs: 500, atMs: 3 },
      { type: 'crashController', controller: 1001, atMs: 4 },
      { type: 'rollingRestart', atMs: 5 },
      { type: 'startZone', zone: 'a', atMs: 10 },
      { type: 'healBroker', broker: 1, atMs: 11 },
      { type: 'unslowBroker', broker: 4, atMs: 12 },
      { type: 'startController', controller: 1001, atMs: 13 },
      { type: 'electLeaders', election: 'PREFERRED', atMs: 14 },
    ])
    expect(windows.map((w) => [w.label, w.startMs, w.endMs])).toEqual([
      ['Zone a stopped', 1, 10],
      ['Broker 1 isolated', 2, 11],
      ['Broker 4 slow', 3, 12],
      ['Controller 1001 down', 4, 13],
      ['Rolling restart', 5, 5],
      ['Preferred election', 14, 14],
    ])
  })

  it('ignores a start without a crash and a second crash of a broker already down', () => {
    expect(
      faultWindows([
        { type: 'startBroker', broker: 1, atMs: 1 },
        { type: 'crashBroker', broker: 1, atMs: 2 },
        { type: 'shutdownBroker', broker: 1, atMs: 3 },
      ]),
    ).toEqual([{ startMs: 2, endMs: null, kind: 'broker', label: 'Broker 1 down' }])
  })
})

const partition: PartitionView = {
  topic: 'orders',
  partition: 1,
  replicas: [2, 3, 1],
  leader: 3,
  leaderEpoch: 4,
  partitionEpoch: 9,
  isr: [3, 1],
  elr: [2],
  lastKnownElr: [],
  leaderRecoveryState: 'RECOVERED',
  highWatermark: 90,
  minIsr: 2,
  uncleanLeaderElectionEnable: false,
  replicaStates: [
    { broker: 1, logEndOffset: 95, highWatermark: 90, online: true, lag: 5 },
    { broker: 2, logEndOffset: 50, highWatermark: 50, online: false, lag: 50 },
    { broker: 3, logEndOffset: 100, highWatermark: 90, online: true, lag: 0 },
  ],
}

const snapshot = {
  brokers: [1, 2, 3].map((id) => ({ id, zone: `z${id}` })),
  partitions: [partition, { ...partition, topic: 'audit', partition: 0 }],
} as unknown as Snapshot

describe('partition lookups', () => {
  it('finds a partition by its topic-partition key', () => {
    expect(findPartition(snapshot, 'orders-1')).toBe(partition)
    expect(findPartition(snapshot, 'orders-7')).toBeUndefined()
    expect(findPartition(snapshot, null)).toBeUndefined()
  })

  it('lists replica details in assignment order', () => {
    expect(replicaDetails(snapshot, partition)).toEqual([
      {
        broker: 2,
        zone: 'z2',
        role: 'follower',
        inIsr: false,
        inElr: true,
        logEndOffset: 50,
        lag: 50,
        online: false,
      },
      {
        broker: 3,
        zone: 'z3',
        role: 'leader',
        inIsr: true,
        inElr: false,
        logEndOffset: 100,
        lag: 0,
        online: true,
      },
      {
        broker: 1,
        zone: 'z1',
        role: 'follower',
        inIsr: true,
        inElr: false,
        logEndOffset: 95,
        lag: 5,
        online: true,
      },
    ])
  })

  it('lists topic names once each, in order', () => {
    expect(topicNames(snapshot)).toEqual(['orders', 'audit'])
  })
})
