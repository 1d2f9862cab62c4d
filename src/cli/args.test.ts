// Checks the CLI's argument parser on its own: both flag forms, bounds and choices, help winning
// over other mistakes, and that every problem names the flag or argument it concerns. Table
// driven over a spec shaped like `run`'s.
import { describe, expect, it } from 'vitest'
import { parseArgs, type ArgsSpec } from './args'

const spec: ArgsSpec = {
  positionals: [{ name: 'scenario.json', description: 'the scenario file' }],
  flags: {
    seed: { kind: 'integer', min: 0, max: 100, value: 'N', description: 'seed' },
    format: { kind: 'choice', choices: ['json', 'markdown'], value: 'F', description: 'format' },
    out: { kind: 'text', value: 'FILE', description: 'output' },
  },
}

describe('parseArgs', () => {
  it.each([
    [['s.json'], { positionals: ['s.json'], flags: {} }],
    [['s.json', '--seed', '7'], { positionals: ['s.json'], flags: { seed: 7 } }],
    [['--seed=0', 's.json'], { positionals: ['s.json'], flags: { seed: 0 } }],
    [
      ['s.json', '--format', 'markdown'],
      { positionals: ['s.json'], flags: { format: 'markdown' } },
    ],
    [['s.json', '--out', '-x.json'], { positionals: ['s.json'], flags: { out: '-x.json' } }],
    [['-'], { positionals: ['-'], flags: {} }],
    [['--', '--seed'], { positionals: ['--seed'], flags: {} }],
  ])('accepts %j', (argv, want) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: true, args: { ...want, help: false } })
  })

  it.each([
    [['s.json', '--seed', 'abc'], '--seed', 'must be an integer from 0 to 100 (got "abc")'],
    [['s.json', '--seed', '101'], '--seed', 'must be an integer from 0 to 100 (got "101")'],
    [['s.json', '--seed', '-1'], '--seed', 'must be an integer from 0 to 100 (got "-1")'],
    [['s.json', '--seed', '1e2'], '--seed', 'must be an integer'],
    [['s.json', '--seed', '1.0'], '--seed', 'must be an integer'],
    [['s.json', '--seed'], '--seed', 'needs a value'],
    [['s.json', '--seed', '--out', 'x'], '--seed', 'needs a value'],
    [['s.json', '--seed', '1', '--seed', '2'], '--seed', 'is given more than once'],
    [['s.json', '--format', 'mardown'], '--format', 'Did you mean "markdown"?'],
    [['s.json', '--out='], '--out', 'must not be empty'],
    [['s.json', '--sed', '4'], '--sed', 'Did you mean "--seed"?'],
    [['s.json', '-x'], '-x', 'unknown option'],
    [['s.json', '--constructor'], '--constructor', 'unknown option'],
    [['s.json', '--__proto__=1'], '--__proto__', 'unknown option'],
    [[], '<scenario.json>', 'is missing'],
    [['a.json', 'b.json'], 'argument "b.json"', 'is unexpected'],
  ])('rejects %j at %s', (argv, path, message) => {
    const result = parseArgs(argv, spec)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.path).toBe(path)
    expect(result.problems[0]!.message).toContain(message)
  })

  it('reports every problem, not just the first', () => {
    const result = parseArgs(['--seed', 'x', '--format', 'yaml'], spec)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(['--seed', '--format', '<scenario.json>'])
    }
  })

  it('lets --help and -h win over other mistakes', () => {
    for (const help of ['--help', '-h']) {
      const result = parseArgs(['--seed', 'x', help, 'a', 'b'], spec)
      expect(result.ok && result.args.help).toBe(true)
    }
  })
})
