// Checks `main(['import', ...])` with an in-memory io: every describe variant and a reassignment
// file become a scenario that `validate` accepts; the format is detected; --zones works inline and
// from a file; and every kind of bad input (unparseable lines, bad or incomplete zone maps, the
// wrong --format) exits 2 with nothing on stdout and one located problem a line on stderr.
import { describe, expect, it } from 'vitest'
import { detectFormat } from './commands/import'
import {
  DESCRIBE_3X,
  DESCRIBE_4X,
  DESCRIBE_ZK,
  REASSIGNMENT,
  ZONE_MAP,
  ZONES,
  runMain,
} from './testing'

async function importAndValidate(argv: string[], files: Record<string, string>) {
  const imported = await runMain(['import', ...argv], files)
  expect(imported.code).toBe(0)
  const validated = await runMain(['validate', 'out.json'], { 'out.json': imported.stdout })
  expect(validated).toMatchObject({ code: 0, stdout: 'ok\n' })
  return { ...imported, scenario: JSON.parse(imported.stdout) as Record<string, unknown> }
}

describe('import', () => {
  it.each([
    ['3.x', DESCRIBE_3X, 'orders'],
    ['ZooKeeper-era', DESCRIBE_ZK, 'payments'],
    ['4.x with ELR, spaces for tabs', DESCRIBE_4X, 'clicks'],
  ])('reads %s describe output', async (_variant, text, topic) => {
    const result = await importAndValidate(['d.txt', '--zones', ZONE_MAP], { 'd.txt': text })
    expect(result.scenario).toMatchObject({
      version: 1,
      cluster: { zones: ZONES },
      topics: [{ name: topic }],
    })
  })

  it('keeps the leader and ISR as the initial state', async () => {
    const { scenario } = await importAndValidate(['d.txt', '--zones', ZONE_MAP], {
      'd.txt': DESCRIBE_3X,
    })
    expect(scenario).toMatchObject({
      topics: [
        {
          assignment: { '0': [1, 2, 3], '1': [2, 3, 1], '2': [3, 1, 2] },
          initial: { '1': { leader: 2, isr: [2, 3] } },
          config: { 'min.insync.replicas': 2 },
        },
      ],
    })
  })

  it('reads a reassignment file, detected as JSON', async () => {
    const { scenario, stderr } = await importAndValidate(['r.json', '--zones', ZONE_MAP], {
      'r.json': REASSIGNMENT,
    })
    expect(scenario).toMatchObject({ topics: [{ name: 'orders', partitions: 2 }] })
    expect(stderr).not.toContain('line 1, column')
  })

  it('reads --zones from a JSON or text file, and stdin as -', async () => {
    const files = {
      '-': DESCRIBE_3X,
      'zones.json': '{ "1": "use1-az1", "2": "use1-az2", "3": "use1-az3" }',
      'zones.txt': '1=use1-az1\n2=use1-az2\n3=use1-az3\n',
    }
    const fromJson = await importAndValidate(['-', '--zones', 'zones.json'], files)
    const fromText = await importAndValidate(['-', '--zones', 'zones.txt'], files)
    const inline = await importAndValidate(['-', '--zones', ZONE_MAP], files)
    expect(fromJson.stdout).toBe(inline.stdout)
    expect(fromText.stdout).toBe(inline.stdout)
  })

  it('warns on stderr when no zones are given, and still imports', async () => {
    const result = await importAndValidate(['d.txt'], { 'd.txt': DESCRIBE_3X })
    expect(result.stderr).toMatch(/^--zones: warning: no broker-to-zone map was given/m)
    expect(result.scenario).toMatchObject({ cluster: { zones: ['unknown-zone'] } })
  })

  it('prints small lists on one line and ends with a newline', async () => {
    const { stdout } = await runMain(['import', 'd.txt', '--zones', ZONE_MAP], {
      'd.txt': DESCRIBE_3X,
    })
    expect(stdout).toContain('"assignment": { "0": [1, 2, 3], "1": [2, 3, 1], "2": [3, 1, 2] }')
    expect(stdout.endsWith('}\n')).toBe(true)
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })

  it.each([
    ['{"version":1}', 'reassignment'],
    ['  [1]', 'reassignment'],
    [
      'Current partition replica assignment\n{}\nProposed partition reassignment configuration\n{}',
      'reassignment',
    ],
    [DESCRIBE_3X, 'describe'],
    ['', 'describe'],
  ])('detects the format of %j', (text, format) => {
    expect(detectFormat(text)).toBe(format)
  })
})

describe('import errors', () => {
  async function expectBadInput(argv: string[], files: Record<string, string>, lines: RegExp[]) {
    const result = await runMain(['import', ...argv], files)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(2)
    const got = result.stderr.split('\n')
    expect(got.pop()).toBe('')
    expect(got).toHaveLength(lines.length)
    got.forEach((line, i) => expect(line).toMatch(lines[i]!))
  }

  it('names the line of a describe line it cannot read', async () => {
    const text = DESCRIBE_3X.replace('Leader: 2', 'Leader: two')
    await expectBadInput(['d.txt', '--zones', ZONE_MAP], { 'd.txt': text }, [
      /^d\.txt: line 3: Leader "two" is not a broker id/,
      /^d\.txt: line 1: topic "orders" has 3 partitions but no lines for partition 1/,
    ])
  })

  it('rejects text with no describe lines at all', async () => {
    await expectBadInput(['d.txt'], { 'd.txt': 'hello\n' }, [/^d\.txt: \$: found no topic/])
  })

  it('reads describe text given as --format reassignment as JSON, and says where it fails', async () => {
    await expectBadInput(['d.txt', '--format', 'reassignment'], { 'd.txt': DESCRIBE_3X }, [
      /^d\.txt: line 1, column 1: /,
    ])
  })

  it('rejects a bad inline zone map, naming --zones and the entry', async () => {
    await expectBadInput(['d.txt', '--zones', '1=use1-az1,2=,x'], { 'd.txt': DESCRIBE_3X }, [
      /^--zones\[1\]: "2=" has no zone after "="$/,
      /^--zones\[2\]: "x" is not of the form broker=zone/,
    ])
  })

  it('rejects a zone map that leaves a broker out', async () => {
    await expectBadInput(['d.txt', '--zones', '1=a,2=b'], { 'd.txt': DESCRIBE_3X }, [
      /^--zones: no zone for broker 3; add 3=<zone>$/,
    ])
  })

  it('rejects a --zones file that is missing or not a map', async () => {
    await expectBadInput(['d.txt', '--zones', 'nope.json'], { 'd.txt': DESCRIBE_3X }, [
      /^--zones: cannot read nope\.json: no such file or directory; give a file or a map/,
    ])
    await expectBadInput(
      ['d.txt', '--zones', 'z.json'],
      { 'd.txt': DESCRIBE_3X, 'z.json': '{ "1": 7 }' },
      [/^--zones z\.json\["1"\]: must be a zone name/],
    )
  })

  it('rejects a bad reassignment file with JSON paths', async () => {
    const text = JSON.stringify({
      version: 2,
      partitions: [{ topic: 'o', partition: -1, replicas: [1] }],
    })
    const result = await runMain(['import', 'r.json', '--zones', ZONE_MAP], { 'r.json': text })
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toMatch(/^r\.json: version: /m)
    expect(result.stderr).toMatch(/^r\.json: partitions\[0\]\.partition: /m)
  })

  it('names a missing input file', async () => {
    await expectBadInput(['nope.txt'], {}, [
      /^nope\.txt: cannot read the file to import: no such file or directory$/,
    ])
  })
})
