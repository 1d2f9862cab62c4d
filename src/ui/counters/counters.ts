/**
 * The live counters beside the topology: Kafka's own health gauges (the kafka.server and
 * kafka.controller MBeans an MSK dashboard shows, docs/kafka-rules.md §6) and what the clients
 * felt (records acknowledged, failed, acknowledged then lost; producer p99 latency; consumer lag).
 * Pure: each counter reads the snapshot for its value and a metrics sample for its sparkline, and
 * says when its value is a warning or an alarm, in words as well as colour. Kafka's metrics keep
 * their names in every language; the other words (our own figures' names, the definitions, why a
 * value matters) come from the catalogue (`counter.<id>.*`), read when shown.
 */
import type { MetricsSample, Snapshot } from '../../engine/types'
import type { PlainKey } from '../i18n/catalogue'
import { t } from '../i18n/runtime'

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

/** A counter as it is written down here; its words are in the catalogue. */
interface CounterBase {
  id: CounterId
  /** The tile shows Kafka's metric name (the id) rather than a name of ours. */
  kafkaName?: true
  /** The value now; null when there is nothing to show (no latency measured yet). */
  value: (snapshot: Snapshot) => number | null
  /** The sparkline's point for one sample; null leaves a gap. */
  sample: (sample: MetricsSample) => number | null
  severity: (value: number | null) => Severity
  /** The catalogue key of why a non-ok value matters (null: it is never shown). */
  meaning: (value: number) => PlainKey | null
  unit?: 'ms'
  /** Shown only while a narration step names it (else the strip keeps its core tiles). */
  onDemand?: true
  /**
   * Other words a narration may use for it. They match the English narration (the store's),
   * which is the same lesson whichever language it is shown in.
   */
  aliases: string[]
}

export interface CounterDef extends Omit<CounterBase, 'meaning'> {
  /** The name on the tile: Kafka's metric name, or ours for client-side figures. */
  readonly label: string
  /** What the number is, in one sentence (the tile's hover and focus definition). */
  readonly definition: string
  /** Where it comes from: an MBean, a config key or our own accounting. */
  readonly source: string
  /** Why a non-ok value matters, said after the number (accessible name and hover). */
  meaning: (value: number) => string
}

const positive = (bad: Severity) => (v: number | null) => (v !== null && v > 0 ? bad : 'ok')

function sumProducers(snapshot: Snapshot, pick: 'failed'): number {
  let n = 0
  for (const c of snapshot.clients) if (c.kind === 'producer') n += c[pick]
  return n
}

const DEFINITIONS: readonly CounterBase[] = [
  {
    id: 'UnderReplicatedPartitions',
    kafkaName: true,
    value: (s) => s.metrics.UnderReplicatedPartitions,
    sample: (m) => m.UnderReplicatedPartitions,
    severity: positive('warn'),
    meaning: () => 'counter.UnderReplicatedPartitions.meaning',
    aliases: ['under-replicated'],
  },
  {
    id: 'UnderMinIsrPartitionCount',
    kafkaName: true,
    value: (s) => s.metrics.UnderMinIsrPartitionCount,
    sample: (m) => m.UnderMinIsrPartitionCount,
    severity: positive('alarm'),
    meaning: () => 'counter.UnderMinIsrPartitionCount.meaning',
    aliases: ['under min ISR', 'under-min-ISR'],
  },
  {
    id: 'AtMinIsrPartitionCount',
    kafkaName: true,
    value: (s) => s.metrics.AtMinIsrPartitionCount,
    sample: (m) => m.AtMinIsrPartitionCount,
    severity: positive('warn'),
    meaning: () => 'counter.AtMinIsrPartitionCount.meaning',
    aliases: ['at min ISR'],
  },
  {
    id: 'OfflinePartitionsCount',
    kafkaName: true,
    value: (s) => s.metrics.OfflinePartitionsCount,
    sample: (m) => m.OfflinePartitionsCount,
    severity: positive('alarm'),
    meaning: () => 'counter.OfflinePartitionsCount.meaning',
    aliases: ['offline partitions'],
  },
  {
    id: 'ActiveControllerCount',
    kafkaName: true,
    value: (s) => s.metrics.ActiveControllerCount,
    sample: (m) => m.ActiveControllerCount,
    severity: (v) => (v === 1 ? 'ok' : 'alarm'),
    meaning: (v) =>
      v === 0
        ? 'counter.ActiveControllerCount.meaningNone'
        : 'counter.ActiveControllerCount.meaningMany',
    aliases: ['active controller'],
  },
  {
    id: 'PreferredReplicaImbalanceCount',
    kafkaName: true,
    value: (s) => s.metrics.PreferredReplicaImbalanceCount,
    sample: (m) => m.PreferredReplicaImbalanceCount,
    severity: positive('warn'),
    meaning: () => 'counter.PreferredReplicaImbalanceCount.meaning',
    onDemand: true,
    aliases: ['preferred replica imbalance'],
  },
  {
    id: 'ackedRecords',
    value: (s) => s.durability.ackedRecords,
    sample: (m) => m.ackedRecords,
    severity: () => 'ok',
    meaning: () => null,
    aliases: ['acknowledged', 'acked'],
  },
  {
    id: 'failedRecords',
    value: (s) => sumProducers(s, 'failed'),
    sample: (m) => m.failedRecords,
    severity: positive('warn'),
    meaning: () => 'counter.failedRecords.meaning',
    aliases: ['failed'],
  },
  {
    id: 'lostAckedRecords',
    value: (s) => s.durability.lostAckedRecords,
    sample: (m) => m.lostAckedRecords,
    severity: positive('alarm'),
    meaning: () => 'counter.lostAckedRecords.meaning',
    aliases: ['lostAcked', 'lostAckedRecords', 'acknowledged then lost', 'acknowledged-then-lost'],
  },
  {
    id: 'producerLatencyP99Ms',
    value: () => null,
    sample: (m) => m.producerLatencyP99Ms,
    severity: (v) => (v !== null && v > 1000 ? 'warn' : 'ok'),
    meaning: () => 'counter.producerLatencyP99Ms.meaning',
    unit: 'ms',
    aliases: ['p99', 'producerLatencyP99Ms', 'latency'],
  },
  {
    id: 'consumerLag',
    value: (s) => s.metrics.consumerLag,
    sample: (m) => m.consumerLag,
    severity: (v) => (v !== null && v > 1000 ? 'warn' : 'ok'),
    meaning: () => 'counter.consumerLag.meaning',
    aliases: ['lag'],
  },
]

/** A counter whose words are read from the catalogue in the language on screen. */
function withText(base: CounterBase): CounterDef {
  return {
    ...base,
    get label() {
      // Only our own figures have a label key; Kafka's metrics show their name.
      return base.kafkaName === true ? base.id : t(`counter.${base.id}.label` as PlainKey)
    },
    get definition() {
      return t(`counter.${base.id}.definition` as const satisfies PlainKey)
    },
    get source() {
      return t(`counter.${base.id}.source` as const satisfies PlainKey)
    },
    meaning: (value) => {
      const meaning = base.meaning(value)
      return meaning === null ? '' : t(meaning)
    },
  }
}

export const COUNTERS: readonly CounterDef[] = DEFINITIONS.map(withText)

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

/** "UnderMinIsrPartitionCount 2, alarm: acks=all producers cannot write to them". */
export function counterName(def: CounterDef, value: number | null): string {
  const severity = def.severity(value)
  const text = `${def.label} ${formatCount(value, def.unit)}`
  if (severity === 'ok' || value === null) return text
  return t('counters.withSeverity', {
    name: text,
    severity: t(severity === 'warn' ? 'counters.warning' : 'counters.alarm'),
    meaning: def.meaning(value),
  })
}
