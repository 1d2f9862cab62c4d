/**
 * The fuzz budget: run counts and seeds come from the environment and are validated; a property
 * whose cases skip their check fails the count; a failure says how to replay it; figures go to
 * FUZZ_REPORT for the soak.
 */
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  FUZZ_DEFAULTS,
  fuzzRun,
  fuzzTimeoutMs,
  readFuzzSettings,
  readRuns,
  readSeed,
  replayCommand,
  type RunRecord,
} from './fuzz-runs'

describe('run counts and seeds from the environment', () => {
  it('default to a CI-sized budget and a fixed seed', () => {
    expect(readFuzzSettings({})).toEqual({
      inputRuns: FUZZ_DEFAULTS.inputRuns,
      scheduleRuns: FUZZ_DEFAULTS.scheduleRuns,
      seed: FUZZ_DEFAULTS.seed,
      reportFile: null,
    })
  })

  it('read whole numbers, with "_" as a digit separator, and treat an empty value as unset', () => {
    const settings = readFuzzSettings({
      FUZZ_RUNS: '10_000',
      SCHEDULE_RUNS: ' 1000 ',
      FUZZ_SEED: '-42',
      FUZZ_REPORT: '',
    })
    expect(settings).toMatchObject({ inputRuns: 10_000, scheduleRuns: 1000, seed: -42 })
    expect(settings.reportFile).toBeNull()
  })

  it.each(['abc', '1e4', '0', '-5', '1.5', '10k', '99999999', '0x10'])(
    'refuse FUZZ_RUNS=%s instead of silently running the default',
    (value) => {
      expect(() => readRuns({ FUZZ_RUNS: value }, 'FUZZ_RUNS', 300)).toThrow(
        `FUZZ_RUNS must be a whole number of runs from 1 to 10000000 (got ${JSON.stringify(value)})`,
      )
    },
  )

  it.each(['seed', '1.5', '2147483648', '-2147483649', '12345678901'])(
    'refuse FUZZ_SEED=%s',
    (value) => {
      expect(() => readSeed({ FUZZ_SEED: value }, 'FUZZ_SEED', 1)).toThrow(/^FUZZ_SEED must be/)
    },
  )

  it('give a soak of many runs a timeout that grows with them', () => {
    expect(fuzzTimeoutMs('input', 5, {})).toBe(60_000)
    expect(fuzzTimeoutMs('input', 20, { FUZZ_RUNS: '10000' })).toBe(200_000)
    expect(fuzzTimeoutMs('schedule', 2000, { SCHEDULE_RUNS: '1000' })).toBe(2_000_000)
  })
})

describe('counted runs', () => {
  it('pass when every case reaches the check, and tally the outcomes', () => {
    const run = fuzzRun('input', { env: { FUZZ_RUNS: '40' } })
    run.assert(
      fc.property(fc.nat(), (n) => {
        expect(n).toBeGreaterThanOrEqual(0)
        run.reached(n % 2 === 0 ? 'even' : 'odd')
      }),
    )
    expect(run.count()).toBe(40)
    expect(run.count('even') + run.count('odd')).toBe(40)
  })

  it('fail when an early return lets cases skip the check', () => {
    const run = fuzzRun('input', { env: { FUZZ_RUNS: '50' } })
    const property = fc.property(fc.integer({ min: 0, max: 9 }), (n) => {
      if (n > 0) return // the kind of shortcut that made "1,500 runs" mean a handful
      run.reached()
    })
    expect(() => run.assert(property)).toThrow(/of the 50 cases asked for \(FUZZ_RUNS\) reached/)
  })

  it('count only the cases a pre-condition lets through, and still ask for all of them', () => {
    // fast-check replaces skipped cases, so the runs asked for are all checked.
    const run = fuzzRun('input', { env: { FUZZ_RUNS: '30' } })
    run.assert(
      fc.property(fc.nat(), (n) => {
        fc.pre(n % 3 !== 0)
        run.reached()
      }),
    )
    expect(run.count()).toBe(30)
  })

  it('count async properties too', async () => {
    const run = fuzzRun('schedule', { env: { SCHEDULE_RUNS: '7' } })
    await run.assertAsync(
      fc.asyncProperty(fc.boolean(), async (b) => {
        await Promise.resolve(b)
        run.reached()
      }),
    )
    expect(run.count()).toBe(7)
  })

  it('report a failure with fast-check seed and path, and the command that replays it', () => {
    const run = fuzzRun('input', { env: { FUZZ_RUNS: '100', FUZZ_SEED: '5' } })
    const property = fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
      expect(n).toBeLessThan(500)
      run.reached()
    })
    let message = ''
    try {
      run.assert(property)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/Property failed after \d+ tests/)
    expect(message).toContain('seed: 5, path: ')
    expect(message).toContain('Counterexample: [500]')
    expect(message).toContain(
      "FUZZ_SEED=5 FUZZ_RUNS=100 npx vitest run src/test-support/fuzz-runs.test.ts -t 'report a failure",
    )
  })

  it('belong to one property each', () => {
    const run = fuzzRun('input', { env: { FUZZ_RUNS: '5' } })
    run.assert(fc.property(fc.nat(), () => run.reached()))
    expect(() => run.assert(fc.property(fc.nat(), () => run.reached()))).toThrow(
      /one FuzzRun checks one property/,
    )
  })

  it('quote the test name as a pattern for the shell', () => {
    const command = replayCommand('schedule', 30, 7, {
      file: 'src/engine/properties.test.ts',
      test: "kraft: it's (really) fine",
    })
    expect(command).toBe(
      "FUZZ_SEED=7 SCHEDULE_RUNS=30 npx vitest run src/engine/properties.test.ts -t 'kraft: it'\\''s \\(really\\) fine'",
    )
  })

  it('append their figures to FUZZ_REPORT, failures included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-report-'))
    try {
      const file = join(dir, 'report.jsonl')
      const env = { FUZZ_RUNS: '12', FUZZ_REPORT: file, FUZZ_SEED: '3' }
      const good = fuzzRun('input', { env })
      good.assert(fc.property(fc.nat(), () => good.reached('accepted')))
      const bad = fuzzRun('input', { env })
      expect(() => bad.assert(fc.property(fc.nat(), () => undefined))).toThrow()
      const failing = fuzzRun('input', { env })
      const property = fc.property(fc.nat(), (n) => {
        expect(n).toBeLessThan(1000)
        failing.reached()
      })
      expect(() => failing.assert(property)).toThrow()
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as RunRecord)
      expect(lines).toHaveLength(3)
      expect(lines[0]).toMatchObject({
        file: 'src/test-support/fuzz-runs.test.ts',
        kind: 'input',
        runs: 12,
        reached: 12,
        outcomes: { accepted: 12 },
        seed: 3,
        failed: false,
      })
      expect(lines[0]!.maxRssKiB).toBeGreaterThan(1000)
      expect(lines[1]).toMatchObject({ runs: 12, reached: 0, failed: true })
      expect(lines[1]!.error).toMatch(/0 of the 12 cases/)
      // A property that failed says after how many cases, whatever shrinking added to its count.
      expect(lines[2]).toMatchObject({ failed: true })
      expect(lines[2]!.error).toMatch(/^Property failed after \d+ tests/)
      expect(lines[2]!.failedAfter).toBeGreaterThan(0)
      expect(lines[2]!.failedAfter).toBeLessThanOrEqual(12)
      expect(lines[2]!.shrinks).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
