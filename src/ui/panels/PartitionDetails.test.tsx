/**
 * Renders PartitionDetails in jsdom with a hand-built partition whose leader moved after an ISR
 * shrink, and checks the epochs, replica sets and each replica's role, state, LEO, HW and lag.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { partitionView } from './fixtures'
import { PartitionDetails } from './PartitionDetails'

afterEach(cleanup)

describe('PartitionDetails', () => {
  it('prompts for a selection when there is none', () => {
    render(<PartitionDetails partition={null} />)
    expect(screen.getByText('Select a partition to see its replicas.')).toBeTruthy()
  })

  it('shows the replica sets, epochs and per-replica offsets', () => {
    const p = partitionView({
      partition: 4,
      leader: 2,
      leaderEpoch: 5,
      partitionEpoch: 9,
      isr: [2],
      elr: [3],
      highWatermark: 80,
      replicaStates: [
        { broker: 1, logEndOffset: 70, highWatermark: 70, online: false, lag: 30 },
        { broker: 2, logEndOffset: 100, highWatermark: 80, online: true, lag: 0 },
        { broker: 3, logEndOffset: 95, highWatermark: 80, online: true, lag: 5 },
      ],
    })
    render(<PartitionDetails partition={p} />)
    const region = screen.getByRole('region', { name: 'Partition orders-4' })
    expect(within(region).getByText('under min ISR')).toBeTruthy()
    const terms = [...region.querySelectorAll('dt')].map((dt) => dt.textContent)
    const values = [...region.querySelectorAll('dd')].map((dd) => dd.textContent)
    const facts = Object.fromEntries(terms.map((t, i) => [t, values[i]]))
    expect(facts).toMatchObject({
      Leader: '2',
      'Leader epoch': '5',
      'Partition epoch': '9',
      'High watermark': '80',
      'Leader recovery state': 'RECOVERED',
      Isr: '2',
      Elr: '3',
      LastKnownElr: '(empty)',
    })
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual([
      '1out-of-sync followeroffline707030',
      '2leaderonline100800',
      '3eligible (ELR)online95805',
    ])
  })
})

describe('PartitionDetails: the detection window and the ISR clock', () => {
  it('says the leader is unreachable but not fenced, with its countdown, in the badge and in words', () => {
    const p = partitionView({ leader: 1, isr: [1, 2, 3] })
    render(
      <PartitionDetails
        partition={p}
        timing={{ nowMs: 12_800, leaderCountdown: 'fenced in 6.2 s', lagTimeMaxMs: 30_000 }}
      />,
    )
    expect(screen.getByText('leader unreachable — not fenced yet')).toBeTruthy()
    expect(
      screen.getByText(/still names it leader until it is fenced \(fenced in 6\.2 s\)/),
    ).toBeTruthy()
  })

  it("counts down a lagging ISR follower's replica.lag.time.max.ms", () => {
    const p = partitionView({
      leader: 1,
      isr: [1, 2, 3],
      replicaStates: [
        { broker: 1, logEndOffset: 100, highWatermark: 90, online: true, lag: 0 },
        {
          broker: 2,
          logEndOffset: 100,
          highWatermark: 90,
          online: true,
          lag: 0,
          lastCaughtUpMs: 19_900,
        },
        {
          broker: 3,
          logEndOffset: 90,
          highWatermark: 90,
          online: true,
          lag: 10,
          lastCaughtUpMs: 15_800,
        },
      ],
    })
    render(
      <PartitionDetails
        partition={p}
        timing={{ nowMs: 20_000, leaderCountdown: null, lagTimeMaxMs: 30_000 }}
      />,
    )
    expect(screen.getByText('behind 4.2 s; leaves the ISR in 25.8 s')).toBeTruthy()
    // Broker 2 was caught up 0.1 s ago: no clock.
    expect(screen.queryAllByText(/leaves the ISR/)).toHaveLength(1)
    expect(screen.queryByText('leader unreachable — not fenced yet')).toBeNull()
  })
})
