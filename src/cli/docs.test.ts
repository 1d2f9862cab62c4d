// Checks that docs/cli.md tells the truth: the worked CI example's Markdown is what
// `analyze --format markdown --fail-on error` prints today for the scenario shown beside it, with
// the exit code and stderr line the page quotes; and every command and flag is documented. Reads
// the page, runs `main()` in-process on the quoted scenario, and compares.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from './commands/index'
import { ROOT, runMain } from './testing'

const page = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')

/** The body of the first fenced block with this opening fence after `marker`. */
function fenced(marker: string, fence: string): string {
  const from = page.indexOf(marker)
  expect(from, `marker ${marker}`).toBeGreaterThan(-1)
  const open = page.indexOf(`${fence}\n`, from)
  const close = page.indexOf(`\n${fence.replace(/[a-z]+$/, '')}\n`, open)
  return page.slice(open + fence.length + 1, close + 1)
}

describe('docs/cli.md', () => {
  it('quotes the real output of the worked CI example', async () => {
    const scenario = fenced('This is `scenario.json`', '```json')
    const review = fenced('this is the Markdown it prints', '````markdown')
    const result = await runMain(
      ['analyze', 'scenario.json', '--format', 'markdown', '--fail-on', 'error'],
      { 'scenario.json': scenario },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('--fail-on error: failed with 1 error\n')
    expect(page).toContain(`\`\`\`text\n${result.stderr}\`\`\``)
    expect(result.stdout).toBe(review)
  })

  it('documents every command and flag', () => {
    for (const command of COMMANDS) {
      expect(page).toContain(`### \`${command.name} `)
      for (const flag of Object.keys(command.args.flags)) expect(page).toContain(`\`--${flag}`)
    }
  })
})
