/**
 * The failover table: one row per fault, named by the fault; times as the simulated clock with
 * the delay since the fault; the states "not yet", "no partition touched" and "—" in words.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { FailoverRecord } from '../../engine/failovers'
import { FailoversTable, formatDuration } from './FailoversTable'

afterEach(cleanup)

function record(over: Partial<FailoverRecord>): FailoverRecord {
  return {
    fault: { type: 'crashBroker', broker: 1, atMs: 20_000 },
    atMs: 20_000,
    detectedAtMs: 29_000,
    leadersMovedAtMs: 29_000,
    recoveredAtMs: 29_363,
    maxProduceStallMs: 9_101,
    failedRecords: 0,
    retriedRecords: 3,
    lostAckedRecords: 0,
    elections: { clean: 1, unclean: 0, elr: 0 },
    partitions: [{ topic: 'orders', partition: 0, stallMs: 9_101, election: 'ONLINE' }],
    ...over,
  }
}

describe('FailoversTable', () => {
  it('says so when no fault has come yet', () => {
    render(<FailoversTable failovers={[]} />)
    expect(screen.getByText(/No fault yet/)).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('shows a row per fault with its detection, recovery and longest stall', () => {
    render(
      <FailoversTable
        failovers={[
          record({}),
          record({
            fault: { type: 'stopZone', zone: 'use1-az1', atMs: 60_000 },
            atMs: 60_000,
            detectedAtMs: null,
            leadersMovedAtMs: null,
            recoveredAtMs: null,
            maxProduceStallMs: null,
            lostAckedRecords: 7,
          }),
          record({
            fault: { type: 'crashController', controller: 1001, atMs: 90_000 },
            partitions: [],
            recoveredAtMs: null,
          }),
        ]}
      />,
    )
    const table = screen.getByRole('table', { name: /One row per fault/ })
    const crash = within(table).getByRole('row', { name: /^crashBroker broker 1/ })
    const cells = within(crash).getAllByRole('cell')
    expect(cells.map((c) => c.textContent)).toEqual([
      '00:20.000',
      '00:29.000 (+9.0 s)',
      '00:29.000 (+9.0 s)',
      '00:29.363 (+9.4 s)',
      '9.1 s',
      '0',
      '3',
      '0',
      '1 clean, 0 unclean',
    ])
    const zone = within(table).getByRole('row', { name: /^stopZone use1-az1/ })
    expect(
      within(zone)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('not yet')
    expect(within(zone).getAllByRole('cell')[7]?.className).toContain('text-danger')
    const controller = within(table).getByRole('row', { name: /^crashController controller 1001/ })
    expect(within(controller).getAllByRole('cell')[3]?.textContent).toBe('no partition touched')
  })

  it('formats durations for people', () => {
    expect(formatDuration(363)).toBe('363 ms')
    expect(formatDuration(9_101)).toBe('9.1 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})
