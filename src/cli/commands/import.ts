/**
 * `import <file> [--zones MAP] [--format describe|reassignment]`: turns what a real cluster
 * shows into a scenario file. `kafka-topics.sh --describe` output gives topics, replica lists and
 * the Leader/Isr/Elr state; a `kafka-reassign-partitions.sh` JSON file gives replica lists. Neither
 * names the brokers' zones (broker.rack), so `--zones` supplies them; without it every broker
 * lands in one zone and the importer says so on stderr.
 */
import {
  importDescribe,
  importReassignment,
  parseZoneMap,
  type ImportOptions,
  type ImportResult,
} from '../../scenario/index'
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

type Format = 'describe' | 'reassignment'

const IMPORTERS: Record<Format, (text: string, options: ImportOptions) => ImportResult> = {
  describe: importDescribe,
  reassignment: importReassignment,
}

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
    '--zones places the brokers in zones: inline as 1=use1-az1,2=use1-az2,3=use1-az3 (or ' +
      '{"1":"use1-az1",...}), or the path of a file holding either form. A value starting ' +
      'with a broker id and "=" or ":", or with "{", is read inline; anything else is a path.',
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
    'kafka-ha-lab import reassignment.json --zones zones.json --format reassignment',
  ],
  async execute(args, io) {
    const [path = ''] = args.positionals
    const zones = await readZones(io, args.flags['zones'])
    const text = await readInput(io, path, 'the file to import')
    const format = (args.flags['format'] as Format | undefined) ?? detectFormat(text)
    const options: ImportOptions = zones === undefined ? {} : { zones: zones.text }
    const result = IMPORTERS[format](text, options)
    const file = shownFile(path)
    if (!result.ok) throw new InputError(located(result.problems, file, zones))
    const warnings = located(result.warnings, file, zones)
    return {
      stdout: compactJsonText(result.scenario),
      stderr: warnings.map(warningLine),
      exitCode: EXIT_OK,
    }
  },
}

/** JSON, or pasted --generate output, is a reassignment file; anything else is describe text. */
export function detectFormat(text: string): Format {
  const start = text.trimStart()
  if (start.startsWith('{') || start.startsWith('[')) return 'reassignment'
  if (/Proposed partition reassignment configuration/.test(text)) return 'reassignment'
  return 'describe'
}

interface Zones {
  text: string
  /** How problems in the map are located: `--zones` or `--zones zones.json`. */
  label: string
}

const INLINE_MAP = /^\s*(\{|[0-9]+\s*[=:])/

async function readZones(
  io: CliIo,
  value: string | number | undefined,
): Promise<Zones | undefined> {
  if (typeof value !== 'string') return undefined
  let zones: Zones = { text: value, label: '--zones' }
  if (!INLINE_MAP.test(value)) {
    try {
      zones = { text: await io.readFile(value), label: `--zones ${value}` }
    } catch (error) {
      throw new InputError([
        {
          path: '--zones',
          message:
            `cannot read ${value}: ${fileErrorText(error)}; give a file or a map such as ` +
            '1=use1-az1,2=use1-az2',
        },
      ])
    }
  }
  // Checked here as well as in the importer so that its problems name --zones, not the input.
  const parsed = parseZoneMap(zones.text)
  if (!parsed.ok) throw new InputError(located(parsed.problems, '', zones))
  return zones
}

/** Problems in the zone map name --zones; the rest name the input file (`line 7`, `$`...). */
function located(problems: readonly Problem[], file: string, zones: Zones | undefined): Problem[] {
  return problems.map((p) => {
    if (p.path.startsWith('zoneMap')) {
      return { ...p, path: p.path.replace(/^zoneMap/, zones?.label ?? '--zones') }
    }
    return inFile(file, [p])[0]!
  })
}
