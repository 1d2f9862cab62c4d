/**
 * Pure data preparation for the metric charts: which series each chart plots, min/max
 * downsampling to the pixel width, and the one-sentence summary that names each chart for screen
 * readers. Kept apart from the SVG so it can be unit-tested in node.
 */
import type { MetricsSample } from '../../engine/types'

export interface Point {
  x: number
  y: number
}

export interface SeriesDefinition {
  key: string
  label: string
  /** A CSS colour, always a theme variable. */
  color: string
  /** An SVG stroke-dasharray, so lines differ in pattern as well as colour. */
  dash: string
  value: (s: MetricsSample) => number
}

export interface ChartDefinition {
  id: string
  title: string
  yLabel: string
  series: SeriesDefinition[]
}

const COLORS = [
  'var(--in-sync)',
  'var(--leader)',
  'var(--elr)',
  'var(--ok)',
  'var(--out-of-sync)',
  'var(--danger)',
]
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4']

function single(
  id: string,
  title: string,
  yLabel: string,
  value: (s: MetricsSample) => number,
): ChartDefinition {
  return {
    id,
    title,
    yLabel,
    series: [{ key: id, label: title, color: COLORS[0]!, dash: '', value }],
  }
}

/** Broker ids that appear in any sample's LeaderCount, in numeric order. */
export function leaderCountBrokers(samples: readonly MetricsSample[]): string[] {
  const keys = new Set<string>()
  for (const s of samples) for (const k of Object.keys(s.LeaderCount)) keys.add(k)
  return [...keys].sort((a, b) => Number(a) - Number(b))
}

/** The charts, in display order. LeaderCount gets one line per broker seen in the samples. */
export function chartDefinitions(samples: readonly MetricsSample[]): ChartDefinition[] {
  const brokers = leaderCountBrokers(samples)
  return [
    single('urp', 'UnderReplicatedPartitions', 'partitions', (s) => s.UnderReplicatedPartitions),
    single('umi', 'UnderMinIsrPartitionCount', 'partitions', (s) => s.UnderMinIsrPartitionCount),
    single('offline', 'OfflinePartitionsCount', 'partitions', (s) => s.OfflinePartitionsCount),
    single('acc', 'ActiveControllerCount', 'controllers', (s) => s.ActiveControllerCount),
    {
      id: 'leaders',
      title: 'LeaderCount per broker',
      yLabel: 'leader partitions',
      series: brokers.map((b, i) => ({
        key: `broker-${b}`,
        label: `broker ${b}`,
        color: COLORS[i % COLORS.length]!,
        dash: DASHES[(i + Math.floor(i / COLORS.length)) % DASHES.length]!,
        value: (s) => s.LeaderCount[b] ?? 0,
      })),
    },
    {
      // Kafka's Yammer meters, shown as operators graph them: the one-minute rate per second.
      id: 'meters',
      title: 'ISR changes and unclean elections (OneMinuteRate)',
      yLabel: 'per second',
      series: [
        {
          key: 'isr-shrinks',
          label: 'IsrShrinksPerSec',
          color: 'var(--out-of-sync)',
          dash: '',
          value: (s) => s.IsrShrinksPerSec.OneMinuteRate,
        },
        {
          key: 'isr-expands',
          label: 'IsrExpandsPerSec',
          color: 'var(--in-sync)',
          dash: '6 3',
          value: (s) => s.IsrExpandsPerSec.OneMinuteRate,
        },
        {
          key: 'unclean',
          label: 'UncleanLeaderElectionsPerSec',
          color: 'var(--danger)',
          dash: '2 2',
          value: (s) => s.UncleanLeaderElectionsPerSec.OneMinuteRate,
        },
      ],
    },
    {
      id: 'produce',
      title: 'Producer records',
      yLabel: 'records',
      series: [
        {
          key: 'produced',
          label: 'produced per sample',
          color: COLORS[0]!,
          dash: '',
          value: (s) => s.producedRecords,
        },
        {
          key: 'acked',
          label: 'acknowledged per sample',
          color: 'var(--ok)',
          dash: '6 3',
          value: (s) => s.ackedRecords,
        },
        {
          key: 'failed',
          label: 'failed per sample',
          color: 'var(--out-of-sync)',
          dash: '2 2',
          value: (s) => s.failedRecords,
        },
        {
          key: 'lost',
          label: 'acknowledged then lost (cumulative)',
          color: 'var(--danger)',
          dash: '8 3 2 3',
          value: (s) => s.lostAckedRecords,
        },
      ],
    },
    // What the clients feel: a failover shows as a gap (nothing acknowledged) then a spike of
    // about the stall, when the waiting records are answered.
    single(
      'latency',
      'Produce latency p99 (send to acknowledgement; 0: nothing acknowledged)',
      'ms',
      (s) => s.producerLatencyP99Ms ?? 0,
    ),
    single('lag', 'Consumer lag', 'records', (s) => s.consumerLag),
    ...capacityCharts(samples),
  ]
}

/** One line per broker of a per-broker capacity figure (docs/capacity.md). */
function perBroker(
  samples: readonly MetricsSample[],
  id: string,
  title: string,
  yLabel: string,
  value: (c: NonNullable<MetricsSample['capacity']>, broker: string) => number,
): ChartDefinition {
  const brokers = new Set<string>()
  for (const s of samples)
    for (const k of Object.keys(s.capacity?.utilisation ?? {})) brokers.add(k)
  const ids = [...brokers].sort((a, b) => Number(a) - Number(b))
  return {
    id,
    title,
    yLabel,
    series: ids.map((b, i) => ({
      key: `${id}-${b}`,
      label: `broker ${b}`,
      color: COLORS[i % COLORS.length]!,
      dash: DASHES[(i + Math.floor(i / COLORS.length)) % DASHES.length]!,
      // One decimal: the legend prints the value as it is.
      value: (s) => (s.capacity === undefined ? 0 : Math.round(value(s.capacity, b) * 10) / 10),
    })),
  }
}

/** With a broker type: utilisation, Kafka's byte rates and the queue, per broker. */
function capacityCharts(samples: readonly MetricsSample[]): ChartDefinition[] {
  if (!samples.some((s) => s.capacity !== undefined)) return []
  return [
    perBroker(
      samples,
      'utilisation',
      'Utilisation per broker (100%: its limit; AWS keeps CPU under 60%)',
      '% of limit',
      (c, b) => (c.utilisation[b] ?? 0) * 100,
    ),
    perBroker(
      samples,
      'bytes-in',
      'BytesInPerSec + ReplicationBytesInPerSec per broker',
      'MiB/s',
      (c, b) => (c.bytesInMiBps[b] ?? 0) + (c.replicationInMiBps[b] ?? 0),
    ),
    perBroker(
      samples,
      'bytes-out',
      'BytesOutPerSec + ReplicationBytesOutPerSec per broker',
      'MiB/s',
      (c, b) => (c.bytesOutMiBps[b] ?? 0) + (c.replicationOutMiBps[b] ?? 0),
    ),
    perBroker(samples, 'queue', 'Request queue per broker', 'ms', (c, b) => c.queueMs[b] ?? 0),
  ]
}

/**
 * Keeps, for each of `buckets` equal slices of [x0, x1], the first, lowest, highest and last
 * point, in their original order: at most 4 points per pixel column, and no spike is lost (the
 * "M4" reduction). Reads items[0..end) through accessors so no full-size copy is made.
 */
export function downsampleMinMax<T>(
  items: readonly T[],
  end: number,
  x: (t: T) => number,
  y: (t: T) => number,
  x0: number,
  x1: number,
  buckets: number,
): Point[] {
  const out: Point[] = []
  const span = x1 - x0
  const n = Math.max(1, Math.floor(buckets))
  let bucket = -1
  let first = -1
  let low = -1
  let high = -1
  let last = -1
  const flush = () => {
    if (first < 0) return
    const picked = [...new Set([first, low, high, last])].sort((a, b) => a - b)
    for (const i of picked) out.push({ x: x(items[i]!), y: y(items[i]!) })
  }
  for (let i = 0; i < end; i++) {
    const item = items[i]!
    const raw = span > 0 ? Math.floor(((x(item) - x0) / span) * n) : 0
    const b = Math.min(n - 1, Math.max(0, raw))
    if (b !== bucket) {
      flush()
      bucket = b
      first = low = high = last = i
      continue
    }
    const v = y(item)
    if (v < y(items[low]!)) low = i
    if (v > y(items[high]!)) high = i
    last = i
  }
  flush()
  return out
}

function formatValue(v: number): string {
  return String(Math.round(v * 100) / 100)
}

/** "UnderReplicatedPartitions, now 2, max 6"; one clause per series for multi-line charts. */
export function chartSummary(
  title: string,
  series: readonly { label: string; now: number | null; max: number }[],
): string {
  if (series.length === 0 || series.every((s) => s.now === null)) return `${title}, no samples yet`
  if (series.length === 1) {
    const s = series[0]!
    return `${title}, now ${formatValue(s.now ?? 0)}, max ${formatValue(s.max)}`
  }
  const parts = series.map(
    (s) => `${s.label} now ${formatValue(s.now ?? 0)}, max ${formatValue(s.max)}`,
  )
  return `${title}: ${parts.join('; ')}`
}
