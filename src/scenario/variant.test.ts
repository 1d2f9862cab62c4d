/**
 * Checks the "Try it" variant of the scenario format (`narration.tryItVariant`): the reader's
 * problems for a malformed label or merge patch, each at its exact path; the warning for a patch
 * whose result would not validate (the file itself still loads); and `validateVariant`, which
 * builds the variant (the file with the patch applied, named "<name> — variant") and validates
 * it. Each case edits one thing in an otherwise valid guided scenario built by `guided()`.
 */
import { describe, expect, it } from 'vitest'
import type { Problem } from './types'
import { validateScenario, validateVariant } from './validate'
import { VARIANT_NAME_SUFFIX, variantFile } from './variant'

type Json = Record<string, unknown>

function guided(variant: unknown): Json {
  return {
    version: 1,
    name: 'RF 3 with min ISR 3',
    durationMs: 60000,
    cluster: {
      zones: ['use1-az1', 'use1-az2', 'use1-az3'],
      brokersPerZone: 1,
      config: { 'min.insync.replicas': 3 },
    },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    clients: [{ kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 100 }],
    faults: [{ atMs: 10000, type: 'shutdownBroker', broker: 2 }],
    narration: {
      steps: [{ atMs: 0, title: 'Start', text: 'Three brokers.' }],
      tryIt: 'Set min.insync.replicas to 2 and replay.',
      tryItVariant: variant,
    },
  }
}

const MIN_ISR_2 = {
  label: 'set min.insync.replicas to 2',
  merge: { cluster: { config: { 'min.insync.replicas': 2 } } },
}

function problems(raw: unknown): { path: string; message: string }[] {
  const result = validateScenario(raw)
  return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }))
}

describe('narration.tryItVariant in the reader', () => {
  it('accepts a label and a merge patch, and returns them with the narration', () => {
    const result = validateScenario(guided(MIN_ISR_2))
    expect(result.ok ? result.warnings : result.problems).toEqual([])
    expect(result.ok && result.narration?.tryItVariant).toEqual(MIN_ISR_2)
    // The variant is not applied to the file's own spec.
    expect(result.ok && result.spec.cluster.config['min.insync.replicas']).toBe(3)
  })

  it.each([
    [
      'not an object',
      'set min.insync.replicas to 2',
      [
        {
          path: 'narration.tryItVariant',
          message: 'must be an object (got the string "set min.insync.replicas to 2")',
        },
      ],
    ],
    [
      'without a label',
      { merge: MIN_ISR_2.merge },
      [{ path: 'narration.tryItVariant.label', message: 'is required' }],
    ],
    [
      'with an empty label',
      { label: '', merge: MIN_ISR_2.merge },
      [{ path: 'narration.tryItVariant.label', message: 'must not be empty' }],
    ],
    [
      'without a merge patch',
      { label: 'x' },
      [{ path: 'narration.tryItVariant.merge', message: 'is required' }],
    ],
    [
      'with a merge patch that is a list',
      { label: 'x', merge: [MIN_ISR_2.merge] },
      [{ path: 'narration.tryItVariant.merge', message: 'must be an object (got an array)' }],
    ],
    [
      'with an empty merge patch, which would change nothing',
      { label: 'x', merge: {} },
      [{ path: 'narration.tryItVariant.merge', message: 'must not be empty' }],
    ],
  ])('reports a tryItVariant %s at its path', (_what, variant, expected) => {
    expect(problems(guided(variant))).toEqual(expected)
  })

  it('names the scenario field a mistyped top-level key of the patch was meant to be', () => {
    const found = problems(guided({ label: 'x', merge: { topic: [] } }))
    expect(found).toEqual([
      {
        path: 'narration.tryItVariant.merge.topic',
        message: 'unknown field in the variant\'s merge patch: "topic". Did you mean "topics"?',
      },
    ])
  })

  it('reports an unknown field of tryItVariant with the fields it has', () => {
    const found = problems(guided({ ...MIN_ISR_2, patch: {} }))
    expect(found).toHaveLength(1)
    expect(found[0]?.path).toBe('narration.tryItVariant.patch')
    expect(found[0]?.message).toContain('label, merge')
  })

  it("loads a file whose variant would not validate, with a warning naming the variant's path", () => {
    const broken = {
      label: 'min ISR 0',
      merge: { cluster: { config: { 'min.insync.replicas': 0 } } },
    }
    const result = validateScenario(guided(broken))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings.map(({ path, code, message }) => ({ path, code, message }))).toEqual([
      {
        path: 'narration.tryItVariant.merge',
        code: 'variant-invalid',
        message:
          'the variant "min ISR 0" is not a valid scenario: cluster.config["min.insync.replicas"]: must be at least 1 (got 0)',
      },
    ])
  })
})

describe('validateVariant', () => {
  it('applies the patch, names the variant "<name> — variant" and keeps the narration', () => {
    const result = validateVariant(guided(MIN_ISR_2))
    expect(result.ok ? [] : result.problems).toEqual([])
    if (!result.ok) return
    expect(result.label).toBe('set min.insync.replicas to 2')
    expect(result.spec.name).toBe('RF 3 with min ISR 3 — variant')
    expect(result.spec.cluster.config['min.insync.replicas']).toBe(2)
    // Everything the patch does not name is the original's.
    expect(result.spec.faults).toEqual([{ atMs: 10000, type: 'shutdownBroker', broker: 2 }])
    expect(result.spec.cluster.brokers).toHaveLength(3)
    expect(result.narration?.steps).toEqual([{ atMs: 0, title: 'Start', text: 'Three brokers.' }])
    expect(result.narration?.tryItVariant).toEqual(MIN_ISR_2)
    expect(result.file.name).toBe(result.spec.name)
  })

  it("deletes what the patch sets to null: the config falls back to Kafka's default", () => {
    const result = validateVariant(
      guided({ label: 'x', merge: { cluster: { config: { 'min.insync.replicas': null } } } }),
    )
    expect(result.ok && result.spec.cluster.config['min.insync.replicas']).toBe(1)
  })

  it('replaces a list whole, and keeps a name the patch gives', () => {
    const result = validateVariant(
      guided({
        label: 'crash instead',
        merge: {
          name: 'Crash, not shut down',
          faults: [{ atMs: 5000, type: 'crashBroker', broker: 1 }],
        },
      }),
    )
    expect(result.ok ? [] : result.problems).toEqual([])
    expect(result.ok && result.spec.faults).toEqual([
      { atMs: 5000, type: 'crashBroker', broker: 1 },
    ])
    expect(result.ok && result.spec.name).toBe('Crash, not shut down')
  })

  it("returns the variant's problems at its own paths when it does not validate", () => {
    const result = validateVariant(
      guided({
        label: 'RF 4',
        merge: { topics: [{ name: 'orders', partitions: 3, replicationFactor: 4 }] },
      }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p: Problem) => [p.path, p.code])).toEqual([
      ['topics[0].replicationFactor', 'rf-above-brokers'],
    ])
  })

  it('needs a tryItVariant, and a valid original', () => {
    const without = guided(MIN_ISR_2)
    delete (without.narration as Json).tryItVariant
    const none = validateVariant(without)
    expect(none.ok ? [] : none.problems.map(({ path, message }) => [path, message])).toEqual([
      ['narration.tryItVariant', 'is required'],
    ])
    const invalid = validateVariant({ ...guided(MIN_ISR_2), durationMs: -1 })
    expect(invalid.ok ? [] : invalid.problems.map((p) => p.path)).toEqual(['durationMs'])
  })
})

describe('variantFile', () => {
  it('is pure: the original file is unchanged', () => {
    const file = guided(MIN_ISR_2)
    const before = structuredClone(file)
    const next = variantFile(file, MIN_ISR_2)
    expect(file).toEqual(before)
    expect(next.name).toBe(`RF 3 with min ISR 3${VARIANT_NAME_SUFFIX}`)
    expect((next.cluster as Json).config).toEqual({ 'min.insync.replicas': 2 })
  })
})
