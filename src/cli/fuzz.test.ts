// Fuzz test of the CLI's error contract, seeded and counted (src/test-support/fuzz-runs.ts:
// FUZZ_RUNS cases per property, FUZZ_SEED). fast-check mutates valid inputs, then `main()` runs
// on them with an in-memory io:
// - scenario JSON text: characters deleted, inserted or replaced; values swapped for wrong types
//   or out-of-range numbers; fields dropped; unknown fields added; and edits that keep the file
//   valid (numbers moved within range, re-indented), so that run and analyze get real work;
// - `kafka-topics --describe` text: the same character edits, plus lines dropped, duplicated or
//   swapped and numbers replaced by junk; zone maps mangled too;
// - reassignment JSON: the same structural edits.
// Whatever the input, the result must be exit 0 (or 1 for analyze --fail-on) with output on
// stdout, or exit 2 with an empty stdout and `where: what` lines on stderr; never exit 3 and
// never a thrown exception. Each property counts its cases by exit code and asserts that both
// accepted and refused inputs make up a fair share of them. A handful of generated cases also go
// through the spawned binary, which must print exactly what `main()` printed.
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fuzzRun, fuzzTimeoutMs } from '../test-support/fuzz-runs'
import { importCase, scenarioCase, type Case } from './fuzz-inputs'
import { bin, runMain, type MemoryRun } from './testing'

/** A generous per-case cost (a 2-second run of a small cluster takes a few ms here). */
const TIMEOUT = fuzzTimeoutMs('input', 40)

// --- The contract ------------------------------------------------------------------------------

function checkContract(c: Case, result: Pick<MemoryRun, 'code' | 'stdout' | 'stderr'>): void {
  const allowed = c.argv.includes('--fail-on') ? [0, 1, 2] : [0, 2]
  expect(allowed, `exit code for ${JSON.stringify(c)}: ${result.stderr}`).toContain(result.code)
  expect(result.stderr).not.toMatch(/^internal error/m)
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/)
  if (result.code === 2) {
    expect(result.stdout).toBe('')
    const lines = result.stderr.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/^.+?: .+/)
  } else {
    expect(result.stdout).not.toBe('')
  }
}

async function runCase(c: Case): Promise<MemoryRun> {
  return runMain(c.argv, { [c.file]: c.content })
}

/** The tally of a case: which command, and whether the CLI accepted the input. */
function tally(c: Case, result: Pick<MemoryRun, 'code'>): string {
  return `${c.argv[0]} ${result.code === 2 ? 'refused' : 'accepted'}`
}

/** The cases of `run` whose input was accepted (exit 0 or 1) or refused (exit 2). */
function split(run: { count(outcome?: string): number }, commands: string[]) {
  const sum = (kind: string) => commands.reduce((n, cmd) => n + run.count(`${cmd} ${kind}`), 0)
  return { accepted: sum('accepted'), refused: sum('refused') }
}

describe('fuzzed input through main()', () => {
  it(
    'mutated scenario files never cause exit 3 or a throw',
    async () => {
      const run = fuzzRun('input')
      await run.assertAsync(
        fc.asyncProperty(scenarioCase, async (c) => {
          const result = await runCase(c)
          checkContract(c, result)
          run.reached(tally(c, result))
        }),
      )
      // Both paths get a fair share: a fuzzer whose every case stopped at the reader would say
      // nothing about run and analyze.
      const { accepted, refused } = split(run, ['validate', 'analyze', 'run'])
      expect(accepted).toBeGreaterThanOrEqual(run.runs / 5)
      expect(refused).toBeGreaterThanOrEqual(run.runs / 5)
      expect(run.count('run accepted')).toBeGreaterThan(0)
    },
    TIMEOUT,
  )

  it(
    'mutated describe output, reassignment files and zone maps never cause exit 3',
    async () => {
      const run = fuzzRun('input')
      await run.assertAsync(
        fc.asyncProperty(importCase, async (c) => {
          const result = await runCase(c)
          checkContract(c, result)
          run.reached(tally(c, result))
        }),
      )
      const { accepted, refused } = split(run, ['import'])
      expect(accepted).toBeGreaterThanOrEqual(run.runs / 10)
      expect(refused).toBeGreaterThanOrEqual(run.runs / 5)
    },
    TIMEOUT,
  )
})

describe('pinned fuzz findings', () => {
  // A fuzzer finding, kept as a regression case: a client naming a topic in a file with no
  // `topics` field at all must be reported by the scenario reader (src/scenario/semantics.ts) as
  // bad input, never reach the engine and crash it on the missing topic.
  it('a client of a topic in a scenario without topics is bad input, not a crash', async () => {
    const scenario = {
      version: 1,
      name: 'no topics',
      durationMs: 2000,
      cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 1 },
      clients: [{ kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 5 }],
    }
    for (const command of ['validate', 'run']) {
      const result = await runMain([command, 's.json'], { 's.json': JSON.stringify(scenario) })
      expect(result).toMatchObject({ code: 2, stdout: '' })
      expect(result.stderr).toMatch(/^s\.json: clients\[0\]\.topic: unknown topic "orders"/)
    }
  })
})

describe('fuzzed input through the spawned binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-ha-lab-fuzz-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints exactly what main() prints, with the same exit code', async () => {
    const cases = [
      ...fc.sample(scenarioCase, { numRuns: 3, seed: 7 }),
      ...fc.sample(importCase, { numRuns: 3, seed: 7 }),
    ]
    const spawned = await Promise.all(
      cases.map((c, i) => {
        const caseDir = join(dir, String(i))
        mkdirSync(caseDir)
        writeFileSync(join(caseDir, c.file), c.content)
        return bin(caseDir, c.argv)
      }),
    )
    for (const [i, c] of cases.entries()) {
      const result = spawned[i]!
      const inProcess = await runCase(c)
      checkContract(c, { code: result.code ?? -1, stdout: result.stdout, stderr: result.stderr })
      expect(result).toEqual({
        code: inProcess.code,
        stdout: inProcess.stdout,
        stderr: inProcess.stderr,
      })
    }
  }, 60_000)
})
