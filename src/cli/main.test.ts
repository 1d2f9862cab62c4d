// Checks `main(argv, io)` for every command and error path with an in-memory io: what goes to
// stdout and stderr and the exit code. The contract under test (docs/cli.md): success prints the
// result on stdout; bad input exits 2 with an empty stdout and one `where: what` line per problem;
// `analyze --fail-on` exits 1 but still prints the report; output is byte-for-byte deterministic.
import { describe, expect, it } from 'vitest'
import { COMMANDS } from './commands/index'
import { main } from './main'
import { goodScenario, memoryIo, riskyScenario, runMain, text } from './testing'

const good = text(goodScenario())
const risky = text(riskyScenario())

/** Bad input: exit 2, nothing on stdout, and stderr lines matching `expected` in order. */
async function expectBadInput(
  argv: string[],
  files: Record<string, string>,
  expected: (string | RegExp)[],
): Promise<void> {
  const result = await runMain(argv, files)
  expect(result.stdout).toBe('')
  expect(result.code).toBe(2)
  const lines = result.stderr.split('\n')
  expect(lines.pop()).toBe('')
  expect(lines).toHaveLength(expected.length)
  lines.forEach((line, i) => expect(line).toMatch(expected[i]!))
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j prints the command list', async (argv) => {
    const result = await runMain(argv)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    for (const c of COMMANDS) expect(result.stdout).toContain(`  ${c.name} `)
    expect(result.stdout).toContain('Exit codes:')
  })

  it.each(COMMANDS.map((c) => [c.name]))('%s --help lists its flags', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!
    for (const argv of [
      [name, '--help'],
      ['help', name],
      [name, 'x', '-h', '--bogus'],
    ]) {
      const result = await runMain(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`^Usage: kafka-ha-lab ${name} `))
      for (const flag of Object.keys(command.args.flags))
        expect(result.stdout).toContain(`--${flag}`)
      expect(result.stderr).toBe('')
    }
  })

  it('keeps help within 100 columns', async () => {
    for (const argv of [['--help'], ...COMMANDS.map((c) => [c.name, '--help'])]) {
      const { stdout } = await runMain(argv)
      for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
    }
  })
})

describe('usage errors', () => {
  it('asks for a command', async () => {
    await expectBadInput([], {}, [/^<command>: is missing; the commands are run, analyze/])
  })

  it('rejects an unknown command with a suggestion', async () => {
    await expectBadInput(['analyse', 's.json'], {}, [
      /^command "analyse": is unknown; .*Did you mean "analyze"\? \(see kafka-ha-lab --help\)$/,
    ])
  })

  it('rejects an unknown command without a close match', async () => {
    await expectBadInput(['frobnicate'], {}, [
      /^command "frobnicate": is unknown; the commands are [a-z, ]+ \(see kafka-ha-lab --help\)$/,
    ])
  })

  it('rejects an option before the command', async () => {
    await expectBadInput(['--seed', '1'], {}, [/^--seed: unknown option; give a command first/])
  })

  it('names every bad flag, one a line', async () => {
    await expectBadInput(['run', 's.json', '--seed', 'x', '--duration', '0', '--colour'], {}, [
      /^--seed: must be an integer from 0 to 4294967295 \(got "x"\)$/,
      /^--duration: must be an integer from 1 to \d+ \(got "0"\)$/,
      /^--colour: unknown option; this command takes --seed, --duration, --out, --allow-long-run, --client-log, --help/,
    ])
  })

  it('rejects a bad --format and --fail-on', async () => {
    await expectBadInput(['analyze', 's.json', '--format', 'yaml', '--fail-on', 'info'], {}, [
      /^--format: must be one of "json", "markdown" \(got "yaml"\)$/,
      /^--fail-on: must be one of "error", "warning" \(got "info"\)/,
    ])
  })

  it('rejects a missing or extra argument', async () => {
    await expectBadInput(['validate'], {}, [/^<scenario.json>: is missing/])
    await expectBadInput(['validate', 'a', 'b'], {}, [/^argument "b": is unexpected/])
  })
})

describe('file errors', () => {
  it.each([
    ['missing.json', {}, /^missing\.json: cannot read the scenario: no such file or directory$/],
    ['dir', { 'dir/': '' }, /^dir: cannot read the scenario: is a directory, not a file$/],
  ])('%s', async (path, files, line) => {
    for (const command of ['run', 'analyze', 'validate']) {
      await expectBadInput([command, path], files, [line])
    }
  })

  it('names stdin as <stdin>', async () => {
    await expectBadInput(['validate', '-'], { '-': '[]' }, [/^<stdin>: \$: must be an object/])
  })

  it('reports an --out that cannot be written', async () => {
    await expectBadInput(['run', 's.json', '--out', '/readonly/r.json'], { 's.json': good }, [
      /^--out: cannot write \/readonly\/r\.json: permission denied$/,
    ])
  })
})

describe('scenario errors', () => {
  const bad = {
    version: 1,
    name: 'bad',
    durationMs: -5,
    colour: 'red',
    cluster: { kafkaVersion: '2.8.1', zones: ['a', 'b', 'c'], brokersPerZone: 1 },
    topics: [{ name: 'orders', partitions: '3', replicationFactor: 4 }],
    faults: [
      { atMs: -1, type: 'crashBroker', broker: 9 },
      { atMs: 100, type: 'stopZone', zone: 'd' },
    ],
  }

  it.each(['run', 'analyze', 'validate'])(
    '%s names every problem with its JSON path',
    async (cmd) => {
      await expectBadInput([cmd, 'bad.json'], { 'bad.json': text(bad) }, [
        /^bad\.json: colour: unknown field "colour"/,
        /^bad\.json: durationMs: must be at least 1 \(got -5\)$/,
        /^bad\.json: topics\[0\]\.partitions: must be an integer \(got the string "3"\)$/,
        /^bad\.json: faults\[0\]\.atMs: must not be negative/,
        /^bad\.json: cluster\.kafkaVersion: Kafka version "2\.8\.1" is not one this simulator models/,
        /^bad\.json: topics\[0\]\.replicationFactor: .*larger than the number of brokers/,
        /^bad\.json: faults\[0\]\.broker: unknown broker 9/,
        /^bad\.json: faults\[1\]\.zone: unknown zone "d"/,
      ])
    },
  )

  it('gives the line and column of a JSON syntax error', async () => {
    await expectBadInput(
      ['validate', 's.json'],
      { 's.json': '{\n  "version": 1,\n  "name": x\n}' },
      [/^s\.json: line 3, column 11: /],
    )
  })

  it('rejects text that is not JSON at all', async () => {
    await expectBadInput(['run', 's.json'], { 's.json': 'Topic: orders\tPartitionCount: 1' }, [
      /^s\.json: line 1, column 1: /,
    ])
  })

  it('keeps a problem on one line whatever the file name holds', async () => {
    const result = await runMain(['validate', 'a\nb.json'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'a\\u000ab.json: cannot read the scenario: no such file or directory\n',
    )
  })
})

describe('validate', () => {
  it('prints ok', async () => {
    expect(await runMain(['validate', 's.json'], { 's.json': good })).toMatchObject({
      code: 0,
      stdout: 'ok\n',
      stderr: '',
    })
  })

  it('accepts a byte-order mark and comments', async () => {
    const files = { 's.json': `\uFEFF// a comment\n${good}` }
    expect(await runMain(['validate', 's.json'], files)).toMatchObject({ code: 0, stdout: 'ok\n' })
  })

  it('prints warnings on stderr without failing', async () => {
    const late = { ...goodScenario(), faults: [{ atMs: 999999, type: 'crashBroker', broker: 1 }] }
    const result = await runMain(['validate', 's.json'], { 's.json': text(late) })
    expect(result).toMatchObject({ code: 0, stdout: 'ok\n' })
    expect(result.stderr).toMatch(/^s\.json: faults\[0\]\.atMs: warning: .+\n$/)
  })
})

describe('run', () => {
  it('prints the version 1 report as indented JSON with a trailing newline', async () => {
    const result = await runMain(['run', 's.json'], { 's.json': good })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout.endsWith('}\n')).toBe(true)
    expect(result.stdout.startsWith('{\n  "version": 1,\n  "scenario": "three-az",\n')).toBe(true)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual([
      'version',
      'scenario',
      'seed',
      'durationMs',
      'partitions',
      'metrics',
      'clients',
      'groups',
      'durability',
      'availability',
      'failovers',
      'events',
    ])
    expect(report).toMatchObject({ seed: 7, durationMs: 20000 })
    expect(JSON.stringify(report.events)).toContain('"type":"BrokerStopped","broker":1')
  })

  it('gives identical bytes for the same scenario and seed', async () => {
    const first = await runMain(['run', 's.json', '--seed', '3'], { 's.json': good })
    const second = await runMain(['run', 's.json', '--seed', '3'], { 's.json': good })
    expect(first.stdout).toBe(second.stdout)
    expect(first.stdout.length).toBeGreaterThan(1000)
  })

  it('applies --seed and --duration', async () => {
    const result = await runMain(['run', 's.json', '--seed', '42', '--duration', '3000'], {
      's.json': good,
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ seed: 42, durationMs: 3000 })
    expect(result.stderr).toBe(
      '--duration: warning: 1 scripted fault comes after 3000 ms and will not happen\n',
    )
  })

  it('writes --out instead of stdout', async () => {
    const result = await runMain(['run', 's.json', '--out', 'r.json'], { 's.json': good })
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' })
    const written = result.files.get('r.json')!
    expect(written).toBe((await runMain(['run', 's.json'], { 's.json': good })).stdout)
  })
})

describe('analyze', () => {
  it('prints the analysis as JSON by default', async () => {
    const result = await runMain(['analyze', 's.json'], { 's.json': good })
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual([
      'version',
      'assumption',
      'failures',
      'advice',
      'verdict',
      'capacity',
    ])
    expect(result.stdout.endsWith('\n')).toBe(true)
  })

  it('prints Markdown with --format markdown', async () => {
    const result = await runMain(['analyze', 's.json', '--format', 'markdown'], { 's.json': good })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^# Design review: three-az\n/)
    expect(result.stdout).toContain('## Survivability')
  })

  it.each([
    ['error', 1, '--fail-on error: failed with 1 error\n'],
    ['warning', 1, '--fail-on warning: failed with 1 error, 3 warnings\n'],
  ])('--fail-on %s exits %i and still prints the report', async (level, code, verdict) => {
    const result = await runMain(['analyze', 'r.json', '--fail-on', level], { 'r.json': risky })
    expect(result.code).toBe(code)
    expect(result.stderr).toBe(verdict)
    const report = JSON.parse(result.stdout) as { advice: unknown[] }
    expect(report.advice.length).toBeGreaterThan(0)
  })

  it('--fail-on passes a clean design', async () => {
    for (const level of ['error', 'warning']) {
      const result = await runMain(['analyze', 's.json', '--fail-on', level], { 's.json': good })
      expect(result).toMatchObject({ code: 0, stderr: '' })
    }
  })
})

describe('internal errors', () => {
  it('prints one line and exits 3 when something unexpected throws', async () => {
    const io = memoryIo(new Map([['s.json', good]]))
    io.readFile = () => Promise.resolve(null as unknown as string)
    const code = await main(['validate', 's.json'], io)
    expect(code).toBe(3)
    expect(io.out).toEqual([])
    expect(io.err.join('')).toMatch(/^internal error: [^\n]+\n$/)
  })

  it('survives an io whose stdout throws', async () => {
    const io = memoryIo(new Map([['s.json', good]]))
    io.stdout = () => {
      throw new Error('disk full')
    }
    expect(await main(['validate', 's.json'], io)).toBe(3)
    expect(io.err).toEqual(['internal error: disk full\n'])
  })
})
