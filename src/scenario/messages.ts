/**
 * Problems as data, and the one function that turns them into English. A problem is a stable
 * `code`, the JSON `path` it concerns and `params` (plain JSON values: numbers, strings, lists);
 * `renderProblem` writes the sentence. The validator, the CLI and the UI all use this renderer,
 * so they say the same thing, and a translation later needs only another renderer. No English is
 * assembled where a problem is found.
 */
import type { FaultType } from '../engine/spec'
import { durationText, sizeText, thousands, workText } from './budget'
import type { ForbiddenKind } from './characters'
import { displayText } from './safe-text'

/** What kind of object a key was found in, for "unknown field in a topic". */
export type ObjectKind =
  | 'scenario'
  | 'cluster'
  | 'broker'
  | 'controller'
  | 'topic'
  | 'initial-state'
  | 'client'
  | 'producer'
  | 'consumer'
  | 'narration'
  | 'narration-step'
  | 'try-it-variant'
  | 'variant-merge'
  | 'broker-limits'
  | 'storage'
  | 'cluster-config'
  | 'topic-config'
  | 'producer-config'
  | 'consumer-config'
  | `${FaultType}-fault`

/** Where a config key that is unknown in one place does belong. */
export type ConfigHome = 'cluster-config' | 'producer-config' | 'consumer-config'

/** A value as "got ..." shows it: its JSON type and, for scalars, the (shortened) value. */
export type Shown =
  /** `length`: the whole string's, when `value` is clipped. */
  | { type: 'string'; value: string; length?: number }
  | { type: 'number'; value: number }
  | { type: 'non-finite' }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'nothing' }
  | { type: 'array' }
  | { type: 'object' }
  | { type: 'other'; typeName: string }

/** What a value must be, for "must be an integer (got ...)". */
export type Expected =
  | 'object'
  | 'array'
  | 'integer'
  | 'boolean'
  | 'string'
  | 'version-number'
  | 'partition-map'
  | 'json-text'
  | 'import-text'

/** Why a minimum is what it is, explained after "must be at least N (got M)". */
export type MinimumReason = 'isr-check-period'

/** The hint after "is required". */
export type RequiredHint = 'version' | 'brokers' | 'client-kind' | 'fault-type' | 'at-ms'

/** What a list must not be empty of: "must list at least one broker". */
export type ListedThing = 'broker' | 'controller' | 'step'

/** What a "listed twice" id names. */
export type IdKind = 'broker' | 'controller' | 'topic' | 'client'

/** The syntax errors of the JSON reader. */
export type JsonSyntaxReason =
  | 'empty-text'
  | 'after-end'
  | 'unterminated-comment'
  | 'end-expected-value'
  | 'single-quotes'
  | 'unexpected-character'
  | 'too-deep'
  | 'unexpected-word'
  | 'trailing-comma-object'
  | 'end-expected-property'
  | 'expected-property'
  | 'expected-colon'
  | 'end-expected-comma-brace'
  | 'expected-comma-brace'
  | 'trailing-comma-array'
  | 'end-expected-comma-bracket'
  | 'expected-comma-bracket'
  | 'unterminated-string'
  | 'control-character'
  | 'bad-unicode-escape'
  | 'bad-escape'
  | 'bad-number'
  | 'string-too-long'
  | 'key-too-long'

/** What a work budget counts (budget.ts). */
export type BudgetName =
  | 'duration'
  | 'partitions'
  | 'replicas'
  | 'faults'
  | 'clients'
  | 'records-per-second'
  | 'topics'
  | 'narration-steps'

/** Every problem code and its parameters. The set is closed: a new problem needs a new code. */
export interface ProblemParams {
  'wrong-type': { expected: Expected; got: Shown }
  'too-small': { minimum: number; got: number; reason?: MinimumReason }
  'too-large': { maximum: number; got: number }
  'too-long': { maximum: number; got: number }
  empty: Record<string, never>
  'too-few-items': { minimum: number }
  'too-many-items': { maximum: number; got: number }
  'empty-list': { of: ListedThing }
  'invalid-topic-name': { value: string }
  'pattern-mismatch': { value: string; pattern: string }
  'invalid-throttled-replicas': { value: string }
  'not-allowed': { allowed: (string | number)[]; got: Shown; suggestion?: string }
  'listed-twice': { value: string | number; firstPath: string }
  required: { hint?: RequiredHint; allowed?: string[] }
  'unknown-key': {
    key: string
    in: ObjectKind
    allowed: string[]
    suggestion?: string
    home?: ConfigHome
  }
  'unsupported-version': { got: number }
  'brokers-and-brokers-per-zone': Record<string, never>
  'not-a-partition-key': { key: string }
  'partition-needs-topic': Record<string, never>
  'step-out-of-order': { atMs: number; previousAtMs: number }
  'step-after-end': { atMs: number; durationMs: number }
  'fault-after-end': { atMs: number; durationMs: number }
  'unknown-zone': { zone: string; zones: string[]; suggestion?: string }
  'too-many-brokers-per-zone': {
    brokersPerZone: number
    zones: number
    total: number
    maximum: number
  }
  'too-many-brokers': { listed: number; maximum: number }
  'zone-without-brokers': { zone: string }
  'duplicate-id': { of: IdKind; id: string | number; firstPath: string }
  'controller-is-broker': { id: number }
  'default-controllers-collide': { firstId: number }
  'heartbeat-exceeds-session': { heartbeatMs: number; sessionMs: number }
  'topic-name-collision': { name: string; other: string; otherPath: string }
  'rf-above-brokers': { rf: number; brokers: number; rfFromDefault: boolean }
  'min-isr-above-rf': {
    minIsr: number
    rf: number
    minIsrFromCluster: boolean
    rfFromDefault: boolean
    version: string
    capped: boolean
  }
  'unknown-kafka-version': { value: string; supported: string[] }
  'custom-broker-needs-limits': Record<string, never>
  'provisioned-throughput-unavailable': { brokerType: string }
  'provisioned-throughput-out-of-range': {
    brokerType: string
    got: number
    minimum: number
    maximum: number
  }
  'provisioned-throughput-small-volume': { volumeGiB: number; minimum: number }
  'broker-limits-need-custom': { brokerType: string | null }
  'storage-needs-broker-type': Record<string, never>
  'express-no-storage': { brokerType: string }
  'express-no-volume-to-replace': { brokerType: string }
  'express-fixed-setting': {
    brokerType: string
    setting:
      'replicationFactor' | 'min.insync.replicas' | 'unclean.leader.election.enable' | 'zones'
    value: number | boolean
    required: number | boolean
  }
  'zookeeper-removed': { version: string }
  'elr-not-in-version': { version: string }
  'upgrade-not-newer': { from: string; to: string }
  'zookeeper-upgrade-to-4': { to: string }
  'unknown-partition': { partition: number; partitions: number; topic?: string }
  'replica-count-mismatch': { listed: number; rf: number; rfFromDefault: boolean }
  'unknown-broker': { broker: number; brokers: number[] }
  'unknown-controller': { controller: number; controllers: number[] }
  'unknown-client': { client: string; clients: string[]; suggestion?: string }
  'unknown-member': { client: string; member: number; members: number }
  'members-need-group': Record<string, never>
  'consumer-heartbeat-not-below-session': { heartbeatMs: number; sessionMs: number }
  'session-timeout-out-of-range': { sessionMs: number; minMs: number; maxMs: number }
  'offsets-topic-cannot-be-created': { rf: number; brokers: number }
  'unknown-topic': { topic: string; topics: string[]; suggestion?: string }
  'initial-needs-assignment': { partition: string }
  'leader-not-replica': { leader: number; replicas: number[] }
  'isr-missing-leader': { leader: number }
  'not-a-replica': { broker: number; replicas: number[] }
  'elr-in-isr': { broker: number }
  'idempotence-needs-acks-all': Record<string, never>
  'idempotence-needs-retries': Record<string, never>
  'idempotence-needs-max-in-flight-5': { maxInFlight: number }
  'idempotence-disabled-by-max-in-flight': { maxInFlight: number }
  'delivery-timeout-too-small': { deliveryTimeoutMs: number; minimum: number }
  'delivery-timeout-raised': { defaultMs: number; raisedTo: number }
  'json-syntax': {
    reason: JsonSyntaxReason
    found?: string
    depth?: number
    key?: string
    maximum?: number
  }
  /** A work budget (budget.ts) exceeded; `offsets`: how much of `got` is __consumer_offsets. */
  'over-budget': { budget: BudgetName; got: number; maximum: number; offsets?: number }
  /** The run's work (budget.ts `runWork`) above MAX_RUN_WORK. */
  'run-too-large': {
    durationMs: number
    replicas: number
    brokers: number
    clients: number
    work: number
    maximum: number
  }
  'text-too-large': { chars: number; maximum: number }
  /** A character a name (or, `prose`, free text) may not hold (characters.ts); `index` 0-based. */
  'forbidden-character': { codePoint: string; kind: ForbiddenKind; index: number; prose: boolean }
  'too-many-entries': { maximum: number; got: number }
  /** `count` more problems of code `of` were found and left out after the first `shown`. */
  'more-problems': { of: string; count: number; shown: number; level: 'error' | 'warning' }
  'duplicate-key': { key: string; firstAt: string }
  'internal-error': { stage: 'validate' | 'read' | 'import'; detail: string }
  /**
   * A problem of the scenario that `narration.tryItVariant` makes (`at` is its path in that
   * scenario): the variant would not load, though this file does.
   */
  'variant-invalid': { label: string; at: string; problem: ProblemData }
  /**
   * Problems of the text importers (`kafka-topics --describe`, reassignment JSON, zone maps),
   * whose sentences are still written where they are found; the next step is codes for them.
   */
  untranslated: { text: string }
}

export type ProblemCode = keyof ProblemParams

/**
 * One problem found in a scenario or an imported text. `path` locates it: `topics[0].partitions`,
 * `cluster.config["min.insync.replicas"]`, `$` for the whole document, `line 3, column 7` for a
 * JSON syntax error, `line 12` for a line of imported text. `message` is `renderProblem` of the
 * rest, kept for logs and older callers; show problems with `renderProblem`.
 */
export type Problem = {
  [C in ProblemCode]: {
    code: C
    path: string
    params: ProblemParams[C]
    message: string
    /**
     * A warning that describes no risk, only what the model does with the input (a setting it
     * ignores, a mode it assumed): shown as info, never as a warning.
     */
    level?: 'info'
  }
}[ProblemCode]

/** The code and params of a problem, without where it is. */
export type ProblemData = {
  [C in ProblemCode]: { code: C; params: ProblemParams[C] }
}[ProblemCode]

/** Builds a problem; the message is rendered from the code and params. */
export function makeProblem<C extends ProblemCode>(
  path: string,
  code: C,
  params: ProblemParams[C],
): Problem {
  const data = { code, params } as ProblemData
  return { code, path, params, message: renderProblem(data) } as Problem
}

/** The same problem at another path (e.g. prefixed with a file name). */
export function movedProblem(problem: Problem, path: string): Problem {
  return { ...problem, path }
}

/** How much of a user's string a message shows: enough to recognise it, never a whole file. */
export const SHOWN_CHARS = 60

/**
 * The first SHOWN_CHARS characters of a long string and an ellipsis (a surrogate pair is never
 * cut in half), or the string itself when it is short.
 */
export function clip(value: string): string {
  if (value.length <= SHOWN_CHARS) return value
  let end = SHOWN_CHARS
  const last = value.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${value.slice(0, end)}…`
}

/** A JSON-quoted string, clipped when long and then followed by its length in characters. */
export function quote(value: string): string {
  if (value.length <= SHOWN_CHARS) return JSON.stringify(value)
  return `${JSON.stringify(clip(value))} (${thousands(value.length)} characters)`
}

/** A value as a plain-data `Shown`. */
export function showValue(value: unknown): Shown {
  if (value === null) return { type: 'null' }
  if (value === undefined) return { type: 'nothing' }
  if (Array.isArray(value)) return { type: 'array' }
  switch (typeof value) {
    case 'string':
      return value.length > SHOWN_CHARS
        ? { type: 'string', value: clip(value), length: value.length }
        : { type: 'string', value }
    case 'number':
      return Number.isFinite(value) ? { type: 'number', value } : { type: 'non-finite' }
    case 'boolean':
      return { type: 'boolean', value }
    case 'object':
      return { type: 'object' }
    default:
      return { type: 'other', typeName: typeof value }
  }
}

/** "the string \"2\"", "the number 1.5", "an array", "null"... for "must be X (got Y)". */
export function describeShown(shown: Shown): string {
  switch (shown.type) {
    case 'string':
      return `the string ${JSON.stringify(shown.value)}${shown.length === undefined ? '' : ` (${thousands(shown.length)} characters)`}`
    case 'number':
      return `the number ${String(shown.value)}`
    case 'non-finite':
      return 'a non-finite number'
    case 'boolean':
      return String(shown.value)
    case 'null':
      return 'null'
    case 'nothing':
      return 'nothing'
    case 'array':
      return 'an array'
    case 'object':
      return 'an object'
    case 'other':
      return `a ${shown.typeName}`
  }
}

/** `"a", "b" or "c"` */
export function oneOf(values: readonly (string | number)[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)))
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1] ?? ''}`
}

const OBJECT_NAMES: Record<Exclude<ObjectKind, `${FaultType}-fault`>, string> = {
  scenario: 'the scenario',
  cluster: 'cluster',
  broker: 'a broker',
  controller: 'a controller',
  topic: 'a topic',
  'initial-state': 'an initial partition state',
  client: 'a client',
  producer: 'a producer',
  consumer: 'a consumer',
  narration: 'narration',
  'narration-step': 'a narration step',
  'try-it-variant': 'narration.tryItVariant',
  'variant-merge': "the variant's merge patch",
  'broker-limits': 'cluster.brokerLimits',
  storage: 'cluster.storage',
  'cluster-config': 'cluster config',
  'topic-config': 'topic config',
  'producer-config': 'producer config',
  'consumer-config': 'consumer config',
}

function objectName(kind: ObjectKind): string {
  if (kind.endsWith('-fault')) return `a ${kind.slice(0, -'-fault'.length)} fault`
  return OBJECT_NAMES[kind as keyof typeof OBJECT_NAMES]
}

const CONFIG_HOME_NAMES: Record<ConfigHome, string> = {
  'cluster-config': 'a broker config (cluster.config)',
  'producer-config': 'a producer config (a producer\'s "config")',
  'consumer-config': 'a consumer config (a consumer\'s "config")',
}

const EXPECTED: Record<Expected, string> = {
  object: 'an object',
  array: 'an array',
  integer: 'an integer',
  boolean: 'true or false',
  string: 'a string',
  'version-number': 'the number 1',
  'partition-map': 'an object keyed by partition number, e.g. {"0": ...}',
  'json-text': 'the text of a JSON file',
  'import-text': 'text',
}

const MINIMUM_REASONS: Record<MinimumReason, string> = {
  'isr-check-period':
    'the ISR is checked every replica.lag.time.max.ms / 2 ms, as in Kafka, and that period must not round down to 0',
}

const REQUIRED_HINTS: Record<RequiredHint, string> = {
  version: '; this reader understands version 1',
  brokers: ' (a list of {"id", "zone"}), or give brokersPerZone instead',
  'client-kind': ': "producer" or "consumer"',
  'fault-type': ': one of',
  'at-ms': ' (simulated time in ms)',
}

/** " Did you mean \"x\"?" or "". */
function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean ${JSON.stringify(suggestion)}?`
}

/** A sentence that may end in a suggestion: without one it has no final full stop. */
function withSuggestion(text: string, suggestion: string | undefined): string {
  return suggestion === undefined ? text : `${text}.${didYouMean(suggestion)}`
}

function rfSource(fromDefault: boolean): string {
  return fromDefault ? 'replicationFactor (default.replication.factor)' : 'replicationFactor'
}

const quoted = (names: readonly string[]): string => names.map((n) => quote(n)).join(', ')

function wrongType(p: ProblemParams['wrong-type']): string {
  if (p.expected === 'json-text' || p.expected === 'import-text')
    return `expected ${EXPECTED[p.expected]}`
  // An integer check shows a number as it is: "got 1.5", not "got the number 1.5".
  const got =
    p.expected === 'integer' && p.got.type === 'number' ? String(p.got.value) : describeShown(p.got)
  return `must be ${EXPECTED[p.expected]} (got ${got})`
}

function unknownKey(p: ProblemParams['unknown-key']): string {
  const what = objectName(p.in)
  const isConfig = p.in.endsWith('config')
  const key = quote(p.key)
  if (p.suggestion !== undefined) {
    const where = isConfig ? `unknown ${what}` : `unknown field in ${what}:`
    return `${where} ${key}.${didYouMean(p.suggestion)}`
  }
  if (isConfig) {
    if (p.home !== undefined) return `${key} is ${CONFIG_HOME_NAMES[p.home]}, not a ${what}`
    return `unknown ${what} ${key}: the simulator does not model it; known keys: ${p.allowed.join(', ')}`
  }
  return `unknown field ${key} in ${what}; allowed fields: ${p.allowed.join(', ')}`
}

const JSON_SYNTAX: Record<JsonSyntaxReason, (p: ProblemParams['json-syntax']) => string> = {
  'empty-text': () => 'the text is empty; expected a JSON object',
  'after-end': (p) => `unexpected ${p.found ?? ''} after the end of the JSON value`,
  'unterminated-comment': () => 'unterminated /* comment',
  'end-expected-value': () => 'unexpected end of the text; expected a value',
  'single-quotes': () => 'strings must be in double quotes (")',
  'unexpected-character': (p) =>
    `unexpected ${p.found ?? ''}; expected a value (object, array, string, number, true, false or null)`,
  'too-deep': (p) => `nested more than ${p.depth ?? 0} levels deep`,
  'unexpected-word': (p) => `unexpected word ${quote(p.found ?? '')}; expected a value`,
  'trailing-comma-object': () => 'trailing comma before "}" (JSON does not allow it)',
  'end-expected-property': () => 'unexpected end of the text; expected a property name',
  'expected-property': (p) => `expected a property name in double quotes, found ${p.found ?? ''}`,
  'expected-colon': (p) => `expected ":" after the property name ${quote(p.key ?? '')}`,
  'end-expected-comma-brace': () => 'unexpected end of the text; expected "," or "}"',
  'expected-comma-brace': (p) =>
    `expected "," or "}" after a property value, found ${p.found ?? ''}`,
  'trailing-comma-array': () => 'trailing comma before "]" (JSON does not allow it)',
  'end-expected-comma-bracket': () => 'unexpected end of the text; expected "," or "]"',
  'expected-comma-bracket': (p) =>
    `expected "," or "]" after an array element, found ${p.found ?? ''}`,
  'unterminated-string': () => 'unterminated string',
  'control-character': (p) =>
    `control character ${p.found ?? ''} in a string; write it as an escape such as \\n`,
  'bad-unicode-escape': () => 'bad \\u escape; expected 4 hex digits',
  'bad-escape': (p) => `bad escape "\\${p.found ?? ''}" in a string`,
  'bad-number': (p) => `bad number ${quote(p.found ?? '')}`,
  'string-too-long': (p) =>
    `a string longer than ${thousands(p.maximum ?? 0)} characters, more than any field takes`,
  'key-too-long': (p) =>
    `a property name longer than ${thousands(p.maximum ?? 0)} characters (${p.found ?? ''}), longer than any field name`,
}

const BUDGET_WORDS: Record<BudgetName, (p: ProblemParams['over-budget']) => string> = {
  duration: (p) =>
    `${thousands(p.got)} ms (${durationText(p.got)}) of simulated time; the limit is ${thousands(p.maximum)} ms (${durationText(p.maximum)})`,
  partitions: (p) =>
    `${thousands(p.got)} partitions in total${offsetsNote(p)}; the limit is ${thousands(p.maximum)}`,
  replicas: (p) =>
    `${thousands(p.got)} replicas in total (partitions × replication factor${offsetsNote(p)}); the limit is ${thousands(p.maximum)}`,
  faults: (p) => `${thousands(p.got)} faults; the limit is ${thousands(p.maximum)}`,
  clients: (p) =>
    `${thousands(p.got)} clients (each producer, and each member of a consumer group); the limit is ${thousands(p.maximum)}`,
  'records-per-second': (p) =>
    `${thousands(p.got)} records/s over all producers; the limit is ${thousands(p.maximum)}`,
  topics: (p) =>
    `${thousands(p.got)} topics; the limit is ${thousands(p.maximum)} partitions in total, and each topic has at least one`,
  'narration-steps': (p) => `${thousands(p.got)} steps; the limit is ${thousands(p.maximum)}`,
}

function offsetsNote(p: ProblemParams['over-budget']): string {
  if (p.offsets === undefined || p.offsets === 0) return ''
  return `, ${thousands(p.offsets)} of them in __consumer_offsets, which the consumer groups need`
}

const FORBIDDEN_WORDS: Record<ForbiddenKind, string> = {
  control: 'a control character',
  bidi: 'a bidirectional formatting character',
  'zero-width': 'a zero-width character',
  'lone-surrogate': 'a lone surrogate, half of a UTF-16 pair and no character at all',
}

type Renderers = { [C in ProblemCode]: (params: ProblemParams[C]) => string }

const RENDERERS: Renderers = {
  'wrong-type': wrongType,
  'too-small': (p) =>
    (p.minimum === 0
      ? `must not be negative (got ${p.got})`
      : `must be at least ${p.minimum} (got ${p.got})`) +
    (p.reason === undefined ? '' : `: ${MINIMUM_REASONS[p.reason]}`),
  'too-large': (p) => `must be at most ${p.maximum} (got ${p.got})`,
  'too-long': (p) => `must be at most ${p.maximum} characters (got ${p.got})`,
  empty: () => 'must not be empty',
  'too-few-items': (p) => `must have at least ${p.minimum} items`,
  'too-many-items': (p) => `must have at most ${p.maximum} items (got ${p.got})`,
  'empty-list': (p) => `must list at least one ${p.of}`,
  'invalid-topic-name': (p) =>
    `${quote(p.value)} is not a valid name: Kafka allows 1 to 249 of the characters a-z, A-Z, 0-9, ".", "_" and "-"`,
  'invalid-throttled-replicas': (p) =>
    `${quote(p.value)} is not a throttled-replica list: use "*" or partition:broker pairs separated by commas, such as "0:1,0:2" (Kafka's ThrottledReplicaListValidator)`,
  'pattern-mismatch': (p) => `${quote(p.value)} is not a valid name: must match ${p.pattern}`,
  'not-allowed': (p) =>
    withSuggestion(`must be ${oneOf(p.allowed)} (got ${describeShown(p.got)})`, p.suggestion),
  'listed-twice': (p) =>
    `${typeof p.value === 'string' ? quote(p.value) : String(p.value)} is listed twice (also at ${p.firstPath})`,
  required: (p) =>
    `is required${p.hint === undefined ? '' : REQUIRED_HINTS[p.hint]}${p.allowed === undefined ? '' : ` ${p.allowed.join(', ')}`}`,
  'unknown-key': unknownKey,
  'unsupported-version': (p) => `unsupported version ${p.got}; this reader understands version 1`,
  'brokers-and-brokers-per-zone': () => 'give either brokers or brokersPerZone, not both',
  'not-a-partition-key': (p) =>
    `${quote(p.key)} is not a partition number; keys must be "0", "1", ...`,
  'partition-needs-topic': () =>
    'needs "topic" too: a partition number alone does not name a partition',
  'step-out-of-order': (p) =>
    `${p.atMs} ms comes before the previous step (${p.previousAtMs} ms); steps are shown in time order`,
  'step-after-end': (p) =>
    `${p.atMs} ms is after the end of the run (durationMs ${p.durationMs}); this step is never shown`,
  'fault-after-end': (p) =>
    `${p.atMs} ms is after the end of the run (durationMs ${p.durationMs}); this fault never happens`,
  'unknown-zone': (p) =>
    withSuggestion(
      `unknown zone ${quote(p.zone)}; cluster.zones lists ${quoted(p.zones)}`,
      p.suggestion,
    ),
  'too-many-brokers-per-zone': (p) =>
    `${p.brokersPerZone} brokers in each of ${p.zones} zones makes ${p.total}; the simulator allows at most ${p.maximum}`,
  'too-many-brokers': (p) => `lists ${p.listed} brokers; the simulator allows at most ${p.maximum}`,
  'zone-without-brokers': (p) => `zone ${quote(p.zone)} has no brokers`,
  'duplicate-id': (p) => {
    const id =
      p.of === 'topic'
        ? `topic name ${quote(String(p.id))}`
        : p.of === 'client'
          ? `client id ${quote(String(p.id))}`
          : `${p.of} id ${p.id}`
    return `duplicate ${id} (also at ${p.firstPath})`
  },
  'controller-is-broker': (p) =>
    `controller id ${p.id} is also a broker id; in KRaft every node.id is unique`,
  'default-controllers-collide': (p) =>
    `the default controller ids ${p.firstId}.. collide with broker ids; list the controllers explicitly`,
  'heartbeat-exceeds-session': (p) =>
    `broker.heartbeat.interval.ms (${p.heartbeatMs}) must not exceed broker.session.timeout.ms (${p.sessionMs})`,
  'topic-name-collision': (p) =>
    `topic ${quote(p.name)} collides with ${quote(p.other)} (${p.otherPath}): Kafka treats "." and "_" alike in metric names and refuses the second`,
  'rf-above-brokers': (p) =>
    `${rfSource(p.rfFromDefault)} ${p.rf} is larger than the number of brokers (${p.brokers}); Kafka refuses it with InvalidReplicationFactorException`,
  'min-isr-above-rf': (p) =>
    `min.insync.replicas ${p.minIsr}${p.minIsrFromCluster ? ' (from cluster.config)' : ''} is larger than the ${rfSource(p.rfFromDefault)} ${p.rf}: ` +
    (p.capped
      ? `Kafka ${p.version} caps it at the replication factor (Partition.effectiveMinIsr, 3.7+), so acks=all writes succeed only while all ${p.rf} replicas are in sync`
      : `Kafka ${p.version} uses it as it is, so every acks=all write fails with NOT_ENOUGH_REPLICAS (from 3.7 it is capped at the replication factor)`),
  'provisioned-throughput-unavailable': (p) =>
    `${p.brokerType} cannot have provisioned storage throughput: MSK offers it from kafka.m5.4xlarge and kafka.m7g.2xlarge up (docs/capacity.md); remove provisionedThroughputMiBps to use the default 250 MiB/s`,
  'provisioned-throughput-out-of-range': (p) =>
    `provisioned storage throughput for ${p.brokerType} is ${p.minimum} to ${p.maximum} MiB/s (got ${p.got})`,
  'provisioned-throughput-small-volume': (p) =>
    `provisioned storage throughput needs a volume of at least ${p.minimum} GiB (got ${p.volumeGiB})`,
  'custom-broker-needs-limits': () =>
    'brokerType "custom" needs brokerLimits: { "vcpus", "networkMiBps" } at least, the limits of each broker',
  'broker-limits-need-custom': (p) =>
    p.brokerType === null
      ? 'brokerLimits describe a custom broker: set "brokerType": "custom" with them'
      : `brokerLimits describe a custom broker, but brokerType is ${quote(p.brokerType)}, whose limits are AWS's published figures: remove brokerLimits, or set "brokerType": "custom"`,
  'storage-needs-broker-type': () =>
    'storage sizes each broker\'s volume for the capacity model, which needs a brokerType (such as "kafka.m5.large")',
  'express-no-storage': (p) =>
    `${p.brokerType} is an Express broker: MSK manages its storage, so there is no volume to configure; remove storage`,
  'express-no-volume-to-replace': (p) =>
    `${p.brokerType} is an Express broker: MSK manages its storage, so it has no volume to replace; use crashBroker or a Standard broker type`,
  'express-fixed-setting': (p) =>
    `${p.brokerType} is an Express broker, which fixes ${p.setting === 'zones' ? 'the number of Availability Zones' : p.setting} at ${JSON.stringify(p.required)} (got ${JSON.stringify(p.value)})`,
  'unknown-kafka-version': (p) =>
    `Kafka version ${quote(p.value)} is not one this simulator models; use one of ${quoted(p.supported)} (MSK's forms such as "3.7.x" or "3.7.x.kraft" are read as their major.minor)`,
  'zookeeper-removed': (p) =>
    `Kafka ${p.version} has no ZooKeeper mode (removed in 4.0); use "controller": "kraft" or a version up to 3.9`,
  'elr-not-in-version': (p) =>
    `eligible.leader.replicas.enable does not exist in Kafka ${p.version}: eligible leader replicas (KIP-966) are modelled from 3.9 (a preview in 4.0, on by default for new clusters from 4.1)`,
  'upgrade-not-newer': (p) =>
    `an upgrade goes to a newer version: ${quote(p.to)} is not newer than ${p.from}, the version at that point of the run (downgrades are not modelled)`,
  'zookeeper-upgrade-to-4': (p) =>
    `a ZooKeeper cluster cannot upgrade to Kafka ${p.to}: 4.0 removed ZooKeeper, and the ZooKeeper-to-KRaft migration is not modelled; upgrade to 3.9 at most`,
  'unknown-partition': (p) =>
    p.topic === undefined
      ? `partition ${p.partition} does not exist: the topic has ${p.partitions} partitions (0 to ${p.partitions - 1})`
      : `topic ${quote(p.topic)} has ${p.partitions} partitions (0 to ${p.partitions - 1})`,
  'replica-count-mismatch': (p) =>
    `lists ${p.listed} replicas, but the ${rfSource(p.rfFromDefault)} is ${p.rf}`,
  'unknown-broker': (p) => `unknown broker ${p.broker}; brokers are ${p.brokers.join(', ')}`,
  'unknown-client': (p) =>
    `unknown client ${quote(p.client)}; clients are ${p.clients.map((c) => quote(c)).join(', ') || 'none'}${p.suggestion === undefined ? '' : ` (did you mean ${quote(p.suggestion)}?)`}`,
  'unknown-member': (p) =>
    p.members === 1
      ? `client ${quote(p.client)} has one member (0), not ${p.member}`
      : `client ${quote(p.client)} has members 0 to ${p.members - 1}, not ${p.member}`,
  'members-need-group': () =>
    'members needs group: only the members of a consumer group share the partitions',
  'consumer-heartbeat-not-below-session': (p) =>
    `heartbeat.interval.ms (${p.heartbeatMs}) must be lower than session.timeout.ms (${p.sessionMs}): Kafka's consumer refuses it ("Heartbeat must be set lower than the session timeout")`,
  'session-timeout-out-of-range': (p) =>
    `session.timeout.ms ${p.sessionMs} is outside the brokers' group.min.session.timeout.ms (${p.minMs}) to group.max.session.timeout.ms (${p.maxMs}); the coordinator refuses the member with INVALID_SESSION_TIMEOUT`,
  'offsets-topic-cannot-be-created': (p) =>
    `offsets.topic.replication.factor is ${p.rf} but the cluster has ${p.brokers} broker${p.brokers === 1 ? '' : 's'}: __consumer_offsets cannot be created, so the consumer groups never form (FindCoordinator answers COORDINATOR_NOT_AVAILABLE)`,
  'unknown-controller': (p) =>
    `unknown controller ${p.controller}; controllers are ${p.controllers.join(', ')}`,
  'unknown-topic': (p) =>
    p.topics.length === 0
      ? `unknown topic ${quote(p.topic)}: the scenario defines no topics`
      : withSuggestion(
          `unknown topic ${quote(p.topic)}; topics are ${quoted(p.topics)}`,
          p.suggestion,
        ),
  'initial-needs-assignment': (p) =>
    `needs an explicit assignment[${quote(p.partition)}]: an initial state names replicas, so the replicas must be given`,
  'leader-not-replica': (p) =>
    `leader ${p.leader} is not among the replicas (${p.replicas.join(', ')}); use -1 for no leader`,
  'isr-missing-leader': (p) =>
    `must include the leader ${p.leader} (Kafka's leader is always in the ISR)`,
  'not-a-replica': (p) => `broker ${p.broker} is not among the replicas (${p.replicas.join(', ')})`,
  'elr-in-isr': (p) =>
    `broker ${p.broker} is in the ISR; eligible leader replicas are outside it (KIP-966)`,
  'idempotence-needs-acks-all': () =>
    'Must set acks to all in order to use the idempotent producer (enable.idempotence is true); Kafka refuses this with a ConfigException',
  'idempotence-needs-max-in-flight-5': (p) =>
    `Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer (enable.idempotence is true; got ${p.maxInFlight}); Kafka refuses this with a ConfigException`,
  'idempotence-disabled-by-max-in-flight': (p) =>
    `Idempotence will be disabled because max.in.flight.requests.per.connection is set to ${p.maxInFlight}, which is greater than 5, as Kafka's producer does when enable.idempotence is not set`,
  'idempotence-needs-retries': () =>
    'Must set retries to non-zero when using the idempotent producer (enable.idempotence is true)',
  'delivery-timeout-too-small': (p) =>
    `delivery.timeout.ms (${p.deliveryTimeoutMs}) should be equal to or larger than linger.ms + request.timeout.ms (${p.minimum}); Kafka refuses it`,
  'delivery-timeout-raised': (p) =>
    `the default ${p.defaultMs} is below linger.ms + request.timeout.ms, so it is raised to ${p.raisedTo}, as Kafka does`,
  'json-syntax': (p) => JSON_SYNTAX[p.reason](p),
  'duplicate-key': (p) =>
    `duplicate key ${quote(p.key)} (first at ${p.firstAt}); JSON readers would silently keep only the last`,
  'internal-error': (p) =>
    `could not be ${p.stage === 'validate' ? 'validated' : p.stage === 'read' ? 'read' : 'imported'}: ${p.detail}`,
  'variant-invalid': (p) =>
    `the variant ${quote(p.label)} is not a valid scenario: ${p.at === '$' ? '' : `${p.at}: `}${renderProblem(p.problem)}`,
  'over-budget': (p) => BUDGET_WORDS[p.budget](p),
  'run-too-large': (p) =>
    `${sizeText(p)} is ${workText(p.work)}; the limit is ${thousands(p.maximum)}: shorten durationMs or make the cluster smaller`,
  'text-too-large': (p) =>
    `the text is ${thousands(p.chars)} characters long; the limit is ${thousands(p.maximum)} (16 MiB)`,
  'forbidden-character': (p) =>
    `holds ${p.codePoint} (${FORBIDDEN_WORDS[p.kind]}) at character ${thousands(p.index + 1)}: ` +
    (p.prose
      ? 'text may hold newlines and tabs, but no other control, bidirectional-formatting or zero-width character'
      : 'a name may not hold control, bidirectional-formatting or zero-width characters, which can make one name look like another'),
  'too-many-entries': (p) =>
    `has ${thousands(p.got)} entries; the limit is ${thousands(p.maximum)}, one per partition of a topic`,
  // An importer's sentences share one code ('untranslated'), which names no kind a user knows.
  'more-problems': (p) =>
    `… and ${thousands(p.count)} more ${p.level === 'error' ? 'problems' : 'warnings'}${p.of === 'untranslated' ? '' : ` of this kind (${p.of})`}; only the first ${p.shown} of each kind are listed`,
  untranslated: (p) => p.text,
}

/**
 * The English sentence of a problem (without its path). It may quote the input, so invisible
 * and reordering characters in it are made visible (`displayText`) wherever it is shown.
 *
 * @example
 * for (const p of result.problems) console.log(`${p.path}: ${renderProblem(p)}`)
 */
export function renderProblem(problem: ProblemData | Problem): string {
  const render = RENDERERS[problem.code] as (params: unknown) => string
  return displayText(render(problem.params))
}
