/**
 * Fuzzes the scenario reader with fast-check, seeded and counted (src/test-support/fuzz-runs.ts:
 * FUZZ_RUNS cases per property, FUZZ_SEED). Whatever the text or value, `parseScenario` and
 * `validateScenario` never throw and never fall back on their internal-error catch-all; they
 * answer either ok with a spec or with problems that each have a path and a message; and the
 * same input always gets the same answer. Inputs:
 * - the fixture files edited character by character;
 * - generated valid files edited value by value;
 * - values shaped by the JSON Schema, field by field, with hostile choices mixed in at every
 *   level (values one past a bound, markup and control characters, over-long strings,
 *   `__proto__` keys, duplicates, dropped fields, wrong types): a file the reader accepts must
 *   survive export and re-import unchanged;
 * - arbitrary values and binary strings.
 * The importers have their own fuzz test (import-fuzz.test.ts).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRun, fuzzTimeoutMs } from '../test-support/fuzz-runs'
import { mutate, scenarioFileArbitrary } from './arbitraries'
import { scenarioToJson } from './export'
import { VALID } from './fixtures'
import { applyEdits, outcome, schemaShaped, textEdit, wellFormed } from './fuzz-inputs'
import { scenarioSchema } from './schema'
import type { ScenarioParseResult } from './types'
import { parseScenario, validateScenario } from './validate'

/** Generous per-case costs for the timeouts (about 10 times what this machine measures). */
const TIMEOUT = fuzzTimeoutMs('input', 20)

/** Reads `text` twice: well-formed, the same answer both times. */
function readTwice(text: string): ScenarioParseResult {
  const first = parseScenario(text)
  wellFormed(first)
  expect(parseScenario(text)).toEqual(first)
  return first
}

const texts = Object.values(VALID).map((v) => JSON.stringify(v, null, 2))

describe('parseScenario under fuzzing', () => {
  it(
    'answers every character-level edit of a valid file the same way twice, without a crash',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          fc.constantFrom(...texts),
          fc.array(textEdit, { minLength: 1, maxLength: 4 }),
          (text, edits) => {
            run.reached(outcome(readTwice(applyEdits(text, edits))))
          },
        ),
      )
      // Some edits land in whitespace or strings: both paths of the reader are exercised.
      expect(run.count('accepted')).toBeGreaterThan(0)
      expect(run.count('rejected')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'answers value-level edits of generated files, as text and as values alike',
    () => {
      const leaf = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(-1, 0, 1.5, 1e300, '', 'all', [], {}),
      )
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          scenarioFileArbitrary,
          fc.array(fc.tuple(fc.nat(), fc.nat(), leaf, fc.boolean()), {
            minLength: 1,
            maxLength: 4,
          }),
          (file, edits) => {
            const copy = structuredClone(file) as unknown as Record<string, unknown>
            for (const [pick, key, value, remove] of edits) mutate(copy, pick, key, value, remove)
            const asValue = validateScenario(copy)
            wellFormed(asValue)
            const asText = readTwice(JSON.stringify(copy))
            expect(asText.ok).toBe(asValue.ok)
            run.reached(outcome(asValue))
          },
        ),
      )
      expect(run.count('accepted')).toBeGreaterThan(0)
      expect(run.count('rejected')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'answers schema-shaped files with hostile values, and accepted ones survive export',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(schemaShaped(scenarioSchema), (value) => {
          const text = JSON.stringify(value)
          const result = readTwice(text)
          const asValue = validateScenario(JSON.parse(text))
          wellFormed(asValue)
          expect(asValue.ok).toBe(result.ok)
          if (result.ok) {
            // What the reader accepts it can write back and read again, unchanged.
            const again = parseScenario(scenarioToJson(result.spec))
            expect(again.ok ? [] : again.problems).toEqual([])
            expect(again.ok && again.spec).toEqual(result.spec)
          }
          run.reached(outcome(result))
        }),
      )
      // A generator that only made rejected files would never test normalisation or export.
      expect(run.count('accepted')).toBeGreaterThanOrEqual(Math.floor(run.runs / 20))
    },
    TIMEOUT,
  )

  it(
    'answers arbitrary values, at the top level and as the cluster',
    () => {
      const run = fuzzRun('input')
      run.assert(
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
            run.reached()
          },
        ),
      )
    },
    TIMEOUT,
  )

  it(
    'answers arbitrary binary strings',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          readTwice(text)
          run.reached()
        }),
      )
    },
    TIMEOUT,
  )
})
