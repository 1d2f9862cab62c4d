// Checks the README's worked CI example against the real tool: reads the README, takes the two
// `npm run --silent cli -- analyze ...` lines of its "The CI step" block exactly as written,
// spawns each from the repository root, and asserts what the README says about them: the bad
// layout exits 1 with the quoted stderr line and the quoted error finding (a zone loss leaves
// partitions below min.insync.replicas 2), the good one exits 0 with no findings. It also checks
// that the JSON the README shows is the example files' text, so neither can drift.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { npmCli, ROOT } from './testing'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const example = readme.slice(readme.indexOf('**Worked example — a design review in CI.**'))

/** The body of the first fenced block with this opening fence after `marker` in the example. */
function fenced(marker: string, fence: string): string {
  const from = example.indexOf(marker)
  expect(from, `marker ${marker}`).toBeGreaterThan(-1)
  const open = example.indexOf(`${fence}\n`, from)
  const close = example.indexOf('\n```\n', open)
  return example.slice(open + fence.length + 1, close + 1)
}

const PREFIX = ['npm', 'run', '--silent', 'cli', '--']

/** The README's commands, split into words; each must be `npm run --silent cli -- ...`. */
function commands(): string[][] {
  const lines = fenced('The CI step', '```sh').trim().split('\n')
  return lines.map((line) => {
    const words = line.trim().split(/\s+/)
    expect(words.slice(0, PREFIX.length), line).toEqual(PREFIX)
    return words.slice(PREFIX.length)
  })
}

interface Advice {
  id: string
  severity: string
  path: string
  message: string
  fix?: { code: string }
}

describe('README worked CI example', () => {
  it('shows the example files as they are', () => {
    const bad = readFileSync(join(ROOT, 'examples/ci/bad-layout.json'), 'utf8')
    const good = readFileSync(join(ROOT, 'examples/ci/good-layout.json'), 'utf8')
    expect(fenced('[`examples/ci/bad-layout.json`]', '```json')).toBe(bad)
    expect(good).toContain(fenced('[`examples/ci/good-layout.json`]', '```json'))
  })

  it('fails on the bad layout and passes on the good one, as the README says', async () => {
    const [bad, good, ...rest] = commands()
    expect(rest).toEqual([])
    expect(bad).toEqual(['analyze', 'examples/ci/bad-layout.json', '--fail-on', 'error'])
    expect(good).toEqual(['analyze', 'examples/ci/good-layout.json', '--fail-on', 'error'])
    const [failed, passed] = await Promise.all([npmCli(bad!), npmCli(good!)])

    expect(failed.code).toBe(1)
    expect(failed.stderr).toBe(fenced('The first exits 1', '```text'))
    const errors = (JSON.parse(failed.stdout) as { advice: Advice[] }).advice.filter(
      (f) => f.severity === 'error',
    )
    expect(errors).toHaveLength(1)
    const [finding] = errors
    expect(finding).toMatchObject({
      id: 'replicas-share-zone',
      path: 'topics[0].assignment',
      fix: { code: 'reassign-zones' },
    })
    // In Kafka's terms: losing use1-az1 leaves orders-0 ([1,4,2]) with ISR [2], below 2.
    expect(finding!.message).toContain(
      'orders-0 has brokers 1 and 4 in use1-az1, so losing it leaves 1 in-sync replica, below' +
        ' min.insync.replicas 2',
    )
    expect(fenced('has the error in `advice`', '```text')).toBe(
      `${finding!.severity} ${finding!.id} ${finding!.path}\n${finding!.message}\n`,
    )

    expect(passed).toMatchObject({ code: 0, stderr: '' })
    expect((JSON.parse(passed.stdout) as { advice: Advice[] }).advice).toEqual([])
  }, 60_000)
})
