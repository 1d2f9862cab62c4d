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
    expect(Object.keys(report)).toEqual(['version', 'assumption', 'failures', 'advice'])
    expect(report.version).toBe(1)
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
    ])
  })

  it('is deterministic and JSON-serialisable', () => {
    const spec = recommendedSpec()
    expect(JSON.stringify(analyze(spec))).toBe(JSON.stringify(analyze(spec)))
    expect(JSON.parse(JSON.stringify(analyze(spec)))).toEqual(analyze(spec))
  })
})

describe('analysisToMarkdown', () => {
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
    expect(md).toContain('# Design review: checkout | prod\n')
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
    expect(md).toContain('- Any single zone: 2 of 2 cases lose availability; worst is use1-az1')
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
    expect(md).toContain(
      '- Any single zone: no offline, unwritable or unclean-election partitions; control plane keeps its majority.',
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
