/**
 * What a leader decides about one follower from that follower's own numbers (Kafka's remote
 * `Replica` on the leader, core/src/main/scala/kafka/cluster/Replica.scala): its
 * `lastCaughtUpTimeMs` after a fetch and whether it is caught up. Pure functions of plain
 * numbers, so the follower table can apply them without depending on the partition-level rules
 * in replication-rules.ts (docs/kafka-rules.md §4.1).
 */

/**
 * Replica.updateFetchStateOrThrow: a fetch at `fetchOffset` makes the follower caught up *now*
 * when it reaches the leader's log end, or as of its previous fetch when it reaches the leader's
 * log end at that previous fetch; otherwise `lastCaughtUpTimeMs` stays. It never goes back.
 */
export function caughtUpTimeAfterFetch(
  previousCaughtUpMs: number,
  fetchOffset: number,
  leaderLogEndOffset: number,
  lastFetchLeaderLogEndOffset: number,
  lastFetchTimeMs: number,
  nowMs: number,
): number {
  if (fetchOffset >= leaderLogEndOffset) return Math.max(previousCaughtUpMs, nowMs)
  if (fetchOffset >= lastFetchLeaderLogEndOffset)
    return Math.max(previousCaughtUpMs, lastFetchTimeMs)
  return previousCaughtUpMs
}

/**
 * Replica.isCaughtUp: the follower's log end is the leader's, or it was caught up within
 * `replica.lag.time.max.ms`.
 */
export function isCaughtUp(
  followerEnd: number,
  caughtUpMs: number,
  leaderLogEndOffset: number,
  nowMs: number,
  lagMaxMs: number,
): boolean {
  return followerEnd === leaderLogEndOffset || nowMs - caughtUpMs <= lagMaxMs
}
