/**
 * Input mutators for the CLI fuzz test (src/cli/fuzz.test.ts), as fast-check arbitraries:
 * character edits, structural edits of JSON values, line edits of describe text, and the cases
 * (argv plus one input file) built from them. Kept apart from the test so that a long soak can
 * reuse them.
 *
 * Most random edits break a file, and a broken file stops at the reader: a fuzzer made only of
 * them tests the error path thousands of times and `run` and `analyze` a handful. So a share of
 * the cases get edits that keep the file valid (numbers moved within their range, formatting
 * changed), and an import names the format of the text it carries most of the time.
 */
import fc from 'fast-check'
import {
  DESCRIBE_3X,
  DESCRIBE_4X,
  DESCRIBE_ZK,
  REASSIGNMENT,
  ZONE_MAP,
  goodScenario,
  riskyScenario,
  text,
} from './testing'

// --- Character-level edits ---------------------------------------------------------------------

type CharEdit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert' | 'replace'; at: number; piece: string }

/** Short pieces that are likely to matter in JSON or describe text; single digits only, so that
 *  a number can grow by at most a few digits and no case runs for long. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '=',
  '-',
  '.',
  '0',
  '7',
  ' ',
  '\t',
  '\n',
  '\\',
  '/*',
  '//',
  'x',
  'é',
  '\u0000',
  '\uFEFF',
  'null',
  'Topic:',
  'Leader:',
]

const charEdit: fc.Arbitrary<CharEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    kind: fc.constantFrom('insert' as const, 'replace' as const),
    at: fc.nat(),
    piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })),
  }),
)

function applyCharEdit(input: string, edit: CharEdit): string {
  const at = edit.at % (input.length + 1)
  switch (edit.kind) {
    case 'delete':
      return input.slice(0, at) + input.slice(at + edit.length)
    case 'insert':
      return input.slice(0, at) + edit.piece + input.slice(at)
    case 'replace':
      return input.slice(0, at) + edit.piece + input.slice(at + edit.piece.length)
  }
}

// --- Structural edits of JSON values --------------------------------------------------------------

type ValueEdit =
  | { kind: 'replace'; walk: number[]; value: unknown }
  | { kind: 'drop'; walk: number[] }
  | { kind: 'addUnknown'; walk: number[] }

/** Wrong types, edge numbers and near-miss strings. */
const WRONG_VALUES: unknown[] = [
  null,
  true,
  false,
  '',
  'x',
  '3',
  'all',
  'use1-az9',
  -1,
  0,
  1,
  1.5,
  2,
  4,
  99,
  -0.5,
  1e308,
  4294967296,
  [],
  [1],
  ['a'],
  {},
  { type: 'crashBroker' },
]

const valueEdit: fc.Arbitrary<ValueEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    walk: fc.array(fc.nat(), { maxLength: 6 }),
    value: fc.constantFrom(...WRONG_VALUES),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    walk: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('addUnknown' as const),
    walk: fc.array(fc.nat(), { maxLength: 5 }),
  }),
)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function children(value: Json): (string | number)[] {
  if (Array.isArray(value)) return value.map((_, i) => i)
  if (value !== null && typeof value === 'object') return Object.keys(value)
  return []
}

function childOf(value: Json, key: string | number): Json {
  return (value as Record<string | number, Json>)[key] as Json
}

/** Follows `walk` (each step picks a child modulo the number of children) as far as it goes. */
function locate(root: Json, walk: number[]): { parent?: Json; key?: string | number; node: Json } {
  let node = root
  let parent: Json | undefined
  let key: string | number | undefined
  for (const step of walk) {
    const keys = children(node)
    if (keys.length === 0) break
    key = keys[step % keys.length]!
    parent = node
    node = childOf(node, key)
  }
  return { parent, key, node }
}

function applyValueEdit(root: Json, edit: ValueEdit): Json {
  const copy = structuredClone(root)
  const { parent, key, node } = locate(copy, edit.walk)
  switch (edit.kind) {
    case 'replace':
      if (parent === undefined || key === undefined) return edit.value as Json
      ;(parent as Record<string | number, Json>)[key] = structuredClone(edit.value) as Json
      return copy
    case 'drop':
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1)
      else if (parent !== undefined && key !== undefined) {
        delete (parent as Record<string, Json>)[key]
      }
      return copy
    case 'addUnknown':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) node['colour'] = 'red'
      else if (Array.isArray(node)) node.push('extra')
      return copy
  }
}

// --- Inputs ------------------------------------------------------------------------------------

const SCENARIO_TEXTS = [text(goodScenario()), text(riskyScenario())]

/**
 * An edit that keeps a valid scenario valid: a seed, a rate or a fault time moved within its
 * range, a broker crash moved to another broker, or the whole file re-indented.
 */
type BenignEdit =
  | { kind: 'seed'; seed: number }
  | { kind: 'rate'; rate: number }
  | { kind: 'faultAt'; atMs: number }
  | { kind: 'broker'; broker: number }
  | { kind: 'indent'; indent: number }

const benignEdit: fc.Arbitrary<BenignEdit> = fc.oneof(
  fc.record({ kind: fc.constant('seed' as const), seed: fc.nat(0xffffffff) }),
  fc.record({ kind: fc.constant('rate' as const), rate: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('faultAt' as const), atMs: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant('broker' as const), broker: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('indent' as const), indent: fc.integer({ min: 0, max: 4 }) }),
)

type Scenario = { [key: string]: Json }

function applyBenignEdit(root: Scenario, edit: BenignEdit): Scenario {
  const copy = structuredClone(root)
  const first = (key: string): { [key: string]: Json } | undefined => {
    const list = copy[key]
    const item = Array.isArray(list) ? list[0] : undefined
    return item !== null && typeof item === 'object' && !Array.isArray(item) ? item : undefined
  }
  switch (edit.kind) {
    case 'seed':
      copy['seed'] = edit.seed
      break
    case 'rate': {
      const client = first('clients')
      if (client !== undefined) client['recordsPerSecond'] = edit.rate
      break
    }
    case 'faultAt': {
      const fault = first('faults')
      if (fault !== undefined) fault['atMs'] = edit.atMs
      break
    }
    case 'broker': {
      const fault = first('faults')
      if (fault !== undefined && 'broker' in fault) fault['broker'] = edit.broker
      break
    }
    case 'indent':
      break
  }
  return copy
}

/** `value` as JSON text indented by `indent` spaces (0: one line). */
function indented(value: Json, indent: number): string {
  return `${JSON.stringify(value, null, indent)}\n`
}

/**
 * A scenario text with 1 to 3 character edits, 1 to 3 structural edits, or 1 to 3 edits that
 * keep it valid.
 */
const mutatedScenario: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...SCENARIO_TEXTS), fc.array(charEdit, { minLength: 1, maxLength: 3 }))
    .map(([base, edits]) => edits.reduce(applyCharEdit, base)),
  fc
    .tuple(fc.constantFrom(...SCENARIO_TEXTS), fc.array(valueEdit, { minLength: 1, maxLength: 3 }))
    .map(([base, edits]) => text(edits.reduce(applyValueEdit, JSON.parse(base) as Json))),
  fc
    .tuple(fc.constantFrom(...SCENARIO_TEXTS), fc.array(benignEdit, { minLength: 1, maxLength: 3 }))
    .map(([base, edits]) => {
      const edited = edits.reduce(applyBenignEdit, JSON.parse(base) as Scenario)
      const last = edits[edits.length - 1]
      return indented(edited, last?.kind === 'indent' ? last.indent : 2)
    }),
)

const scenarioArgs = fc.constantFrom(
  ['validate'],
  ['analyze'],
  ['analyze', '--fail-on', 'warning'],
  ['analyze', '--format', 'markdown', '--fail-on', 'error'],
  // A short run keeps a mutated scenario that runs for hours of simulated time from doing so.
  ['run', '--duration', '2000'],
)

type LineEdit =
  | { kind: 'drop' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'junkNumber'; line: number; junk: string }

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('junkNumber' as const),
    line: fc.nat(),
    junk: fc.constantFrom('x', '-5', '', '1,,2', '99999999999', 'none', 'N/A', '1.5'),
  }),
)

function applyLineEdit(input: string, edit: LineEdit): string {
  const lines = input.split('\n')
  const i = edit.line % lines.length
  switch (edit.kind) {
    case 'drop':
      lines.splice(i, 1)
      break
    case 'duplicate':
      lines.splice(i, 0, lines[i]!)
      break
    case 'swap': {
      const j = edit.other % lines.length
      ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
      break
    }
    case 'junkNumber':
      lines[i] = lines[i]!.replace(/[0-9]+/, edit.junk)
      break
  }
  return lines.join('\n')
}

const mutatedDescribe: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(DESCRIBE_3X, DESCRIBE_ZK, DESCRIBE_4X),
    fc.array(
      fc.oneof(
        charEdit.map((c) => ({ c })),
        lineEdit.map((l) => ({ l })),
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  )
  .map(([base, edits]) =>
    edits.reduce((t, e) => ('c' in e ? applyCharEdit(t, e.c) : applyLineEdit(t, e.l)), base),
  )

const mutatedReassignment: fc.Arbitrary<string> = fc
  .array(valueEdit, { minLength: 1, maxLength: 3 })
  .map((edits) => JSON.stringify(edits.reduce(applyValueEdit, JSON.parse(REASSIGNMENT) as Json)))

const zonesArgs = fc.oneof(
  fc.constant([] as string[]),
  fc.constant(['--zones', ZONE_MAP]),
  fc
    .array(charEdit, { minLength: 1, maxLength: 2 })
    .map((edits) => ['--zones', edits.reduce(applyCharEdit, ZONE_MAP)]),
)

export interface Case {
  argv: string[]
  file: string
  content: string
}

export const scenarioCase: fc.Arbitrary<Case> = fc
  .tuple(scenarioArgs, mutatedScenario)
  .map(([args, content]) => ({
    argv: [args[0], 's.json', ...args.slice(1)],
    file: 's.json',
    content,
  }))

/**
 * The `--format` flag: none (the CLI detects the format), the format of the text, or one time
 * in five the other format (which must be refused cleanly too).
 */
function formatArgs(own: 'describe' | 'reassignment'): fc.Arbitrary<string[]> {
  const other = own === 'describe' ? 'reassignment' : 'describe'
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<string[]>([]) },
    { weight: 2, arbitrary: fc.constant<string[]>(['--format', own]) },
    { weight: 1, arbitrary: fc.constant<string[]>(['--format', other]) },
  )
}

export const importCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      fc.tuple(mutatedDescribe, formatArgs('describe')),
      fc.tuple(mutatedReassignment, formatArgs('reassignment')),
    ),
    zonesArgs,
  )
  .map(([[content, format], zones]) => ({
    argv: ['import', 'in.txt', ...zones, ...format],
    file: 'in.txt',
    content,
  }))
