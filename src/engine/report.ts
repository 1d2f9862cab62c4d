/**
 * The run report (version 1): what `kafka-ha-lab run` prints. Keys are written in a fixed order
 * so that two runs diff cleanly.
 */
import type { Simulation } from './api'
import type {
  CapacityRunSummary,
  ClientLogLine,
  GroupView,
  LatencySummary,
  MetricsSample,
  SimEvent,
} from './types'
import type { FailoverRecord } from './failovers'

export interface ReportMetrics {
  UnderReplicatedPartitions: number
  UnderMinIsrPartitionCount: number
  AtMinIsrPartitionCount: number
  OfflinePartitionsCount: number
  ActiveControllerCount: number
  PreferredReplicaImbalanceCount: number
  LeaderCount: Record<string, number>
  /** p99 of producer send → acknowledgement over the sample interval (null: nothing acknowledged). */
  producerLatencyP99Ms: number | null
  /** With cluster.brokerType: per broker id, utilisation (a ratio) and queue (ms). */
  BrokerUtilisation?: Record<string, number>
  BrokerQueueMs?: Record<string, number>
}

export interface RunReport {
  version: 1
  scenario: string
  seed: number
  durationMs: number
  partitions: {
    topic: string
    partition: number
    replicas: number[]
    leader: number
    leaderEpoch: number
    isr: number[]
    elr: number[]
    highWatermark: number
    logEndOffsets: Record<string, number>
    /** Kafka's own topic (`__consumer_offsets`). */
    internal?: true
  }[]
  metrics: { final: ReportMetrics; series: (ReportMetrics & { atMs: number })[] }
  clients: (
    | {
        id: string
        kind: 'producer'
        sent: number
        acked: number
        failed: number
        errors: Record<string, number>
        lostAcked: number
        unavailableAcked: number
        /** Records held, never acknowledged, when a crashClient killed the producer. */
        lostAtCrash: number
        latencyMs: LatencySummary
      }
    | {
        id: string
        kind: 'consumer'
        consumed: number
        lag: number
        duplicates: number
        skipped: number
        group?: string
        members?: {
          member: number
          clientId: string
          alive: boolean
          partitions: number[]
          consumed: number
        }[]
      }
  )[]
  /** The consumer groups as their coordinators left them (docs/cli.md, "groups"). */
  groups: GroupView[]
  durability: { ackedRecords: number; lostAckedRecords: number; unavailableAckedRecords: number }
  availability: {
    offlinePartitionMs: number
    unwritablePartitionMs: number
    clientUnwritablePartitionMs: number
  }
  /** One record per fault: how the clients felt it (docs/cli.md, "failovers"). */
  failovers: FailoverRecord[]
  events: SimEvent[]
  /** The clients' log lines in order, with `run --client-log` (docs/cli.md). */
  clientLog?: ClientLogLine[]
  /** With cluster.brokerType: per broker, its peak utilisation, time overloaded, peak queue. */
  capacity?: CapacityRunSummary
}

export interface ReportOptions {
  /** Include the clients' log lines (`clientLog`). */
  clientLog?: boolean
}

function pickMetrics(m: MetricsSample): ReportMetrics {
  return {
    UnderReplicatedPartitions: m.UnderReplicatedPartitions,
    UnderMinIsrPartitionCount: m.UnderMinIsrPartitionCount,
    AtMinIsrPartitionCount: m.AtMinIsrPartitionCount,
    OfflinePartitionsCount: m.OfflinePartitionsCount,
    ActiveControllerCount: m.ActiveControllerCount,
    PreferredReplicaImbalanceCount: m.PreferredReplicaImbalanceCount,
    LeaderCount: m.LeaderCount,
    producerLatencyP99Ms: m.producerLatencyP99Ms,
    ...(m.capacity === undefined
      ? {}
      : { BrokerUtilisation: m.capacity.utilisation, BrokerQueueMs: m.capacity.queueMs }),
  }
}

/** Builds the report of a simulation at its current time. */
export function buildReport(
  sim: Simulation,
  durationMs: number,
  options: ReportOptions = {},
): RunReport {
  const snap = sim.snapshot()
  const report: RunReport = {
    version: 1,
    scenario: sim.spec.name,
    seed: sim.spec.seed,
    durationMs,
    partitions: snap.partitions.map((p) => ({
      topic: p.topic,
      partition: p.partition,
      replicas: p.replicas,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      elr: p.elr,
      highWatermark: p.highWatermark,
      logEndOffsets: Object.fromEntries(
        p.replicaStates.map((r) => [String(r.broker), r.logEndOffset]),
      ),
      ...(p.internal === true ? { internal: true as const } : {}),
    })),
    metrics: {
      final: pickMetrics(snap.metrics),
      series: sim.metricsSeries().map((m) => ({ atMs: m.atMs, ...pickMetrics(m) })),
    },
    clients: snap.clients.map((c) =>
      c.kind === 'producer'
        ? {
            id: c.id,
            kind: 'producer' as const,
            sent: c.sent,
            acked: c.acked,
            failed: c.failed,
            errors: Object.fromEntries(
              Object.entries(c.errors).sort(([a], [b]) => a.localeCompare(b)),
            ),
            lostAcked: c.lostAcked,
            unavailableAcked: c.unavailableAcked,
            lostAtCrash: c.lostAtCrash,
            latencyMs: c.latencyMs,
          }
        : {
            id: c.id,
            kind: 'consumer' as const,
            consumed: c.consumed,
            lag: c.lag,
            duplicates: c.duplicates,
            skipped: c.skipped,
            ...(c.group === undefined ? {} : { group: c.group, members: c.members ?? [] }),
          },
    ),
    groups: snap.groups,
    durability: snap.durability,
    availability: snap.availability,
    failovers: sim.failovers(),
    events: sim.events().slice(),
    ...(snap.capacity === undefined ? {} : { capacity: snap.capacity }),
  }
  if (options.clientLog === true) report.clientLog = sim.clientLog().slice()
  return report
}
