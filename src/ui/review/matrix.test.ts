/**
 * The matrix view's pure helpers on a real survivability report of a 2-zone layout with RF 3
 * (so some failures hurt): kind filtering, filtering by how bad a row is (and the default),
 * stable sorting with first-click directions, cell status and text, the outcome a row's
 * drill-down opens on, and the faults that reproduce each kind of row.
 */
import { describe, expect, it } from 'vitest'
import { type FailureOutcome, survivabilityMatrix } from '../../analysis/index'
import { buildSpec } from '../../analysis/test-helpers'
import {
  cellStatus,
  cellText,
  defaultSeverityFilter,
  failureFaults,
  filterBySeverity,
  filterFailures,
  firstOutcome,
  formatCount,
  nextSort,
  rowSeverity,
  severityCounts,
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

describe('cells', () => {
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

describe('failing and at-risk rows', () => {
  it.each([
    [row({}), 'ok', null],
    [row({ singleCopyPartitions: 2 }), 'risk', 'singleCopy'],
    [row({ singleCopyPartitions: 2, unwritablePartitions: 2 }), 'failing', 'unwritable'],
    [row({ uncleanElectionRequired: 1, singleCopyPartitions: 1 }), 'failing', 'unclean'],
    [row({ controlPlaneLost: true, unwritablePartitions: 1 }), 'failing', 'unwritable'],
    [row({ controlPlaneLost: true }), 'failing', 'controlPlane'],
    [row({ offlinePartitions: 1, unwritablePartitions: 3 }), 'failing', 'offline'],
    // Capacity: above 80% of the limit is a risk, above 100% an overload (✖).
    [row({ peakBrokerUtilisation: 0.85, overloadedBrokers: 0 }), 'risk', null],
    [row({ peakBrokerUtilisation: 1.12, overloadedBrokers: 2 }), 'failing', null],
  ] as const)('%# → %s, drill-down opens on %s', (failure, severity, outcome) => {
    expect(rowSeverity(failure)).toBe(severity)
    expect(firstOutcome(failure)).toBe(outcome)
  })

  it('filters failing, failing or at risk, or all rows', () => {
    const counts = severityCounts(failures)
    expect(counts.failing + counts.risk + counts.ok).toBe(failures.length)
    const failing = filterBySeverity(failures, 'failing')
    const risky = filterBySeverity(failures, 'risk')
    expect(failing).toHaveLength(counts.failing)
    expect(risky).toHaveLength(counts.failing + counts.risk)
    expect(failing.every((f) => rowSeverity(f) === 'failing')).toBe(true)
    expect(filterBySeverity(failures, 'all')).toEqual(failures)
    // The zone holding two controller nodes loses the control plane, so it fails.
    expect(failing.map((f) => f.name)).toContain('use1-az1')
    expect(counts.failing).toBeGreaterThan(0)
  })

  it('starts on failing or at-risk rows when there are any, else on all of them', () => {
    expect(defaultSeverityFilter(failures)).toBe('risk')
    expect(defaultSeverityFilter([row({}), row({ name: 'broker 2' })])).toBe('all')
    expect(defaultSeverityFilter([row({}), row({ singleCopyPartitions: 1 })])).toBe('risk')
  })

  it('writes counts with thousands separators', () => {
    expect(formatCount(4278)).toBe('4,278')
    expect(formatCount(12)).toBe('12')
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
