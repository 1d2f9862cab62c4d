/**
 * Metric samples as CSV (RFC 4180 quoting, LF line ends): a header row, then one row per sample.
 * Kafka's gauge names are the column names; a meter becomes two columns named by its MBean
 * attributes, `IsrShrinksPerSec.Count` and `IsrShrinksPerSec.OneMinuteRate`; LeaderCount becomes
 * one column per broker, `LeaderCount.broker<id>`, for every broker seen in any sample (0 where a
 * sample lacks it, as a dead broker reports nothing). Text fields go through `csvTextField`, so a
 * header a spreadsheet would read as a formula (`=…`, `@…`) gets a leading apostrophe.
 */
import type { MetricsSample } from '../engine/types'
import { csvTextField } from '../scenario/safe-text'
import { type ExportFile, fileStem } from './files'

type NumberKey = {
  [K in keyof MetricsSample]: MetricsSample[K] extends number ? K : never
}[keyof MetricsSample]
type MeterKey = 'IsrShrinksPerSec' | 'IsrExpandsPerSec' | 'UncleanLeaderElectionsPerSec'

const GAUGE_COLUMNS = [
  'UnderReplicatedPartitions',
  'UnderMinIsrPartitionCount',
  'AtMinIsrPartitionCount',
  'OfflinePartitionsCount',
  'ActiveControllerCount',
  'PreferredReplicaImbalanceCount',
] as const satisfies readonly NumberKey[]
const METERS = [
  'IsrShrinksPerSec',
  'IsrExpandsPerSec',
  'UncleanLeaderElectionsPerSec',
] as const satisfies readonly MeterKey[]
const ACCOUNTING_COLUMNS = [
  'producedRecords',
  'ackedRecords',
  'failedRecords',
  'lostAckedRecords',
  'consumerLag',
] as const satisfies readonly NumberKey[]

/** The scalar columns, in order, after `atMs`, each with how a sample gives its value. */
export const METRIC_COLUMNS: readonly { name: string; value: (s: MetricsSample) => number }[] = [
  ...GAUGE_COLUMNS.map((key) => ({ name: key, value: (s: MetricsSample) => s[key] })),
  ...METERS.flatMap((key) => [
    { name: `${key}.Count`, value: (s: MetricsSample) => s[key].Count },
    { name: `${key}.OneMinuteRate`, value: (s: MetricsSample) => s[key].OneMinuteRate },
  ]),
  ...ACCOUNTING_COLUMNS.map((key) => ({ name: key, value: (s: MetricsSample) => s[key] })),
]

function leaderBrokers(series: readonly MetricsSample[]): string[] {
  const ids = new Set<string>()
  for (const sample of series) for (const id of Object.keys(sample.LeaderCount)) ids.add(id)
  return [...ids].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
}

/** A number as written (a negative number is data, not a formula); text guarded and quoted. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return csvTextField(value)
}

/**
 * @example
 * metricsToCsv(sim.metricsSeries()).split('\n')[0] // 'atMs,UnderReplicatedPartitions,...'
 */
export function metricsToCsv(series: readonly MetricsSample[]): string {
  const brokers = leaderBrokers(series)
  const header = [
    'atMs',
    ...METRIC_COLUMNS.map((c) => c.name),
    ...brokers.map((id) => `LeaderCount.broker${id}`),
  ]
  const rows = series.map((sample) => [
    sample.atMs,
    ...METRIC_COLUMNS.map((column) => column.value(sample)),
    ...brokers.map((id) => sample.LeaderCount[id] ?? 0),
  ])
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n'
}

export function metricsCsvFile(specName: string, series: readonly MetricsSample[]): ExportFile {
  return {
    name: `${fileStem(specName)}-metrics.csv`,
    mime: 'text/csv',
    data: metricsToCsv(series),
  }
}
