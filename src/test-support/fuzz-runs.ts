/**
 * Run counts, seeds and counted runs for the fuzz and property tests (test code only).
 *
 * A probe found a fuzz test that claimed 1,500 runs, finished in a second and could not say how
 * many of its cases reached the check that mattered. So every fuzz test here:
 * - takes its run count from the environment, validated (a typo is an error, never a silent
 *   default): `FUZZ_RUNS` for input fuzzing (scenario text, importers, share links, the CLI) and
 *   `SCHEDULE_RUNS` for the engine's random fault schedules, which cost about 10^3 times more
 *   per case;
 * - takes its seed from `FUZZ_SEED` (a fixed one by default, so CI fails only when the code
 *   changes, not when the dice do);
 * - counts, inside the property, the cases that got through the real check, and after
 *   `fc.assert` asserts that the count is the number of runs asked for, so that a filter, a
 *   `pre`, an early return or a skipped branch cannot make "300 runs" secretly mean 10;
 * - on failure prints fast-check's report (seed, path, shrunk counterexample) and the command
 *   that replays it;
 * - when `FUZZ_REPORT` names a file, appends one JSON line of figures per property to it, for
 *   `npm run soak` (scripts/soak.mjs).
 *
 * @example
 * const run = fuzzRun('input')
 * run.assert(fc.property(fc.string(), (text) => {
 *   wellFormed(parseScenario(text))
 *   run.reached(parseScenario(text).ok ? 'accepted' : 'rejected')
 * }))
 */
import fc from 'fast-check'
import { appendFileSync } from 'node:fs'
import { relative } from 'node:path'
import { expect } from 'vitest'

export type Env = Readonly<Record<string, string | undefined>>

/** Which budget a property draws on. */
export type RunKind = 'input' | 'schedule'

/**
 * The defaults keep the fuzz files to well under a minute of CI time on 2 cores: a few hundred
 * inputs per property (each takes well under 10 ms), and 30 fault schedules per property (each
 * simulates a few minutes of a 6-broker cluster, about 0.3 s).
 */
export const FUZZ_DEFAULTS = { inputRuns: 300, scheduleRuns: 30, seed: 20261121 } as const

/** The variable that sets each kind's run count. */
export const RUNS_VARIABLE: Record<RunKind, string> = {
  input: 'FUZZ_RUNS',
  schedule: 'SCHEDULE_RUNS',
}

/** More than this is a typo (or a week of CPU), not a soak. */
const MAX_RUNS = 10_000_000

export interface FuzzSettings {
  inputRuns: number
  scheduleRuns: number
  seed: number
  /** Where figures go, one JSON line per property; none when unset. */
  reportFile: string | null
}

/** A set variable's value; '' counts as unset, as a shell's `FUZZ_RUNS= npx vitest` means. */
function valueOf(env: Env, name: string): string | null {
  const raw = env[name]
  return raw === undefined || raw.trim() === '' ? null : raw.trim()
}

/**
 * A run count from `name`: a whole number from 1 to 10,000,000 (digits, with `_` allowed as in
 * `10_000`), or `fallback` when unset. Anything else throws: a soak that silently ran the
 * default would report figures it never measured.
 */
export function readRuns(env: Env, name: string, fallback: number): number {
  const raw = valueOf(env, name)
  if (raw === null) return fallback
  const digits = raw.replaceAll('_', '')
  const runs = /^[0-9]{1,8}$/.test(digits) ? Number(digits) : NaN
  if (!(runs >= 1 && runs <= MAX_RUNS)) {
    throw new Error(
      `${name} must be a whole number of runs from 1 to ${MAX_RUNS} (got ${JSON.stringify(env[name])})`,
    )
  }
  return runs
}

/** A seed from `name`: a 32-bit signed integer, as fast-check takes it, or `fallback`. */
export function readSeed(env: Env, name: string, fallback: number): number {
  const raw = valueOf(env, name)
  if (raw === null) return fallback
  const seed = /^-?[0-9]{1,10}$/.test(raw) ? Number(raw) : NaN
  if (!(seed >= -0x80000000 && seed <= 0x7fffffff)) {
    throw new Error(
      `${name} must be an integer from ${-0x80000000} to ${0x7fffffff} (got ${JSON.stringify(env[name])})`,
    )
  }
  return seed
}

/** Every fuzz setting, read and validated at once. */
export function readFuzzSettings(env: Env = process.env): FuzzSettings {
  return {
    inputRuns: readRuns(env, RUNS_VARIABLE.input, FUZZ_DEFAULTS.inputRuns),
    scheduleRuns: readRuns(env, RUNS_VARIABLE.schedule, FUZZ_DEFAULTS.scheduleRuns),
    seed: readSeed(env, 'FUZZ_SEED', FUZZ_DEFAULTS.seed),
    reportFile: valueOf(env, 'FUZZ_REPORT'),
  }
}

/** The runs a kind gets under the current settings. */
export function runsFor(kind: RunKind, env: Env = process.env): number {
  const settings = readFuzzSettings(env)
  return kind === 'input' ? settings.inputRuns : settings.scheduleRuns
}

/**
 * A test timeout that grows with the run count: `perRunMs` is a generous per-case cost (several
 * times what this machine measures), so a soak of 10,000 cases gets the time it needs while a
 * hang at the default count still fails within a minute or so.
 */
export function fuzzTimeoutMs(kind: RunKind, perRunMs: number, env: Env = process.env): number {
  return Math.max(60_000, Math.ceil(runsFor(kind, env) * perRunMs))
}

/** Where the running test is, for the replay command: its file (relative) and its own name. */
interface TestPlace {
  file: string
  test: string
}

function currentTest(): TestPlace {
  const state = expect.getState()
  const path = state.testPath ?? 'the test file'
  const names = (state.currentTestName ?? '').split(' > ')
  return {
    file: path.startsWith('/') ? relative(process.cwd(), path) : path,
    test: names[names.length - 1] ?? '',
  }
}

/** Quotes for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** The command that reruns one property with the same seed and runs, so it fails the same way. */
export function replayCommand(kind: RunKind, runs: number, seed: number, place: TestPlace): string {
  const pattern = place.test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return (
    `FUZZ_SEED=${seed} ${RUNS_VARIABLE[kind]}=${runs} npx vitest run ${place.file}` +
    (pattern === '' ? '' : ` -t ${shellQuote(pattern)}`)
  )
}

/** What was thrown, as an Error (fast-check and expect throw Errors; anything else is wrapped). */
function asError(thrown: unknown): Error {
  return thrown instanceof Error
    ? thrown
    : new Error(`threw ${JSON.stringify(thrown) ?? 'undefined'}`)
}

/** One property's figures, as `npm run soak` reads them. */
export interface RunRecord {
  file: string
  test: string
  kind: RunKind
  runs: number
  reached: number
  outcomes: Record<string, number>
  seed: number
  ms: number
  /** The test worker's peak resident set so far (process.resourceUsage().maxRSS), in KiB. */
  maxRssKiB: number
  failed: boolean
  error?: string
  /** On a failure: fast-check's runs up to the failing case, and its successful shrinks. */
  failedAfter?: number
  shrinks?: number
}

export interface FuzzRun {
  /** The runs asked for. */
  readonly runs: number
  readonly seed: number
  /**
   * Call once per case, as the last statement of the property, after its real check passed.
   * `outcome` tallies what kind of case it was ("accepted", "rejected"), for the figures and
   * for assertions that both kinds occur.
   */
  reached(outcome?: string): void
  /** How many cases reached the check with this outcome (all of them without an argument). */
  count(outcome?: string): number
  /** `fc.assert` with the seed, the runs and a replayable report, then the count check. */
  assert<Ts>(property: fc.IProperty<Ts>): void
  /** The same for an async property. */
  assertAsync<Ts>(property: fc.IAsyncProperty<Ts>): Promise<void>
}

/**
 * A counted run of one property of `kind`, with the settings of `env` (the process's by default).
 * Create one per property: its count belongs to the property it checked.
 */
export function fuzzRun(kind: RunKind, options: { env?: Env } = {}): FuzzRun {
  const settings = readFuzzSettings(options.env ?? process.env)
  const runs = kind === 'input' ? settings.inputRuns : settings.scheduleRuns
  const seed = settings.seed
  const place = currentTest()
  const outcomes = new Map<string, number>()
  /** Once fast-check reports a failure: after how many runs, and how many shrinks followed. */
  let failure: { failedAfter: number; shrinks: number } | null = null
  let reached = 0
  let started = -1
  const start = (): void => {
    if (started >= 0) throw new Error('fuzzRun: one FuzzRun checks one property; create another')
    started = performance.now()
  }

  const parameters = <Ts>(): fc.Parameters<Ts> => ({
    numRuns: runs,
    seed,
    reporter: (details: fc.RunDetails<Ts>) => {
      if (!details.failed) return
      failure = { failedAfter: details.numRuns, shrinks: details.numShrinks }
      const report = fc.defaultReportMessage(details) ?? 'The property failed.'
      throw new Error(`${report}\n\nReplay it with:\n  ${replayCommand(kind, runs, seed, place)}`, {
        cause: details.errorInstance,
      })
    },
  })

  const record = (failed: boolean, error?: Error): void => {
    if (settings.reportFile === null) return
    const line: RunRecord = {
      ...place,
      kind,
      runs,
      reached,
      outcomes: Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b))),
      seed,
      ms: Math.round(performance.now() - started),
      maxRssKiB: process.resourceUsage().maxRSS,
      failed,
      ...(error === undefined ? {} : { error: error.message.split('\n')[0] }),
      ...(failure ?? {}),
    }
    appendFileSync(settings.reportFile, `${JSON.stringify(line)}\n`)
  }

  const checkCount = (): void => {
    expect(
      reached,
      `${place.test}: ${reached} of the ${runs} cases asked for (${RUNS_VARIABLE[kind]}) reached` +
        ' the check; a filter, a pre-condition or an early return skipped the others',
    ).toBe(runs)
  }

  const settle = (error: Error | undefined): void => {
    if (error === undefined) {
      try {
        checkCount()
      } catch (countError) {
        record(true, asError(countError))
        throw countError
      }
      record(false)
      return
    }
    record(true, error)
    throw error
  }

  return {
    runs,
    seed,
    reached(outcome = 'checked') {
      reached += 1
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    },
    count(outcome?: string) {
      return outcome === undefined ? reached : (outcomes.get(outcome) ?? 0)
    },
    assert<Ts>(property: fc.IProperty<Ts>) {
      start()
      let error: Error | undefined
      try {
        fc.assert(property, parameters<Ts>())
      } catch (caught) {
        error = asError(caught)
      }
      settle(error)
    },
    async assertAsync<Ts>(property: fc.IAsyncProperty<Ts>) {
      start()
      let error: Error | undefined
      try {
        await fc.assert(property, parameters<Ts>())
      } catch (caught) {
        error = asError(caught)
      }
      settle(error)
    },
  }
}
