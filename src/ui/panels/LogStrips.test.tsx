/**
 * LogStrips in jsdom with hand-built log pictures: a healthy partition (HW line, LEO labels,
 * hatched uncommitted tail, epochs numbered), a failed one (offline old leader, a returning
 * replica's truncated tail, lost acknowledged records) and the summary screen readers hear.
 * PartitionDetails shows it only for its own partition.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PartitionLogView, ReplicaLogView } from '../../engine/log-view'
import { partitionView } from './fixtures'
import { LogStrips } from './LogStrips'
import { cellsOf, percentOf, summaryOf } from './log-strips-model'
import { PartitionDetails } from './PartitionDetails'

afterEach(cleanup)

function batches(from: number, to: number, epoch: number, size = 10) {
  const out = []
  for (let o = from; o < to; o += size)
    out.push({ baseOffset: o, count: Math.min(size, to - o), epoch })
  return out
}

function replica(broker: number, over: Partial<ReplicaLogView> = {}): ReplicaLogView {
  return {
    broker,
    online: true,
    inIsr: true,
    logStartOffset: 0,
    logEndOffset: 1204,
    highWatermark: 1198,
    batches: batches(1144, 1204, 4, 6),
    truncated: [],
    ...over,
  }
}

function healthy(): PartitionLogView {
  return {
    topic: 'orders',
    partition: 0,
    leader: 2,
    leaderEpoch: 4,
    highWatermark: 1198,
    replicas: [
      replica(1, {
        online: false,
        inIsr: false,
        logEndOffset: 1150,
        batches: batches(1144, 1150, 4, 6),
      }),
      replica(2),
      replica(3, { logEndOffset: 1204 }),
    ],
    consumers: [{ id: 'c1', position: 1190 }],
    lostAcked: [],
    lostAckedRecords: 0,
    window: { from: 1144, to: 1204 },
  }
}

describe('LogStrips', () => {
  it('labels every strip, the HW line, each LEO and the consumer', () => {
    render(<LogStrips log={healthy()} />)
    expect(screen.getByText('HW 1,198')).toBeTruthy()
    expect(screen.getByText('Broker 2 (leader)')).toBeTruthy()
    expect(screen.getByText('Broker 3 (in-sync follower)')).toBeTruthy()
    expect(screen.getByText('Broker 1 (offline)')).toBeTruthy()
    expect(screen.getAllByText('LEO 1,204')).toHaveLength(2)
    expect(screen.getByText('LEO 1,150')).toBeTruthy()
    expect(screen.getByText(/consumer c1 at 1,190/)).toBeTruthy()
    expect(screen.getByText('not yet committed (offset ≥ HW)')).toBeTruthy()
    const legend = screen.getByRole('list', { name: 'Log legend' })
    expect(within(legend).getByText('epoch 4')).toBeTruthy()
    // The epoch is written over each run of cells too, not only coloured.
    expect(within(screen.getByTestId('strip-2')).getByText('epoch 4')).toBeTruthy()
  })

  it('summarises the picture for screen readers', () => {
    render(<LogStrips log={healthy()} />)
    const img = screen.getByRole('img', { name: /^Leader broker 2 LEO 1,204; HW 1,198/ })
    expect(img.getAttribute('aria-label')).toBe(
      'Leader broker 2 LEO 1,204; HW 1,198; 6 not yet committed; broker 1 offline at 1,150; broker 3 in sync at 1,204; consumer c1 at 1,190',
    )
    // Focusable, so a keyboard user reaches it and hears the summary.
    expect(img.tabIndex).toBe(0)
  })

  it('hatches the tail at or above the HW and names the epoch of each cell on hover', () => {
    render(<LogStrips log={healthy()} />)
    const strip = screen.getByTestId('strip-2')
    expect(within(strip).getByTitle('Broker 2: offsets 1,198–1,203 not yet committed')).toBeTruthy()
    expect(within(strip).getAllByTitle(/epoch 4$/).length).toBeGreaterThan(0)
    // The offline replica is shorter than the HW: nothing of it is uncommitted.
    expect(within(screen.getByTestId('strip-1')).queryByTitle(/not yet committed/)).toBeNull()
  })

  it('shows a returning replica’s cut-off tail and the acknowledged records lost', () => {
    const log: PartitionLogView = {
      ...healthy(),
      leader: 3,
      leaderEpoch: 5,
      replicas: [
        replica(1, {
          inIsr: false,
          logEndOffset: 1160,
          highWatermark: 1160,
          batches: [...batches(1144, 1150, 4, 6), ...batches(1150, 1160, 5)],
          truncated: [{ fromOffset: 1204, toOffset: 1150, atMs: 9000 }],
        }),
        replica(3, { batches: [...batches(1144, 1150, 4, 6), ...batches(1150, 1204, 5)] }),
      ],
      consumers: [],
      lostAcked: [{ baseOffset: 1150, count: 48 }],
      lostAckedRecords: 48,
    }
    render(<LogStrips log={log} />)
    expect(screen.getByText('Broker 1 (out of sync)')).toBeTruthy()
    expect(
      screen.getByText(/truncated 1,150–1,203 \(54 records, lost on this replica\)/),
    ).toBeTruthy()
    expect(screen.getByText(/48 acknowledged records lost/)).toBeTruthy()
    const legend = screen.getByRole('list', { name: 'Log legend' })
    expect(within(legend).getByText('epoch 5')).toBeTruthy()
    expect(within(legend).getByText('truncated (lost on this replica)')).toBeTruthy()
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'broker 1 truncated 1,150–1,203 (54 records, lost on this replica)',
    )
  })
})

describe('log strips model', () => {
  it('places offsets as percentages of the window, clamped', () => {
    const log = healthy()
    expect(percentOf(log, 1144)).toBe(0)
    expect(percentOf(log, 1174)).toBe(50)
    expect(percentOf(log, 99)).toBe(0)
    expect(percentOf(log, 9999)).toBe(100)
  })

  it('merges small batches of one epoch into at most about 60 cells, never across epochs', () => {
    const log = { ...healthy(), window: { from: 0, to: 6000 } }
    const cells = cellsOf(log, [...batches(0, 3000, 1, 5), ...batches(3000, 6000, 2, 5)])
    expect(cells.length).toBeLessThanOrEqual(60)
    expect(cells.length).toBeGreaterThan(40)
    expect(cells.every((c) => c.to - c.from <= 100)).toBe(true)
    expect(cells.find((c) => c.from < 3000 && c.to > 3000)).toBeUndefined()
    // A batch larger than a cell stays one cell.
    expect(cellsOf(log, [{ baseOffset: 0, count: 900, epoch: 1 }])).toEqual([
      { from: 0, to: 900, epoch: 1 },
    ])
  })

  it('says when there is no leader', () => {
    expect(summaryOf({ ...healthy(), leader: -1 })).toMatch(/^No leader; HW 1,198/)
  })
})

describe('PartitionDetails with a log picture', () => {
  it('shows the strips only for its own partition', () => {
    const p = partitionView({ partition: 0, leader: 2 })
    const { rerender } = render(<PartitionDetails partition={p} log={healthy()} />)
    expect(screen.getByRole('figure', { name: /Log of orders-0/ })).toBeTruthy()
    rerender(<PartitionDetails partition={{ ...p, partition: 1 }} log={healthy()} />)
    expect(screen.queryByRole('figure')).toBeNull()
  })
})
