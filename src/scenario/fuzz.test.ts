/**
 * Fuzzes every parser with fast-check and checks that none ever throws and that each always
 * answers either ok or with problems that all have a non-empty path and message. Inputs are
 * mutations of valid material: scenario JSON (the fixtures and generated scenarios), edited
 * character by character or value by value; the describe samples, edited by character and by
 * line; reassignment JSON; zone maps; and arbitrary values. When an importer says ok, its
 * scenario must validate.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mutate, scenarioFileArbitrary } from './arbitraries'
import { VALID } from './fixtures'
import { importDescribe } from './import-describe'
import { importReassignment } from './import-reassignment'
import type { Problem } from './types'
import { parseScenario, validateScenario } from './validate'
import { parseZoneMap } from './zone-map'

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

type Answer = { ok: true; warnings?: Problem[] } | { ok: false; problems: Problem[] }

function wellFormed(result: Answer): void {
  const problems = result.ok ? (result.warnings ?? []) : result.problems
  if (!result.ok) expect(problems.length).toBeGreaterThan(0)
  for (const p of problems) {
    expect(typeof p.path).toBe('string')
    expect(p.path.length).toBeGreaterThan(0)
    expect(typeof p.message).toBe('string')
    expect(p.message.length).toBeGreaterThan(0)
  }
}

/** Character-level edits: insert, delete, replace or duplicate a slice. */
const textEdit = fc.tuple(
  fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  fc.nat(),
  fc.integer({ min: 1, max: 12 }),
  fc.oneof(
    fc.constantFrom(
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
      ' ',
      '/*',
      '//',
      'null',
      '1e999',
      '\u0000',
      '\uD800',
    ),
    fc.string({ maxLength: 6 }),
  ),
)

function applyEdits(text: string, edits: [string, number, number, string][]): string {
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

const texts = Object.values(VALID).map((v) => JSON.stringify(v, null, 2))

describe('parseScenario under fuzzing', () => {
  it('never throws on character-level edits of valid files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(textEdit, { minLength: 1, maxLength: 4 }),
        (text, edits) => {
          wellFormed(parseScenario(applyEdits(text, edits)))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('never throws on value-level edits of generated files', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 0, 1.5, 1e300, '', 'all', [], {}),
    )
    fc.assert(
      fc.property(
        scenarioFileArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat(), leaf, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (file, edits) => {
          const copy = structuredClone(file) as unknown as Record<string, unknown>
          for (const [pick, key, value, remove] of edits) mutate(copy, pick, key, value, remove)
          const result = validateScenario(copy)
          wellFormed(result)
          wellFormed(parseScenario(JSON.stringify(copy)))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('never throws on arbitrary values and strings', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        (value) => {
          wellFormed(validateScenario(value))
          wellFormed(validateScenario({ version: 1, name: 'x', cluster: value }))
        },
      ),
      { numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        wellFormed(parseScenario(text)),
      ),
      { numRuns: RUNS },
    )
  })
})

const DESCRIBE_SAMPLES = [
  'Topic:orders\tPartitionCount:3\tReplicationFactor:3\tConfigs:min.insync.replicas=2\n\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\n\tTopic: orders\tPartition: 2\tLeader: -1\tReplicas: 3,1,2\tIsr: 3\n',
  'Topic: payments\tTopicId: 4uNQhjpzQ2K3b3TE2aPqVA\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,unclean.leader.election.enable=true\n\tTopic: payments\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: \tElr: 2,3\tLastKnownElr: 1\n\tTopic: payments\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: N/A\tLastKnownElr: N/A\n',
  'Topic: multi\tTopicId: Cz3OHZ4hR3aSqu0ikOLgZA\tPartitionCount: 1\tReplicationFactor: 4\tConfigs: confluent.placement.constraints={"version":1}\n\tTopic: multi\tPartition: 0\tLeader: 1\tReplicas: 1,2,3,4\tIsr: 1,2,3\tOffline: 3\tObservers: 4\tAdding Replicas: \tRemoving Replicas: \n',
  'Topic: orders   PartitionCount: 1       ReplicationFactor: 2    Configs:\r\n        Topic: orders   Partition: 0    Leader: 1       Replicas: 1,2 Isr: 1,2\r\n',
]

/** Line-level edits: drop, duplicate or swap lines, or swap two columns of a line. */
const lineEdit = fc.tuple(
  fc.constantFrom('drop', 'duplicate', 'swap', 'columns'),
  fc.nat(),
  fc.nat(),
)

function applyLineEdits(text: string, edits: [string, number, number][]): string {
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

function importedWellFormed(result: ReturnType<typeof importDescribe>): void {
  wellFormed(result)
  if (result.ok) {
    const checked = validateScenario(result.scenario)
    expect(checked.ok ? [] : checked.problems).toEqual([])
  }
}

describe('importers under fuzzing', () => {
  const zones = fc.constantFrom(undefined, '1=a,2=b,3=c,4=a', '1=a', 'x', {
    '1': 'a',
    '2': 'b',
    '3': 'c',
    '4': 'c',
  })

  it('importDescribe never throws on character-level edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DESCRIBE_SAMPLES),
        fc.array(textEdit, { minLength: 1, maxLength: 4 }),
        zones,
        (text, edits, map) => {
          importedWellFormed(
            importDescribe(applyEdits(text, edits), map === undefined ? {} : { zones: map }),
          )
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('importDescribe never throws on line-level edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DESCRIBE_SAMPLES),
        fc.array(lineEdit, { minLength: 1, maxLength: 4 }),
        zones,
        (text, edits, map) => {
          importedWellFormed(
            importDescribe(applyLineEdits(text, edits), map === undefined ? {} : { zones: map }),
          )
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('importReassignment never throws on edited files', () => {
    const plan = JSON.stringify({
      version: 1,
      partitions: [
        { topic: 'orders', partition: 0, replicas: [1, 2, 3], log_dirs: ['any', 'any', 'any'] },
        { topic: 'orders', partition: 2, replicas: [2, 3, 4] },
      ],
    })
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), zones, (edits, map) => {
        importedWellFormed(
          importReassignment(applyEdits(plan, edits), map === undefined ? {} : { zones: map }),
        )
      }),
      { numRuns: RUNS },
    )
  })

  it('importers and parseZoneMap never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (text) => {
        importedWellFormed(importDescribe(text))
        importedWellFormed(importReassignment(text))
        const zoneMap = parseZoneMap(text)
        if (!zoneMap.ok) wellFormed(zoneMap)
      }),
      { numRuns: RUNS },
    )
  })
})
