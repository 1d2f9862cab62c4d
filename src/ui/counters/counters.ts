/**
 * The live counters beside the topology: Kafka's own health gauges (the kafka.server and
 * kafka.controller MBeans an MSK dashboard shows, docs/kafka-rules.md §6) and what the clients
 * felt (records acknowledged, failed, acknowledged then lost; producer p99 latency; consumer lag).
 * Pure: each counter reads the snapshot for its value and a metrics sample for its sparkline, and
 * says when its value is a warning or an alarm, in words as well as colour.
 */
import type { MetricsSample, Snapshot } from '../../engine/types'

export type CounterId =
  | 'UnderReplicatedPartitions'
  | 'UnderMinIsrPartitionCount'
  | 'AtMinIsrPartitionCount'
  | 'OfflinePartitionsCount'
  | 'ActiveControllerCount'
  | 'PreferredReplicaImbalanceCount'
  | 'ackedRecords'
  | 'failedRecords'
  | 'lostAckedRecords'
  | 'producerLatencyP99Ms'
  | 'consumerLag'

export type Severity = 'ok' | 'warn' | 'alarm'

export interface CounterDef {
  id: CounterId
  /** The name on the tile: Kafka's metric name, or ours for client-side figures. */
  label: string
  /** What the number is, in one sentence (the tile's hover and focus definition). */
  definition: string
  /** Where it comes from: an MBean, a config key or our own accounting. */
  source: string
  /** The value now; null when there is nothing to show (no latency measured yet). */
  value: (snapshot: Snapshot) => number | null
  /** The sparkline's point for one sample; null leaves a gap. */
  sample: (sample: MetricsSample) => number | null
  severity: (value: number | null) => Severity
  /** Why a non-ok value matters, said after the number (accessible name and hover). */
  meaning: (value: number) => string
  unit?: 'ms'
  /** Shown only while a narration step names it (else the strip keeps its core tiles). */
  onDemand?: true
  /** Other words a narration may use for it. */
  aliases: string[]
}

const positive = (bad: Severity) => (v: number | null) => (v !== null && v > 0 ? bad : 'ok')

function sumProducers(snapshot: Snapshot, pick: 'failed'): number {
  let n = 0
  for (const c of snapshot.clients) if (c.kind === 'producer') n += c[pick]
  return n
}

export const COUNTERS: readonly CounterDef[] = [
  {
    id: 'UnderReplicatedPartitions',
    label: 'UnderReplicatedPartitions',
    definition:
      'Partitions whose ISR is smaller than their replica list: some replica is not caught up.',
    source: 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
    value: (s) => s.metrics.UnderReplicatedPartitions,
    sample: (m) => m.UnderReplicatedPartitions,
    severity: positive('warn'),
    meaning: () => 'one more failure may leave them under min.insync.replicas',
    aliases: ['under-replicated'],
  },
  {
    id: 'UnderMinIsrPartitionCount',
    label: 'UnderMinIsrPartitionCount',
    definition:
      'Partitions with fewer in-sync replicas than min.insync.replicas: acks=all writes to them fail with NOT_ENOUGH_REPLICAS.',
    source: 'kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
    value: (s) => s.metrics.UnderMinIsrPartitionCount,
    sample: (m) => m.UnderMinIsrPartitionCount,
    severity: positive('alarm'),
    meaning: () => 'acks=all producers cannot write to them',
    aliases: ['under min ISR', 'under-min-ISR'],
  },
  {
    id: 'AtMinIsrPartitionCount',
    label: 'AtMinIsrPartitionCount',
    definition:
      'Partitions with exactly min.insync.replicas in-sync replicas: still writable, but one more lost replica stops acks=all writes.',
    source: 'kafka.server:type=ReplicaManager,name=AtMinIsrPartitionCount',
    value: (s) => s.metrics.AtMinIsrPartitionCount,
    sample: (m) => m.AtMinIsrPartitionCount,
    severity: positive('warn'),
    meaning: () => 'writable, with no replica to spare',
    aliases: ['at min ISR'],
  },
  {
    id: 'OfflinePartitionsCount',
    label: 'OfflinePartitionsCount',
    definition: 'Partitions with no leader: nobody can read or write them.',
    source: 'kafka.controller:type=KafkaController,name=OfflinePartitionsCount',
    value: (s) => s.metrics.OfflinePartitionsCount,
    sample: (m) => m.OfflinePartitionsCount,
    severity: positive('alarm'),
    meaning: () => 'no reads or writes',
    aliases: ['offline partitions'],
  },
  {
    id: 'ActiveControllerCount',
    label: 'ActiveControllerCount',
    definition:
      'Active controllers in the cluster: exactly 1 when healthy; 0 means no elections, fencing or metadata changes can happen.',
    source: 'kafka.controller:type=KafkaController,name=ActiveControllerCount (summed over nodes)',
    value: (s) => s.metrics.ActiveControllerCount,
    sample: (m) => m.ActiveControllerCount,
    severity: (v) => (v === 1 ? 'ok' : 'alarm'),
    meaning: (v) => (v === 0 ? 'no controller: no elections or fencing' : 'more than one'),
    aliases: ['active controller'],
  },
  {
    id: 'PreferredReplicaImbalanceCount',
    label: 'PreferredReplicaImbalanceCount',
    definition:
      'Partitions not led by their preferred (first-listed) replica; auto.leader.rebalance.enable moves them back.',
    source: 'kafka.controller:type=KafkaController,name=PreferredReplicaImbalanceCount',
    value: (s) => s.metrics.PreferredReplicaImbalanceCount,
    sample: (m) => m.PreferredReplicaImbalanceCount,
    severity: positive('warn'),
    meaning: () => 'leaders not on their preferred broker',
    onDemand: true,
    aliases: ['preferred replica imbalance'],
  },
  {
    id: 'ackedRecords',
    label: 'Records acknowledged',
    definition:
      'Records the producers sent and the leader acknowledged (after the ISR had them, with acks=all). The sparkline is per sample interval.',
    source: 'producer send callbacks without error',
    value: (s) => s.durability.ackedRecords,
    sample: (m) => m.ackedRecords,
    severity: () => 'ok',
    meaning: () => '',
    aliases: ['acknowledged', 'acked'],
  },
  {
    id: 'failedRecords',
    label: 'Records failed',
    definition:
      'Records whose send failed for good: delivery.timeout.ms ran out or the error was not retriable. Retried records are not counted.',
    source: 'producer send callbacks with an exception',
    value: (s) => sumProducers(s, 'failed'),
    sample: (m) => m.failedRecords,
    severity: positive('warn'),
    meaning: () => 'the application got an error for these',
    aliases: ['failed'],
  },
  {
    id: 'lostAckedRecords',
    label: 'Acknowledged, then lost',
    definition:
      'Records a producer was told were written that are in no replica’s log any more (truncated away, or lost with an unclean election or a replaced volume).',
    source: 'our accounting: acknowledged records missing from every replica',
    value: (s) => s.durability.lostAckedRecords,
    sample: (m) => m.lostAckedRecords,
    severity: positive('alarm'),
    meaning: () => 'data loss the producer was never told about',
    aliases: ['lostAcked', 'lostAckedRecords', 'acknowledged then lost', 'acknowledged-then-lost'],
  },
  {
    id: 'producerLatencyP99Ms',
    label: 'Producer p99 latency',
    definition:
      'The 99th percentile of send → acknowledgement over the records acknowledged in the last sample interval. A stall shows as a spike.',
    source: 'record send time to its acknowledgement, all producers',
    value: () => null,
    sample: (m) => m.producerLatencyP99Ms,
    severity: (v) => (v !== null && v > 1000 ? 'warn' : 'ok'),
    meaning: () => 'writes are waiting',
    unit: 'ms',
    aliases: ['p99', 'producerLatencyP99Ms', 'latency'],
  },
  {
    id: 'consumerLag',
    label: 'Consumer lag',
    definition:
      'Records between each consumer’s position and the high watermark, summed: what consumers have yet to read.',
    source: 'high watermark − consumer position (kafka-consumer-groups --describe LAG)',
    value: (s) => s.metrics.consumerLag,
    sample: (m) => m.consumerLag,
    severity: (v) => (v !== null && v > 1000 ? 'warn' : 'ok'),
    meaning: () => 'consumers are behind',
    aliases: ['lag'],
  },
]

export const COUNTER_BY_ID: ReadonlyMap<CounterId, CounterDef> = new Map(
  COUNTERS.map((c) => [c.id, c]),
)

/** The latest non-null sample value over the last few samples (latency is per interval). */
export function latestSample(
  def: CounterDef,
  series: readonly MetricsSample[],
  lookback = 3,
): number | null {
  for (let i = series.length - 1; i >= Math.max(0, series.length - lookback); i--) {
    const v = def.sample(series[i] as MetricsSample)
    if (v !== null) return v
  }
  return null
}

/** The tile's value: the snapshot's, or for per-interval figures the latest sample's. */
export function counterValue(
  def: CounterDef,
  snapshot: Snapshot,
  series: readonly MetricsSample[],
): number | null {
  const now = def.value(snapshot)
  return now !== null ? now : latestSample(def, series)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const MATCHERS: readonly [CounterId, RegExp][] = COUNTERS.map((c) => [
  c.id,
  new RegExp(
    [c.id, ...c.aliases].map((w) => `(?<![A-Za-z])${escapeRegExp(w)}(?![A-Za-z])`).join('|'),
    'i',
  ),
])

/** The counters a piece of narration names, in the strip's order. */
export function countersNamedIn(text: string): CounterId[] {
  return MATCHERS.filter(([, re]) => re.test(text)).map(([id]) => id)
}

/** The tiles to show: every core counter, plus on-demand ones a narration step names. */
export function visibleCounters(named: readonly CounterId[]): CounterDef[] {
  return COUNTERS.filter((c) => c.onDemand !== true || named.includes(c.id))
}

export function formatCount(value: number | null, unit?: 'ms'): string {
  if (value === null) return '—'
  if (unit === 'ms')
    return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`
  if (value >= 10_000) return `${(value / 1000).toFixed(1)}k`
  return value.toLocaleString('en-US')
}

const SEVERITY_WORDS: Record<Severity, string> = { ok: '', warn: 'warning', alarm: 'alarm' }

/** "UnderMinIsrPartitionCount 2, alarm: acks=all producers cannot write to them". */
export function counterName(def: CounterDef, value: number | null): string {
  const severity = def.severity(value)
  const text = `${def.label} ${formatCount(value, def.unit)}`
  if (severity === 'ok' || value === null) return text
  return `${text}, ${SEVERITY_WORDS[severity]}: ${def.meaning(value)}`
}
