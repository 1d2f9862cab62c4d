/**
 * Metric samples with Kafka's definitions (docs/kafka-rules.md §6), taken every sample interval.
 * Broker gauges come from what each live broker believes it leads (a dead broker reports
 * nothing, shown as 0); controller gauges from the registrations.
 */
import { capacitySample } from './capacity/saturation'
import { brokerAt, emit, hostedOn, leaderMinIsr, ledOn, type Ctx } from './context'
import { FIRST_BROKER } from './ids'
import { readMeter } from './meter'
import { clearHistogram, quantile } from './latency-histogram'
import { serving } from './network'
import { slotCount } from './follower-table'
import type { LeaderSideState, PartitionState } from './state'
import type { MetricsSample } from './types'

/** What the partition gauges add up to (from derived counts, or a full scan to check them). */
interface PartitionAggregates {
  leaders: number[]
  hosted: number[]
  underReplicated: number
  underMinIsr: number
  atMinIsr: number
  offline: number
  imbalance: number
  lost: number
}

/** The aggregates by a full scan of every partition: the reference the derived counts must match. */
function scanPartitions(ctx: Ctx): PartitionAggregates {
  const s = ctx.s
  const n = s.brokers.length
  const up = s.brokers.map((broker) => serving(broker))
  const leaders = new Array<number>(n).fill(0)
  const hosted = new Array<number>(n).fill(0)
  let underReplicated = 0
  let underMinIsr = 0
  let atMinIsr = 0
  let offline = 0
  let imbalance = 0
  // A live broker reports every partition it hosts (ReplicaManager.PartitionCount).
  for (let b = FIRST_BROKER; b < n; b++) if (up[b]) hosted[b] = hostedOn(ctx, b).length
  let lost = 0
  // Indexed loops: the scan runs only when invariant checks are on, too rarely for V8 to
  // optimise away a for-of iterator's result objects.
  const partitions = s.partitions
  for (let i = 0; i < partitions.length; i++) {
    const part = partitions[i] as PartitionState
    if (part.leaderId === -1) offline += 1
    else lost += part.lostRecords
    if (part.leaderId !== part.replicas[0]) imbalance += 1
  }
  // Gauges reported by each live broker for the partitions it believes it leads, from the ISR
  // it knows (Partition.scala), read from the leader sides alone.
  for (let b = FIRST_BROKER; b < n; b++) {
    if (!up[b]) continue
    const sides = ledOn(ctx, b)
    leaders[b] = sides.length
    for (let i = 0; i < sides.length; i++) {
      const side = sides[i] as LeaderSideState
      const minIsr = leaderMinIsr(ctx, side.p, b)
      const isrSize = side.knownIsrSize
      if (isrSize < slotCount(side.followers)) underReplicated += 1
      if (isrSize < minIsr) underMinIsr += 1
      else if (isrSize === minIsr) atMinIsr += 1
    }
  }
  return { leaders, hosted, underReplicated, underMinIsr, atMinIsr, offline, imbalance, lost }
}

/**
 * The aggregates from the derived counts (broker/leader-side.ts, cluster-gauges.ts), in O(brokers): every write to a leader
 * side, a known ISR, a partition leader or a lost-record count keeps them current. With
 * invariant checks on (all engine tests) they are compared with a full scan on every sample, so
 * a write that forgets its count fails the property tests.
 */
function partitionAggregates(ctx: Ctx): PartitionAggregates {
  const s = ctx.s
  const n = s.brokers.length
  const leaders = new Array<number>(n).fill(0)
  const hosted = new Array<number>(n).fill(0)
  let underReplicated = 0
  let underMinIsr = 0
  let atMinIsr = 0
  const gauges = ctx.leaderGauges
  for (let b = FIRST_BROKER; b < n; b++) {
    // A dead broker reports nothing.
    if (!serving(brokerAt(ctx, b))) continue
    leaders[b] = ledOn(ctx, b).length
    hosted[b] = hostedOn(ctx, b).length
    underReplicated += gauges.underReplicated[b] as number
    underMinIsr += gauges.underMinIsr[b] as number
    atMinIsr += gauges.atMinIsr[b] as number
  }
  const derived: PartitionAggregates = {
    leaders,
    hosted,
    underReplicated,
    underMinIsr,
    atMinIsr,
    offline: s.offlineCount,
    imbalance: ctx.imbalanced,
    lost: ctx.lostWithLeader,
  }
  if (ctx.checkInvariants) {
    const fresh = scanPartitions(ctx)
    if (JSON.stringify(derived) !== JSON.stringify(fresh)) {
      emit(ctx, {
        atMs: s.nowMs,
        type: 'InvariantViolated',
        message: `derived partition metrics ${JSON.stringify(derived)} differ from a full scan ${JSON.stringify(fresh)} (a write missed its count)`,
      })
      if (ctx.throwOnViolation) throw new Error('derived partition metrics differ from a full scan')
    }
  }
  return derived
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
    IsrShrinksPerSec: readMeter(s.meters.isrShrinks, s.nowMs),
    IsrExpandsPerSec: readMeter(s.meters.isrExpands, s.nowMs),
    UncleanLeaderElectionsPerSec: readMeter(s.meters.uncleanElections, s.nowMs),
    producedRecords: c.produced - last.produced,
    ackedRecords: c.acked - last.acked,
    failedRecords: c.failed - last.failed,
    lostAckedRecords: lost,
    consumerLag,
    producerLatencyP99Ms: quantile(s.intervalLatency, 0.99),
    ...capacityField(ctx),
  }
}

function capacityField(ctx: Ctx): { capacity?: MetricsSample['capacity'] } {
  const sample = capacitySample(ctx)
  return sample === undefined ? {} : { capacity: sample }
}

export function sampleMetrics(ctx: Ctx): void {
  const sample = currentMetrics(ctx)
  ctx.s.series.push(sample)
  ctx.s.lastSampleCounters = { ...ctx.s.counters }
  clearHistogram(ctx.s.intervalLatency)
}
