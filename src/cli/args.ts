/**
 * A tiny argument parser for the CLI. Node's `util.parseArgs` would do most of this, but its
 * errors are generic ("Unknown option '--sed'") and it neither checks values nor collects every
 * problem at once. This one knows each flag's kind (integer with bounds, one of a list, text),
 * reports every problem with the flag it concerns, and suggests the flag that was probably meant.
 *
 * Accepted forms: `--flag value`, `--flag=value`, `--help` / `-h` anywhere, `-` as a positional
 * (standard input), and `--` to end the flags.
 */
import { renderProblem, type Problem as ScenarioProblem } from '../scenario/messages'
import { didYouMean } from '../scenario/text'

/** A usage error of the command line itself (a flag, an argument), in the CLI's own words. */
export interface UsageProblem {
  path: string
  message: string
}

/**
 * One thing wrong with the input; `path` says where: a flag, a JSON path, `line 7`... Problems
 * of the scenario reader are data (a code and params) and are rendered by `renderProblem`.
 */
export type Problem = UsageProblem | ScenarioProblem

/** The sentence of a problem: the scenario format's renderer for its problems. */
export function problemText(problem: Problem): string {
  return 'code' in problem ? renderProblem(problem) : problem.message
}

export type FlagSpec =
  | { kind: 'integer'; min: number; max: number; value: string; description: string }
  | { kind: 'choice'; choices: readonly string[]; value: string; description: string }
  | { kind: 'text'; value: string; description: string }
  /** A flag without a value: present or not (parsed as "true"). */
  | { kind: 'switch'; description: string }

export interface PositionalSpec {
  name: string
  description: string
}

export interface ArgsSpec {
  positionals: readonly PositionalSpec[]
  flags: Readonly<Record<string, FlagSpec>>
}

export interface ParsedArgs {
  positionals: string[]
  /** Flag values by flag name (without `--`): numbers for integer flags, text otherwise. */
  flags: Record<string, string | number>
  help: boolean
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; problems: UsageProblem[] }

const HELP_FLAGS = new Set(['--help', '-h'])

/**
 * Parses `argv` (the words after the command name) against `spec`. When `--help` is present the
 * result is ok with `help: true`, whatever else is wrong, so that help always works.
 *
 * @example
 * parseArgs(['s.json', '--seed', '7'], runSpec) // { ok: true, args: { positionals: ['s.json'], flags: { seed: 7 }, help: false } }
 */
export function parseArgs(argv: readonly string[], spec: ArgsSpec): ParseResult {
  const problems: UsageProblem[] = []
  let unknownFlags = 0
  const positionals: string[] = []
  const flags: Record<string, string | number> = {}
  let help = false
  let flagsEnded = false
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? ''
    if (flagsEnded || word === '-' || !word.startsWith('-')) {
      positionals.push(word)
      continue
    }
    if (word === '--') {
      flagsEnded = true
      continue
    }
    if (HELP_FLAGS.has(word)) {
      help = true
      continue
    }
    const equals = word.indexOf('=')
    const flag = equals === -1 ? word : word.slice(0, equals)
    const name = flag.replace(/^--?/, '')
    // hasOwn first: `--constructor` must not find Object.prototype.constructor.
    const flagSpec =
      flag.startsWith('--') && Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined
    if (flagSpec === undefined) {
      problems.push(unknownFlag(flag, spec))
      unknownFlags++
      continue
    }
    if (flagSpec.kind === 'switch') {
      if (equals !== -1) problems.push({ path: flag, message: 'takes no value' })
      else if (Object.hasOwn(flags, name))
        problems.push({ path: flag, message: 'is given more than once' })
      else flags[name] = 'true'
      continue
    }
    let raw: string | undefined
    if (equals !== -1) {
      raw = word.slice(equals + 1)
    } else if (i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) {
      raw = argv[++i]
    }
    if (raw === undefined) {
      problems.push({ path: flag, message: `needs a value: ${expected(flagSpec)}` })
      continue
    }
    if (Object.hasOwn(flags, name)) {
      problems.push({ path: flag, message: 'is given more than once' })
      continue
    }
    const value = readFlagValue(flag, raw, flagSpec, problems)
    if (value !== undefined) flags[name] = value
  }
  if (help) return { ok: true, args: { positionals, flags, help } }
  // After an unknown flag its value looks like an extra argument; one complaint is enough.
  checkPositionals(positionals, spec, problems, unknownFlags === 0)
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, args: { positionals, flags, help } }
}

function unknownFlag(flag: string, spec: ArgsSpec): UsageProblem {
  const known = [...Object.keys(spec.flags).map((f) => `--${f}`), '--help']
  const hint = didYouMean(flag.startsWith('--') ? flag : `-${flag}`, known)
  const list = known.join(', ')
  return { path: flag, message: `unknown option; this command takes ${list}${sentence(hint)}` }
}

/** Appends " Did you mean ...?" after a full stop, or nothing. */
export function sentence(hint: string): string {
  return hint === '' ? '' : `.${hint}`
}

/** What a flag accepts, in words: "an integer from 0 to 100", `one of "json" or "markdown"`. */
export function expected(flag: FlagSpec): string {
  switch (flag.kind) {
    case 'integer':
      return `an integer from ${flag.min} to ${flag.max}`
    case 'choice':
      return `one of ${flag.choices.map((c) => JSON.stringify(c)).join(', ')}`
    case 'text':
      return `${flag.value}`
    case 'switch':
      return 'no value'
  }
}

const DECIMAL = /^-?[0-9]+$/

function readFlagValue(
  flag: string,
  raw: string,
  spec: FlagSpec,
  problems: UsageProblem[],
): string | number | undefined {
  const got = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)
  switch (spec.kind) {
    case 'integer': {
      const value = DECIMAL.test(raw) ? Number(raw) : NaN
      if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
        problems.push({ path: flag, message: `must be ${expected(spec)} (got ${got})` })
        return undefined
      }
      return value
    }
    case 'choice':
      if (!spec.choices.includes(raw)) {
        const hint = didYouMean(raw, spec.choices)
        problems.push({
          path: flag,
          message: `must be ${expected(spec)} (got ${got})${sentence(hint)}`,
        })
        return undefined
      }
      return raw
    case 'text':
      if (raw === '') {
        problems.push({ path: flag, message: `must not be empty; give ${spec.value}` })
        return undefined
      }
      return raw
    case 'switch':
      return 'true'
  }
}

function checkPositionals(
  positionals: string[],
  spec: ArgsSpec,
  problems: UsageProblem[],
  checkExtra: boolean,
): void {
  const wanted = spec.positionals
  for (let i = positionals.length; i < wanted.length; i++) {
    const missing = wanted[i]!
    problems.push({ path: `<${missing.name}>`, message: `is missing: ${missing.description}` })
  }
  for (let i = wanted.length; checkExtra && i < positionals.length; i++) {
    const names = wanted.map((p) => `<${p.name}>`).join(' ')
    problems.push({
      path: `argument ${JSON.stringify(positionals[i])}`,
      message: `is unexpected; this command takes ${names === '' ? 'no arguments' : `only ${names}`}`,
    })
  }
}
