/**
 * Checks the combined report: `analyze` has a stable key order and agrees with the matrix and the
 * advisor, and the Markdown document has the layout summary, the findings table and the
 * survivability table, trimming a large matrix to the worst rows. Plain substring checks, no
 * snapshot files.
 */
import { describe, expect, it } from 'vitest'
import { advise } from './advisor'
import { analysisToMarkdown, analyze, MARKDOWN_WORST_ROWS } from './report'
import { survivabilityMatrix } from './survivability'
import { buildSpec, producer, recommendedSpec } from './test-helpers'

describe('analyze', () => {
  it('returns version, assumption, failures and advice, in that key order', () => {
    const spec = recommendedSpec()
    const report = analyze(spec)
    expect(Object.keys(report)).toEqual([
      'version',
      'assumption',
      'failures',
      'advice',
      'verdict',
      'capacity',
    ])
    expect(report.version).toBe(1)
    expect(report.capacity).toBeNull()
    expect(report.failures).toEqual(survivabilityMatrix(spec).failures)
    expect(report.advice).toEqual(advise(spec))
    expect(Object.keys(report.failures[0]!)).toEqual([
      'kind',
      'name',
      'brokers',
      'controllers',
      'offlinePartitions',
      'unwritablePartitions',
      'singleCopyPartitions',
      'uncleanElectionRequired',
      'controlPlaneLost',
      'peakBrokerUtilisation',
      'overloadedBrokers',
    ])
  })

  it('reports each broker’s steady-state load and its load after the worst single failure', () => {
    const spec = recommendedSpec()
    spec.cluster.brokerType = 'kafka.m5.large'
    // 60 MiB/s over 6 partitions; one consumer (billing) reads every partition.
    spec.clients[0] = { ...spec.clients[0]!, kind: 'producer', recordsPerSecond: 61440 } as never
    const capacity = analyze(spec).capacity!
    expect(capacity.brokerType).toBe('kafka.m5.large')
    expect(capacity.brokers.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6])
    const first = capacity.brokers[0]!
    expect(first.metrics).toMatchObject({
      BytesInPerSec: 10 * 1048576,
      BytesOutPerSec: 10 * 1048576,
      ReplicationBytesInPerSec: 20 * 1048576,
      ReplicationBytesOutPerSec: 20 * 1048576,
      KafkaDataLogsDiskUsed: null,
    })
    expect(first).toMatchObject({ partitions: 3, leaders: 1, bound: 'cpu' })
    // Losing one broker is worse than losing a zone: a zone also takes away the followers its
    // survivors would serve. Broker 1's partition 0 moves to broker 2, the next replica.
    expect(capacity.worstFailure!.name).toBe('broker 1')
    expect(capacity.worstFailure!.brokers.map((b) => b.id)).toEqual([2, 3, 4, 5, 6])
    expect(capacity.worstFailure!.brokers[0]!.leaders).toBe(2)
    expect(capacity.worstFailure!.brokers[0]!.metrics.BytesInPerSec).toBe(20 * 1048576)
  })

  it('gives MSK’s disk figure from retention over the volume', () => {
    const spec = recommendedSpec()
    spec.cluster.brokerType = 'kafka.m5.large'
    spec.cluster.storage = { volumeGiB: 100 }
    // 6 MiB/s, 1 MiB/s per partition, an hour kept: each broker keeps 3 replicas × 3600 MiB.
    spec.topics[0]!.config['retention.ms'] = 3600000
    spec.clients[0] = { ...spec.clients[0]!, recordsPerSecond: 6144 } as never
    const disk = analyze(spec).capacity!.brokers[0]!.metrics.KafkaDataLogsDiskUsed
    expect(disk).toBeCloseTo((3 * 3600 * 100) / (100 * 1024), 1)
  })

  it('is deterministic and JSON-serialisable', () => {
    const spec = recommendedSpec()
    expect(JSON.stringify(analyze(spec))).toBe(JSON.stringify(analyze(spec)))
    expect(JSON.parse(JSON.stringify(analyze(spec)))).toEqual(analyze(spec))
  })
})

describe('analysisToMarkdown', () => {
  it('adds capacity columns, a capacity summary line and a capacity section with a broker type', () => {
    const spec = recommendedSpec()
    spec.cluster.brokerType = 'kafka.m5.large'
    spec.clients.push({ ...spec.clients[1]!, id: 'audit', group: 'audit' } as never)
    spec.clients[0] = { ...spec.clients[0]!, recordsPerSecond: 61440 } as never
    const md = analysisToMarkdown(analyze(spec), spec)
    expect(md).toContain('| Busiest survivor | Overloaded brokers |')
    // Fan-out 2 (billing reads with assign(), audit is a group): each broker sends 20 MiB/s to
    // consumers and 20 to followers, 40 of 89.4 MiB/s. Losing brokers 1 and 2 moves partitions
    // 0 and 1 to broker 3 and 5 to broker 6... the busiest survivor is just over its limit.
    expect(md).toContain(
      '- Capacity: 6 of 36 cases overload a surviving broker; the busiest survivor is after' +
        ' brokers 1+2 (101% of its limit, 1 broker over).',
    )
    expect(md).toContain('| brokers 1+2 | 1, 2 | none | 0 | 2 | 2 | 0 | ok | 101% **over** | 1 |')
    expect(md).toContain('| use1-az1 | 1, 4 | 1001 | 0 | 0 | 0 | 0 | ok | 67% | 0 |')
    expect(md).toContain('## Capacity')
    // The worst single failure is one broker, not a zone: a zone also takes its followers away.
    expect(md).toContain('| After broker 1 |')
    expect(md).toContain(
      '| 1 | use1-az1 | 45% | network out | 40% | 10.0 | 20.0 | 20.0 / 20.0 | 3 | down |',
    )
    expect(md).toContain(
      '| 2 | use1-az2 | 45% | network out | 40% | 10.0 | 20.0 | 20.0 / 20.0 | 3 | 78% |',
    )
  })

  it('has no capacity columns or section without a broker type', () => {
    const spec = recommendedSpec()
    const md = analysisToMarkdown(analyze(spec), spec)
    expect(md).not.toContain('Busiest survivor')
    expect(md).not.toContain('## Capacity')
  })

  const risky = () =>
    buildSpec({
      name: 'checkout | prod',
      zones: ['use1-az1', 'use1-az2'],
      brokersPerZone: 2,
      controllerZones: ['use1-az1', 'use1-az2', 'use1-az1'],
      topics: [
        {
          name: 'orders',
          partitions: 4,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
        },
        {
          name: 'audit',
          partitions: 2,
          replicationFactor: 1,
          config: { 'min.insync.replicas': 2 },
        },
      ],
      clients: [producer('checkout', 'orders', { acks: 1, 'bootstrap.servers': [1, 2] })],
    })

  it('has a heading, the layout, a findings table and the survivability table', () => {
    const spec = risky()
    const md = analysisToMarkdown(analyze(spec), spec)
    // The name's pipe is escaped: it renders as `|` and can never split a table row.
    expect(md).toContain('# Design review: checkout \\| prod\n')
    expect(md).toContain('- Zones: 2 (use1-az1, use1-az2)')
    expect(md).toContain('- Brokers: 4 (use1-az1: 1, 3; use1-az2: 2, 4)')
    expect(md).toContain(
      '- Control plane: KRaft controller quorum of 3 voters (use1-az1: 1001, 1003; use1-az2: 1002)',
    )
    expect(md).toContain('| Topic | Partitions | RF | min.insync.replicas | Unclean election |')
    expect(md).toContain('| orders | 4 | 3 | 2 | disabled |')
    expect(md).toContain('| audit | 2 | 1 | 2 (effective 1) | disabled |')
    expect(md).toContain('| Severity | Rule | Where | Finding | Suggested fix |')
    expect(md).toMatch(/\| error \| `rf-1` \| `topics\[1\]\.replicationFactor` \| .+ \| Raise /)
    expect(md).toContain('`control-plane-majority-in-one-zone`')
    expect(md).toContain(
      '| Failure | Brokers down | Controllers down | Offline | Unwritable (acks=all) | Single copy | Need unclean election | Control plane |',
    )
    expect(md).toContain('| use1-az1 | 1, 3 | 1001, 1003 | 1 | 2 | 3 | 0 | **lost** |')
    expect(md).toContain('| broker 2 | 2 | none | 1 | 0 | 1 | 0 | ok |')
    expect(md).toContain('| brokers 1+2 |')
    expect(md).toContain('- Any single zone: 2 of 2 cases lose availability; ')
    expect(md).toContain('worst is use1-az1: 1 offline, 2 unwritable for acks=all')
    expect(md).toContain('## Verdict\n\n**✖ Does not survive a single zone: use1-az1: 1 offline')
    expect(md).not.toContain('omitted')
    expect(md.endsWith('\n')).toBe(true)
  })

  it('notes the ZooKeeper controller failover in ZooKeeper mode', () => {
    const spec = buildSpec({ controller: 'zookeeper' })
    const md = analysisToMarkdown(analyze(spec), spec)
    expect(md).toContain('ZooKeeper ensemble of 3 nodes')
    expect(md).toContain('the active controller is one of the brokers and fails over')
  })

  it('says so when there are no findings', () => {
    const spec = recommendedSpec()
    const md = analysisToMarkdown(analyze(spec), spec)
    expect(md).toContain('## Findings\n\nNo findings.')
    expect(md).toContain('- Any single zone: no case loses availability.')
    expect(md).toContain(
      'Survives any single broker and any single zone without losing availability',
    )
  })

  it('shows every single row plus the worst combined rows of a large cluster', () => {
    const spec = buildSpec({
      brokersPerZone: 4,
      topics: [{ name: 'orders', partitions: 24, replicationFactor: 3 }],
    })
    const report = analyze(spec)
    const md = analysisToMarkdown(report, spec)
    const tableRows = md.split('\n').filter((l) => /^\| (broker|brokers|use1)/.test(l))
    // 12 brokers + 3 zones + the worst 20 of 66 pairs and 24 zone-plus-broker rows.
    expect(tableRows).toHaveLength(12 + 3 + MARKDOWN_WORST_ROWS)
    expect(md).toContain(`the worst ${MARKDOWN_WORST_ROWS} of 90 broker-pair`)
    expect(md).toContain('70 rows omitted')
    // The worst rows are zone plus broker failures, which take two replicas of some partitions.
    expect(tableRows[15]).toMatch(/^\| use1-az\d \+ broker \d+ \|/)
  })
})
