/**
 * The difference table's words: which design is better and by how much, in each unit; a value
 * that does not apply to a run, left uncompared with the reason; a stall still open at the end
 * shown as a lower bound. Rows are built by `summarise`, as the panel builds them.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunOutcome, summarise } from '../../analysis/compare'
import { CompareTable, verdict } from './CompareTable'

afterEach(cleanup)

const outcome = (over: Partial<RunOutcome>): RunOutcome => ({
  offlinePartitionMs: 0,
  unwritablePartitionMs: 0,
  clientUnwritablePartitionMs: 0,
  maxProduceStallMs: null,
  stallOngoing: false,
  producerLatencyP99Ms: 20,
  ackedRecords: 100,
  failedRecords: 0,
  lostAckedRecords: 0,
  uncleanElections: 0,
  producerErrors: {},
  brokerType: null,
  peakUtilisation: null,
  series: [],
  ...over,
})

const comparison = summarise(
  outcome({
    unwritablePartitionMs: 38_000,
    maxProduceStallMs: 50_000,
    stallOngoing: true,
    producerLatencyP99Ms: null,
    brokerType: 'kafka.m7g.large',
    peakUtilisation: 1.3,
    lostAckedRecords: 1234,
  }),
  outcome({
    maxProduceStallMs: 30_000,
    ackedRecords: 900,
    brokerType: 'kafka.m7g.xlarge',
    peakUtilisation: 0.65,
  }),
  60_000,
)
const rowOf = (key: string) => comparison.rows.find((r) => r.key === key)!

describe('verdict', () => {
  it('says which design is better, by how much, in words', () => {
    expect(verdict(rowOf('unwritable'))).toBe('✓ B better: 38.0 s less')
    expect(verdict(rowOf('lost'))).toBe('✓ B better: 1,234 fewer')
    expect(verdict(rowOf('acked'))).toBe('✓ B better: 800 more')
    expect(verdict(rowOf('utilisation'))).toBe('✓ B better: 65 percentage points lower')
    expect(verdict(rowOf('stall'))).toBe('✓ B better: 20.0 s less (A still stalled at the end)')
    expect(verdict(rowOf('p99'))).toBe('Not comparable (A: nothing acknowledged)')
    expect(verdict(rowOf('offline'))).toBe('= same')
  })
})

describe('CompareTable', () => {
  it('shows both values, a lower bound and a missing value with its reason', () => {
    render(
      <CompareTable
        comparison={comparison}
        names={{ a: 'Current', b: 'File' }}
        caption="A: Current: x. B: File: y.json."
      />,
    )
    const cells = (name: RegExp) =>
      within(screen.getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    expect(cells(/^Longest write stall/)).toEqual([
      '≥ 50.0 s',
      '30.0 s',
      '✓ B better: 20.0 s less (A still stalled at the end)',
    ])
    expect(cells(/^Producer p99 latency/).slice(0, 2)).toEqual([
      '— (nothing acknowledged)',
      '20 ms',
    ])
    expect(cells(/^Peak broker utilisation \(kafka.m7g.large vs kafka.m7g.xlarge\)/)).toEqual([
      '130%',
      '65%',
      '✓ B better: 65 percentage points lower',
    ])
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe(
      'After 60 s of simulated time. A: Current: x. B: File: y.json. Partition-time is summed over partitions.',
    )
  })
})
