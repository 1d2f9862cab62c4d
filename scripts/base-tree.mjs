/**
 * A base commit's tree for the comparison scripts (check-identical.mjs, bench-interleaved.mjs): a
 * detached `git worktree` under the system temp folder, made once per commit and sharing this
 * checkout's node_modules. Exits with 2 and a message when `base` is not a commit.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const cacheDir = join(tmpdir(), 'kafka-ha-lab-identical')

/** Resolves `base` and returns `{ sha, tree }`, creating the worktree on first use. */
export function baseTree(root, base, scriptName) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  let sha
  try {
    sha = git('rev-parse', '--verify', `${base}^{commit}`)
  } catch {
    console.error(`${scriptName}: "${base}" is not a commit in this repository`)
    process.exit(2)
  }
  mkdirSync(cacheDir, { recursive: true })
  const tree = join(cacheDir, `tree-${sha.slice(0, 12)}`)
  if (!existsSync(tree)) {
    git('worktree', 'add', '--detach', tree, sha)
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir')
  }
  return { sha, tree }
}
