// Checks `main(['import', ...])` with an in-memory io: every describe variant and a reassignment
// file become a scenario that `validate` accepts; the format is detected; --zones works inline and
// from a file; and every kind of bad input (unparseable lines, bad or incomplete zone maps, the
// wrong --format) exits 2 with nothing on stdout and one located problem a line on stderr.
// The zone sources (--zones-from with kafka-configs output or aws kafka list-nodes JSON and
// --subnets, --assume-msk-numbering), the cluster configs (--defaults, --cluster-config) and
// --workload are checked the same way, each problem naming its flag and file.
import { describe, expect, it } from 'vitest'
import { describeSubnetsJson, kafkaConfigsOutput, listNodesJson } from '../scenario/import-fixtures'
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
      /^--zones\[1\]: "2=" has no zone after "="; write broker=zone, e.g. 1=use1-az1$/,
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

const BROKERS = kafkaConfigsOutput(
  { 1: 'use1-az1', 2: 'use1-az2', 3: 'use1-az3' },
  { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'true' },
)
const NODES = listNodesJson({ 1: 'subnet-a', 2: 'subnet-b', 3: 'subnet-c' })
const SUBNETS = describeSubnetsJson({
  'subnet-a': ['us-east-1a', 'use1-az1'],
  'subnet-b': ['us-east-1b', 'use1-az2'],
  'subnet-c': ['us-east-1c', 'use1-az3'],
})

describe('import: zones, cluster configs and a workload', () => {
  it('reads zones and configs from kafka-configs output with --zones-from', async () => {
    const { scenario, stderr } = await importAndValidate(['d.txt', '--zones-from', 'b.txt'], {
      'd.txt': DESCRIBE_ZK,
      'b.txt': BROKERS,
    })
    expect(scenario).toMatchObject({
      cluster: {
        zones: ZONES,
        config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': true },
      },
      topics: [{ name: 'payments' }],
    })
    // KRaft from process.roles wins over the ZooKeeper-era look of the describe output.
    expect(scenario).toMatchObject({ cluster: { controller: 'kraft' } })
    expect(stderr).not.toMatch(/min\.insync\.replicas, so/)
  })

  it('reads zones from aws kafka list-nodes with --subnets, or both in one file', async () => {
    const apart = await importAndValidate(
      ['d.txt', '--zones-from', 'n.json', '--subnets', 's.json'],
      { 'd.txt': DESCRIBE_3X, 'n.json': NODES, 's.json': SUBNETS },
    )
    const together = await importAndValidate(['d.txt', '--zones-from', 'both.json'], {
      'd.txt': DESCRIBE_3X,
      'both.json': `${NODES}${SUBNETS}`,
    })
    const inline = await importAndValidate(['d.txt', '--zones', ZONE_MAP], { 'd.txt': DESCRIBE_3X })
    expect(apart.stdout).toBe(inline.stdout)
    expect(together.stdout).toBe(inline.stdout)
  })

  it('applies --defaults by zone count and --cluster-config over it', async () => {
    const { scenario } = await importAndValidate(
      [
        'd.txt',
        '--zones',
        '1=a,2=b,3=a',
        '--defaults',
        'msk',
        '--cluster-config',
        'unclean.leader.election.enable=false',
      ],
      { 'd.txt': DESCRIBE_3X },
    )
    expect(scenario).toMatchObject({
      cluster: {
        config: {
          'min.insync.replicas': 1,
          'default.replication.factor': 2,
          'unclean.leader.election.enable': false,
        },
      },
    })
  })

  it("warns when nothing gives the brokers' min.insync.replicas", async () => {
    const { stderr } = await importAndValidate(['d.txt', '--zones', ZONE_MAP], {
      'd.txt': DESCRIBE_ZK,
    })
    expect(stderr).toMatch(
      /^--cluster-config: warning: nothing gives the brokers' min.insync.replicas, so 1 topic without an override \(payments\) get Apache Kafka's default 1/m,
    )
  })

  it('assumes MSK numbering with a warning, and adds a workload', async () => {
    const { scenario, stderr } = await importAndValidate(
      ['d.txt', '--assume-msk-numbering', '3', '--workload-rate', '20', '--record-bytes', '512'],
      { 'd.txt': DESCRIBE_3X },
    )
    expect(scenario).toMatchObject({
      cluster: { zones: ['az1', 'az2', 'az3'] },
      clients: [
        {
          kind: 'producer',
          id: 'orders-producer',
          recordsPerSecond: 20,
          recordBytes: 512,
          config: { acks: 'all' },
        },
        { kind: 'consumer', id: 'orders-consumer', group: 'orders-group' },
      ],
    })
    expect(stderr).toMatch(
      /^--assume-msk-numbering: warning: zones assumed from MSK's broker numbering/m,
    )
    const named = await importAndValidate(
      ['d.txt', '--assume-msk-numbering', 'use1-az4,use1-az6,use1-az1', '--workload'],
      { 'd.txt': DESCRIBE_3X },
    )
    expect(named.scenario).toMatchObject({
      cluster: { zones: ['use1-az1', 'use1-az4', 'use1-az6'] },
      clients: [{ recordsPerSecond: 100 }, {}],
    })
  })
})

describe('import errors: zones, cluster configs and a workload', () => {
  async function expectBadInput(argv: string[], files: Record<string, string>, lines: RegExp[]) {
    const result = await runMain(['import', ...argv], files)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(2)
    const got = result.stderr.split('\n')
    expect(got.pop()).toBe('')
    expect(got).toHaveLength(lines.length)
    got.forEach((line, i) => expect(line).toMatch(lines[i]!))
  }

  it('names the file and line of a kafka-configs problem', async () => {
    await expectBadInput(
      ['d.txt', '--zones-from', 'b.txt'],
      {
        'd.txt': DESCRIBE_3X,
        'b.txt': BROKERS.replace('broker.rack=use1-az2', 'broker.rack=null'),
      },
      [/^--zones-from b\.txt, line 13: broker 2 has no broker\.rack \(null\)/],
    )
  })

  it('names the brokers kafka-configs output leaves out', async () => {
    await expectBadInput(
      ['d.txt', '--zones-from', 'b.txt'],
      { 'd.txt': DESCRIBE_3X, 'b.txt': kafkaConfigsOutput({ 1: 'a', 2: 'b' }) },
      [
        /^--zones-from b\.txt: the kafka-configs output has no "All configs for broker N" section for broker 3;/,
      ],
    )
  })

  it('asks for describe-subnets, naming the subnets, and places its problems', async () => {
    await expectBadInput(
      ['d.txt', '--zones-from', 'n.json'],
      { 'd.txt': DESCRIBE_3X, 'n.json': NODES },
      [
        /^--zones-from n\.json: .*aws ec2 describe-subnets --subnet-ids subnet-a subnet-b subnet-c$/,
      ],
    )
    await expectBadInput(
      ['d.txt', '--zones-from', 'n.json', '--subnets', 's.json'],
      { 'd.txt': DESCRIBE_3X, 'n.json': NODES, 's.json': '{"Subnets": [{"SubnetId": 7}]}' },
      [
        /^--subnets s\.json, describe-subnets Subnets\[0\]\.SubnetId: must be a subnet id \(got the number 7\)$/,
      ],
    )
  })

  it('rejects two ways of giving zones, and --subnets alone', async () => {
    await expectBadInput(
      ['d.txt', '--zones', ZONE_MAP, '--assume-msk-numbering', '3'],
      { 'd.txt': DESCRIBE_3X },
      [/^--assume-msk-numbering: gives the zones a second way \(with --zones\)/],
    )
    await expectBadInput(['d.txt', '--subnets', 's.json'], { 'd.txt': DESCRIBE_3X }, [
      /^--subnets: goes with --zones-from/,
    ])
  })

  it('rejects numbering that does not fit, and bad config and workload values', async () => {
    await expectBadInput(['d.txt', '--assume-msk-numbering', '2'], { 'd.txt': DESCRIBE_3X }, [
      /^--assume-msk-numbering: MSK's numbering cannot be assumed: 3 brokers do not divide evenly over 2 zones/,
    ])
    await expectBadInput(
      ['d.txt', '--cluster-config', 'min.insync.replicas=two,retention.ms=1'],
      { 'd.txt': DESCRIBE_3X },
      [
        /^--cluster-config\[0\]: min\.insync\.replicas="two" is not a whole number$/,
        /^--cluster-config\[1\]: "retention\.ms" is not one of/,
      ],
    )
    await expectBadInput(['d.txt', '--workload-rate', '0'], { 'd.txt': DESCRIBE_3X }, [
      /^--workload-rate: must be an integer from 1 to 1000000 \(got "0"\)/,
    ])
    await expectBadInput(['d.txt', '--defaults', 'aws'], { 'd.txt': DESCRIBE_3X }, [
      /^--defaults: must be one of "msk", "apache" \(got "aws"\)/,
    ])
  })

  it('names a missing --zones-from file', async () => {
    await expectBadInput(['d.txt', '--zones-from', 'nope.txt'], { 'd.txt': DESCRIBE_3X }, [
      /^--zones-from: cannot read nope\.txt: no such file or directory; give the file holding/,
    ])
  })
})
