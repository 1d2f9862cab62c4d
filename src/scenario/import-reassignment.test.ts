/**
 * Checks the `kafka-reassign-partitions.sh` JSON importer: plain files with and without
 * log_dirs, pasted `--generate` output (the proposed plan is used), partitions left out (default
 * assignment, with a warning), and Kafka's own refusals (version, duplicate partitions or
 * replicas, log_dirs length), each with a JSON path. Accepted imports must pass
 * `validateScenario`.
 */
import { describe, expect, it } from 'vitest'
import { importReassignment } from './import-reassignment'
import type { Problem, ScenarioFile } from './types'
import { validateScenario } from './validate'

const ZONES = '1=use1-az1,2=use1-az2,3=use1-az3,4=use1-az1'

const PLAN = JSON.stringify({
  version: 1,
  partitions: [
    { topic: 'orders', partition: 0, replicas: [1, 2, 3], log_dirs: ['any', 'any', 'any'] },
    { topic: 'orders', partition: 1, replicas: [2, 3, 4], log_dirs: ['any', 'any', 'any'] },
    { topic: 'clicks', partition: 0, replicas: [4, 1] },
  ],
})

function imported(text: string, zones = ZONES): { scenario: ScenarioFile; warnings: Problem[] } {
  const result = importReassignment(text, { zones })
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1))
  expect(validateScenario(result.scenario).ok).toBe(true)
  return result
}

function problems(value: unknown): Problem[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const result = importReassignment(text, { zones: ZONES })
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

const entry = (partition: number, replicas: unknown, extra: Record<string, unknown> = {}) => ({
  topic: 't',
  partition,
  replicas,
  ...extra,
})

describe('importReassignment', () => {
  it('imports topics, partitions and replica lists', () => {
    const { scenario, warnings } = imported(PLAN)
    expect(scenario.topics).toEqual([
      {
        name: 'orders',
        partitions: 2,
        replicationFactor: 3,
        assignment: { '0': [1, 2, 3], '1': [2, 3, 4] },
      },
      { name: 'clicks', partitions: 1, replicationFactor: 2, assignment: { '0': [4, 1] } },
    ])
    expect(scenario.cluster.brokers).toEqual([
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az2' },
      { id: 3, zone: 'use1-az3' },
      { id: 4, zone: 'use1-az1' },
    ])
    expect(scenario.name).toBe('Imported from a reassignment file (2 topics)')
    expect(warnings).toEqual([])
  })

  it('fills partitions the file leaves out with the default assignment, with a warning', () => {
    const { scenario, warnings } = imported(
      JSON.stringify({ version: 1, partitions: [entry(2, [1, 2])] }),
    )
    expect(scenario.topics?.[0]).toMatchObject({ partitions: 3, assignment: { '2': [1, 2] } })
    expect(warnings).toMatchObject([
      {
        path: 'partitions[0]',
        message:
          'topic "t" has no replica list for partition 0–1; Kafka\'s default assignment places them',
      },
    ])
    const result = validateScenario(scenario)
    expect(result.ok && result.spec.topics[0]?.assignment.map((r) => r.length)).toEqual([2, 2, 2])
  })

  it('ignores real log directories and unknown fields with warnings', () => {
    const { warnings } = imported(
      JSON.stringify({
        version: 1,
        partitions: [entry(0, [1, 2], { log_dirs: ['/data/a', 'any'], epoch: 3 })],
        comment: 'x',
      }),
    )
    expect(warnings.map((w) => w.path)).toEqual([
      'comment',
      'partitions[0].epoch',
      'partitions[0].log_dirs',
    ])
  })

  it('uses the proposed plan from pasted --generate output', () => {
    const output = [
      'Current partition replica assignment',
      '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2],"log_dirs":["any","any"]}]}',
      '',
      'Proposed partition reassignment configuration',
      '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[3,4],"log_dirs":["any","any"]}]}',
    ].join('\n')
    const { scenario, warnings } = imported(output)
    expect(scenario.topics?.[0]?.assignment).toEqual({ '0': [3, 4] })
    expect(warnings[0]).toMatchObject({
      path: 'line 5',
      message: 'used the proposed reassignment from the pasted --generate output',
    })
  })

  it('puts brokers in one zone with a warning when there is no map', () => {
    const result = importReassignment(PLAN)
    expect(result.ok && result.scenario.cluster.zones).toEqual(['unknown-zone'])
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(['zoneMap'])
  })

  it.each<[string, unknown, string, string]>([
    ['version 2', { version: 2, partitions: [entry(0, [1])] }, 'version', 'unsupported version 2'],
    ['no version', { partitions: [entry(0, [1])] }, 'version', 'is required'],
    ['no partitions', { version: 1 }, 'partitions', 'is required'],
    ['empty partitions', { version: 1, partitions: [] }, 'partitions', 'nothing to import'],
    ['partitions not a list', { version: 1, partitions: {} }, 'partitions', 'must be an array'],
    [
      'an entry that is not an object',
      { version: 1, partitions: [7] },
      'partitions[0]',
      'must be an object',
    ],
    [
      'a bad topic name',
      { version: 1, partitions: [{ topic: 'a b', partition: 0, replicas: [1] }] },
      'partitions[0].topic',
      '"a b" is not a valid Kafka topic name',
    ],
    [
      'a negative partition',
      { version: 1, partitions: [entry(-1, [1])] },
      'partitions[0].partition',
      'must be a partition number',
    ],
    [
      'no replicas',
      { version: 1, partitions: [{ topic: 't', partition: 0 }] },
      'partitions[0].replicas',
      'is required',
    ],
    [
      'empty replicas',
      { version: 1, partitions: [entry(0, [])] },
      'partitions[0].replicas',
      'non-empty list',
    ],
    [
      'a replica that is not an id',
      { version: 1, partitions: [entry(0, [1, 'b-2'])] },
      'partitions[0].replicas[1]',
      'must be a broker id (got the string "b-2")',
    ],
    [
      'a duplicate replica',
      { version: 1, partitions: [entry(0, [1, 1])] },
      'partitions[0].replicas[1]',
      'broker 1 is listed twice',
    ],
    [
      'a duplicate partition',
      { version: 1, partitions: [entry(0, [1]), entry(0, [2])] },
      'partitions[1]',
      'partition t-0 is listed twice (also at partitions[0])',
    ],
    [
      'log_dirs of the wrong length',
      { version: 1, partitions: [entry(0, [1, 2], { log_dirs: ['any'] })] },
      'partitions[0].log_dirs',
      'lists 1 log directories for 2 replicas',
    ],
    [
      'replication factors that differ',
      { version: 1, partitions: [entry(0, [1, 2]), entry(1, [1])] },
      'partitions[1].replicas',
      'has 1 replicas but t-0 (partitions[0]) has 2',
    ],
    [
      'a broker without a zone',
      { version: 1, partitions: [entry(0, [1, 7])] },
      'zoneMap',
      'no zone for broker 7',
    ],
    [
      'a JSON syntax error',
      '{"version": 1,\n "partitions": [}',
      'line 2, column 17',
      'expected a value',
    ],
    ['an array at the root', [], '$', 'must be an object'],
  ])('rejects %s', (_what, value, path, words) => {
    const found = problems(value)
    const atPath = found.filter((p) => p.path === path)
    expect(atPath, JSON.stringify(found, null, 1)).not.toEqual([])
    expect(atPath.map((p) => p.message).join(' | ')).toContain(words)
  })

  it('does not throw on non-text input', () => {
    expect(importReassignment(null as unknown as string).ok).toBe(false)
  })
})
