/**
 * The broker side's owners, each on its own: the follower table (layout, accessors, slot
 * checks), the leader side (the one writer of a side and of every count derived from it) and the
 * invariant checker's cross-checks of those counts. A small real context is built with the
 * engine's own `buildCtx` + `initialise` (3 brokers, one topic of 2 partitions at RF 3, min ISR
 * 2), so every leader side is made by `becomeLeader` exactly as in a run; the tests then call the
 * owners directly and read the derived counts, or bypass an owner on purpose and expect the
 * invariant checker to notice.
 */
import { describe, expect, it } from 'vitest'
import type { Ctx } from '../context'
import { asPartitionIndex, asReplicaSlot, type BrokerIndex, type ReplicaSlot } from '../ids'
import { checkInvariants, createInvariantChecker } from '../invariants'
import type { PartitionState, ReplicaState } from '../state'
import {
  createFollowerTable,
  flagKnownIsr,
  flagMaximalIsr,
  followerLogEndOffset,
  inKnownIsr,
  inMaximalIsr,
  lastCaughtUpTimeMs,
  lastFetchLeaderLogEndOffset,
  lastFetchTimeMs,
  LONG_AGO_MS,
  setFetchState,
  slotCount,
} from '../follower-table'
import {
  becomeLeader,
  dropLeaderSide,
  needsIsrCheck,
  noteLeaderAppend,
  recordFollowerFetch,
  setKnownIsr,
  setMaximalIsr,
} from './leader-side'
import { applyMetadataToReplica } from './replica-manager'
import { leaderOf, started } from './testing'

function violations(ctx: Ctx): string[] {
  const before = ctx.s.events.length
  checkInvariants(ctx, createInvariantChecker())
  return ctx.s.events
    .slice(before)
    .flatMap((e) => (e.type === 'InvariantViolated' ? [e.message] : []))
}

const slot = (n: number): ReplicaSlot => asReplicaSlot(n)
const gauges = (ctx: Ctx, b: number) => ({
  underReplicated: ctx.leaderGauges.underReplicated[b],
  underMinIsr: ctx.leaderGauges.underMinIsr[b],
  atMinIsr: ctx.leaderGauges.atMinIsr[b],
})

describe('follower table', () => {
  it('starts a new leader afresh: LEO unknown, ISR members caught up now, others long ago', () => {
    const t = createFollowerTable([1, 2, 3], [1, 3], 5000)
    expect(slotCount(t)).toBe(3)
    expect([0, 1, 2].map((i) => followerLogEndOffset(t, slot(i)))).toEqual([-1, -1, -1])
    expect([0, 1, 2].map((i) => lastCaughtUpTimeMs(t, slot(i)))).toEqual([5000, LONG_AGO_MS, 5000])
    expect([0, 1, 2].map((i) => lastFetchTimeMs(t, slot(i)))).toEqual([
      LONG_AGO_MS,
      LONG_AGO_MS,
      LONG_AGO_MS,
    ])
    expect([0, 1, 2].map((i) => inKnownIsr(t, slot(i)) || inMaximalIsr(t, slot(i)))).toEqual([
      false,
      false,
      false,
    ])
  })

  it('keeps each field of a slot apart from the others and from the other slots', () => {
    const t = createFollowerTable([1, 2, 3], [1, 2, 3], 0)
    setFetchState(t, slot(1), 40, 900, 50, 1000)
    expect(followerLogEndOffset(t, slot(1))).toBe(40)
    expect(lastCaughtUpTimeMs(t, slot(1))).toBe(900)
    expect(lastFetchLeaderLogEndOffset(t, slot(1))).toBe(50)
    expect(lastFetchTimeMs(t, slot(1))).toBe(1000)
    expect(followerLogEndOffset(t, slot(0))).toBe(-1)
    expect(followerLogEndOffset(t, slot(2))).toBe(-1)
    // The two ISR flags are independent bits of one field.
    expect(flagKnownIsr(t, [1, 2, 3], [1, 2], slot(0))).toBe(1)
    flagMaximalIsr(t, [1, 2, 3], [1, 3])
    expect([0, 1, 2].map((i) => inKnownIsr(t, slot(i)))).toEqual([false, true, false])
    expect([0, 1, 2].map((i) => inMaximalIsr(t, slot(i)))).toEqual([true, false, true])
    expect(followerLogEndOffset(t, slot(1))).toBe(40)
  })

  it('asserts the slot on every access', () => {
    const t = createFollowerTable([1, 2, 3], [1, 2, 3], 0)
    expect(() => followerLogEndOffset(t, slot(3))).toThrow(/slot 3 outside 0..2/)
    expect(() => followerLogEndOffset(t, slot(-1))).toThrow(/slot -1/)
    expect(() => setFetchState(t, slot(1.5), 0, 0, 0, 0)).toThrow(/slot 1.5/)
  })
})

describe('leader side: the one writer of a side and its counts', () => {
  it('after start, each broker leads what it is preferred for, with a full ISR', () => {
    const ctx = started()
    expect(ctx.ledBy.map((sides) => sides.map((s) => s.p))).toEqual([[0], [1], []])
    expect(gauges(ctx, 0)).toEqual({ underReplicated: 0, underMinIsr: 0, atMinIsr: 0 })
    expect(violations(ctx)).toEqual([])
  })

  it('a smaller known ISR moves the UnderReplicated and AtMinIsr gauges of its leader', () => {
    const ctx = started()
    const { part, rs } = leaderOf(ctx, 0)
    setKnownIsr(ctx, part, rs, [1, 2])
    expect(gauges(ctx, 0)).toEqual({ underReplicated: 1, underMinIsr: 0, atMinIsr: 1 })
    setKnownIsr(ctx, part, rs, [1])
    expect(gauges(ctx, 0)).toEqual({ underReplicated: 1, underMinIsr: 1, atMinIsr: 0 })
    setKnownIsr(ctx, part, rs, [1, 2, 3])
    expect(gauges(ctx, 0)).toEqual({ underReplicated: 0, underMinIsr: 0, atMinIsr: 0 })
  })

  it('an append makes the ISR check due; a fetch of every ISR follower to the end clears it', () => {
    const ctx = started()
    const { rs, side } = leaderOf(ctx, 0)
    for (const i of [1, 2]) recordFollowerFetch(ctx, side, slot(i), 0, 0)
    expect(needsIsrCheck(side)).toBe(0)
    expect(ctx.isrCheckDue[0]).toBe(0)
    rs.log.logEndOffset = 10 // as appendBatch would
    noteLeaderAppend(ctx, side)
    expect(needsIsrCheck(side)).toBe(1)
    expect(ctx.isrCheckDue[0]).toBe(1)
    recordFollowerFetch(ctx, side, slot(1), 10, 10)
    expect(ctx.isrCheckDue[0]).toBe(1)
    recordFollowerFetch(ctx, side, slot(2), 10, 10)
    expect(ctx.isrCheckDue[0]).toBe(0)
    expect(side.minFollowerCaughtUpMs).toBe(ctx.s.nowMs)
  })

  it('a pending AlterPartition (maximal ISR) keeps the side due for the ISR check', () => {
    const ctx = started()
    const { part, side } = leaderOf(ctx, 0)
    for (const i of [1, 2]) recordFollowerFetch(ctx, side, slot(i), 0, 0)
    setMaximalIsr(ctx, part, side, [1, 2, 3], true)
    expect(ctx.isrCheckDue[0]).toBe(1)
    setMaximalIsr(ctx, part, side, [1, 2], false)
    expect(ctx.isrCheckDue[0]).toBe(0)
    expect(inMaximalIsr(side.followers, slot(2))).toBe(false)
  })

  it('dropping a side unlists it and takes its share out of every count', () => {
    const ctx = started()
    const { part, rs, side } = leaderOf(ctx, 0)
    setKnownIsr(ctx, part, rs, [1])
    dropLeaderSide(ctx, asPartitionIndex(0), rs)
    expect(rs.leaderSide).toBeNull()
    expect(side.listed).toBe(false)
    expect(ctx.ledBy[0]).toEqual([])
    expect(gauges(ctx, 0)).toEqual({ underReplicated: 0, underMinIsr: 0, atMinIsr: 0 })
    expect(ctx.isrCheckDue[0]).toBe(0)
  })
})

describe('Partition.makeLeader on a same-epoch registration', () => {
  it('commits the registered ISR: a pending AlterPartition and its maximal ISR are dropped', () => {
    const ctx = started()
    const { part, side } = leaderOf(ctx, 0)
    // The leader proposed a shrink to [1, 2] that has not reached the controller.
    setMaximalIsr(ctx, part, side, [1, 2, 3], true)
    expect(side.pendingIsrChange).toBe(true)
    // The controller removes broker 2 (fencing): an ISR-only change in the same leader epoch.
    part.isr = [1, 3]
    part.partitionEpoch += 1
    applyMetadataToReplica(ctx, asPartitionIndex(0), asReplicaSlot(0))
    expect(side.pendingIsrChange).toBe(false)
    expect(side.maximalIsr).toEqual([1, 3])
    expect(inMaximalIsr(side.followers, slot(1))).toBe(false)
  })
})

describe('Replica.resetReplicaState in a new leader epoch', () => {
  it("a re-elected leader keeps its followers' log end offsets; a new leader does not", () => {
    const ctx = started()
    const { part, rs, side } = leaderOf(ctx, 0)
    recordFollowerFetch(ctx, side, slot(1), 40, 40)
    recordFollowerFetch(ctx, side, slot(2), 30, 40)
    rs.log.logEndOffset = 40 // as the appends would have left it
    // A new leader epoch with broker 1 leading again and broker 3 out of the ISR.
    part.leaderEpoch += 1
    part.isr = [1, 2]
    const reElected = becomeLeader(ctx, asPartitionIndex(0), part, asReplicaSlot(0))
    expect(followerLogEndOffset(reElected.followers, slot(1))).toBe(40)
    expect(followerLogEndOffset(reElected.followers, slot(2))).toBe(30)
    expect(lastFetchLeaderLogEndOffset(reElected.followers, slot(1))).toBe(40)
    expect(lastFetchTimeMs(reElected.followers, slot(1))).toBe(ctx.s.nowMs)
    expect(lastFetchTimeMs(reElected.followers, slot(2))).toBe(LONG_AGO_MS)
    expect(lastCaughtUpTimeMs(reElected.followers, slot(2))).toBe(LONG_AGO_MS)
    // A broker that was not leading starts from unknown log end offsets.
    dropLeaderSide(ctx, asPartitionIndex(0), rs)
    const fresh = becomeLeader(ctx, asPartitionIndex(0), part, asReplicaSlot(0))
    expect(followerLogEndOffset(fresh.followers, slot(1))).toBe(-1)
  })
})

describe('invariants: a write that bypasses an owner is caught', () => {
  it('a known ISR size written by hand', () => {
    const ctx = started()
    leaderOf(ctx, 0).side.knownIsrSize = 2
    expect(violations(ctx).join('\n')).toMatch(/known ISR size is out of step/)
  })

  it('a gauge count not updated', () => {
    const ctx = started()
    ctx.leaderGauges.atMinIsr[1] = 1
    expect(violations(ctx).join('\n')).toMatch(/broker index 1: leader gauge counts/)
  })

  it('an ISR-check count not updated', () => {
    const ctx = started()
    ctx.isrCheckDue[0] = 5
    expect(violations(ctx).join('\n')).toMatch(/ISR-check count 5/)
  })

  it('a partition missing from the brokers it is hosted on (hostedBy)', () => {
    const ctx = started()
    ;(ctx.hostedBy[2] as number[]).pop()
    expect(violations(ctx).join('\n')).toMatch(/hostedBy/)
  })

  it('a replica pointing at the wrong broker index', () => {
    const ctx = started()
    ;((ctx.s.partitions[1] as PartitionState).replicaStates[0] as ReplicaState).brokerIndex =
      0 as BrokerIndex
    expect(violations(ctx).join('\n')).toMatch(/orders-1: a replica's broker index/)
  })

  it('a maximal-ISR flag out of step with the list', () => {
    const ctx = started()
    const { part, side } = leaderOf(ctx, 0)
    flagMaximalIsr(side.followers, part.replicas, [1, 2])
    expect(violations(ctx).join('\n')).toMatch(/maximal ISR flags are out of step/)
  })

  it('the cluster gauges (preferred-leader imbalance) not updated', () => {
    const ctx = started()
    ctx.imbalanced = 1
    expect(violations(ctx).join('\n')).toMatch(/preferred-leader imbalance 1/)
  })
})
