/**
 * Help text, derived from the command definitions so that `--help` cannot drift from what the
 * parser accepts. Plain text, at most about 100 columns, no colours (it is often piped).
 */
import { expected } from './args'
import type { Command } from './commands/command'

export const PROGRAM = 'kafka-ha-lab'

const EXIT_CODES = [
  'Exit codes:',
  '  0  success',
  '  1  analyze --fail-on: a finding of that severity or worse exists (the report is printed;',
  '     --fail-on error counts errors, --fail-on warning errors and warnings, never info)',
  '  2  bad input: usage, file, scenario or imported text, a budget exceeded, a long run without',
  '     --allow-long-run, --out naming an input; one problem a line on stderr',
  '  3  internal error (a bug in the lab): one line on stderr',
]

const LIMITS = [
  'Limits (docs/cli.md, "Limits"):',
  '  inputs are UTF-8 text of at most 16 MiB; a scenario must keep within the work budgets of',
  '  docs/scenario-format.md (24 h of simulated time, 50,000 partitions, 150,000 replicas,',
  '  10,000 faults, 1,000 clients...); a run or review past 20,000,000 units of work is a long',
  '  run, refused unless --allow-long-run is given; --out never replaces an input file',
]

export function topLevelHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return lines([
    `${PROGRAM}: simulate Apache Kafka / Amazon MSK replication across availability zones.`,
    '',
    `Usage: ${PROGRAM} <command> [arguments] [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's arguments and options.`,
    '',
    ...LIMITS,
    '',
    ...EXIT_CODES,
  ])
}

export function commandHelp(command: Command): string {
  const { positionals, flags } = command.args
  const flagEntries = Object.entries(flags)
  const usage = [
    PROGRAM,
    command.name,
    ...positionals.map((p) => `<${p.name}>`),
    ...flagEntries.map(([name, f]) =>
      f.kind === 'switch' ? `[--${name}]` : `[--${name} ${f.value}]`,
    ),
  ]
  const options = [
    ...flagEntries.map(([name, f]) => {
      if (f.kind === 'switch') return [`  --${name}`, ...wrap(f.description, 92).map(indent)]
      const accepts = f.kind === 'text' ? '' : ` Accepts ${expected(f)}.`
      return [`  --${name} ${f.value}`, ...wrap(`${f.description}${accepts}`, 92).map(indent)]
    }),
    ['  -h, --help', '      Show this help.'],
  ].flat()
  return lines([
    ...usageLines(usage),
    '',
    ...command.description.flatMap((p) => [...wrap(p, 98), '']),
    'Arguments:',
    ...positionals.flatMap((p) => [`  <${p.name}>`, ...wrap(p.description, 92).map(indent)]),
    '',
    'Options:',
    ...options,
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
    ...LIMITS,
    '',
    ...EXIT_CODES,
  ])
}

function indent(line: string): string {
  return `      ${line}`
}

function lines(list: string[]): string {
  return `${list.join('\n')}\n`
}

/** Greedy word wrap. */
/** `Usage: …` within 100 columns, each `[--flag VALUE]` kept whole, continued under the first. */
function usageLines(parts: readonly string[]): string[] {
  const indent = ' '.repeat('Usage: '.length)
  const out: string[] = []
  let line = `Usage: ${parts[0] ?? ''}`
  for (const part of parts.slice(1)) {
    if (line.length + 1 + part.length <= 100) {
      line += ` ${part}`
    } else {
      out.push(line)
      line = `${indent}${part}`
    }
  }
  out.push(line)
  return out
}

function wrap(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      out.push(line)
      line = word
    }
  }
  if (line !== '') out.push(line)
  return out
}
