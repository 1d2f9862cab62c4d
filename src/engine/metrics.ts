/**
 * Metric samples with Kafka's definitions (kafka-semantics §6), taken every sample interval.
 * Broker gauges come from what each live broker believes it leads (a dead broker reports
 * nothing, shown as 0); controller gauges from the registrations.
 */
import type { Ctx } from './context'
import { lostRecordsTotal } from './accounting'
import { serving } from './network'
import { effectiveMinIsr } from './spec'
import type { BrokerState } from './state'
import type { TopicSpec } from './spec'
import type { MetricsSample } from './types'

export function currentMetrics(ctx: Ctx): MetricsSample {
  const s = ctx.s
  const config = ctx.spec.cluster.config
  const leaderCount: Record<string, number> = {}
  const partitionCount: Record<string, number> = {}
  for (const broker of s.brokers) {
    leaderCount[String(broker.id)] = 0
    partitionCount[String(broker.id)] = 0
  }
  let underReplicated = 0
  let underMinIsr = 0
  let atMinIsr = 0
  let offline = 0
  let imbalance = 0
  for (const part of s.partitions) {
    const topic = ctx.spec.topics[part.topic] as TopicSpec
    const minIsr = effectiveMinIsr(topic, config)
    if (part.leader === -1) offline += 1
    if (part.leader !== part.replicas[0]) imbalance += 1
    for (const rs of part.replicaStates) {
      const broker = s.brokers[rs.broker] as BrokerState
      if (!serving(broker)) continue
      const key = String(broker.id)
      partitionCount[key] = (partitionCount[key] ?? 0) + 1
      if (rs.leaderSide !== null && rs.knownLeader === broker.id) {
        leaderCount[key] = (leaderCount[key] ?? 0) + 1
        // Gauges reported by the leader from the ISR it knows (Partition.scala).
        if (rs.knownIsr.length < part.replicas.length) underReplicated += 1
        if (rs.knownIsr.length < minIsr) underMinIsr += 1
        else if (rs.knownIsr.length === minIsr) atMinIsr += 1
      }
    }
  }
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
    lostAckedRecords: lostRecordsTotal(ctx),
    consumerLag,
  }
}

export function sampleMetrics(ctx: Ctx): void {
  const sample = currentMetrics(ctx)
  ctx.s.series.push(sample)
  ctx.s.lastSampleCounters = { ...ctx.s.counters }
}
