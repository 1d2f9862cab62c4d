/**
 * Fuzz inputs for the scenario reader and the importers, as fast-check arbitraries (test code
 * only; nothing in the app imports this):
 * - `schemaShaped`: values that follow the JSON Schema of scenario files (the same object
 *   `scenario.schema.json` is made from) field by field, with hostile choices mixed in at every
 *   level: values one past a bound, markup and control characters in strings, strings one past
 *   their maximum length, `__proto__` and `constructor` keys, duplicated items, dropped required
 *   fields, wrong types;
 * - character and line edits of any text (`textEdits`, `lineEdits`);
 * - `kafka-topics --describe` output and reassignment JSON generated from a random layout, in
 *   the variants Kafka prints, so that an importer can be checked against the layout it was
 *   given, then mutated by the edits above.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { HOSTILE_PAYLOADS } from '../test-support/hostile-text'
import type { Problem } from './types'

// --- The readers' contract ----------------------------------------------------------------------

type Answer = { ok: true; warnings?: Problem[] } | { ok: false; problems: Problem[] }

/**
 * Either ok, or at least one problem; every problem (and warning) with a path and a message;
 * never the readers' internal-error catch-all, which is a crash by another name.
 */
export function wellFormed(result: Answer): void {
  const problems = result.ok ? (result.warnings ?? []) : result.problems
  if (!result.ok) expect(problems.length).toBeGreaterThan(0)
  for (const p of problems) {
    expect(typeof p.path).toBe('string')
    expect(p.path.length).toBeGreaterThan(0)
    expect(typeof p.message).toBe('string')
    expect(p.message.length).toBeGreaterThan(0)
    expect(p.code, `${p.path}: ${p.message}`).not.toBe('internal-error')
  }
}

/** The tally a fuzz run keeps of its cases. */
export const outcome = (result: { ok: boolean }): string => (result.ok ? 'accepted' : 'rejected')

// --- Values shaped by the JSON Schema -----------------------------------------------------------

/** The parts of JSON Schema that `buildScenarioSchema` uses. */
interface SchemaNode {
  $ref?: string
  type?: string
  const?: unknown
  enum?: unknown[]
  oneOf?: SchemaNode[]
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: boolean | SchemaNode
  propertyNames?: { pattern?: string }
  items?: SchemaNode
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
}

/**
 * Strings by the field they fill, so that a file's cross-references agree often enough (a
 * broker's zone is one of `cluster.zones`, a client's topic one of the topics) for some
 * generated files to get past the semantic checks to normalisation and export.
 */
const STRINGS_BY_KEY: Record<string, readonly string[]> = {
  zones: ['use1-az1', 'use1-az2', 'use1-az3'],
  zone: ['use1-az1', 'use1-az2', 'use1-az3'],
  focusZone: ['use1-az1', 'use1-az2'],
  name: ['orders', 'payments'],
  topic: ['orders', 'payments'],
  id: ['p1', 'c1'],
  client: ['p1', 'c1'],
  group: ['g1'],
  kafkaVersion: ['3.9', '4.1', '3.6.x'],
  toVersion: ['4.0', '4.1'],
}
const STRING_POOL = ['use1-az1', 'orders', 'p1', 'text', 'a']

/** Map keys for partition-numbered maps (`assignment`, `initial`) and free maps. */
const KEY_POOL = ['0', '1', '2']

/** Keys a careless reader turns into prototype pollution or a crash. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']

/** Wrong types, for any field. */
const WRONG_TYPE: unknown[] = [null, true, 0, -1, '', 'x', [], {}, [null], { '': null }]

/** An object with `entries` as own enumerable properties, `__proto__` included. */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

function hostileInteger(node: SchemaNode): fc.Arbitrary<unknown> {
  const min = node.minimum ?? 0
  const max = node.maximum ?? Number.MAX_SAFE_INTEGER
  return fc.constantFrom(min - 1, max + 1, min + 0.5, -0, 1e308, -1e308, 2 ** 53, `${min}`, 1e-7)
}

/**
 * Any code points, lone surrogates included. One instance for every field: fast-check builds a
 * table of all 1.1 million code points once per instance when it needs one.
 */
const BINARY_TEXT = fc.string({ unit: 'binary', maxLength: 12 })

function hostileString(node: SchemaNode): fc.Arbitrary<unknown> {
  const max = node.maxLength ?? 1000
  return fc.oneof(
    fc.constantFrom(...HOSTILE_PAYLOADS),
    fc.constantFrom(...PROTOTYPE_KEYS),
    // Exactly the longest allowed, and one longer: the bound itself is where readers slip.
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), ''),
    fc.constantFrom(...STRING_POOL).map((s) => `${s}\u202e`),
    BINARY_TEXT,
  )
}

/** With probability 1 in `odds`, one of `hostile`'s values instead of a well-shaped one. */
function withHostile(
  valid: fc.Arbitrary<unknown>,
  hostile: fc.Arbitrary<unknown>,
  odds: number,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: odds - 1, arbitrary: valid },
    { weight: 1, arbitrary: fc.oneof(hostile, fc.constantFrom(...WRONG_TYPE)) },
  )
}

interface Walk {
  root: SchemaNode
  /** How often (1 in odds) a node is replaced by a hostile value. */
  odds: number
  cache: Map<string, fc.Arbitrary<unknown>>
  /** Definitions being built, to catch a recursive one. */
  building: Set<string>
}

function resolve(walk: Walk, ref: string): SchemaNode {
  const name = ref.replace('#/$defs/', '')
  const defs = (walk.root as { $defs?: Record<string, SchemaNode> }).$defs ?? {}
  const node = defs[name]
  if (node === undefined) throw new Error(`the schema has no $defs entry ${name}`)
  return node
}

function nodeArbitrary(walk: Walk, node: SchemaNode, key = ''): fc.Arbitrary<unknown> {
  if (node.$ref !== undefined) {
    const ref = node.$ref
    const cached = walk.cache.get(ref)
    if (cached !== undefined) return cached
    // The scenario schema has no recursive definitions; one would need fc.letrec here.
    if (walk.building.has(ref)) throw new Error(`the schema's ${ref} refers to itself`)
    walk.building.add(ref)
    const built = nodeArbitrary(walk, resolve(walk, ref))
    walk.cache.set(ref, built)
    return built
  }
  if (node.const !== undefined) return withHostile(fc.constant(node.const), fc.constant(2), 20)
  if (node.enum !== undefined) {
    return withHostile(fc.constantFrom(...node.enum), fc.constantFrom('ALL', 'kraft '), 20)
  }
  if (node.oneOf !== undefined && node.type === undefined) {
    return fc.oneof(...node.oneOf.map((branch) => nodeArbitrary(walk, branch, key)))
  }
  switch (node.type) {
    case 'object':
      return objectArbitrary(walk, node)
    case 'array':
      return arrayArbitrary(walk, node, key)
    case 'integer': {
      const min = node.minimum ?? 0
      const max = node.maximum ?? Number.MAX_SAFE_INTEGER
      // Small values agree with each other (broker 1 of brokers 1 to 3); the bounds are kept.
      const valid = fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 4) }) },
        { weight: 1, arbitrary: fc.constantFrom(min, max) },
      )
      return withHostile(valid, hostileInteger(node), walk.odds)
    }
    case 'string': {
      const min = node.minLength ?? 0
      const max = node.maxLength ?? 1000
      const pool = STRINGS_BY_KEY[key] ?? STRING_POOL
      const fits = pool.filter((s) => s.length >= min && s.length <= max)
      const valid = fits.length > 0 ? fc.constantFrom(...fits) : fc.constant('x'.repeat(min))
      return withHostile(valid, hostileString(node), walk.odds)
    }
    case 'boolean':
      return withHostile(fc.boolean(), fc.constantFrom('true', 0, 1), walk.odds)
    default:
      // A node without a type (a free JSON value).
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function objectArbitrary(walk: Walk, node: SchemaNode): fc.Arbitrary<unknown> {
  const properties = Object.entries(node.properties ?? {})
  const extra = typeof node.additionalProperties === 'object' ? node.additionalProperties : null
  // Maps keyed by partition number (or free maps): a few entries from a small pool of keys.
  const mapEntries =
    extra === null
      ? fc.constant([] as [string, unknown][])
      : fc.uniqueArray(fc.tuple(fc.constantFrom(...KEY_POOL), nodeArbitrary(walk, extra)), {
          maxLength: 3,
          selector: ([key]) => key,
        })
  const children = new Map(properties.map(([key, child]) => [key, nodeArbitrary(walk, child, key)]))
  const exclusive = new Set((node.oneOf ?? []).flatMap((b) => b.required ?? []))
  // One arbitrary per `oneOf: [{required}]` branch (brokers or brokersPerZone): its required
  // fields always, an optional field one time in four (drawn only then, so that absent fields
  // cost nothing and files stay small), another branch's fields never.
  const branch = (required: readonly string[]): fc.Arbitrary<unknown> =>
    fc
      .tuple(
        fc.tuple(
          ...properties.map(([key]) => {
            const child = children.get(key) as fc.Arbitrary<unknown>
            if (required.includes(key)) return child.map((value) => [key, value] as const)
            if (exclusive.has(key)) return fc.constant(null)
            return fc.oneof(
              { weight: 3, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: child.map((value) => [key, value] as const) },
            )
          }),
        ),
        mapEntries,
      )
      .map(([drawn, entries]) => {
        const kept = drawn.filter((entry) => entry !== null) as [string, unknown][]
        return objectOf([...kept, ...entries])
      })
  const base = node.required ?? []
  const branches = (node.oneOf ?? []).map((b) => [...new Set([...base, ...(b.required ?? [])])])
  const valid =
    branches.length === 0 ? branch(base) : fc.oneof(...branches.map((required) => branch(required)))
  const hostile = fc
    .tuple(
      valid,
      fc.constantFrom(...PROTOTYPE_KEYS, 'colour', ''),
      fc.jsonValue({ maxDepth: 1 }),
      fc.nat(),
    )
    .map(([object, key, value, pick]) => {
      const entries = Object.entries(object as Record<string, unknown>)
      // Either a stray (or prototype-named) key, or a required one gone.
      if (pick % 2 === 0) return objectOf([...entries, [key, value]])
      const required = node.required ?? []
      const gone = required[pick % Math.max(1, required.length)]
      return objectOf(entries.filter(([k]) => k !== gone))
    })
  return withHostile(valid, hostile, walk.odds)
}

function arrayArbitrary(walk: Walk, node: SchemaNode, key: string): fc.Arbitrary<unknown> {
  const item =
    node.items === undefined ? fc.jsonValue({ maxDepth: 1 }) : nodeArbitrary(walk, node.items, key)
  const min = node.minItems ?? 0
  const max = Math.min(node.maxItems ?? 4, min + 3)
  const valid =
    node.uniqueItems === true
      ? fc.uniqueArray(item, { minLength: min, maxLength: max, comparator: 'SameValueZero' })
      : fc.array(item, { minLength: min, maxLength: max })
  const hostile = fc.oneof(
    // A duplicated item (uniqueItems, duplicate ids and names).
    valid.map((items) => (items.length > 0 ? [...items, items[0]] : items)),
    // Many copies: the cost of an item that is checked against every other one.
    fc
      .tuple(item, fc.integer({ min: 50, max: 300 }))
      .map(([one, n]) => Array.from({ length: n }, () => one)),
    fc.constant([]),
  )
  return withHostile(valid, hostile, walk.odds)
}

/**
 * Values that follow `schema` (a JSON Schema object in the subset the scenario schema uses),
 * each node replaced by a hostile value with probability 1 in `odds`.
 */
export function schemaShaped(
  schema: Readonly<Record<string, unknown>>,
  odds = 200,
): fc.Arbitrary<unknown> {
  const root = schema as SchemaNode
  return nodeArbitrary({ root, odds, cache: new Map(), building: new Set() }, root)
}

// --- Character and line edits -------------------------------------------------------------------

export type TextEdit = [
  kind: 'insert' | 'delete' | 'replace' | 'duplicate',
  at: number,
  length: number,
  piece: string,
]

/** Pieces likely to matter in JSON or describe text. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '-',
  '0',
  '9',
  'e',
  '\t',
  '\n',
  '\r',
  ' ',
  '/*',
  '//',
  'null',
  '1e999',
  '\u0000',
  '\uD800',
  '\u202e',
  '\uFEFF',
  'Topic:',
  'Partition:',
  'Leader:',
  'none',
  'N/A',
]

/** Character-level edits: insert, delete, replace or duplicate a slice. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.tuple(
  fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const, 'duplicate' as const),
  fc.nat(),
  fc.integer({ min: 1, max: 12 }),
  fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
)

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const [kind, at, length, piece] of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1)
    if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i)
    else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + length)
    else if (kind === 'replace') out = out.slice(0, i) + piece + out.slice(i + length)
    else out = out.slice(0, i) + out.slice(i, i + length * 4) + out.slice(i)
  }
  return out
}

/** Describe output as Kafka prints it: 2.x, 3.x with TopicId, 4.x with ELR, Confluent, CRLF. */
export const DESCRIBE_SAMPLES = [
  'Topic:orders\tPartitionCount:3\tReplicationFactor:3\tConfigs:min.insync.replicas=2\n\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\n\tTopic: orders\tPartition: 2\tLeader: -1\tReplicas: 3,1,2\tIsr: 3\n',
  'Topic: payments\tTopicId: 4uNQhjpzQ2K3b3TE2aPqVA\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,unclean.leader.election.enable=true\n\tTopic: payments\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: \tElr: 2,3\tLastKnownElr: 1\n\tTopic: payments\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: N/A\tLastKnownElr: N/A\n',
  'Topic: multi\tTopicId: Cz3OHZ4hR3aSqu0ikOLgZA\tPartitionCount: 1\tReplicationFactor: 4\tConfigs: confluent.placement.constraints={"version":1}\n\tTopic: multi\tPartition: 0\tLeader: 1\tReplicas: 1,2,3,4\tIsr: 1,2,3\tOffline: 3\tObservers: 4\tAdding Replicas: \tRemoving Replicas: \n',
  'Topic: orders   PartitionCount: 1       ReplicationFactor: 2    Configs:\r\n        Topic: orders   Partition: 0    Leader: 1       Replicas: 1,2 Isr: 1,2\r\n',
]

export type LineEdit = [kind: 'drop' | 'duplicate' | 'swap' | 'columns', a: number, b: number]

/** Line-level edits: drop, duplicate or swap lines, or swap two columns of a line. */
export const lineEdit: fc.Arbitrary<LineEdit> = fc.tuple(
  fc.constantFrom('drop' as const, 'duplicate' as const, 'swap' as const, 'columns' as const),
  fc.nat(),
  fc.nat(),
)

export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n')
  for (const [kind, a, b] of edits) {
    const i = a % lines.length
    const j = b % lines.length
    if (kind === 'drop') lines.splice(i, 1)
    else if (kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '')
    else if (kind === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']
    else {
      const columns = (lines[i] ?? '').split('\t')
      const x = a % columns.length
      const y = b % columns.length
      ;[columns[x], columns[y]] = [columns[y] ?? '', columns[x] ?? '']
      lines[i] = columns.join('\t')
    }
    if (lines.length === 0) lines.push('')
  }
  return lines.join('\n')
}

// --- Cluster layouts, as kafka-topics --describe and reassignment files print them --------------

export interface PartitionLayout {
  replicas: number[]
  /** -1: no leader. Otherwise a member of `isr`. */
  leader: number
  isr: number[]
  /** Eligible leader replicas (Kafka 4.x): replicas outside the ISR. */
  elr: number[]
}

export interface TopicLayout {
  name: string
  partitions: PartitionLayout[]
  minIsr?: number
}

export interface Layout {
  brokers: number[]
  topics: TopicLayout[]
}

const topicName = fc
  .stringMatching(/^[a-zA-Z0-9._-]{1,24}$/)
  .filter((name) => name !== '.' && name !== '..')

function partitionLayout(brokers: number[], rf: number): fc.Arbitrary<PartitionLayout> {
  return fc
    .tuple(
      fc.shuffledSubarray(brokers, { minLength: rf, maxLength: rf }),
      fc.nat(rf),
      fc.boolean(),
      fc.nat(rf),
    )
    .map(([replicas, isrSize, leaderless, elrSize]) => {
      // Kafka keeps the last ISR member in the ISR when its partition goes offline, so a
      // leaderless partition has at most one ISR member left; a led one has its leader first.
      const isr = leaderless
        ? replicas.slice(0, Math.min(isrSize, 1))
        : replicas.slice(0, Math.max(1, isrSize))
      const leader = leaderless ? -1 : (isr[0] as number)
      const elr = replicas.filter((id) => !isr.includes(id)).slice(0, elrSize)
      return { replicas, leader, isr, elr }
    })
}

/** A cluster of 1 to 6 brokers (ids from 0 to 20) with 1 to 3 topics of 1 to 4 partitions. */
export const layout: fc.Arbitrary<Layout> = fc
  .uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 })
  .chain((brokers) =>
    fc
      .uniqueArray(
        fc.record({
          name: topicName,
          rf: fc.integer({ min: 1, max: brokers.length }),
          count: fc.integer({ min: 1, max: 4 }),
          minIsr: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        }),
        // Kafka refuses a topic whose name collides with another's once "." and "_" are
        // taken alike (metric names), so no cluster describes both "a.b" and "a_b".
        { minLength: 1, maxLength: 3, selector: (t) => t.name.replaceAll('.', '_') },
      )
      .chain((topics) =>
        fc
          .tuple(
            ...topics.map((t) =>
              fc.array(partitionLayout(brokers, t.rf), { minLength: t.count, maxLength: t.count }),
            ),
          )
          .map((partitions) => ({
            brokers: [...brokers].sort((a, b) => a - b),
            topics: topics.map((t, i) => ({
              name: t.name,
              partitions: partitions[i] ?? [],
              ...(t.minIsr === undefined ? {} : { minIsr: t.minIsr }),
            })),
          })),
      ),
  )

/** How a Kafka version (or a terminal) prints describe output. */
export type DescribeStyle = 'zookeeper' | 'kafka-3' | 'kafka-4' | 'spaces' | 'crlf'

export const describeStyle: fc.Arbitrary<DescribeStyle> = fc.constantFrom(
  'zookeeper',
  'kafka-3',
  'kafka-4',
  'spaces',
  'crlf',
)

/** Whether a style prints the ELR columns, so that a layout's ELR can be read back. */
export function printsElr(style: DescribeStyle): boolean {
  return style === 'kafka-4' || style === 'spaces'
}

/** `layout` as `kafka-topics.sh --describe` prints it in `style`. */
export function describeText(layout: Layout, style: DescribeStyle): string {
  const colon = style === 'zookeeper' ? ':' : ': '
  const lines: string[] = []
  for (const topic of layout.topics) {
    const rf = topic.partitions[0]?.replicas.length ?? 1
    const configs = topic.minIsr === undefined ? '' : `min.insync.replicas=${topic.minIsr}`
    const id = style === 'zookeeper' ? '' : `TopicId: AAAAAAAAAAAAAAAAAAAAAA\t`
    lines.push(
      `Topic${colon}${topic.name}\t${id}PartitionCount${colon}${topic.partitions.length}` +
        `\tReplicationFactor${colon}${rf}\tConfigs${colon}${configs}`,
    )
    topic.partitions.forEach((p, i) => {
      const leader = p.leader === -1 ? (i % 2 === 0 ? 'none' : '-1') : String(p.leader)
      let line =
        `\tTopic: ${topic.name}\tPartition: ${i}\tLeader: ${leader}` +
        `\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}`
      if (printsElr(style)) line += `\tElr: ${p.elr.join(',')}\tLastKnownElr: `
      lines.push(line)
    })
  }
  const text = `${lines.join('\n')}\n`
  if (style === 'spaces') return text.replaceAll('\t', '   ')
  if (style === 'crlf') return text.replaceAll('\n', '\r\n')
  return text
}

/** `1=use1-az1,2=use1-az2,...`: each broker in one of three zones, round robin. */
export function zoneMapFor(layout: Layout): string {
  return layout.brokers.map((id, i) => `${id}=use1-az${(i % 3) + 1}`).join(',')
}

/** `layout`'s replica lists as a kafka-reassign-partitions.sh file. */
export function reassignmentJson(layout: Layout, logDirs: boolean): string {
  return JSON.stringify({
    version: 1,
    partitions: layout.topics.flatMap((topic) =>
      topic.partitions.map((p, partition) => ({
        topic: topic.name,
        partition,
        replicas: p.replicas,
        ...(logDirs ? { log_dirs: p.replicas.map(() => 'any') } : {}),
      })),
    ),
  })
}

/** The whole output of `kafka-reassign-partitions.sh --generate` around `proposed`. */
export function generateOutput(current: string, proposed: string): string {
  return [
    'Current partition replica assignment',
    current,
    '',
    'Proposed partition reassignment configuration',
    proposed,
    '',
  ].join('\n')
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A structural edit of a JSON value: follow `walk`, then replace, drop, or add a stray key. */
export type ValueEdit = [walk: number[], action: 'replace' | 'drop' | 'stray', value: Json]

export const valueEdit: fc.Arbitrary<ValueEdit> = fc.tuple(
  fc.array(fc.nat(), { maxLength: 5 }),
  fc.constantFrom('replace' as const, 'drop' as const, 'stray' as const),
  fc.oneof(
    fc.constantFrom<Json[]>(null, -1, 0, 1.5, 2147483648, '', '1', 'any', [], {}, [1, 1]),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  ),
)

export function applyValueEdits(root: Json, edits: readonly ValueEdit[]): Json {
  let out = structuredClone(root)
  for (const [walk, action, value] of edits) {
    let parent: Json | undefined
    let key: string | number | undefined
    let node = out
    for (const step of walk) {
      const keys: (string | number)[] = Array.isArray(node)
        ? node.map((_, i) => i)
        : node !== null && typeof node === 'object'
          ? Object.keys(node)
          : []
      if (keys.length === 0) break
      key = keys[step % keys.length]!
      parent = node
      node = (node as Record<string | number, Json>)[key]!
    }
    if (parent === undefined || key === undefined) {
      if (action === 'replace') out = value
      continue
    }
    const container = parent as Record<string | number, Json>
    if (action === 'replace') container[key] = structuredClone(value)
    else if (action === 'drop' && Array.isArray(parent) && typeof key === 'number')
      parent.splice(key, 1)
    else if (action === 'drop') delete container[key]
    else if (node !== null && typeof node === 'object' && !Array.isArray(node))
      node['stray'] = value
  }
  return out
}
