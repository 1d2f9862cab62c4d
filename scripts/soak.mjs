#!/usr/bin/env node
/**
 * `npm run soak`: the fuzz and property tests at soak strength. It runs the same test files as
 * CI, through vitest, with FUZZ_RUNS=10000 input cases per fuzz property and SCHEDULE_RUNS=1000
 * random fault schedules per engine property (CI runs a few hundred and 30), and a fresh seed,
 * then prints what actually ran: cases per target (as each property counted them, not as it was
 * asked), failures, time, the peak memory of the test workers, and the seed with the command
 * that replays a failure.
 *
 *   npm run soak                                   # 10,000 inputs, 1,000 schedules, new seed
 *   FUZZ_RUNS=2000 SCHEDULE_RUNS=100 npm run soak  # smaller
 *   FUZZ_SEED=123 npm run soak                     # replay a soak's seed
 *   npm run soak -- src/store/share-link.fuzz.test.ts   # some of the files only
 *
 * Each property appends one JSON line of figures to FUZZ_REPORT (src/test-support/fuzz-runs.ts);
 * this script reads them back. Exit 1 when anything failed.
 */
import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Every fuzz and property test file; each reads FUZZ_RUNS or SCHEDULE_RUNS, and FUZZ_SEED. */
export const FUZZ_FILES = [
  'src/scenario/fuzz.test.ts',
  'src/scenario/import-fuzz.test.ts',
  'src/store/share-link.fuzz.test.ts',
  'src/cli/fuzz.test.ts',
  'src/engine/properties.test.ts',
]

const DEFAULTS = { FUZZ_RUNS: '10000', SCHEDULE_RUNS: '1000' }

/** A set variable, checked as fuzz-runs.ts will check it, so a typo fails before a long run. */
function setting(name, fallback, pattern) {
  const raw = (process.env[name] ?? '').trim()
  if (raw === '') return fallback
  if (!pattern.test(raw)) {
    console.error(
      `soak: ${name} must be ${name === 'FUZZ_SEED' ? 'an integer' : 'a whole number'} (got ${JSON.stringify(raw)})`,
    )
    process.exit(2)
  }
  return raw
}

/** The totals on the root element of a JUnit report. */
function junitTotals(xml) {
  const root = /<testsuites\b[^>]*>/.exec(xml)?.[0] ?? ''
  const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? NaN)
  return { tests: count('tests'), failures: count('failures'), errors: count('errors') }
}

function mib(kib) {
  return `${(kib / 1024).toFixed(0)} MiB`
}

function seconds(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

function outcomes(record) {
  const parts = Object.entries(record.outcomes)
    .filter(([name]) => name !== 'checked')
    .map(([name, n]) => `${name} ${n}`)
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

/**
 * Runs vitest on `files`. Its counts come from a JUnit report: the project's config gives the
 * JSON reporter its own output file (test-results/vitest.json, which CI reads), and a soak must
 * neither overwrite that nor lose its own counts to it.
 */
function runVitest(files, env, junitFile) {
  const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs')
  const args = [vitest, 'run', ...files, '--reporter=default', '--reporter=junit']
  // Every core: vitest leaves one free by default, which on 2 cores runs the files one by one
  // and puts the input fuzzing behind the hour of fault schedules.
  args.push(`--outputFile.junit=${junitFile}`, `--maxWorkers=${availableParallelism()}`)
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.on('close', (code) => done(code ?? 1))
  })
}

async function main() {
  const runs = setting('FUZZ_RUNS', DEFAULTS.FUZZ_RUNS, /^[0-9][0-9_]*$/)
  const schedules = setting('SCHEDULE_RUNS', DEFAULTS.SCHEDULE_RUNS, /^[0-9][0-9_]*$/)
  // A new seed each soak explores new cases; it is printed, so a failure can be replayed.
  const seed = setting('FUZZ_SEED', String(randomInt(0, 0x7fffffff)), /^-?[0-9]+$/)
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : FUZZ_FILES
  const dir = mkdtempSync(join(tmpdir(), 'kafka-ha-lab-soak-'))
  const report = join(dir, 'fuzz.jsonl')
  const junit = join(dir, 'junit.xml')
  const env = {
    ...process.env,
    FUZZ_RUNS: runs,
    SCHEDULE_RUNS: schedules,
    FUZZ_SEED: seed,
    FUZZ_REPORT: report,
  }
  console.log(`soak: FUZZ_RUNS=${runs} SCHEDULE_RUNS=${schedules} FUZZ_SEED=${seed}`)
  console.log(`soak: ${files.join(' ')}\n`)
  const started = performance.now()
  const code = await runVitest(files, env, junit)
  const wallMs = performance.now() - started

  const records = existsSync(report)
    ? readFileSync(report, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line))
    : []
  const results = existsSync(junit) ? junitTotals(readFileSync(junit, 'utf8')) : null
  rmSync(dir, { recursive: true, force: true })

  console.log('\nsoak figures (cases as each property counted them):')
  for (const r of records) {
    const what = r.kind === 'schedule' ? 'schedules' : 'cases'
    // A failed property's own count includes the runs fast-check made while shrinking.
    const counted = r.failed
      ? `failed after ${r.failedAfter ?? '?'} of ${r.runs} ${what} (then ${r.shrinks ?? '?'} shrinks)`
      : `${what} ${r.reached} of ${r.runs}${outcomes(r)}`
    console.log(
      `  ${r.file} › ${r.test}\n` +
        `    ${counted}, ${seconds(r.ms)}, worker max RSS ${mib(r.maxRssKiB)},` +
        ` ${r.failed ? `FAILED: ${r.error ?? ''}` : 'ok'}`,
    )
  }
  const ran = (r) => (r.failed ? (r.failedAfter ?? r.reached) : r.reached)
  const sum = (kind) => records.filter((r) => r.kind === kind).reduce((n, r) => n + ran(r), 0)
  const failedProperties = records.filter((r) => r.failed)
  const maxRss = Math.max(process.resourceUsage().maxRSS, ...records.map((r) => r.maxRssKiB))
  const tests = results?.tests ?? null
  const failedTests = results === null ? null : results.failures + results.errors
  console.log(
    `\nsoak: ${sum('input')} input cases and ${sum('schedule')} fault schedules in` +
      ` ${records.length} properties; ${failedProperties.length} properties failed;` +
      ` ${failedTests ?? '?'} failed of ${tests ?? '?'} tests (vitest exit ${code});` +
      ` ${seconds(wallMs)}; max RSS ${mib(maxRss)} (largest test worker); seed ${seed}`,
  )
  for (const r of failedProperties) {
    const kindVar = r.kind === 'schedule' ? `SCHEDULE_RUNS=${r.runs}` : `FUZZ_RUNS=${r.runs}`
    console.log(
      `  replay: FUZZ_SEED=${r.seed} ${kindVar} npx vitest run ${r.file} -t '${r.test.replaceAll("'", "'\\''")}'`,
    )
  }
  process.exit(code === 0 && failedProperties.length === 0 ? 0 : 1)
}

await main()
