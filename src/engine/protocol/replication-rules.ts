/**
 * The leader's partition-level data-plane rules as pure functions over its follower table: which
 * followers an ISR check removes, whether a follower may join the ISR, and the next high
 * watermark. State and injected predicates in, a result out, nothing written — like Kafka's
 * PartitionChangeBuilder. The broker side (`broker/replication.ts`) calls them and applies the
 * result. The per-follower rules of Replica.scala (`updateFetchStateOrThrow`, `isCaughtUp`) are
 * in replica-rules.ts.
 *
 * Sources: core/src/main/scala/kafka/cluster/Partition.scala (`maybeShrinkIsr` /
 * `getOutOfSyncReplicas`, `maybeExpandIsr` / `isFollowerInSync`, `maybeIncrementLeaderHW`);
 * KIP-966 for the high watermark under min ISR.
 * docs/kafka-rules.md §4.1–§4.3 states each rule.
 */
import type { ReplicaSlot } from '../ids'
import { isCaughtUp } from './replica-rules'
import {
  followerLogEndOffset,
  inMaximalIsr,
  lastCaughtUpTimeMs,
  slotCount,
  type FollowerTable,
} from '../follower-table'

/** `isCaughtUp` for the follower in `slot` of a leader's table. */
export function isSlotCaughtUp(
  table: FollowerTable,
  slot: ReplicaSlot,
  leaderLogEndOffset: number,
  nowMs: number,
  lagMaxMs: number,
): boolean {
  return isCaughtUp(
    followerLogEndOffset(table, slot),
    lastCaughtUpTimeMs(table, slot),
    leaderLogEndOffset,
    nowMs,
    lagMaxMs,
  )
}

/**
 * Partition.isFollowerOutOfSync for ISR member `id`: not caught up, or (an id with no replica
 * here) out of sync by definition. The leader itself is never out of sync.
 */
function isOutOfSync(
  table: FollowerTable,
  replicas: readonly number[],
  id: number,
  leaderSlot: ReplicaSlot,
  leaderLogEndOffset: number,
  nowMs: number,
  lagMaxMs: number,
): boolean {
  const slot = replicas.indexOf(id) as ReplicaSlot
  if (slot === leaderSlot) return false
  if (slot < 0) return true
  return !isSlotCaughtUp(table, slot, leaderLogEndOffset, nowMs, lagMaxMs)
}

/**
 * Partition.getOutOfSyncReplicas, the test: some follower of the ISR the leader knows is out of
 * sync. Allocates nothing, so the periodic ISR check can ask it of every partition first.
 */
export function hasOutOfSyncFollower(
  table: FollowerTable,
  replicas: readonly number[],
  isr: readonly number[],
  leaderSlot: ReplicaSlot,
  leaderLogEndOffset: number,
  nowMs: number,
  lagMaxMs: number,
): boolean {
  for (const id of isr)
    if (isOutOfSync(table, replicas, id, leaderSlot, leaderLogEndOffset, nowMs, lagMaxMs))
      return true
  return false
}

/** Partition.maybeShrinkIsr: the ISR without its out-of-sync followers (the leader stays). */
export function isrAfterShrink(
  table: FollowerTable,
  replicas: readonly number[],
  isr: readonly number[],
  leaderSlot: ReplicaSlot,
  leaderLogEndOffset: number,
  nowMs: number,
  lagMaxMs: number,
): number[] {
  return isr.filter(
    (id) => !isOutOfSync(table, replicas, id, leaderSlot, leaderLogEndOffset, nowMs, lagMaxMs),
  )
}

/**
 * Partition.maybeExpandIsr / isFollowerInSync: a follower outside the maximal ISR joins once its
 * log end offset has reached both the high watermark and the start offset of the leader's
 * current epoch, no other ISR change is pending, and the controller would accept it
 * (`isEligible`: KRaft, an active broker; ZooKeeper, a live one).
 */
export function mayJoinIsr(
  table: FollowerTable,
  slot: ReplicaSlot,
  followerId: number,
  pendingIsrChange: boolean,
  highWatermark: number,
  epochStartOffset: number,
  isEligible: (id: number) => boolean,
): boolean {
  if (inMaximalIsr(table, slot) || pendingIsrChange) return false
  const end = followerLogEndOffset(table, slot)
  if (end < highWatermark || end < epochStartOffset) return false
  return isEligible(followerId)
}

/**
 * Partition.maybeIncrementLeaderHW: the smallest log end offset over the leader and the followers
 * that are in the maximal ISR or caught up and eligible (`isEligible`) — or -1 while the ISR the
 * leader knows (`isrSize`) is below `minIsr`, when the high watermark is frozen (KIP-966, Kafka
 * 3.7+). The caller moves the high watermark only forward.
 */
export function nextHighWatermark(
  table: FollowerTable,
  replicas: readonly number[],
  leaderSlot: ReplicaSlot,
  leaderLogEndOffset: number,
  isrSize: number,
  minIsr: number,
  nowMs: number,
  lagMaxMs: number,
  isEligible: (id: number) => boolean,
): number {
  if (isrSize < minIsr) return -1
  let hw = leaderLogEndOffset
  const n = slotCount(table)
  for (let i = 0; i < n; i++) {
    const slot = i as ReplicaSlot
    if (slot === leaderSlot) continue
    const end = followerLogEndOffset(table, slot)
    if (end >= hw) continue
    if (
      inMaximalIsr(table, slot) ||
      (isCaughtUp(end, lastCaughtUpTimeMs(table, slot), leaderLogEndOffset, nowMs, lagMaxMs) &&
        isEligible(replicas[i] as number))
    ) {
      hw = end
    }
  }
  return hw
}
