/**
 * Main-thread figures for `npm run bench -- main-thread` (issue 18, "Main-thread freezes"): runs
 * e2e/main-thread.spec.ts several times in headless Chromium and prints, for each journey, the
 * median over the runs of the long tasks (> 50 ms, from PerformanceObserver 'longtask') on the
 * page's thread: pasting 4 MB of bad describe output into Import, opening a share link with
 * 10,000 faults, refusing one with 1,000,000 partitions, and a link at t = 24 h cancelled once
 * its progress shows. Figures only, never asserted: on a shared machine only medians mean much.
 *
 *   BENCH_RUNS=5 npm run bench -- main-thread     (default 3 runs; E2E_PORT picks the server)
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

interface Figures {
  what: string
  count: number
  maxMs: number
  totalMs: number
  wallMs: number
}

interface Suite {
  specs?: { tests?: { annotations?: { type: string; description?: string }[] }[] }[]
  suites?: Suite[]
}

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 3)

function figures(suites: Suite[] | undefined, out: Figures[]): Figures[] {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const a of test.annotations ?? [])
          if (a.type === 'long-tasks' && a.description)
            out.push(JSON.parse(a.description) as Figures)
      }
    }
    figures(suite.suites, out)
  }
  return out
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
}

const run = spawnSync(
  'npx',
  [
    'playwright',
    'test',
    'e2e/main-thread.spec.ts',
    `--repeat-each=${runs}`,
    '--reporter=json',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: '' },
  },
)
const jsonStart = run.stdout.indexOf('{')
const report =
  jsonStart >= 0 ? (JSON.parse(run.stdout.slice(jsonStart)) as { suites?: Suite[] }) : {}
const byJourney = new Map<string, Figures[]>()
for (const f of figures(report.suites, []))
  byJourney.set(f.what, [...(byJourney.get(f.what) ?? []), f])
console.log(`main thread in headless Chromium (long tasks > 50 ms; medians of ${runs} runs):`)
for (const [what, all] of byJourney) {
  const each = all.map((f) => `${f.count}/${f.maxMs.toFixed(0)}/${f.totalMs.toFixed(0)}`).join(', ')
  console.log(
    `  ${what}: ${median(all.map((f) => f.count))} long tasks, longest ${median(all.map((f) => f.maxMs)).toFixed(0)} ms, ${median(all.map((f) => f.totalMs)).toFixed(0)} ms in all, ${(median(all.map((f) => f.wallMs)) / 1000).toFixed(1)} s to done (each run count/longest/total: ${each})`,
  )
}
console.log(
  '  targets: no long task over 1 s (the only thing the spec asserts); none over 50 ms ideally',
)
if (run.status !== 0)
  console.log(`  (the spec failed: exit ${run.status ?? 'signal'}; see its report)`)
