/**
 * Two cluster-wide counts derived from the partition registrations, so a metrics sample costs
 * O(brokers) instead of a scan of every partition: `ctx.imbalanced` (partitions whose leader is
 * not their preferred, first, replica — PreferredReplicaImbalanceCount, leaderless ones
 * included) and `ctx.lostWithLeader` (acknowledged records missing from their leader's log, over
 * partitions that have a leader). This module is their only writer; metrics.ts compares them
 * with a full scan at every sample when invariant checks are on.
 */
import type { Ctx } from './context'
import type { PartitionState } from './state'

/** Adds (`sign` 1) or removes (-1) a partition's share, from its current leader and loss. */
export function countPartition(ctx: Ctx, part: PartitionState, sign: 1 | -1): void {
  if (part.leaderId !== -1) ctx.lostWithLeader += sign * part.lostRecords
  if (part.leaderId !== part.replicas[0]) ctx.imbalanced += sign
}

/** The partition's lost-record count changed by `delta` (its share, if it has a leader). */
export function countLoss(ctx: Ctx, part: PartitionState, delta: number): void {
  if (part.leaderId !== -1) ctx.lostWithLeader += delta
}

/** Both counts from the registrations alone (a new context: start, or a checkpoint restored). */
export function rebuildClusterGauges(ctx: Ctx): void {
  ctx.imbalanced = 0
  ctx.lostWithLeader = 0
  for (const part of ctx.s.partitions) countPartition(ctx, part, 1)
}
