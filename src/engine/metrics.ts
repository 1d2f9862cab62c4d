/**
 * Metric samples with Kafka's definitions (kafka-semantics §6), taken every sample interval.
 * Broker gauges come from what each live broker believes it leads (a dead broker reports
 * nothing, shown as 0); controller gauges from the registrations.
 */
import { emit, type Ctx } from './context'
import { serving } from './network'
import { effectiveMinIsr } from './spec'
import type { LeaderSideState, PartitionState } from './state'
import type { MetricsSample } from './types'

/** What the per-partition scan yields; cached on the context until something it reads changes. */
export interface PartitionAggregates {
  leaders: number[]
  hosted: number[]
  underReplicated: number
  underMinIsr: number
  atMinIsr: number
  offline: number
  imbalance: number
  lost: number
}

function scanPartitions(ctx: Ctx): PartitionAggregates {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  const n = s.brokers.length
  const up = s.brokers.map((broker) => serving(broker))
  const leaders = new Array<number>(n).fill(0)
  const hosted = new Array<number>(n).fill(0)
  let underReplicated = 0
  let underMinIsr = 0
  let atMinIsr = 0
  let offline = 0
  let imbalance = 0
  const minIsrByTopic = ctx.spec.topics.map((t) => effectiveMinIsr(t, config))
  // A live broker reports every partition it hosts (ReplicaManager.PartitionCount).
  for (let b = 0; b < n; b++) if (up[b]) hosted[b] = (ctx.hostedBy[b] as number[]).length
  let lost = 0
  // Indexed loops: the scan runs once per sample, too rarely for V8 to optimise away a for-of
  // iterator's result objects.
  const partitions = s.partitions
  for (let i = 0; i < partitions.length; i++) {
    const part = partitions[i] as PartitionState
    if (part.leader === -1) offline += 1
    else lost += part.lostRecords
    if (part.leader !== part.replicas[0]) imbalance += 1
  }
  // Gauges reported by each live broker for the partitions it believes it leads, from the ISR
  // it knows (Partition.scala), read from the leader sides alone.
  for (let b = 0; b < n; b++) {
    if (!up[b]) continue
    const sides = ctx.ledBy[b] as LeaderSideState[]
    leaders[b] = sides.length
    for (let i = 0; i < sides.length; i++) {
      const side = sides[i] as LeaderSideState
      const part = partitions[side.p] as PartitionState
      const minIsr = minIsrByTopic[part.topic] as number
      const isrSize = side.knownIsrSize
      if (isrSize < side.followers.length) underReplicated += 1
      if (isrSize < minIsr) underMinIsr += 1
      else if (isrSize === minIsr) atMinIsr += 1
    }
  }
  return { leaders, hosted, underReplicated, underMinIsr, atMinIsr, offline, imbalance, lost }
}

/**
 * The partition scan, reused while nothing it reads has changed: every write to a partition's
 * leader, a replica's leader role or known ISR, a lost-record count, or a broker's serving state
 * calls `invalidateMetrics` (context.ts). With invariant checks on, a reused result is compared
 * with a fresh scan, so a write that forgets to invalidate fails the property tests.
 */
function partitionAggregates(ctx: Ctx): PartitionAggregates {
  const cached = ctx.metricsCache
  if (cached !== null && !ctx.checkInvariants) return cached
  const fresh = scanPartitions(ctx)
  if (cached !== null && JSON.stringify(cached) !== JSON.stringify(fresh)) {
    emit(ctx, {
      atMs: ctx.s.nowMs,
      type: 'InvariantViolated',
      message:
        'cached partition metrics differ from a fresh scan (a write missed invalidateMetrics)',
    })
    if (ctx.throwOnViolation) throw new Error('stale cached partition metrics')
  }
  ctx.metricsCache = fresh
  return fresh
}

export function currentMetrics(ctx: Ctx): MetricsSample {
  const s = ctx.s
  const { leaders, hosted, underReplicated, underMinIsr, atMinIsr, offline, imbalance, lost } =
    partitionAggregates(ctx)
  const leaderCount: Record<string, number> = {}
  const partitionCount: Record<string, number> = {}
  s.brokers.forEach((broker, b) => {
    leaderCount[String(broker.id)] = leaders[b] as number
    partitionCount[String(broker.id)] = hosted[b] as number
  })
  const seconds = ctx.sampleIntervalMs / 1000
  const last = s.lastSampleCounters
  const c = s.counters
  let consumerLag = 0
  for (const consumer of s.consumers) consumerLag += consumer.lag
  return {
    atMs: s.nowMs,
    UnderReplicatedPartitions: underReplicated,
    UnderMinIsrPartitionCount: underMinIsr,
    AtMinIsrPartitionCount: atMinIsr,
    OfflinePartitionsCount: offline,
    ActiveControllerCount: s.activeController >= 0 && s.quorumHasMajority ? 1 : 0,
    PreferredReplicaImbalanceCount: imbalance,
    LeaderCount: leaderCount,
    PartitionCount: partitionCount,
    IsrShrinksPerSec: (c.isrShrinks - last.isrShrinks) / seconds,
    IsrExpandsPerSec: (c.isrExpands - last.isrExpands) / seconds,
    UncleanLeaderElectionsPerSec: (c.uncleanElections - last.uncleanElections) / seconds,
    producedRecords: c.produced - last.produced,
    ackedRecords: c.acked - last.acked,
    failedRecords: c.failed - last.failed,
    lostAckedRecords: lost,
    consumerLag,
  }
}

export function sampleMetrics(ctx: Ctx): void {
  const sample = currentMetrics(ctx)
  ctx.s.series.push(sample)
  ctx.s.lastSampleCounters = { ...ctx.s.counters }
}
