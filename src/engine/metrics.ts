/**
 * Metric samples with Kafka's definitions (kafka-semantics §6), taken every sample interval.
 * Broker gauges come from what each live broker believes it leads (a dead broker reports
 * nothing, shown as 0); controller gauges from the registrations.
 */
import type { Ctx } from './context'
import { serving } from './network'
import { effectiveMinIsr } from './spec'
import type { MetricsSample } from './types'

export function currentMetrics(ctx: Ctx): MetricsSample {
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
  for (const part of s.partitions) {
    const minIsr = minIsrByTopic[part.topic] as number
    if (part.leader === -1) offline += 1
    else lost += part.lostRecords
    if (part.leader !== part.replicas[0]) imbalance += 1
    const states = part.replicaStates
    for (let i = 0; i < states.length; i++) {
      const rs = states[i] as (typeof states)[number]
      if (rs.leaderSide === null || !up[rs.broker]) continue
      leaders[rs.broker] = (leaders[rs.broker] as number) + 1
      // Gauges reported by the leader from the ISR it knows (Partition.scala).
      const isrSize = rs.knownIsr.length
      if (isrSize < part.replicas.length) underReplicated += 1
      if (isrSize < minIsr) underMinIsr += 1
      else if (isrSize === minIsr) atMinIsr += 1
    }
  }
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
