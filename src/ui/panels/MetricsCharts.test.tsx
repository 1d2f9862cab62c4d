/**
 * Renders MetricsCharts in jsdom with hand-built samples and checks that each chart is an image
 * named by its latest and largest value, that legends are text, that fault windows are shaded and
 * listed, and that the cursor line is drawn; 5,000 samples render in a bounded number of points.
 */
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MetricsSample } from '../../engine/types'
import { MetricsCharts } from './MetricsCharts'

afterEach(cleanup)

function sample(atMs: number, urp: number): MetricsSample {
  return {
    atMs,
    UnderReplicatedPartitions: urp,
    UnderMinIsrPartitionCount: 0,
    AtMinIsrPartitionCount: 0,
    OfflinePartitionsCount: 0,
    ActiveControllerCount: 1,
    PreferredReplicaImbalanceCount: 0,
    LeaderCount: { '1': 3, '2': 3 },
    PartitionCount: { '1': 6, '2': 6 },
    IsrShrinksPerSec: { Count: 0, OneMinuteRate: 0 },
    IsrExpandsPerSec: { Count: 0, OneMinuteRate: 0 },
    UncleanLeaderElectionsPerSec: { Count: 0, OneMinuteRate: 0 },
    producedRecords: 10,
    ackedRecords: 8,
    failedRecords: 2,
    lostAckedRecords: 0,
    consumerLag: 5,
    producerLatencyP99Ms: null,
  }
}

describe('MetricsCharts', () => {
  it('names each chart by its latest and largest value and ignores samples after nowMs', () => {
    const series = [sample(0, 0), sample(1000, 6), sample(2000, 2), sample(3000, 9)]
    render(<MetricsCharts series={series} nowMs={2000} faultWindows={[]} />)
    expect(
      screen.getByRole('img', { name: 'UnderReplicatedPartitions, now 2, max 6' }),
    ).toBeTruthy()
    expect(
      screen.getByRole('img', {
        name: 'LeaderCount per broker: broker 1 now 3, max 3; broker 2 now 3, max 3',
      }),
    ).toBeTruthy()
    expect(screen.getAllByRole('img')).toHaveLength(9)
    expect(screen.getByText('acknowledged per sample: 8')).toBeTruthy()
    expect(screen.getAllByText('time (s)')).toHaveLength(9)
  })

  it('shades and lists fault windows and draws the cursor', () => {
    const series = [sample(0, 0), sample(10_000, 1)]
    const { container } = render(
      <MetricsCharts
        series={series}
        nowMs={10_000}
        cursorMs={5000}
        faultWindows={[{ startMs: 2000, endMs: null, label: 'stopZone use1-az1' }]}
      />,
    )
    expect(screen.getByText(/stopZone use1-az1 00:02\.000–ongoing/)).toBeTruthy()
    expect(container.querySelectorAll('figure rect')).toHaveLength(9)
    expect(container.querySelectorAll('line[stroke-dasharray="4 2"]')).toHaveLength(9)
  })

  it('downsamples thousands of samples to the chart width', () => {
    const series = Array.from({ length: 5000 }, (_, i) => sample(i * 100, i % 5))
    const { container } = render(
      <MetricsCharts series={series} nowMs={500_000} faultWindows={[]} />,
    )
    const d = container.querySelector('figure path')!.getAttribute('d')!
    const vertices = d.split(/[ML]/).length - 1
    expect(vertices).toBeLessThanOrEqual(2 * 4 * 320)
  })
})
