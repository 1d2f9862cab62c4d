/**
 * Pure data preparation for the metric charts: which series each chart plots, min/max
 * downsampling to the pixel width, and the one-sentence summary that names each chart for screen
 * readers. Kept apart from the SVG so it can be unit-tested in node.
 */
import type { MetricsSample } from '../../engine/types'
import type { PlainKey } from '../i18n/catalogue'
import { t as activeT, englishT, type Translate } from '../i18n/runtime'

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
  /** The title in English, whichever language shows: the glossary finds the chart's term by it. */
  name: string
  /** The title in the language on screen. */
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

/** A chart's title: a Kafka metric's name as it is, or ours from the catalogue. */
type Title = { kafka: string } | { key: PlainKey }

function titled(t: Translate, title: Title): { name: string; title: string } {
  if ('kafka' in title) return { name: title.kafka, title: title.kafka }
  return { name: englishT(title.key), title: t(title.key) }
}

function single(
  t: Translate,
  id: string,
  title: Title,
  yLabel: string,
  value: (s: MetricsSample) => number,
): ChartDefinition {
  const names = titled(t, title)
  return {
    id,
    ...names,
    yLabel,
    series: [{ key: id, label: names.title, color: COLORS[0]!, dash: '', value }],
  }
}

/** Broker ids that appear in any sample's LeaderCount, in numeric order. */
export function leaderCountBrokers(samples: readonly MetricsSample[]): string[] {
  const keys = new Set<string>()
  for (const s of samples) for (const k of Object.keys(s.LeaderCount)) keys.add(k)
  return [...keys].sort((a, b) => Number(a) - Number(b))
}

/** The charts, in display order. LeaderCount gets one line per broker seen in the samples. */
export function chartDefinitions(
  samples: readonly MetricsSample[],
  t: Translate = activeT,
): ChartDefinition[] {
  const brokers = leaderCountBrokers(samples)
  return [
    single(
      t,
      'urp',
      { kafka: 'UnderReplicatedPartitions' },
      t('chart.partitions'),
      (s) => s.UnderReplicatedPartitions,
    ),
    single(
      t,
      'umi',
      { kafka: 'UnderMinIsrPartitionCount' },
      t('chart.partitions'),
      (s) => s.UnderMinIsrPartitionCount,
    ),
    single(
      t,
      'offline',
      { kafka: 'OfflinePartitionsCount' },
      t('chart.partitions'),
      (s) => s.OfflinePartitionsCount,
    ),
    single(
      t,
      'acc',
      { kafka: 'ActiveControllerCount' },
      t('chart.controllers'),
      (s) => s.ActiveControllerCount,
    ),
    {
      id: 'leaders',
      ...titled(t, { key: 'chart.leaders' }),
      yLabel: t('chart.leaderPartitions'),
      series: brokers.map((b, i) => ({
        key: `broker-${b}`,
        label: t('chart.broker', { broker: b }),
        color: COLORS[i % COLORS.length]!,
        dash: DASHES[(i + Math.floor(i / COLORS.length)) % DASHES.length]!,
        value: (s) => s.LeaderCount[b] ?? 0,
      })),
    },
    {
      // Kafka's Yammer meters, shown as operators graph them: the one-minute rate per second.
      id: 'meters',
      ...titled(t, { key: 'chart.meters' }),
      yLabel: t('chart.perSecond'),
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
      ...titled(t, { key: 'chart.produce' }),
      yLabel: t('chart.records'),
      series: [
        {
          key: 'produced',
          label: t('chart.produced'),
          color: COLORS[0]!,
          dash: '',
          value: (s) => s.producedRecords,
        },
        {
          key: 'acked',
          label: t('chart.acked'),
          color: 'var(--ok)',
          dash: '6 3',
          value: (s) => s.ackedRecords,
        },
        {
          key: 'failed',
          label: t('chart.failed'),
          color: 'var(--out-of-sync)',
          dash: '2 2',
          value: (s) => s.failedRecords,
        },
        {
          key: 'lost',
          label: t('chart.lost'),
          color: 'var(--danger)',
          dash: '8 3 2 3',
          value: (s) => s.lostAckedRecords,
        },
      ],
    },
    // What the clients feel: a failover shows as a gap (nothing acknowledged) then a spike of
    // about the stall, when the waiting records are answered.
    single(t, 'latency', { key: 'chart.latency' }, 'ms', (s) => s.producerLatencyP99Ms ?? 0),
    single(t, 'lag', { key: 'chart.lag' }, t('chart.records'), (s) => s.consumerLag),
    ...capacityCharts(samples, t),
  ]
}

/** One line per broker of a per-broker capacity figure (docs/capacity.md). */
function perBroker(
  t: Translate,
  samples: readonly MetricsSample[],
  id: string,
  title: Title,
  yLabel: string,
  value: (c: NonNullable<MetricsSample['capacity']>, broker: string) => number,
): ChartDefinition {
  const brokers = new Set<string>()
  for (const s of samples)
    for (const k of Object.keys(s.capacity?.utilisation ?? {})) brokers.add(k)
  const ids = [...brokers].sort((a, b) => Number(a) - Number(b))
  return {
    id,
    ...titled(t, title),
    yLabel,
    series: ids.map((b, i) => ({
      key: `${id}-${b}`,
      label: t('chart.broker', { broker: b }),
      color: COLORS[i % COLORS.length]!,
      dash: DASHES[(i + Math.floor(i / COLORS.length)) % DASHES.length]!,
      // One decimal: the legend prints the value as it is.
      value: (s) => (s.capacity === undefined ? 0 : Math.round(value(s.capacity, b) * 10) / 10),
    })),
  }
}

/** With a broker type: utilisation, Kafka's byte rates and the queue, per broker. */
function capacityCharts(samples: readonly MetricsSample[], t: Translate): ChartDefinition[] {
  if (!samples.some((s) => s.capacity !== undefined)) return []
  return [
    perBroker(
      t,
      samples,
      'utilisation',
      { key: 'chart.utilisation' },
      t('chart.percentOfLimit'),
      (c, b) => (c.utilisation[b] ?? 0) * 100,
    ),
    perBroker(
      t,
      samples,
      'bytes-in',
      { key: 'chart.bytesIn' },
      'MiB/s',
      (c, b) => (c.bytesInMiBps[b] ?? 0) + (c.replicationInMiBps[b] ?? 0),
    ),
    perBroker(
      t,
      samples,
      'bytes-out',
      { key: 'chart.bytesOut' },
      'MiB/s',
      (c, b) => (c.bytesOutMiBps[b] ?? 0) + (c.replicationOutMiBps[b] ?? 0),
    ),
    perBroker(t, samples, 'queue', { key: 'chart.queue' }, 'ms', (c, b) => c.queueMs[b] ?? 0),
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
  t: Translate = activeT,
): string {
  if (series.length === 0 || series.every((s) => s.now === null))
    return t('chart.noSamples', { title })
  if (series.length === 1) {
    const s = series[0]!
    return t('chart.summary', { title, now: formatValue(s.now ?? 0), max: formatValue(s.max) })
  }
  const parts = series.map((s) =>
    t('chart.seriesSummary', {
      label: s.label,
      now: formatValue(s.now ?? 0),
      max: formatValue(s.max),
    }),
  )
  return t('chart.summaries', { title, parts: parts.join('; ') })
}
