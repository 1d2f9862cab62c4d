/**
 * `import <file> [zone flags] [--defaults msk|apache] [--cluster-config …] [--workload …]`: turns
 * what a real cluster shows into a scenario file. `kafka-topics.sh --describe` output gives
 * topics, replica lists and the Leader/Isr/Elr state; a `kafka-reassign-partitions.sh` JSON file
 * gives replica lists. Neither names the brokers' zones (broker.rack), so `--zones` (a typed map)
 * or `--zones-from` (kafka-configs output, or aws kafka list-nodes JSON with `--subnets`) supply
 * them, or `--assume-msk-numbering` assumes MSK's round-robin numbering; neither shows the
 * brokers' own configs either, so `--defaults`, `--cluster-config` or the kafka-configs output
 * give min.insync.replicas, default.replication.factor and unclean.leader.election.enable.
 * The same planner as the import panel (src/scenario/import-plan.ts) makes the scenario.
 */
import {
  detectImportFormat,
  planImport,
  type ImportFormat,
  type ImportRequest,
} from '../../scenario/import-plan'
import {
  parseConfigAssignments,
  type ConfigPreset,
  type ImportConfigValues,
} from '../../scenario/import-cluster-config'
import { numberedZones } from '../../scenario/zone-source'
import type { Problem } from '../args'
import {
  EXIT_OK,
  InputError,
  type CliIo,
  fileErrorText,
  inFile,
  compactJsonText,
  readInput,
  shownFile,
} from '../io'
import type { Command } from './command'
import { warningLine } from './scenario-input'

export const importCommand: Command = {
  name: 'import',
  summary: 'Make a scenario from kafka-topics --describe output or a reassignment JSON file',
  description: [
    'Reads the output of kafka-topics.sh --describe (ZooKeeper-era, 2.x/3.x, 4.x with Elr ' +
      'columns, Confluent Platform; tabs or spaces) or a kafka-reassign-partitions.sh JSON file ' +
      '(or the whole output of its --generate), and prints a scenario file with those topics, ' +
      'replica assignments and, for describe output, the leaders and ISRs as the initial state.',
    'The format is detected when --format is not given: JSON, or text holding a proposed ' +
      'reassignment, is read as a reassignment file; anything else as describe output.',
    'Zones (broker.rack), one of: --zones 1=use1-az1,2=use1-az2,3=use1-az3 (or ' +
      '{"1":"use1-az1",...}, or the path of a file holding either form; a value holding "=", ' +
      'or starting with "{" or a broker id and ":", is read inline, each entry broker=zone); ' +
      '--zones-from FILE (always a file: a typed map, or the output of ' +
      'kafka-configs.sh --describe --entity-type brokers --all, or of aws kafka list-nodes, ' +
      'with --subnets FILE, the output of aws ec2 describe-subnets, unless the same file holds ' +
      "both); or --assume-msk-numbering 3 (or 2, or the zones' names), which assumes MSK's " +
      'numbering: brokers 1..N round-robin over the zones. That is an assumption, and a warning ' +
      'says so.',
    "Cluster-wide configs: --defaults msk (MSK's default configuration for the cluster's " +
      'zone count) or apache, and --cluster-config for single values, over what kafka-configs ' +
      'output shows. Without any, topics with no min.insync.replicas of their own get Apache ' +
      "Kafka's 1, and a warning says so.",
    '--workload adds, for each topic, one acks=all producer and one consumer group ' +
      '(--workload-rate records/s each, default at most 100 and within 1 MiB/s of produce per ' +
      'broker; --record-bytes, default 1024).',
  ],
  args: {
    positionals: [
      { name: 'file', description: 'the describe output or reassignment JSON (- for stdin)' },
    ],
    flags: {
      zones: {
        kind: 'text',
        value: 'MAP',
        description: 'Broker zones: 1=use1-az1,2=use1-az2,... or a path to a file holding the map.',
      },
      'zones-from': {
        kind: 'text',
        value: 'FILE',
        description:
          'Broker zones from kafka-configs --describe --entity-type brokers --all output, or aws kafka list-nodes JSON.',
      },
      subnets: {
        kind: 'text',
        value: 'FILE',
        description:
          'aws ec2 describe-subnets JSON, for the subnets --zones-from list-nodes names.',
      },
      'assume-msk-numbering': {
        kind: 'text',
        value: 'ZONES',
        description:
          "Assume MSK's numbering: 2, 3, or the zones' names (use1-az1,use1-az2,use1-az3).",
      },
      defaults: {
        kind: 'choice',
        choices: ['msk', 'apache'],
        value: 'PRESET',
        description:
          'min.insync.replicas, default.replication.factor, unclean.leader.election.enable as MSK or Apache Kafka default them.',
      },
      'cluster-config': {
        kind: 'text',
        value: 'KEY=VALUE,...',
        description: 'Any of the three cluster-wide configs, e.g. min.insync.replicas=2.',
      },
      workload: {
        kind: 'switch',
        description: 'Add one acks=all producer and one consumer group per topic.',
      },
      'workload-rate': {
        kind: 'integer',
        min: 1,
        max: 1_000_000,
        value: 'N',
        description: 'Records/s of each workload producer (implies --workload).',
      },
      'record-bytes': {
        kind: 'integer',
        min: 1,
        max: 1_048_588,
        value: 'N',
        description: 'Record size of the workload producers in bytes (implies --workload).',
      },
      format: {
        kind: 'choice',
        choices: ['describe', 'reassignment'],
        value: 'FORMAT',
        description: 'The input format, instead of detecting it.',
      },
    },
  },
  examples: [
    'kafka-topics.sh --bootstrap-server b-1:9092 --describe > describe.txt',
    'kafka-ha-lab import describe.txt --zones 1=use1-az1,2=use1-az2,3=use1-az3 > scenario.json',
    'kafka-configs.sh --bootstrap-server b-1:9092 --describe --entity-type brokers --all > brokers.txt',
    'kafka-ha-lab import describe.txt --zones-from brokers.txt --workload > scenario.json',
    'kafka-ha-lab import describe.txt --zones-from nodes.json --subnets subnets.json --defaults msk',
    'kafka-ha-lab import reassignment.json --zones zones.json --format reassignment',
  ],
  async execute(args, io) {
    const [path = ''] = args.positionals
    const flags = args.flags
    const labels = await readZoneFlags(io, flags)
    const request: ImportRequest = { text: '', ...labels.request }
    const preset = flags['defaults'] as ConfigPreset | undefined
    if (preset !== undefined) request.preset = preset
    const typed = clusterConfig(flags['cluster-config'])
    if (typed !== undefined) request.typedConfig = typed
    const rate = flags['workload-rate']
    const bytes = flags['record-bytes']
    if (flags['workload'] !== undefined || rate !== undefined || bytes !== undefined) {
      request.workload = {
        ...(typeof rate === 'number' ? { recordsPerSecond: rate } : {}),
        ...(typeof bytes === 'number' ? { recordBytes: bytes } : {}),
      }
    }
    request.text = await readInput(io, path, 'the file to import')
    const format = flags['format'] as ImportFormat | undefined
    if (format !== undefined) request.format = format
    const result = planImport(request)
    const place = located(shownFile(path), labels, preset)
    if (!result.ok) throw new InputError(result.problems.map(place))
    return {
      stdout: compactJsonText(result.plan.scenario),
      stderr: result.plan.warnings.map(place).map(warningLine),
      exitCode: EXIT_OK,
    }
  },
}

/** JSON, or pasted --generate output, is a reassignment file; anything else is describe text. */
export function detectFormat(text: string): ImportFormat {
  return detectImportFormat(text)
}

interface ZoneLabels {
  request: Partial<ImportRequest>
  /** How problems in the zone source are located: `--zones`, `--zones-from brokers.txt`. */
  zones: string
  subnets: string
}

/**
 * Whether a --zones value is the map itself rather than a file holding it: JSON (`{`), anything
 * with "=" (so that `=a`, `-1=a` or `a=` get the map's message about the expected form instead of
 * "cannot read -1=a"), or a broker id and ":". A file whose name holds "=" is given with
 * --zones-from, which always names a file and reads a typed map too.
 */
export function isInlineZoneMap(value: string): boolean {
  return /^\s*\{/.test(value) || value.includes('=') || /^\s*-?[0-9]+\s*:/.test(value)
}

async function readFile(io: CliIo, flag: string, value: string, example: string): Promise<string> {
  try {
    return await io.readFile(value)
  } catch (error) {
    throw new InputError([
      { path: flag, message: `cannot read ${value}: ${fileErrorText(error)}; ${example}` },
    ])
  }
}

async function readZoneFlags(
  io: CliIo,
  flags: Record<string, string | number>,
): Promise<ZoneLabels> {
  const given = ['zones', 'zones-from', 'assume-msk-numbering'].filter((f) => f in flags)
  const usage: Problem[] = []
  if (given.length > 1) {
    usage.push({
      path: `--${given[1]}`,
      message: `gives the zones a second way (with --${given[0]}); give one of --zones, --zones-from and --assume-msk-numbering`,
    })
  }
  if ('subnets' in flags && !('zones-from' in flags)) {
    usage.push({
      path: '--subnets',
      message: 'goes with --zones-from, which names the aws kafka list-nodes output',
    })
  }
  if (usage.length > 0) throw new InputError(usage)
  const labels: ZoneLabels = { request: {}, zones: '--zones', subnets: '--subnets' }
  const zones = flags['zones']
  if (typeof zones === 'string') {
    if (isInlineZoneMap(zones)) labels.request.zones = zones
    else {
      labels.request.zones = await readFile(
        io,
        '--zones',
        zones,
        'give a file or a map such as 1=use1-az1,2=use1-az2',
      )
      labels.zones = `--zones ${zones}`
    }
  }
  const from = flags['zones-from']
  if (typeof from === 'string') {
    labels.request.zones = await readFile(
      io,
      '--zones-from',
      from,
      'give the file holding the kafka-configs or aws kafka list-nodes output',
    )
    labels.zones = `--zones-from ${from}`
  }
  const subnets = flags['subnets']
  if (typeof subnets === 'string') {
    labels.request.subnets = await readFile(
      io,
      '--subnets',
      subnets,
      'give the file holding the aws ec2 describe-subnets output',
    )
    labels.subnets = `--subnets ${subnets}`
  }
  const numbering = flags['assume-msk-numbering']
  if (typeof numbering === 'string') {
    labels.zones = '--assume-msk-numbering'
    labels.request.assumeNumbering = /^[0-9]+$/.test(numbering.trim())
      ? numberedZones(numberCount(numbering))
      : numbering
          .split(',')
          .map((z) => z.trim())
          .filter((z) => z !== '')
  }
  return labels
}

function numberCount(text: string): number {
  const count = Number(text.trim())
  if (count < 1 || count > 100) {
    throw new InputError([
      {
        path: '--assume-msk-numbering',
        message: `must be a zone count (MSK has 2 or 3) or the zones' names (got ${JSON.stringify(text)})`,
      },
    ])
  }
  return count
}

function clusterConfig(
  value: string | number | undefined,
): Partial<ImportConfigValues> | undefined {
  if (typeof value !== 'string') return undefined
  const parsed = parseConfigAssignments(value, '--cluster-config')
  if (!parsed.ok) throw new InputError(parsed.problems)
  return parsed.values
}

/**
 * Problems in the zone source name its flag (`--zones-from brokers.txt, line 7`), those in the
 * subnets file `--subnets`, config notes the flag that chose the value; the rest the input file.
 */
function located(file: string, labels: ZoneLabels, preset: string | undefined) {
  return (p: Problem): Problem => {
    if (p.path.startsWith('zoneMap'))
      return { ...p, path: p.path.replace(/^zoneMap/, labels.zones) }
    if (p.path.startsWith('subnets'))
      return { ...p, path: p.path.replace(/^subnets/, labels.subnets) }
    if (p.path.startsWith('workload')) return { ...p, path: '--workload' }
    if (p.path.startsWith('clusterConfig'))
      return { ...p, path: preset === undefined ? '--cluster-config' : `--defaults ${preset}` }
    return inFile(file, [p])[0]!
  }
}
