/**
 * Fuzzes share links with fast-check, seeded and counted (src/test-support/fuzz-runs.ts:
 * FUZZ_RUNS cases per property, FUZZ_SEED), with the reader and writer the app uses
 * (`parseScenario`, `scenarioToJson`, as src/ui/share.ts wires them):
 * - a link made from any scenario the reader accepts (generated valid files, and schema-shaped
 *   files with hostile values that it accepts) opens as the same scenario at the same time,
 *   unless the cluster is beyond SHARE_LIMITS (then it is refused as too large); a link whose
 *   scenario the reader refuses is refused as invalid, naming a field;
 * - whatever the hash (arbitrary text, a link with edited or cut-off characters, deflated
 *   random bytes or edited JSON, junk seed and time parameters), `decodeShareLink` never
 *   throws, answers the same hash the same way twice, and either opens a scenario with a seed
 *   and a time in range or refuses with one of the known failures and a plain sentence.
 */
import fc from 'fast-check'
import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import { mutate, scenarioFileArbitrary } from '../scenario/arbitraries'
import { scenarioToJson } from '../scenario/export'
import { applyEdits, schemaShaped, textEdit } from '../scenario/fuzz-inputs'
import { scenarioSchema } from '../scenario/schema'
import { parseScenario } from '../scenario/validate'
import { fuzzRun, fuzzTimeoutMs } from '../test-support/fuzz-runs'
import {
  SHARE_LIMITS,
  decodeShareLink,
  encodeShareLink,
  toBase64Url,
  type DecodedLink,
  type LinkFailure,
} from './share-link'

const TIMEOUT = fuzzTimeoutMs('input', 30)

const FAILURES: readonly LinkFailure[] = [
  'too-long',
  'no-scenario',
  'bad-characters',
  'cut-short',
  'not-decompressible',
  'too-large',
  'not-json',
  'invalid-scenario',
  'bad-parameter',
  'reader-failed',
]

/** Decodes twice; checks the contract of either answer; returns the first. */
function decodeTwice(hash: string): DecodedLink {
  const decoded = decodeShareLink(hash, parseScenario)
  expect(decodeShareLink(hash, parseScenario)).toEqual(decoded)
  if (decoded.ok) {
    expect(Number.isInteger(decoded.atMs)).toBe(true)
    expect(decoded.atMs).toBeGreaterThanOrEqual(0)
    expect(decoded.atMs).toBeLessThanOrEqual(SHARE_LIMITS.atMs)
    expect(Number.isInteger(decoded.spec.seed)).toBe(true)
    expect(decoded.spec.seed).toBeGreaterThanOrEqual(0)
    expect(decoded.spec.seed).toBeLessThanOrEqual(0xffffffff)
  } else {
    expect(FAILURES).toContain(decoded.failure)
    // 'reader-failed' is the lazily loaded reader failing to load; here it is loaded.
    expect(decoded.failure).not.toBe('reader-failed')
    expect(decoded.message).toMatch(/^The share link\b.*\.$/s)
    // A reader who only copied a link gets no stack, and no inflater's or parser's own words.
    expect(decoded.message).not.toMatch(/\n\s+at |unexpected EOF|invalid (block|length|distance)/)
    expect(decoded.message).not.toMatch(/internal error/i)
  }
  return decoded
}

/** Whether a link may carry `spec`: SHARE_LIMITS' brokers, partitions and faults. */
function withinShareLimits(spec: SimulationSpec): boolean {
  const partitions = spec.topics.reduce((sum, topic) => sum + topic.partitions, 0)
  return (
    spec.cluster.brokers.length <= SHARE_LIMITS.brokers &&
    partitions <= SHARE_LIMITS.partitions &&
    spec.faults.length <= SHARE_LIMITS.faults
  )
}

/** A link carrying `json` as its scenario, however broken `json` is. */
function linkFor(json: string, params = ''): string {
  return `#scenario=${toBase64Url(deflateSync(strToU8(json)))}${params}`
}

/** A valid file the reader accepts, and the scenario it reads it as. */
const acceptedText = scenarioFileArbitrary.map((file) => JSON.stringify(file))

describe('share links under fuzzing', () => {
  it(
    'open every scenario the reader accepts as the same scenario, and refuse the others as invalid',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          fc.oneof(
            acceptedText,
            schemaShaped(scenarioSchema).map((v) => JSON.stringify(v)),
          ),
          fc.double({ min: 0, max: SHARE_LIMITS.atMs, noNaN: true }),
          (text, atMs) => {
            const read = parseScenario(text)
            if (read.ok && !withinShareLimits(read.spec)) {
              // The reader takes clusters a browser tab cannot simulate; a link refuses them.
              const decoded = decodeTwice(encodeShareLink(read.spec, atMs, scenarioToJson))
              expect(decoded).toMatchObject({ ok: false, failure: 'too-large' })
              run.reached('too large for a tab')
            } else if (read.ok) {
              const hash = encodeShareLink(read.spec, atMs, scenarioToJson)
              expect(decodeTwice(hash)).toEqual({
                ok: true,
                spec: read.spec,
                atMs: Math.round(atMs),
              })
              run.reached('round-trip')
            } else {
              // `text` is JSON.stringify's output: valid JSON in an undamaged link, so the link
              // is refused as an invalid (or too large) scenario, never as damaged or not JSON.
              const decoded = decodeTwice(linkFor(text))
              expect(decoded.ok).toBe(false)
              const failure = decoded.ok ? null : decoded.failure
              expect(
                ['invalid-scenario', 'too-large'],
                decoded.ok ? '' : decoded.message,
              ).toContain(failure)
              if (failure === 'invalid-scenario') {
                // The message names the first problem's field ("the scenario" for the root).
                const path = read.problems[0]?.path ?? '$'
                const where = path === '$' || path === '' ? 'the scenario' : path
                expect(decoded.ok || decoded.message).toContain(where)
              }
              run.reached('refused')
            }
          },
        ),
      )
      expect(run.count('round-trip')).toBeGreaterThanOrEqual(Math.floor(run.runs / 4))
      expect(run.count('refused')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'never throw on a damaged link: edited, cut off, or carrying edited JSON or random bytes',
    () => {
      const link = fc
        .tuple(scenarioFileArbitrary, fc.nat(SHARE_LIMITS.atMs))
        .map(([file, atMs]) => {
          const read = parseScenario(JSON.stringify(file))
          return read.ok ? encodeShareLink(read.spec, atMs, scenarioToJson) : linkFor('{}')
        })
      const damaged = fc.oneof(
        // Characters edited anywhere, parameters included.
        fc
          .tuple(link, fc.array(textEdit, { minLength: 1, maxLength: 3 }))
          .map(([hash, edits]) => applyEdits(hash, edits)),
        // Cut off when it was copied.
        fc.tuple(link, fc.nat()).map(([hash, at]) => hash.slice(0, at % (hash.length + 1))),
        // Valid deflate of edited JSON, or of a valid file edited value by value.
        fc
          .tuple(acceptedText, fc.array(textEdit, { minLength: 1, maxLength: 3 }))
          .map(([text, edits]) => linkFor(applyEdits(text, edits))),
        fc
          .tuple(scenarioFileArbitrary, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
          .map(([file, pick, key, value]) => {
            const copy = structuredClone(file) as unknown as Record<string, unknown>
            mutate(copy, pick, key, value, false)
            return linkFor(JSON.stringify(copy))
          }),
        // Random bytes, deflated or not.
        fc
          .tuple(fc.uint8Array({ maxLength: 300 }), fc.boolean())
          .map(
            ([bytes, deflate]) => `#scenario=${toBase64Url(deflate ? deflateSync(bytes) : bytes)}`,
          ),
      )
      const params = fc.oneof(
        fc.constant(''),
        fc
          .tuple(fc.constantFrom('seed', 't', 'scenario', 'embed'), fc.string({ maxLength: 20 }))
          .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`),
        fc.constantFrom('&seed=4294967296', '&t=86400001', '&t=-1', '&seed=1e3', '&t=%00'),
      )
      const run = fuzzRun('input')
      run.assert(
        fc.property(damaged, params, (hash, extra) => {
          run.reached(decodeTwice(hash + extra).ok ? 'opened' : 'refused')
        }),
      )
      expect(run.count('refused')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'never throw on arbitrary text in the hash',
    () => {
      const run = fuzzRun('input')
      run.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            fc.string({ maxLength: 200 }).map((s) => `#scenario=${s}`),
            fc.webQueryParameters().map((q) => `#${q}`),
          ),
          (hash) => {
            decodeTwice(hash)
            run.reached()
          },
        ),
      )
    },
    TIMEOUT,
  )
})
