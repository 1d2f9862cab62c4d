#!/usr/bin/env node
/**
 * Behaviour-unchanged gate for refactors: runs the byte-identity corpus
 * (`scripts/identical-dump.ts`: every guided scenario, the reference cluster, 40 seeded random
 * fault schedules on both controllers, each also restored from a mid-run checkpoint) in the
 * working tree and in a base commit, and compares every hash.
 *
 *   npm run check:identical -- <base-commit> [--only guided|reference|random] [--drop-metric NAME]…
 *        [--drop-field NAME]…
 *
 * `--drop-metric NAME` compares everything but metric NAME (for a change that redefines it);
 * `--drop-field NAME` everything but the report's and snapshots' keys NAME (for added fields).
 *
 * The base tree is a detached `git worktree` under the system temp folder that shares this
 * checkout's node_modules; the dump script of the working tree is copied into it, so both sides
 * run the same corpus. The base side's output is cached per (base commit, dump script) pair.
 * Exit 0 when every hash matches, 1 when any differs (each difference is printed), 2 on bad use.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseTree, cacheDir } from './base-tree.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const valued = new Set(['--only', '--drop-metric', '--drop-field'])
const base = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]))
if (base === undefined) {
  console.error(
    'usage: npm run check:identical -- <base-commit> [--only guided|reference|random] [--drop-metric NAME]… [--drop-field NAME]…',
  )
  process.exit(2)
}
const dumpArgs = args.flatMap((a, i) => (valued.has(a) ? [a, args[i + 1]] : []))

const { sha, tree } = baseTree(root, base, 'check-identical')

const dumpSource = readFileSync(join(root, 'scripts/identical-dump.ts'), 'utf8')
const dumpHash = createHash('sha256')
  .update(dumpSource + JSON.stringify(dumpArgs))
  .digest('hex')
  .slice(0, 12)
writeFileSync(join(tree, 'scripts/identical-dump.ts'), dumpSource)

function dump(cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/identical-dump.ts', ...dumpArgs],
      { cwd, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let text = ''
    child.stdout.on('data', (chunk) => (text += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`dump in ${cwd} exited ${code}`)),
    )
  })
}

const cacheFile = join(cacheDir, `base-${sha.slice(0, 12)}-${dumpHash}.json`)
const started = Date.now()
const [before, after] = await Promise.all([
  existsSync(cacheFile)
    ? Promise.resolve(JSON.parse(readFileSync(cacheFile, 'utf8')))
    : dump(tree).then((out) => {
        writeFileSync(cacheFile, JSON.stringify(out))
        return out
      }),
  dump(root),
])

let differences = 0
const cases = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
for (const name of cases) {
  const a = before[name]
  const b = after[name]
  if (a === undefined || b === undefined) {
    console.log(`${name}: only in ${a === undefined ? 'the working tree' : sha.slice(0, 12)}`)
    differences++
    continue
  }
  for (const part of Object.keys(a)) {
    if (a[part] !== b[part]) {
      console.log(`${name}: ${part} differs (${a[part]} → ${b[part]})`)
      differences++
    }
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(0)
console.log(
  differences === 0
    ? `identical: ${cases.length} cases byte-identical to ${sha.slice(0, 12)} (${seconds} s)`
    : `NOT identical: ${differences} differences over ${cases.length} cases against ${sha.slice(0, 12)}`,
)
process.exit(differences === 0 ? 0 : 1)
