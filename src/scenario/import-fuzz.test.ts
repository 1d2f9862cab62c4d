/**
 * Fuzzes the importers with fast-check, seeded and counted (src/test-support/fuzz-runs.ts:
 * FUZZ_RUNS cases per property, FUZZ_SEED):
 * - `kafka-topics --describe` text generated from a random layout in every variant Kafka
 *   prints (ZooKeeper-era, 3.x with TopicId, 4.x with ELR, tabs turned to spaces, CRLF) is
 *   imported as exactly that layout: replica lists, leaders, ISRs, ELRs, partition counts;
 * - a reassignment file generated from a layout (with or without log_dirs, or inside the whole
 *   `--generate` output) is imported as its replica lists;
 * - the same texts and Kafka's own samples, edited character by character, line by line or
 *   value by value, and arbitrary text: the importers and the zone-map reader never throw, answer
 *   with problems that each have a path and a message, answer the same input the same way
 *   twice, and whatever they accept validates;
 * - zone maps written with every separator the reader allows read back as the same map.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRun, fuzzTimeoutMs } from '../test-support/fuzz-runs'
import {
  DESCRIBE_SAMPLES,
  applyEdits,
  applyLineEdits,
  applyValueEdits,
  describeStyle,
  describeText,
  generateOutput,
  layout,
  lineEdit,
  outcome,
  printsElr,
  reassignmentJson,
  textEdit,
  valueEdit,
  wellFormed,
  zoneMapFor,
  type Json,
  type Layout,
} from './fuzz-inputs'
import { importDescribe } from './import-describe'
import { importReassignment } from './import-reassignment'
import type { ImportOptions } from './import-common'
import type { ImportResult, ScenarioTopic } from './types'
import { validateScenario } from './validate'
import { parseZoneMap } from './zone-map'

const TIMEOUT = fuzzTimeoutMs('input', 20)

type Importer = (text: string, options?: ImportOptions) => ImportResult

/** Imports twice: well-formed, the same answer both times, and an accepted file validates. */
function importTwice(importer: Importer, text: string, options: ImportOptions = {}): ImportResult {
  const result = importer(text, options)
  wellFormed(result)
  expect(importer(text, options)).toEqual(result)
  if (result.ok) {
    const checked = validateScenario(result.scenario)
    expect(checked.ok ? [] : checked.problems).toEqual([])
  }
  return result
}

/** The imported topics, by name. */
function topicsOf(result: ImportResult): Map<string, ScenarioTopic> {
  expect(result.ok ? [] : result.problems).toEqual([])
  return new Map((result.ok ? (result.scenario.topics ?? []) : []).map((t) => [t.name, t]))
}

/** Each topic of `layout` was imported with its partition count and replica lists. */
function expectReplicaLists(result: ImportResult, given: Layout): Map<string, ScenarioTopic> {
  const topics = topicsOf(result)
  expect([...topics.keys()].sort()).toEqual(given.topics.map((t) => t.name).sort())
  for (const topic of given.topics) {
    const imported = topics.get(topic.name)
    expect(imported?.partitions).toBe(topic.partitions.length)
    expect(imported?.replicationFactor).toBe(topic.partitions[0]?.replicas.length)
    expect(imported?.assignment).toEqual(
      Object.fromEntries(topic.partitions.map((p, i) => [String(i), p.replicas])),
    )
  }
  return topics
}

/** A zone map option: none, every broker, a few, junk text, an object. */
const zones = fc.constantFrom<ImportOptions['zones']>(
  undefined,
  '1=a,2=b,3=c,4=a',
  '1=a',
  'x',
  '{"1": "a", "2": "b"}',
  { '1': 'a', '2': 'b', '3': 'c', '4': 'c' },
)

const optionsOf = (map: ImportOptions['zones']): ImportOptions =>
  map === undefined ? {} : { zones: map }

describe('importDescribe', () => {
  it(
    'imports generated describe output of every Kafka variant as the layout it shows',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(layout, describeStyle, (given, style) => {
          const result = importTwice(importDescribe, describeText(given, style), {
            zones: zoneMapFor(given),
          })
          const topics = expectReplicaLists(result, given)
          for (const topic of given.topics) {
            const imported = topics.get(topic.name)
            const rf = topic.partitions[0]?.replicas.length ?? 1
            topic.partitions.forEach((p, i) => {
              const initial = imported?.initial?.[String(i)]
              expect(initial?.leader).toBe(p.leader)
              expect(initial?.isr).toEqual(p.isr)
              if (printsElr(style)) expect(initial?.elr ?? []).toEqual(p.elr)
            })
            // A min ISR above the replication factor is lowered to it, with a warning.
            const minIsr = imported?.config?.['min.insync.replicas']
            expect(minIsr).toBe(topic.minIsr === undefined ? undefined : Math.min(topic.minIsr, rf))
          }
          if (result.ok) {
            expect(result.scenario.cluster.brokers?.map((b) => b.id)).toEqual(given.brokers)
            if (style === 'zookeeper') expect(result.scenario.cluster.controller).toBe('zookeeper')
          }
          run.reached(style)
        }),
      )
    },
    TIMEOUT,
  )

  it(
    'answers generated and sample output after character-level edits',
    () => {
      const run = fuzzRun('input')
      const base = fc.oneof(
        fc.constantFrom(...DESCRIBE_SAMPLES),
        fc.tuple(layout, describeStyle).map(([given, style]) => describeText(given, style)),
      )
      run.assert(
        fc.property(
          base,
          fc.array(textEdit, { minLength: 1, maxLength: 4 }),
          zones,
          (text, edits, map) => {
            run.reached(
              outcome(importTwice(importDescribe, applyEdits(text, edits), optionsOf(map))),
            )
          },
        ),
      )
      expect(run.count('accepted')).toBeGreaterThan(0)
      expect(run.count('rejected')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'answers generated and sample output after line-level edits',
    () => {
      const run = fuzzRun('input')
      const base = fc.oneof(
        fc.constantFrom(...DESCRIBE_SAMPLES),
        fc.tuple(layout, describeStyle).map(([given, style]) => describeText(given, style)),
      )
      run.assert(
        fc.property(
          base,
          fc.array(lineEdit, { minLength: 1, maxLength: 4 }),
          zones,
          (text, edits, map) => {
            const edited = applyLineEdits(text, edits)
            run.reached(outcome(importTwice(importDescribe, edited, optionsOf(map))))
          },
        ),
      )
      expect(run.count('accepted')).toBeGreaterThan(0)
      expect(run.count('rejected')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )
})

describe('importReassignment', () => {
  it(
    'imports generated reassignment files, bare or inside --generate output, as their replica lists',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(layout, fc.boolean(), fc.boolean(), (given, logDirs, pasted) => {
          const json = reassignmentJson(given, logDirs)
          const text = pasted ? generateOutput('{"version":1,"partitions":[]}', json) : json
          expectReplicaLists(
            importTwice(importReassignment, text, { zones: zoneMapFor(given) }),
            given,
          )
          run.reached(pasted ? 'pasted' : 'bare')
        }),
      )
    },
    TIMEOUT,
  )

  it(
    'answers generated files after value-level and character-level edits',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          layout,
          fc.array(valueEdit, { maxLength: 3 }),
          fc.array(textEdit, { maxLength: 2 }),
          zones,
          (given, values, chars, map) => {
            const edited = applyValueEdits(
              JSON.parse(reassignmentJson(given, true)) as Json,
              values,
            )
            const text = applyEdits(JSON.stringify(edited), chars)
            run.reached(outcome(importTwice(importReassignment, text, optionsOf(map))))
          },
        ),
      )
      expect(run.count('accepted')).toBeGreaterThan(0)
      expect(run.count('rejected')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )
})

describe('importers and zone maps on arbitrary text', () => {
  it(
    'never throw, and answer with a path and a message',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          importTwice(importDescribe, text)
          importTwice(importReassignment, text)
          const zoneMap = parseZoneMap(text)
          if (!zoneMap.ok) wellFormed(zoneMap)
          run.reached()
        }),
      )
    },
    TIMEOUT,
  )

  it(
    'read a zone map written with any of the allowed separators as the same map',
    () => {
      const zone = fc.stringMatching(/^[a-z0-9-]{1,12}$/)
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 2147483647 }), zone), {
            minLength: 1,
            maxLength: 8,
            selector: ([id]) => id,
          }),
          fc.constantFrom(',', ';', ' ', '\n', ', ', ' ;\n'),
          fc.constantFrom('=', ':'),
          fc.boolean(),
          (entries, between, inside, asJson) => {
            const text = asJson
              ? JSON.stringify(Object.fromEntries(entries))
              : entries.map(([id, z]) => `${id}${inside}${z}`).join(between)
            const read = parseZoneMap(text)
            expect(read.ok ? [] : read.problems).toEqual([])
            expect(read.ok && [...read.zoneByBroker].sort(([a], [b]) => a - b)).toEqual(
              [...entries].sort(([a], [b]) => a - b),
            )
            run.reached()
          },
        ),
      )
    },
    TIMEOUT,
  )
})
