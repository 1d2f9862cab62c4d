/**
 * The matrix view's pure helpers on a real survivability report of a 2-zone layout with RF 3
 * (so some failures hurt): kind filtering, stable sorting with first-click directions, cell
 * status and text, and the faults that reproduce each kind of row.
 */
import { describe, expect, it } from 'vitest'
import { type FailureOutcome, survivabilityMatrix } from '../../analysis/index'
import { buildSpec } from '../../analysis/test-helpers'
import {
  cellStatus,
  cellText,
  failureFaults,
  filterFailures,
  nextSort,
  sortFailures,
} from './matrix'

const spec = buildSpec({
  zones: ['use1-az1', 'use1-az2'],
  brokersPerZone: 2,
  controllerZones: ['use1-az1', 'use1-az1', 'use1-az2'],
  topics: [
    { name: 'orders', partitions: 4, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
  ],
})
const failures = survivabilityMatrix(spec).failures

describe('filter and sort', () => {
  it('filters by kind', () => {
    expect(filterFailures(failures, 'all')).toHaveLength(failures.length)
    expect(filterFailures(failures, 'zone').map((f) => f.name)).toEqual(['use1-az1', 'use1-az2'])
    expect(filterFailures(failures, 'broker')).toHaveLength(4)
    expect(filterFailures(failures, 'brokers')).toHaveLength(6)
  })

  it('sorts counts worst first on the first click, then ascending, ties in report order', () => {
    const first = nextSort(null, 'unwritable')
    expect(first).toEqual({ column: 'unwritable', direction: 'descending' })
    const desc = sortFailures(failures, first).map((f) => f.unwritablePartitions)
    expect(desc).toEqual([...desc].sort((a, b) => b - a))
    const asc = sortFailures(failures, nextSort(first, 'unwritable')).map(
      (f) => f.unwritablePartitions,
    )
    expect(asc).toEqual([...asc].sort((a, b) => a - b))
    const zeros = sortFailures(failures, first).filter((f) => f.unwritablePartitions === 0)
    expect(zeros).toEqual(failures.filter((f) => f.unwritablePartitions === 0))
  })

  it('sorts the failure name in report order, then reversed', () => {
    const byName = nextSort(null, 'name')
    expect(sortFailures(failures, byName)).toEqual(failures)
    expect(sortFailures(failures, nextSort(byName, 'name'))).toEqual([...failures].reverse())
    expect(sortFailures(failures, null)).toEqual(failures)
  })

  it('puts a lost control plane first', () => {
    const sorted = sortFailures(failures, nextSort(null, 'controlPlane'))
    expect(sorted[0]!.controlPlaneLost).toBe(true)
    expect(sorted[0]!.name).toBe('use1-az1')
  })
})

describe('cells', () => {
  const row = (over: Partial<FailureOutcome>): FailureOutcome => ({
    kind: 'broker',
    name: 'broker 1',
    brokers: [1],
    controllers: [],
    offlinePartitions: 0,
    unwritablePartitions: 0,
    singleCopyPartitions: 0,
    uncleanElectionRequired: 0,
    controlPlaneLost: false,
    peakBrokerUtilisation: null,
    overloadedBrokers: null,
    ...over,
  })

  it.each([
    [row({}), 'offline', 'ok', '✓ 0'],
    [row({ offlinePartitions: 3 }), 'offline', 'bad', '✖ 3'],
    [row({ singleCopyPartitions: 2 }), 'singleCopy', 'warn', '▲ 2'],
    [row({ controlPlaneLost: true }), 'controlPlane', 'bad', '✖ lost'],
    [row({}), 'controlPlane', 'ok', '✓ kept'],
  ] as const)('%# %s → %s %s', (failure, column, status, text) => {
    expect(cellStatus(failure, column)).toBe(status)
    expect(cellText(failure, column)).toBe(text)
  })
})

describe('failureFaults', () => {
  const named = (name: string) => failures.find((f) => f.name === name)!

  it.each([
    ['broker 3', [{ type: 'crashBroker', broker: 3 }]],
    ['use1-az2', [{ type: 'stopZone', zone: 'use1-az2' }]],
    [
      'brokers 1+4',
      [
        { type: 'crashBroker', broker: 1 },
        { type: 'crashBroker', broker: 4 },
      ],
    ],
    [
      'use1-az1 + broker 2',
      [
        { type: 'stopZone', zone: 'use1-az1' },
        { type: 'crashBroker', broker: 2 },
      ],
    ],
  ])('%s', (name, faults) => {
    expect(failureFaults(named(name), spec)).toEqual(faults)
  })
})
