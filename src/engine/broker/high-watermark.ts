/**
 * The leader's high watermark moves (Partition.maybeIncrementLeaderHW), after a follower's fetch,
 * the leader's own append, a committed ISR change, and — as `Partition.makeLeader` does for every
 * partition-epoch change it applies — after a new registration from the controller. A module of
 * its own so that both the fetch path (replication.ts) and the metadata path
 * (replica-manager.ts) can call it without an import cycle.
 */
import { hwFreezeMinIsr, partitionAt, replicaAt, touchPartition, type Ctx } from '../context'
import { FIRST_SLOT, type BrokerId, type PartitionIndex, type ReplicaSlot } from '../ids'
import { nextHighWatermark } from '../protocol/replication-rules'
import type { FetchPairState } from '../state'
import { fetchesFrom, markHwPending, pairIndex, scheduleIdleTimeout } from './fetch-pair'
import { completeDelayedProduces } from './purgatory'

/**
 * Partition.maybeIncrementLeaderHW: the minimum log end offset over the maximal ISR and over
 * caught-up eligible followers; frozen while the ISR is below min ISR (KIP-966, Kafka 3.7+).
 */
export function maybeIncrementLeaderHighWatermark(
  ctx: Ctx,
  p: PartitionIndex,
  lSlot: ReplicaSlot,
): void {
  const part = partitionAt(ctx, p)
  const lrs = replicaAt(part, lSlot)
  const side = lrs.leaderSide
  if (side === null) return
  const hw = nextHighWatermark(
    side.followers,
    part.replicas,
    lSlot,
    lrs.log.logEndOffset,
    side.knownIsrSize,
    hwFreezeMinIsr(ctx, p, lrs.brokerIndex),
    ctx.s.nowMs,
    ctx.spec.cluster.config['replica.lag.time.max.ms'],
    ctx.isEligibleForIsr,
  )
  if (hw > lrs.highWatermark) {
    lrs.highWatermark = hw
    touchPartition(ctx, p)
    completeDelayedProduces(ctx, p, lSlot)
    // Followers learn the new high watermark from their next response: data, or the expiry of
    // their parked fetch.
    const leaderId = part.replicas[lSlot] as BrokerId
    for (let i = FIRST_SLOT; i < part.replicaStates.length; i++) {
      if (i === lSlot) continue
      const rs = replicaAt(part, i)
      if (!fetchesFrom(rs, lrs.brokerIndex, leaderId)) continue
      const pair = ctx.s.pairs[pairIndex(ctx, rs.brokerIndex, lrs.brokerIndex)] as FetchPairState
      markHwPending(pair, p)
      if (pair.phase === 'idle') scheduleIdleTimeout(ctx, pair)
    }
  }
}
