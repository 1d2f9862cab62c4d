/**
 * The first validation pass: types, ranges, required and unknown fields, exactly what the JSON
 * Schema says (both read the tables in `fields.ts`). It never stops at the first problem. What
 * it returns keeps only the values that passed, so the second pass (`semantics.ts`) can check
 * references among the valid parts without tripping over the broken ones.
 */
import type { BrokerTypeName } from '../engine/capacity/broker-type-names'
import type {
  BrokerLimits,
  BrokerSpec,
  ClusterConfig,
  ControllerMode,
  ControllerSpec,
  FaultType,
  InitialPartitionState,
  StorageSpec,
  TopicConfig,
} from '../engine/spec'
import {
  AT_MS_FIELD,
  BROKER_LIMITS_FIELDS,
  CLUSTER_CONFIG_FIELDS,
  CLUSTER_FIELDS,
  CONSUMER_CONFIG_FIELDS,
  CONSUMER_FIELDS,
  FAULT_RULES,
  FAULT_TYPES,
  INITIAL_FIELDS,
  NARRATION_FIELDS,
  NARRATION_STEP_FIELDS,
  MAX_BROKERS,
  MAX_CONTROLLERS,
  MAX_INT32,
  MAX_PARTITIONS,
  NODE_FIELDS,
  PRODUCER_CONFIG_FIELDS,
  PRODUCER_FIELDS,
  ROOT_FIELDS,
  STORAGE_FIELDS,
  TOPIC_CONFIG_FIELDS,
  TOPIC_FIELDS,
  TRY_IT_VARIANT_FIELDS,
  type FieldSpec,
  type Rule,
} from './fields'
import type {
  BudgetName,
  ConfigHome,
  MinimumReason,
  ObjectKind,
  ProblemCode,
  ProblemParams,
} from './messages'
import { showValue } from './messages'
import {
  MAX_CLIENTS,
  MAX_FAULTS,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_NARRATION_STEPS,
  MAX_PROBLEMS_PER_CODE,
  MAX_TOTAL_PARTITIONS,
} from './budget'
import { forbiddenCharacter } from './characters'
import { at, closest, hasOwn, isRecord, problem } from './text'
import type { NarrationStep, Problem, ScenarioNarration, TryItVariant } from './types'

/**
 * What a validation pass has found. `errors` and `warnings` keep the first
 * MAX_PROBLEMS_PER_CODE problems of each code (a file with 100,000 faults after its end needs
 * one screen of warnings, not 100,000 lines); `errorCount` counts every error, kept or not, so
 * that "did this part fail?" never depends on the cap; `dropped` counts what the cap left out,
 * by level and code, for `finishCtx` to summarise.
 */
export interface Ctx {
  errors: Problem[]
  warnings: Problem[]
  errorCount: number
  kept: Map<string, number>
  dropped: Map<string, { level: 'error' | 'warning'; code: ProblemCode; count: number }>
}

export function newCtx(): Ctx {
  return { errors: [], warnings: [], errorCount: 0, kept: new Map(), dropped: new Map() }
}

/** True when a problem of this level and code is still under the cap (and counts it). */
function keep(ctx: Ctx, level: 'error' | 'warning', code: ProblemCode): boolean {
  const key = `${level} ${code}`
  const kept = ctx.kept.get(key) ?? 0
  if (kept < MAX_PROBLEMS_PER_CODE) {
    ctx.kept.set(key, kept + 1)
    return true
  }
  const dropped = ctx.dropped.get(key)
  if (dropped === undefined) ctx.dropped.set(key, { level, code, count: 1 })
  else dropped.count++
  return false
}

export function error<C extends ProblemCode>(
  ctx: Ctx,
  path: string,
  code: C,
  params: ProblemParams[C],
): void {
  ctx.errorCount++
  if (keep(ctx, 'error', code)) ctx.errors.push(problem(path, code, params))
}

export function warn<C extends ProblemCode>(
  ctx: Ctx,
  path: string,
  code: C,
  params: ProblemParams[C],
): void {
  if (keep(ctx, 'warning', code)) ctx.warnings.push(problem(path, code, params))
}

/**
 * Appends one "… and N more" problem for each code the cap cut short, after the problems it
 * kept, so the CLI and the page say the same about what they left out.
 */
export function finishCtx(ctx: Ctx): void {
  for (const { level, code, count } of ctx.dropped.values()) {
    const summary = problem('', 'more-problems', {
      of: code,
      count,
      shown: MAX_PROBLEMS_PER_CODE,
      level,
    })
    if (level === 'error') ctx.errors.push(summary)
    else ctx.warnings.push(summary)
  }
  ctx.dropped.clear()
}

/** A partition number used as an object key: "0", "1"... without leading zeros. */
export const PARTITION_KEY = /^(0|[1-9][0-9]{0,8})$/

export interface LooseCluster {
  kafkaVersion?: string
  brokerType?: BrokerTypeName
  brokerLimits?: BrokerLimits
  storage?: StorageSpec
  controller?: ControllerMode
  zones?: string[]
  brokers?: BrokerSpec[]
  brokersPerZone?: number
  controllers?: ControllerSpec[]
  config: Partial<ClusterConfig>
}

export interface LooseTopic {
  name?: string
  partitions?: number
  replicationFactor?: number
  config: TopicConfig
  hasConfig: boolean
  assignment?: Record<string, number[]>
  /** Every partition key of `assignment`, valid or not, so that no cascade of errors follows. */
  assignmentKeys: string[]
  initial?: Record<string, InitialPartitionState>
}

export interface LooseClient {
  kind?: 'producer' | 'consumer'
  id?: string
  topic?: string
  recordsPerSecond?: number
  recordBytes?: number
  group?: string
  members?: number
  config: Record<string, unknown>
  hasConfig: boolean
}

export interface LooseFault {
  atMs?: number
  type?: FaultType
  fields: Record<string, unknown>
}

export interface LooseScenario {
  fields: Record<string, unknown>
  cluster?: LooseCluster
  topics?: (LooseTopic | undefined)[]
  clients?: (LooseClient | undefined)[]
  faults?: (LooseFault | undefined)[]
  /** Set (possibly to undefined) when the file has narration; a value only when it is valid. */
  narration?: ScenarioNarration
}

/** Where a config key that is unknown in one place does belong, for a helpful message. */
const CONFIG_HOMES: [ConfigHome, readonly string[]][] = [
  ['cluster-config', Object.keys(CLUSTER_CONFIG_FIELDS)],
  ['producer-config', Object.keys(PRODUCER_CONFIG_FIELDS)],
  ['consumer-config', Object.keys(CONSUMER_CONFIG_FIELDS)],
]

function unknownKey(
  ctx: Ctx,
  path: string,
  key: string,
  allowed: readonly string[],
  kind: ObjectKind,
): void {
  const params: ProblemParams['unknown-key'] = { key, in: kind, allowed: [...allowed] }
  const suggestion = closest(key, allowed)
  if (suggestion !== undefined) params.suggestion = suggestion
  else if (kind.endsWith('config')) {
    const home = CONFIG_HOMES.find(([, keys]) => keys.includes(key))
    if (home !== undefined) params.home = home[0]
  }
  error(ctx, path, 'unknown-key', params)
}

/** Checks that `value` is an object without unknown keys; returns it, or undefined. */
function object(
  ctx: Ctx,
  value: unknown,
  path: string,
  allowed: readonly string[],
  what: ObjectKind,
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    error(ctx, path, 'wrong-type', { expected: 'object', got: showValue(value) })
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) unknownKey(ctx, at(path, key), key, allowed, what)
  }
  return value
}

/**
 * A list of at most `maxItems` items (counted before any item is read or copied: a list of a
 * million faults costs one comparison); `budget` names the work budget the maximum is.
 */
function list(
  ctx: Ctx,
  value: unknown,
  path: string,
  maxItems?: number,
  budget?: BudgetName,
): unknown[] | undefined {
  if (!Array.isArray(value)) {
    error(ctx, path, 'wrong-type', { expected: 'array', got: showValue(value) })
    return undefined
  }
  const length = (value as unknown[]).length
  if (maxItems !== undefined && length > maxItems) {
    if (budget !== undefined)
      error(ctx, path, 'over-budget', { budget, got: length, maximum: maxItems })
    else error(ctx, path, 'too-many-items', { maximum: maxItems, got: length })
    return undefined
  }
  // Array.from turns holes of a sparse array into undefined, which is then reported.
  return Array.from(value as unknown[])
}

function integer(
  ctx: Ctx,
  value: unknown,
  path: string,
  min: number,
  max: number,
  reason?: MinimumReason,
  budget?: BudgetName,
): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    error(ctx, path, 'wrong-type', { expected: 'integer', got: showValue(value) })
    return undefined
  }
  if (value < min) {
    error(
      ctx,
      path,
      'too-small',
      reason === undefined ? { minimum: min, got: value } : { minimum: min, got: value, reason },
    )
    return undefined
  }
  if (value > max) {
    if (budget !== undefined) error(ctx, path, 'over-budget', { budget, got: value, maximum: max })
    else error(ctx, path, 'too-large', { maximum: max, got: value })
    return undefined
  }
  return value
}

function duplicatesIn(ctx: Ctx, items: readonly unknown[], path: string): boolean {
  const seen = new Map<unknown, number>()
  let ok = true
  items.forEach((item, i) => {
    const first = seen.get(item)
    if (first === undefined) {
      seen.set(item, i)
    } else {
      const value = typeof item === 'string' || typeof item === 'number' ? item : String(item)
      error(ctx, at(path, i), 'listed-twice', { value, firstPath: at(path, first) })
      ok = false
    }
  })
  return ok
}

/** Checks one value against a rule; returns it when valid. */
export function readValue(ctx: Ctx, value: unknown, path: string, rule: Rule): unknown {
  switch (rule.kind) {
    case 'integer':
      return integer(ctx, value, path, rule.minimum, rule.maximum, rule.why, rule.budget)
    case 'boolean':
      if (typeof value === 'boolean') return value
      error(ctx, path, 'wrong-type', { expected: 'boolean', got: showValue(value) })
      return undefined
    case 'string':
      return readString(ctx, value, path, rule)
    case 'enum':
      if (rule.values.includes(value as string | number)) return value
      notAllowed(ctx, value, path, rule.values)
      return undefined
    case 'integerList':
    case 'stringList':
    case 'enumList':
      return readList(ctx, value, path, rule)
    case 'nested':
      return value
  }
}

function notAllowed(
  ctx: Ctx,
  value: unknown,
  path: string,
  values: readonly (string | number)[],
): void {
  const params: ProblemParams['not-allowed'] = { allowed: [...values], got: showValue(value) }
  const suggestion = typeof value === 'string' ? closest(value, values.map(String)) : undefined
  if (suggestion !== undefined) params.suggestion = suggestion
  error(ctx, path, 'not-allowed', params)
}

function readString(
  ctx: Ctx,
  value: unknown,
  path: string,
  rule: Extract<Rule, { kind: 'string' }>,
): string | undefined {
  if (typeof value !== 'string') {
    error(ctx, path, 'wrong-type', { expected: 'string', got: showValue(value) })
    return undefined
  }
  if (value.length < rule.minLength) {
    error(ctx, path, 'empty', {})
    return undefined
  }
  if (value.length > rule.maxLength) {
    error(ctx, path, 'too-long', { maximum: rule.maxLength, got: value.length })
    return undefined
  }
  const prose = rule.prose === true
  const bad = forbiddenCharacter(value, prose)
  if (bad !== undefined) {
    error(ctx, path, 'forbidden-character', { ...bad, prose })
    return undefined
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
    if (rule.topicName === true) error(ctx, path, 'invalid-topic-name', { value })
    else if (rule.throttledReplicas === true)
      error(ctx, path, 'invalid-throttled-replicas', { value })
    else error(ctx, path, 'pattern-mismatch', { value, pattern: rule.pattern })
    return undefined
  }
  return value
}

function readList(
  ctx: Ctx,
  value: unknown,
  path: string,
  rule: Extract<Rule, { kind: 'integerList' | 'stringList' | 'enumList' }>,
): unknown[] | undefined {
  const maxItems = (rule.kind === 'stringList' ? rule.maxItems : undefined) ?? MAX_LIST_ITEMS
  const items = list(ctx, value, path, maxItems)
  if (items === undefined) return undefined
  let ok = true
  if (items.length < rule.minItems) {
    if (rule.minItems === 1) error(ctx, path, 'empty', {})
    else error(ctx, path, 'too-few-items', { minimum: rule.minItems })
    ok = false
  }
  items.forEach((item, i) => {
    const itemPath = at(path, i)
    let checked: unknown
    if (rule.kind === 'integerList')
      checked = integer(ctx, item, itemPath, rule.minimum, rule.maximum)
    else if (rule.kind === 'stringList')
      checked = readString(ctx, item, itemPath, {
        kind: 'string',
        minLength: 1,
        maxLength: MAX_NAME_CHARS,
      })
    else checked = readValue(ctx, item, itemPath, { kind: 'enum', values: rule.values })
    if (checked === undefined) ok = false
  })
  if (ok && !duplicatesIn(ctx, items, path)) ok = false
  return ok ? items.slice() : undefined
}

/**
 * Reads the fields of an object by their specs: reports missing required fields and invalid
 * values, and returns the valid values (nested fields are returned unchecked).
 */
function fields(
  ctx: Ctx,
  obj: Record<string, unknown>,
  path: string,
  specs: Record<string, FieldSpec>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(specs)) {
    if (!hasOwn(obj, key)) {
      if (spec.required) error(ctx, at(path, key), 'required', {})
      continue
    }
    const value = readValue(ctx, obj[key], at(path, key), spec.rule)
    if (value !== undefined) out[key] = value
  }
  return out
}

function config<K extends string>(
  ctx: Ctx,
  value: unknown,
  path: string,
  specs: Record<K, FieldSpec>,
  what: ObjectKind,
): Partial<Record<K, unknown>> {
  const obj = object(ctx, value, path, Object.keys(specs), what)
  return obj === undefined ? {} : (fields(ctx, obj, path, specs) as Partial<Record<K, unknown>>)
}

function nodes(
  ctx: Ctx,
  value: unknown,
  path: string,
  what: 'broker' | 'controller',
  maxItems?: number,
): { id: number; zone: string }[] | undefined {
  if (what === 'broker' && Array.isArray(value) && value.length > MAX_BROKERS) {
    error(ctx, path, 'too-many-brokers', { listed: value.length, maximum: MAX_BROKERS })
    return undefined
  }
  const items = list(ctx, value, path, maxItems)
  if (items === undefined) return undefined
  if (items.length === 0) error(ctx, path, 'empty-list', { of: what })
  let ok = items.length > 0
  const out = items.map((item, i) => {
    const obj = object(ctx, item, at(path, i), Object.keys(NODE_FIELDS), what)
    const node = obj === undefined ? {} : fields(ctx, obj, at(path, i), NODE_FIELDS)
    if (node.id === undefined || node.zone === undefined) ok = false
    return node as { id: number; zone: string }
  })
  return ok ? out : undefined
}

export function readScenario(ctx: Ctx, raw: unknown): LooseScenario | undefined {
  const root = object(ctx, raw, '', Object.keys(ROOT_FIELDS), 'scenario')
  if (root === undefined) return undefined
  const { version: _version, ...others } = ROOT_FIELDS
  const checked = fields(ctx, root, '', others)
  if (!hasOwn(root, 'version')) {
    error(ctx, 'version', 'required', { hint: 'version' })
  } else if (root.version === 1) {
    checked.version = 1
  } else if (typeof root.version === 'number') {
    error(ctx, 'version', 'unsupported-version', { got: root.version })
  } else {
    error(ctx, 'version', 'wrong-type', {
      expected: 'version-number',
      got: showValue(root.version),
    })
  }
  const out: LooseScenario = { fields: checked }
  if (hasOwn(root, 'cluster')) out.cluster = readCluster(ctx, root.cluster, 'cluster')
  // Each topic has a partition and each client entry is a client at least, so the lists are
  // counted against those budgets before their items are read.
  if (hasOwn(root, 'topics'))
    out.topics = list(ctx, root.topics, 'topics', MAX_TOTAL_PARTITIONS, 'topics')?.map((t, i) =>
      readTopic(ctx, t, at('topics', i)),
    )
  if (hasOwn(root, 'clients'))
    out.clients = list(ctx, root.clients, 'clients', MAX_CLIENTS, 'clients')?.map((c, i) =>
      readClient(ctx, c, at('clients', i)),
    )
  if (hasOwn(root, 'faults'))
    out.faults = list(ctx, root.faults, 'faults', MAX_FAULTS, 'faults')?.map((f, i) =>
      readFault(ctx, f, at('faults', i)),
    )
  if (hasOwn(root, 'narration')) out.narration = readNarration(ctx, root.narration, 'narration')
  return out
}

function readNarration(ctx: Ctx, value: unknown, path: string): ScenarioNarration | undefined {
  const obj = object(ctx, value, path, Object.keys(NARRATION_FIELDS), 'narration')
  if (obj === undefined) return undefined
  const before = ctx.errorCount
  const checked = fields(ctx, obj, path, NARRATION_FIELDS)
  const steps = hasOwn(obj, 'steps')
    ? list(ctx, obj.steps, at(path, 'steps'), MAX_NARRATION_STEPS, 'narration-steps')
    : undefined
  if (steps?.length === 0) error(ctx, at(path, 'steps'), 'empty-list', { of: 'step' })
  const read = steps?.map((step, i) => {
    const stepPath = at(path, 'steps', i)
    const stepObj = object(
      ctx,
      step,
      stepPath,
      Object.keys(NARRATION_STEP_FIELDS),
      'narration-step',
    )
    return stepObj === undefined ? undefined : fields(ctx, stepObj, stepPath, NARRATION_STEP_FIELDS)
  })
  const variant = hasOwn(obj, 'tryItVariant')
    ? readTryItVariant(ctx, obj.tryItVariant, at(path, 'tryItVariant'))
    : undefined
  if (ctx.errorCount > before || read === undefined) return undefined
  const narration: ScenarioNarration = { steps: read as unknown as NarrationStep[] }
  if (checked.tryIt !== undefined) narration.tryIt = checked.tryIt as string
  if (variant !== undefined) narration.tryItVariant = variant
  return narration
}

/**
 * `narration.tryItVariant`: a label and a merge patch whose top-level keys are the scenario's.
 * What the patch makes is checked by `validateScenario`, which applies it.
 */
function readTryItVariant(ctx: Ctx, value: unknown, path: string): TryItVariant | undefined {
  const obj = object(ctx, value, path, Object.keys(TRY_IT_VARIANT_FIELDS), 'try-it-variant')
  if (obj === undefined) return undefined
  const checked = fields(ctx, obj, path, TRY_IT_VARIANT_FIELDS)
  if (!hasOwn(obj, 'merge')) return undefined
  const mergePath = at(path, 'merge')
  const merge = object(ctx, obj.merge, mergePath, Object.keys(ROOT_FIELDS), 'variant-merge')
  if (merge === undefined) return undefined
  if (Object.keys(merge).length === 0) {
    error(ctx, mergePath, 'empty', {})
    return undefined
  }
  if (checked.label === undefined) return undefined
  return { label: checked.label as string, merge }
}

function readCluster(ctx: Ctx, value: unknown, path: string): LooseCluster | undefined {
  const obj = object(ctx, value, path, Object.keys(CLUSTER_FIELDS), 'cluster')
  if (obj === undefined) return undefined
  const checked = fields(ctx, obj, path, CLUSTER_FIELDS)
  const out: LooseCluster = { config: {} }
  if (checked.kafkaVersion !== undefined) out.kafkaVersion = checked.kafkaVersion as string
  if (checked.controller !== undefined) out.controller = checked.controller as ControllerMode
  if (checked.zones !== undefined) out.zones = checked.zones as string[]
  if (checked.brokersPerZone !== undefined) out.brokersPerZone = checked.brokersPerZone as number
  const hasBrokers = hasOwn(obj, 'brokers')
  const hasPerZone = hasOwn(obj, 'brokersPerZone')
  if (hasBrokers && hasPerZone) {
    error(ctx, path, 'brokers-and-brokers-per-zone', {})
  } else if (!hasBrokers && !hasPerZone) {
    error(ctx, at(path, 'brokers'), 'required', { hint: 'brokers' })
  }
  if (hasBrokers) out.brokers = nodes(ctx, obj.brokers, at(path, 'brokers'), 'broker')
  if (hasOwn(obj, 'controllers'))
    out.controllers = nodes(
      ctx,
      obj.controllers,
      at(path, 'controllers'),
      'controller',
      MAX_CONTROLLERS,
    )
  if (hasOwn(obj, 'config')) {
    out.config = config(
      ctx,
      obj.config,
      at(path, 'config'),
      CLUSTER_CONFIG_FIELDS,
      'cluster-config',
    ) as Partial<ClusterConfig>
  }
  if (checked.brokerType !== undefined) out.brokerType = checked.brokerType as BrokerTypeName
  if (hasOwn(obj, 'brokerLimits')) {
    const limits = plainObject(
      ctx,
      obj.brokerLimits,
      at(path, 'brokerLimits'),
      BROKER_LIMITS_FIELDS,
      'broker-limits',
    )
    if (limits !== undefined) out.brokerLimits = limits as unknown as BrokerLimits
  }
  if (hasOwn(obj, 'storage')) {
    const storage = plainObject(ctx, obj.storage, at(path, 'storage'), STORAGE_FIELDS, 'storage')
    if (storage !== undefined) out.storage = storage as unknown as StorageSpec
  }
  return out
}

/**
 * An object of plain fields only (no nested ones), each checked against `specs`; undefined when
 * it is not an object or any field is wrong.
 */
function plainObject(
  ctx: Ctx,
  value: unknown,
  path: string,
  specs: Record<string, FieldSpec>,
  what: ObjectKind,
): Record<string, unknown> | undefined {
  const obj = object(ctx, value, path, Object.keys(specs), what)
  if (obj === undefined) return undefined
  const before = ctx.errorCount
  const checked = fields(ctx, obj, path, specs)
  return ctx.errorCount > before ? undefined : checked
}

function readTopic(ctx: Ctx, value: unknown, path: string): LooseTopic | undefined {
  const obj = object(ctx, value, path, Object.keys(TOPIC_FIELDS), 'topic')
  if (obj === undefined) return undefined
  const checked = fields(ctx, obj, path, TOPIC_FIELDS)
  const out: LooseTopic = { config: {}, hasConfig: hasOwn(obj, 'config'), assignmentKeys: [] }
  if (checked.name !== undefined) out.name = checked.name as string
  if (checked.partitions !== undefined) out.partitions = checked.partitions as number
  if (checked.replicationFactor !== undefined)
    out.replicationFactor = checked.replicationFactor as number
  if (out.hasConfig) {
    out.config = config(
      ctx,
      obj.config,
      at(path, 'config'),
      TOPIC_CONFIG_FIELDS,
      'topic-config',
    ) as TopicConfig
  }
  if (hasOwn(obj, 'assignment')) {
    if (isRecord(obj.assignment)) out.assignmentKeys = Object.keys(obj.assignment)
    out.assignment = partitionMap(
      ctx,
      obj.assignment,
      at(path, 'assignment'),
      (v, p) =>
        readValue(ctx, v, p, {
          kind: 'integerList',
          minimum: 0,
          maximum: MAX_INT32,
          minItems: 1,
        }) as number[] | undefined,
    )
  }
  if (hasOwn(obj, 'initial')) {
    out.initial = partitionMap(ctx, obj.initial, at(path, 'initial'), (v, p) =>
      readInitial(ctx, v, p),
    )
  }
  return out
}

/** An object keyed by partition number; returns the valid entries. */
function partitionMap<T>(
  ctx: Ctx,
  value: unknown,
  path: string,
  read: (value: unknown, path: string) => T | undefined,
): Record<string, T> {
  const out: Record<string, T> = {}
  if (!isRecord(value)) {
    error(ctx, path, 'wrong-type', { expected: 'partition-map', got: showValue(value) })
    return out
  }
  const keys = Object.keys(value)
  if (keys.length > MAX_PARTITIONS) {
    error(ctx, path, 'too-many-entries', { maximum: MAX_PARTITIONS, got: keys.length })
    return out
  }
  for (const key of keys) {
    const entryPath = at(path, key)
    if (!PARTITION_KEY.test(key)) {
      error(ctx, entryPath, 'not-a-partition-key', { key })
      continue
    }
    const entry = read(value[key], entryPath)
    if (entry !== undefined)
      Object.defineProperty(out, key, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return out
}

function readInitial(ctx: Ctx, value: unknown, path: string): InitialPartitionState | undefined {
  const obj = object(ctx, value, path, Object.keys(INITIAL_FIELDS), 'initial-state')
  if (obj === undefined) return undefined
  const before = ctx.errorCount
  const checked = fields(ctx, obj, path, INITIAL_FIELDS)
  return ctx.errorCount === before ? (checked as unknown as InitialPartitionState) : undefined
}

function readClient(ctx: Ctx, value: unknown, path: string): LooseClient | undefined {
  if (!isRecord(value)) {
    error(ctx, path, 'wrong-type', { expected: 'object', got: showValue(value) })
    return undefined
  }
  let kind: LooseClient['kind']
  if (!hasOwn(value, 'kind')) {
    error(ctx, at(path, 'kind'), 'required', { hint: 'client-kind' })
  } else {
    kind = readValue(ctx, value.kind, at(path, 'kind'), {
      kind: 'enum',
      values: ['producer', 'consumer'],
    }) as LooseClient['kind']
  }
  if (kind === undefined) {
    // Without a valid kind the allowed fields are not known; check the common ones only.
    const { kind: _kind, ...common } = CONSUMER_FIELDS
    object(ctx, value, path, Object.keys(PRODUCER_FIELDS), 'client')
    const checked = fields(ctx, value, path, common)
    return { ...pickClient(checked), config: {}, hasConfig: false }
  }
  const specs = kind === 'consumer' ? CONSUMER_FIELDS : PRODUCER_FIELDS
  const configSpecs: Record<string, FieldSpec> =
    kind === 'consumer' ? CONSUMER_CONFIG_FIELDS : PRODUCER_CONFIG_FIELDS
  const obj = value
  object(ctx, value, path, Object.keys(specs), kind)
  const checked = fields(ctx, obj, path, specs)
  const out: LooseClient = {
    ...pickClient(checked),
    kind,
    config: {},
    hasConfig: hasOwn(obj, 'config'),
  }
  if (out.hasConfig)
    out.config = config(ctx, obj.config, at(path, 'config'), configSpecs, `${kind}-config`)
  return out
}

function pickClient(checked: Record<string, unknown>): Partial<LooseClient> {
  const out: Partial<LooseClient> = {}
  if (checked.id !== undefined) out.id = checked.id as string
  if (checked.topic !== undefined) out.topic = checked.topic as string
  if (checked.recordsPerSecond !== undefined)
    out.recordsPerSecond = checked.recordsPerSecond as number
  if (checked.recordBytes !== undefined) out.recordBytes = checked.recordBytes as number
  if (checked.group !== undefined) out.group = checked.group as string
  if (checked.members !== undefined) out.members = checked.members as number
  return out
}

function readFault(ctx: Ctx, value: unknown, path: string): LooseFault | undefined {
  if (!isRecord(value)) {
    error(ctx, path, 'wrong-type', { expected: 'object', got: showValue(value) })
    return undefined
  }
  const out: LooseFault = { fields: {} }
  if (!hasOwn(value, 'type')) {
    error(ctx, at(path, 'type'), 'required', { hint: 'fault-type', allowed: [...FAULT_TYPES] })
  } else {
    out.type = readValue(ctx, value.type, at(path, 'type'), {
      kind: 'enum',
      values: FAULT_TYPES,
    }) as FaultType | undefined
  }
  const atMs = hasOwn(value, 'atMs')
    ? readValue(ctx, value.atMs, at(path, 'atMs'), AT_MS_FIELD.rule)
    : undefined
  if (!hasOwn(value, 'atMs')) error(ctx, at(path, 'atMs'), 'required', { hint: 'at-ms' })
  if (atMs !== undefined) out.atMs = atMs as number
  if (out.type === undefined) return out
  const rule = FAULT_RULES[out.type]
  object(ctx, value, path, ['atMs', 'type', ...Object.keys(rule.fields)], `${out.type}-fault`)
  out.fields = fields(ctx, value, path, rule.fields)
  if (out.type === 'electLeaders' && hasOwn(value, 'partition') && !hasOwn(value, 'topic')) {
    error(ctx, at(path, 'partition'), 'partition-needs-topic', {})
  }
  return out
}
