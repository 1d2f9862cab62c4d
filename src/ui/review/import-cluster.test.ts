/**
 * Importing in the browser goes through the CLI's importers and reader: describe text and
 * reassignment JSON become specs, a bad line is reported by number, problems get readable
 * places, and the zone repair finds crowded topics, writes a reassignment that fixes them and
 * applies it for re-analysis.
 */
import { describe, expect, it } from 'vitest'
import { advise } from '../../analysis/index'
import {
  applyReassignment,
  detectFormat,
  importCluster,
  problemPlace,
  readableReassignment,
  topicsWithZoneProblems,
} from './import-cluster'

/** Brokers 1 and 2 in az1, 3 in az2, 4 in az3: partitions 0 and 1 crowd az1. */
const ZONES = '1=use1-az1,2=use1-az1,3=use1-az2,4=use1-az3'
const DESCRIBE = `Topic: orders\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,1,4\tIsr: 2,1,4
\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,4,1\tIsr: 3,4,1
`

describe('importCluster', () => {
  it('imports describe text with a zone map', () => {
    const outcome = importCluster(DESCRIBE, ZONES)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.format).toBe('describe')
    expect(outcome.spec.cluster.brokers).toEqual([
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az1' },
      { id: 3, zone: 'use1-az2' },
      { id: 4, zone: 'use1-az3' },
    ])
    expect(outcome.spec.topics[0]!.assignment).toEqual([
      [1, 2, 3],
      [2, 1, 4],
      [3, 4, 1],
    ])
  })

  it('reports a bad line by its number', () => {
    const bad = DESCRIBE.replace('Leader: 2\tReplicas: 2,1,4', 'Leader: 9\tReplicas: 2,1,4')
    const outcome = importCluster(bad, ZONES)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.problems[0]!.path).toBe('line 3')
    expect(problemPlace(outcome.problems[0]!)).toBe('Line 3')
    expect(outcome.problems[0]!.message).toMatch(/Leader 9 is not among the Replicas/)
  })

  it('reads a reassignment JSON and warns without a zone map', () => {
    const json = '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2]}]}'
    expect(detectFormat(json)).toBe('reassignment')
    const outcome = importCluster(json, '')
    expect(outcome.ok && outcome.warnings.map((w) => problemPlace(w))).toEqual(['Zone map'])
  })

  it('names zone map problems', () => {
    const outcome = importCluster(DESCRIBE, '1=use1-az1,two=use1-az2')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(problemPlace(outcome.problems[0]!)).toMatch(/^Zone map/)
    expect(problemPlace({ path: '$' })).toBe('Input')
  })
})

describe('zone repair', () => {
  const imported = importCluster(DESCRIBE, ZONES)
  if (!imported.ok) throw new Error('fixture does not import')
  const spec = imported.spec

  it('finds the crowded topic and writes a reassignment that fixes it', () => {
    expect(topicsWithZoneProblems(spec)).toEqual(['orders'])
    const json = readableReassignment(spec, ['orders'])
    const parsed = JSON.parse(json) as { version: number; partitions: { replicas: number[] }[] }
    expect(parsed.version).toBe(1)
    expect(parsed.partitions).toHaveLength(3)
    expect(json.split('\n')).toHaveLength(3 + 3 + 3)
    const fixed = applyReassignment(spec, json)
    expect(topicsWithZoneProblems(fixed)).toEqual([])
    expect(advise(fixed).some((f) => f.id === 'replicas-share-zone')).toBe(false)
    expect(advise(spec).some((f) => f.id === 'replicas-share-zone')).toBe(true)
  })
})
