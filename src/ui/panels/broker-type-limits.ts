/**
 * The published limits of an Amazon MSK broker type as lines of text for the editor, with the
 * AWS documents they come from. The figures are the engine's (broker-types.ts); a figure AWS
 * does not publish reads "not published" and names no source, and none is filled in.
 */
import {
  brokerTypeFigures,
  COLUMN_SOURCES,
  DEFAULT_VOLUME_MIBPS,
  EXPRESS_FIXED,
  MIN_PROVISIONED_VOLUME_GIB,
  SOURCES,
  type BrokerTypeFigures,
  type MskBrokerType,
  type SourceId,
  type StandardBrokerType,
} from '../../analysis/capacity-figures'

export const NOT_PUBLISHED = 'not published'

export interface LimitLine {
  term: string
  value: string
}

export interface PublishedLimits {
  lines: LimitLine[]
  /** The documents behind the lines, each once, in the order the lines cite them. */
  sources: { title: string; url: string }[]
}

type Column = keyof BrokerTypeFigures

interface Cited extends LimitLine {
  sources: SourceId[]
}

function figure(value: number | null): string {
  return value === null ? NOT_PUBLISHED : String(value)
}

function withUnit(value: number | null, unit: string): string {
  return value === null ? NOT_PUBLISHED : `${value} ${unit}`
}

function columnSource(f: BrokerTypeFigures, column: Column): SourceId[] {
  const id = COLUMN_SOURCES[f.family][column]
  return id === undefined ? [] : [id]
}

/** A line of figures, citing the source of each figure that is published. */
function figureLine(f: BrokerTypeFigures, term: string, value: string, columns: Column[]): Cited {
  const sources = columns.flatMap((column) => (f[column] === null ? [] : columnSource(f, column)))
  return { term, value, sources }
}

function network(f: BrokerTypeFigures): string {
  const baseline = withUnit(f.networkBaselineGbps, 'Gbps')
  if (f.networkBaselineGbps === null || f.networkBurstGbps === null) return baseline
  return `${baseline}, bursts to ${f.networkBurstGbps} Gbps on credits`
}

/** The instance's own figures (EC2's for Standard; AWS publishes none for Express). */
function instanceLines(f: BrokerTypeFigures): Cited[] {
  return [
    figureLine(f, 'vCPUs', figure(f.vcpus), ['vcpus']),
    figureLine(f, 'Memory', withUnit(f.memoryGiB, 'GiB'), ['memoryGiB']),
    figureLine(f, 'Network, baseline', network(f), ['networkBaselineGbps', 'networkBurstGbps']),
  ]
}

function partitionLines(f: BrokerTypeFigures): Cited[] {
  return [
    figureLine(f, 'Partitions, recommended', withUnit(f.recommendedPartitions, 'per broker'), [
      'recommendedPartitions',
    ]),
    figureLine(f, 'Partitions, max', withUnit(f.maxPartitions, 'per broker'), ['maxPartitions']),
  ]
}

function standardLines(f: BrokerTypeFigures): Cited[] {
  // Here a null maximum is itself published: MSK provisions only from m5.4xlarge / m7g.2xlarge up.
  const provisioned =
    f.volumeMaxProvisionedMiBps === null
      ? 'cannot provision'
      : `up to ${f.volumeMaxProvisionedMiBps} MiB/s`
  return [
    ...instanceLines(f),
    figureLine(f, 'Storage throughput', withUnit(f.volumeDefaultMiBps, 'MiB/s default'), [
      'volumeDefaultMiBps',
    ]),
    {
      term: 'Provisioned throughput',
      value: provisioned,
      sources: columnSource(f, 'volumeMaxProvisionedMiBps'),
    },
    ...partitionLines(f),
  ]
}

function expressLines(f: BrokerTypeFigures): Cited[] {
  const fixed = [
    `RF ${EXPRESS_FIXED.replicationFactor}`,
    `min.insync.replicas ${EXPRESS_FIXED.minInsyncReplicas}`,
    `unclean election ${EXPRESS_FIXED.uncleanLeaderElection ? 'on' : 'off'}`,
    `${EXPRESS_FIXED.zones} AZs`,
  ].join(', ')
  return [
    figureLine(f, 'Ingress, sustained', withUnit(f.expressIngressMBps, 'MBps recommended max'), [
      'expressIngressMBps',
    ]),
    figureLine(f, 'Egress, sustained', withUnit(f.expressEgressMBps, 'MBps recommended max'), [
      'expressEgressMBps',
    ]),
    ...instanceLines(f),
    ...partitionLines(f),
    { term: 'Storage', value: 'managed by MSK', sources: ['msk-express-brokers'] },
    {
      term: 'Fixed settings',
      value: fixed,
      sources: ['msk-best-practices-express', 'msk-express-brokers', 'aws-msk-agent-toolkit'],
    },
  ]
}

/** The lines beside the broker-type select for an MSK type. */
export function publishedLimits(type: MskBrokerType): PublishedLimits {
  const f = brokerTypeFigures(type)
  const cited = f.family === 'standard' ? standardLines(f) : expressLines(f)
  const ids = [...new Set(cited.flatMap((line) => line.sources))]
  return {
    lines: cited.map(({ term, value }) => ({ term, value })),
    sources: ids.map((id) => SOURCES[id]),
  }
}

/** What the provisioned-throughput box takes with the chosen type, under the box. */
export function provisionedThroughputHint(type: StandardBrokerType | 'custom'): string {
  if (type === 'custom')
    return 'Optional; with Custom, the capacity model uses the volume throughput limit'
  const maximum = brokerTypeFigures(type).volumeMaxProvisionedMiBps
  if (maximum === null)
    return `${type} cannot provision it; leave empty for the default ${DEFAULT_VOLUME_MIBPS} MiB/s`
  return `Optional: ${DEFAULT_VOLUME_MIBPS}–${maximum}, on a volume of ${MIN_PROVISIONED_VOLUME_GIB} GiB or more; empty: ${DEFAULT_VOLUME_MIBPS}`
}
