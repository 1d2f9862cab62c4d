#!/usr/bin/env node
/**
 * Compares the engine's speed on the reference cluster between a base commit and the working
 * tree, fairly on a shared, noisy machine: runs alternate (base, tree, base, tree, …), each in a
 * fresh process, and the medians of wall time and the peak RSS of each side are printed.
 *
 *   npm run bench:interleaved -- <base-commit> [runs per side, default 10] [--tree-shape NAME]
 *     [--base-shape NAME] [--tsx]
 *
 * `--tree-shape NAME` runs bench/clusters.ts's shape NAME (such as REFERENCE_GROUPS) on the
 * working tree's side, against the base's REFERENCE: what a new workload costs over the old one.
 * `--base-shape NAME` runs NAME on the base's side instead of REFERENCE (the working tree's
 * bench/clusters.ts is copied into the base, so a shape the base's engine supports can be
 * compared with itself: `--base-shape REFERENCE_TYPED --tree-shape REFERENCE_TYPED`).
 *
 * Each side runs as `npm run bench` runs it: bench/case.ts and the engine bundled once by esbuild
 * into plain JavaScript. `--tsx` runs the TypeScript sources through the tsx loader instead
 * (module by module, as tests and the CLI in development load them); the loader's own cost and its
 * module boundaries make both sides slower, and not by the same factor.
 *
 * The base tree is the same detached worktree `check-identical.mjs` uses (under the system temp
 * folder, sharing this checkout's node_modules); the bench case of the working tree is copied
 * into it, so both sides run the same workload.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseTree } from './base-tree.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const argv = process.argv.slice(2)
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null)
const treeShapeName = flag('--tree-shape')
const baseShapeName = flag('--base-shape')
const useTsx = argv.includes('--tsx')
const [base, runsArg] = argv.filter(
  (a, i) => !a.startsWith('--') && argv[i - 1] !== '--tree-shape' && argv[i - 1] !== '--base-shape',
)
if (base === undefined) {
  console.error(
    'usage: npm run bench:interleaved -- <base-commit> [runs per side] [--tree-shape NAME] [--base-shape NAME] [--tsx]',
  )
  process.exit(2)
}
const runs = Number(runsArg ?? 10)
const { sha, tree } = baseTree(root, base, 'bench-interleaved')
for (const file of ['bench/case.ts', 'bench/clusters.ts'])
  copyFileSync(join(root, file), join(tree, file))

// The reference shape, read from bench/clusters.ts (TypeScript, so through tsx).
const shape = JSON.stringify(readShape(baseShapeName ?? 'REFERENCE'))
const treeShape = treeShapeName === null ? shape : JSON.stringify(readShape(treeShapeName))

function readShape(name) {
  const out = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./bench/clusters.ts').then((m) => console.log(JSON.stringify(m[${JSON.stringify(name)}])))`,
    ],
    { cwd: root, encoding: 'utf8' },
  )
  return JSON.parse(out.stdout)
}

// One bundle per side, as bench/run.ts builds its own.
const bundles = new Map()
async function bundleOf(cwd) {
  if (!bundles.has(cwd)) {
    const { buildSync } = await import('esbuild')
    const outfile = join(mkdtempSync(join(tmpdir(), 'kafka-ha-lab-bench-')), 'case.mjs')
    buildSync({
      entryPoints: [join(cwd, 'bench/case.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
    })
    bundles.set(cwd, outfile)
  }
  return bundles.get(cwd)
}
for (const cwd of [tree, root]) if (!useTsx) await bundleOf(cwd)

function runCase(cwd, caseShape = shape) {
  const args = useTsx
    ? ['--import', 'tsx', 'bench/case.ts', caseShape]
    : [bundles.get(cwd), caseShape]
  const out = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
  })
  if (out.status !== 0) throw new Error(`bench case failed in ${cwd}: ${out.stderr}`)
  return JSON.parse(out.stdout.trim().split('\n').at(-1))
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const sides = { base: [], tree: [] }
for (let i = 0; i < runs; i++) {
  sides.base.push(runCase(tree))
  sides.tree.push(runCase(root, treeShape))
  const b = sides.base.at(-1)
  const t = sides.tree.at(-1)
  console.log(
    `run ${i + 1}: base ${b.wallMs.toFixed(0)} ms (CPU ${b.cpuMs.toFixed(0)}) / ${b.maxRssMb.toFixed(0)} MB, tree ${t.wallMs.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)}) / ${t.maxRssMb.toFixed(0)} MB`,
  )
}
const report = (name, rs) =>
  `${name}: median ${median(rs.map((r) => r.wallMs)).toFixed(0)} ms wall, ${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms CPU (${Math.min(...rs.map((r) => r.wallMs)).toFixed(0)}–${Math.max(...rs.map((r) => r.wallMs)).toFixed(0)}), peak RSS ${Math.max(...rs.map((r) => r.maxRssMb)).toFixed(0)} MB (median ${median(rs.map((r) => r.maxRssMb)).toFixed(0)})`
console.log(report(`base ${sha.slice(0, 12)}`, sides.base))
console.log(report('working tree', sides.tree))
const ratio = median(sides.tree.map((r) => r.wallMs)) / median(sides.base.map((r) => r.wallMs))
const cpuRatio = median(sides.tree.map((r) => r.cpuMs)) / median(sides.base.map((r) => r.cpuMs))
const faster = sides.tree.filter((t, i) => t.wallMs < sides.base[i].wallMs).length
console.log(
  `working tree / base: wall ${ratio.toFixed(3)}, CPU ${cpuRatio.toFixed(3)}; the tree was faster (wall) in ${faster} of ${runs} pairs`,
)
