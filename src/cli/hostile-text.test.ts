/**
 * Every CLI command and format with hostile text in every user-supplied field (issue 18, "User
 * text is never markup"): no raw control, bidirectional or invisible character reaches stdout or
 * stderr, whether the scenario reader accepts the text or refuses it; JSON output parses back to
 * the same values; Markdown output keeps its structure and shows the text as text.
 *
 * The reader may refuse some payloads in names (that is its job); the assertions hold either way.
 * The description takes free text: it must be accepted unless the payload holds a character the
 * reader refuses even in prose (controls other than line feed and tab, bidirectional and
 * invisible characters, lone surrogates: characters.ts), which must then be refused by name.
 */
import { describe, expect, it } from 'vitest'
import { forbiddenCharacter } from '../scenario/characters'
import { terminalText } from '../scenario/safe-text'
import { HOSTILE_PAYLOADS, rawUnsafe } from '../test-support/hostile-text'
import { scanMarkdown } from '../test-support/markdown-scan'
import { COMMANDS } from './commands/index'
import { DESCRIBE_3X, goodScenario, runMain, text, ZONES, type MemoryRun } from './testing'

type Placement = (scenario: Record<string, unknown>, payload: string) => void

const PLACEMENTS: Record<string, Placement> = {
  description: (s, p) => void (s['description'] = `Intro.\n${p}\nOutro.`),
  name: (s, p) => void (s['name'] = p),
  zones: (s, p) => {
    const cluster = s['cluster'] as Record<string, unknown>
    cluster['zones'] = ZONES.map((z) => `${p} ${z}`)
  },
  'client id': (s, p) => {
    const clients = s['clients'] as Record<string, unknown>[]
    clients[0]!['id'] = p
  },
  'consumer group': (s, p) =>
    void (s['clients'] as unknown[]).push({
      kind: 'consumer',
      id: 'c1',
      topic: 'orders',
      group: p,
    }),
  'topic name': (s, p) => {
    const topics = s['topics'] as Record<string, unknown>[]
    const clients = s['clients'] as Record<string, unknown>[]
    topics[0]!['name'] = p
    clients[0]!['topic'] = p
  },
}

const ANALYZE_FORMATS =
  (
    COMMANDS.find((c) => c.name === 'analyze')!.args.flags['format'] as
      { choices?: readonly string[] } | undefined
  )?.choices ?? []

/** Nothing raw on either stream; stdout empty on bad input. */
function expectSafe(result: MemoryRun): void {
  expect(rawUnsafe(result.stdout)).toEqual([])
  expect(rawUnsafe(result.stderr)).toEqual([])
  expect([0, 1, 2]).toContain(result.code)
  if (result.code === 2) {
    expect(result.stdout).toBe('')
    expect(result.stderr).not.toBe('')
    // One problem a line: no payload line break splits a problem.
    for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^\S.*: /)
  }
}

/** JSON output parses (its value is then checked against its own escaped serialisation). */
function expectJson(stdout: string): unknown {
  return JSON.parse(stdout) as unknown
}

describe.each(HOSTILE_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
  'payload %s',
  (_shown, payload) => {
    describe.each(Object.keys(PLACEMENTS).map((k) => [k]))('in the %s', (where) => {
      const scenario = goodScenario()
      PLACEMENTS[where]!(scenario, payload)
      const files = { 's.json': text(scenario) }
      // The exit code the description placement must give: accepted, or refused as bad input.
      const descriptionCode = forbiddenCharacter(payload, true) === undefined ? 0 : 2

      it('validate and run: terminal-safe, JSON with the same values', async () => {
        const validate = await runMain(['validate', 's.json'], files)
        expectSafe(validate)
        if (where === 'description') {
          expect(validate.code).toBe(descriptionCode)
          if (descriptionCode === 2) expect(validate.stderr).toMatch(/description.*U\+[0-9A-F]{4}/)
        }
        const run = await runMain(['run', 's.json', '--duration', '6000'], files)
        expectSafe(run)
        expect(run.code).toBe(validate.code)
        if (run.code === 0) {
          const report = expectJson(run.stdout)
          expect(terminalText(`${JSON.stringify(report, null, 2)}\n`)).toBe(run.stdout)
        }
      })

      it.each(ANALYZE_FORMATS.map((f) => [f]))(
        'analyze --format %s: terminal-safe',
        async (format) => {
          const result = await runMain(
            ['analyze', 's.json', '--no-client-runs', '--format', format],
            files,
          )
          expectSafe(result)
          if (where === 'description') expect(result.code).toBe(descriptionCode)
          if (result.code !== 0) return
          if (format === 'json') {
            const report = expectJson(result.stdout)
            expect(terminalText(`${JSON.stringify(report, null, 2)}\n`)).toBe(result.stdout)
            if (where === 'zones') {
              const names = (report as { failures: { name: string }[] }).failures.map((f) => f.name)
              expect(names).toContain(`${payload} use1-az1`)
            }
          }
          if (format === 'markdown') {
            const lines = scanMarkdown(result.stdout)
            for (const line of lines) expect(line.live, line.raw).toEqual([])
            const headings = lines.filter((l) => l.heading !== null).map((l) => l.raw.split(':')[0])
            expect(headings).toEqual([
              '# Design review',
              '## Verdict',
              '## Layout',
              '## Findings',
              '## Survivability',
            ])
          }
        },
      )
    })

    it('import: the scenario JSON and every warning or error are terminal-safe', async () => {
      const describeText = DESCRIBE_3X.replace(/orders/g, payload)
      const zones = `1=${payload} a,2=${payload} b,3=${payload} c`
      for (const argv of [
        ['import', 'd.txt', '--zones', '1=use1-az1,2=use1-az2,3=use1-az3'],
        ['import', 'ok.txt', '--zones', zones],
        ['import', `${payload}.txt`, '--zones', zones],
        ['import', 'ok.txt', '--assume-msk-numbering', `${payload},b,c`],
      ]) {
        const result = await runMain(argv, { 'd.txt': describeText, 'ok.txt': DESCRIBE_3X })
        expectSafe(result)
        if (result.code === 0) expectJson(result.stdout)
      }
    })

    it('a file name is echoed safely', async () => {
      for (const command of ['validate', 'run', 'analyze']) {
        const result = await runMain([command, `./${payload}.json`])
        expectSafe(result)
        expect(result.code).toBe(2)
        expect(result.stderr).toContain(terminalText(`./${payload}.json`, { newlines: false }))
      }
    })
  },
)
