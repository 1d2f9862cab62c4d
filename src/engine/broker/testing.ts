/**
 * Test support for the broker side's unit tests: a small real context built with the engine's
 * own `buildCtx` + `initialise` (3 brokers in 3 zones, topic `orders` with 2 partitions at RF 3,
 * min ISR 2, one acks=all producer), so every leader side and fetch pair is made exactly as in a
 * run, and the tests can call one owner at a time.
 */
import type { Ctx } from '../context'
import { buildCtx, createInitialState } from '../init'
import { initialise } from '../simulation'
import { DEFAULT_CLUSTER_CONFIG, DEFAULT_PRODUCER_CONFIG, type SimulationSpec } from '../spec'
import type { LeaderSideState, PartitionState, ReplicaState } from '../state'

export function spec(): SimulationSpec {
  return {
    name: 'leader side',
    description: '',
    seed: 1,
    durationMs: 60_000,
    cluster: {
      controller: 'kraft',
      zones: ['a', 'b', 'c'],
      brokers: [
        { id: 1, zone: 'a' },
        { id: 2, zone: 'b' },
        { id: 3, zone: 'c' },
      ],
      controllers: [
        { id: 1001, zone: 'a' },
        { id: 1002, zone: 'b' },
        { id: 1003, zone: 'c' },
      ],
      config: { ...DEFAULT_CLUSTER_CONFIG, 'min.insync.replicas': 2 },
    },
    topics: [
      {
        name: 'orders',
        partitions: 2,
        replicationFactor: 3,
        config: {},
        assignment: [
          [1, 2, 3],
          [2, 3, 1],
        ],
      },
    ],
    clients: [
      {
        kind: 'producer',
        id: 'p1',
        topic: 'orders',
        recordsPerSecond: 10,
        config: { ...DEFAULT_PRODUCER_CONFIG, 'bootstrap.servers': [1, 2, 3] },
      },
    ],
    faults: [],
  }
}

/** A started context: every partition's leader applied its registration (`becomeLeader`). */
export function started(): Ctx {
  const s = spec()
  const ctx = buildCtx(s, createInitialState(s), {
    checkInvariants: true,
    throwOnViolation: false,
    sampleIntervalMs: 1000,
    traffic: false,
  })
  initialise(ctx)
  return ctx
}

export function leaderOf(
  ctx: Ctx,
  p: number,
): { part: PartitionState; rs: ReplicaState; side: LeaderSideState } {
  const part = ctx.s.partitions[p] as PartitionState
  const rs = part.replicaStates[part.replicas.indexOf(part.leaderId)] as ReplicaState
  return { part, rs, side: rs.leaderSide as LeaderSideState }
}
