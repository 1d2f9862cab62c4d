/**
 * Dashboard figures for `npm run bench`: runs the timing Playwright specs and prints their
 * annotations — default-scenario frame timing at 1× and 100× (and throughput with the frame-rate
 * limit off), first paint of the default scenario on a cold load, and on the reference cluster
 * click → menu painted and crash → broker painted offline, and its survivability matrix scrolled
 * through (frames and long tasks) — plus the gzipped size of the initial
 * JavaScript of the fresh build. Figures only, never asserted (machines are noisy).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = spawnSync(
  'npx',
  [
    'playwright',
    'test',
    'e2e/frame-timing.spec.ts',
    'e2e/first-paint.spec.ts',
    'e2e/reference-cluster.spec.ts',
    'e2e/matrix-review.spec.ts',
    '--reporter=json',
  ],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: '' },
  },
)
interface Suite {
  specs?: { tests?: { annotations?: { type: string; description?: string }[] }[] }[]
  suites?: Suite[]
}
function annotations(suites: Suite[] | undefined, out: string[]): string[] {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const a of test.annotations ?? [])
          if (a.type === 'timing' && a.description) out.push(a.description)
      }
    }
    annotations(suite.suites, out)
  }
  return out
}
const jsonStart = run.stdout.indexOf('{')
const report =
  jsonStart >= 0 ? (JSON.parse(run.stdout.slice(jsonStart)) as { suites?: Suite[] }) : {}
console.log(
  'dashboard in headless Chromium (default scenario frames; reference cluster 90 brokers / 10,000 partitions):',
)
for (const line of annotations(report.suites, [])) console.log(`  ${line}`)
console.log(
  '  targets: median frame <= 16.7 ms, p95 <= 25 ms, no long task > 50 ms; click → paint <= 100 ms; first paint <= 1 s',
)
const assets = join(root, 'dist', 'assets')
const entry = readFileSync(join(root, 'dist', 'index.html'), 'utf8').match(
  /src="\.\/assets\/([^"]+\.js)"/,
)?.[1]
if (entry !== undefined) {
  const gz = gzipSync(readFileSync(join(assets, entry))).length
  const total = readdirSync(assets).filter((f) => f.endsWith('.js')).length
  console.log(
    `initial JavaScript: ${entry} ${(gz / 1024).toFixed(1)} KB gzipped (target <= 200 KB); ${total} JS chunks in all`,
  )
}
