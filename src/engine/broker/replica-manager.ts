/**
 * What each broker's ReplicaManager does with the metadata it receives: become leader or
 * follower (Partition.makeLeader / makeFollower), and point its fetchers at the right leader.
 *
 * Fetchers are batched per (follower broker, leader broker) pair (`fetch-pair.ts`), as Kafka's
 * ReplicaFetcherManager does; see `replication.ts` for the fetch rounds themselves. A leader's
 * own state and its counts are written only by `leader-side.ts`.
 */
import {
  brokerAt,
  brokerIdx,
  hostedOn,
  partitionAt,
  replicaAt,
  touchPartition,
  type Ctx,
} from '../context'
import {
  FIRST_BROKER,
  FIRST_SLOT,
  NO_BROKER,
  type BrokerId,
  type BrokerIndex,
  type PartitionIndex,
  type ReplicaSlot,
} from '../ids'
import { assignEpochStartOffset } from '../log'
import { insertSorted, sortedIndexOf } from '../sorted-list'
import type { FetchPairState, PartitionState } from '../state'
import type { KafkaError } from '../types'
import {
  addToPair,
  fetchesFrom,
  kickPair,
  markDirty,
  pairIndex,
  removeFromPair,
  resetPair,
  restartIfParked,
} from './fetch-pair'
import { becomeLeader, dropLeaderSide, setKnownIsr, setMaximalIsr } from './leader-side'
import { maybeIncrementLeaderHighWatermark } from './high-watermark'
import { failDelayedProduces } from './purgatory'

/**
 * The replica slot of broker index `b` in the partition, or -1. Searches the replica ids, one
 * small array, rather than the replica objects (all of them cold on a partition's first touch).
 */
export function slotOf(ctx: Ctx, part: PartitionState, b: BrokerIndex): ReplicaSlot {
  return part.replicas.indexOf(brokerAt(ctx, b).id) as ReplicaSlot
}

/**
 * Applies the controller's current registration of partition `p` to the replica in `slot`, as
 * the hosting broker does on a LeaderAndIsr request (ZooKeeper) or a metadata delta (KRaft).
 */
export function applyMetadataToReplica(ctx: Ctx, p: PartitionIndex, slot: ReplicaSlot): void {
  touchPartition(ctx, p)
  const part = partitionAt(ctx, p)
  const rs = replicaAt(part, slot)
  const b = rs.brokerIndex
  const id = part.replicas[slot] as number
  const sameEpoch = rs.knownLeaderEpoch === part.leaderEpoch && rs.knownLeaderId === part.leaderId
  const wasLeader = rs.knownLeaderId === id
  const oldLeader = rs.knownLeaderId
  rs.appliedVersion = ctx.s.metadataVersion
  setKnownIsr(ctx, part, rs, part.isr)
  if (sameEpoch) {
    const side = rs.leaderSide
    if (side !== null) {
      // Partition.makeLeader → updateAssignmentAndIsr: the leader's state becomes
      // CommittedPartitionState(isr). A pending AlterPartition is dropped (its late answer would be
      // ignored), so its maximal ISR can never be re-sent as if it were still wanted.
      setMaximalIsr(ctx, part, side, part.isr.slice(), false)
      // Followers the controller removed keep fetching and must be able to rejoin.
      nudgeFollowers(ctx, p, part, slot, true)
      // Partition.makeLeader runs for every partition-epoch change, ISR-only ones included, and
      // ends with maybeIncrementLeaderHW: a dead follower the controller removed no longer holds
      // the high watermark back, so the parked acks=all produces complete now (at fencing).
      maybeIncrementLeaderHighWatermark(ctx, p, slot)
    }
    return
  }
  rs.knownLeaderId = part.leaderId
  rs.knownLeaderEpoch = part.leaderEpoch
  if (oldLeader >= 0 && oldLeader !== id) {
    removeFromPair(ctx, b, brokerIdx(ctx, oldLeader), p)
  }
  if (wasLeader && part.leaderId !== id) {
    if (rs.leaderSide !== null) failDelayedProduces(ctx, rs.leaderSide, 'NOT_LEADER_OR_FOLLOWER')
    dropLeaderSide(ctx, p, rs)
    // GroupCoordinator.onResignation: the groups of an offsets partition it no longer leads.
    if (ctx.s.groups.length > 0) ctx.unloadGroups(p, b)
  }
  if (part.leaderId === id) {
    makeLeader(ctx, p, part, slot)
  } else if (part.leaderId >= 0) {
    addToPair(ctx, b, brokerIdx(ctx, part.leaderId), p)
  }
}

/**
 * Partition.makeLeader: record the new epoch's start offset in the leader-epoch cache, and reset
 * what the leader knows of its followers: last caught-up time "now" for ISR members, else 0, and
 * an unknown log end offset (-1) until they fetch.
 */
function makeLeader(ctx: Ctx, p: PartitionIndex, part: PartitionState, slot: ReplicaSlot): void {
  const rs = replicaAt(part, slot)
  assignEpochStartOffset(rs.log, part.leaderEpoch)
  becomeLeader(ctx, p, part, slot)
  // Followers that already fetch for this epoch are answered now that this broker leads.
  nudgeFollowers(ctx, p, part, slot, false)
  // Partition.makeLeader ends with maybeIncrementLeaderHW ("since ISR could be down to 1"): a
  // new leader alone in its ISR moves its high watermark to its log end at once.
  maybeIncrementLeaderHighWatermark(ctx, p, slot)
}

/**
 * Marks `p` dirty in the fetch pairs of its followers (only those outside the ISR when
 * `outsideIsrOnly`) and wakes parked ones.
 */
function nudgeFollowers(
  ctx: Ctx,
  p: PartitionIndex,
  part: PartitionState,
  leaderSlot: ReplicaSlot,
  outsideIsrOnly: boolean,
): void {
  const leaderB = replicaAt(part, leaderSlot).brokerIndex
  const leaderId = part.replicas[leaderSlot] as BrokerId
  for (let i = FIRST_SLOT; i < part.replicaStates.length; i++) {
    if (i === leaderSlot) continue
    if (outsideIsrOnly && part.isr.includes(part.replicas[i] as number)) continue
    const rs = replicaAt(part, i)
    if (!fetchesFrom(rs, leaderB, leaderId)) continue
    const pair = ctx.s.pairs[pairIndex(ctx, rs.brokerIndex, leaderB)] as FetchPairState
    markDirty(pair, p)
    restartIfParked(ctx, pair)
  }
}

/**
 * A broker that (re)connects to the controller applies every registration it missed: the
 * partitions it hosts that changed after the version it last applied (a KRaft metadata delta),
 * or all of them after a restart.
 */
export function catchUpMetadata(ctx: Ctx, b: BrokerIndex): void {
  const s = ctx.s
  const broker = brokerAt(ctx, b)
  const from = broker.metadataVersion
  broker.metadataVersion = s.metadataVersion
  const hosted = hostedOn(ctx, b)
  let todo = hosted
  if (from >= 0 && s.metadataVersion - from < hosted.length) {
    const changed: PartitionIndex[] = []
    for (let v = from + 1; v <= s.metadataVersion; v++) {
      const p = s.metadataChanges[v - 1] as PartitionIndex
      if (sortedIndexOf(hosted, p) >= 0) insertSorted(changed, p)
    }
    todo = changed
  }
  for (const p of todo) {
    const part = partitionAt(ctx, p)
    const slot = slotOf(ctx, part, b)
    // Applied already (the broker was connected when the change was made).
    if (replicaAt(part, slot).appliedVersion >= part.changedAtVersion) continue
    applyMetadataToReplica(ctx, p, slot)
  }
}

/** A stopped broker forgets its roles (its logs stay on disk). */
export function forgetRoles(ctx: Ctx, b: BrokerIndex, error: KafkaError | null): void {
  for (const p of hostedOn(ctx, b)) {
    const part = partitionAt(ctx, p)
    const slot = slotOf(ctx, part, b)
    const rs = replicaAt(part, slot)
    const id = part.replicas[slot] as number
    if (rs.leaderSide !== null) failDelayedProduces(ctx, rs.leaderSide, error)
    dropLeaderSide(ctx, p, rs)
    if (rs.knownLeaderId >= 0 && rs.knownLeaderId !== id) {
      removeFromPair(ctx, b, brokerIdx(ctx, rs.knownLeaderId), p)
    }
    rs.knownLeaderId = NO_BROKER
    rs.knownLeaderEpoch = -1
    rs.appliedVersion = -1
    touchPartition(ctx, p)
  }
  for (let l = FIRST_BROKER; l < ctx.s.brokers.length; l++) {
    const pair = ctx.s.pairs[pairIndex(ctx, b, l)]
    if (pair) resetPair(pair)
  }
}

/** After a network change, restart fetch rounds for pairs that were cut off. */
export function kickDownPairs(ctx: Ctx): void {
  for (const pair of ctx.s.pairs) {
    if (pair && pair.phase === 'down' && pair.partitions.length > 0) kickPair(ctx, pair, 1)
  }
}
