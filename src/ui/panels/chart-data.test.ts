/**
 * Checks the metric charts' pure data step: min/max downsampling keeps spikes and endpoints and
 * bounds the output by the pixel width, LeaderCount gets one series per broker in numeric order,
 * samples after nowMs are cut, and the accessible summary reads as specified. Samples are
 * hand-built.
 */
import { describe, expect, it } from 'vitest'
import type { MetricsSample } from '../../engine/types'
import { chartDefinitions, chartSummary, downsampleMinMax, type Point } from './chart-data'
import { countAtOrBefore } from './time-index'

function sample(atMs: number, overrides: Partial<MetricsSample> = {}): MetricsSample {
  return {
    atMs,
    UnderReplicatedPartitions: 0,
    UnderMinIsrPartitionCount: 0,
    AtMinIsrPartitionCount: 0,
    OfflinePartitionsCount: 0,
    ActiveControllerCount: 1,
    PreferredReplicaImbalanceCount: 0,
    LeaderCount: { '1': 2, '2': 2 },
    PartitionCount: { '1': 6, '2': 6 },
    IsrShrinksPerSec: { Count: 0, OneMinuteRate: 0 },
    IsrExpandsPerSec: { Count: 0, OneMinuteRate: 0 },
    UncleanLeaderElectionsPerSec: { Count: 0, OneMinuteRate: 0 },
    producedRecords: 100,
    ackedRecords: 100,
    failedRecords: 0,
    lostAckedRecords: 0,
    consumerLag: 0,
    producerLatencyP99Ms: null,
    ...overrides,
  }
}

const px = (p: Point) => p.x
const py = (p: Point) => p.y

describe('downsampleMinMax', () => {
  const points: Point[] = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: i % 7 }))
  points[4321] = { x: 4321, y: 99 }
  points[8765] = { x: 8765, y: -5 }

  it('keeps at most four points per bucket, including every spike and both ends', () => {
    const out = downsampleMinMax(points, points.length, px, py, 0, 10_000, 200)
    expect(out.length).toBeLessThanOrEqual(800)
    expect(out).toContainEqual({ x: 4321, y: 99 })
    expect(out).toContainEqual({ x: 8765, y: -5 })
    expect(out[0]).toEqual({ x: 0, y: 0 })
    expect(out.at(-1)).toEqual(points.at(-1))
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b))
  })

  it('returns input with under one point per bucket unchanged and reads only the first `end` items', () => {
    const few = points.filter((p) => p.x % 1000 === 0)
    expect(downsampleMinMax(few, few.length, px, py, 0, 10_000, 200)).toEqual(few)
    expect(downsampleMinMax(few, 3, px, py, 0, 10_000, 200)).toEqual(few.slice(0, 3))
  })
})

describe('chart definitions', () => {
  it('plots one LeaderCount line per broker, in numeric broker order', () => {
    const samples = [sample(0, { LeaderCount: { '10': 1, '2': 3 } }), sample(1000)]
    const leaders = chartDefinitions(samples).find((c) => c.id === 'leaders')!
    expect(leaders.series.map((s) => s.label)).toEqual(['broker 1', 'broker 2', 'broker 10'])
    expect(leaders.series[2]!.value(samples[1]!)).toBe(0)
    const patterns = leaders.series.map((s) => `${s.color}|${s.dash}`)
    expect(new Set(patterns).size).toBe(3)
  })

  it('names the Kafka metrics and the producer accounting', () => {
    const titles = chartDefinitions([sample(0)]).map((c) => c.title)
    expect(titles).toEqual([
      'UnderReplicatedPartitions',
      'UnderMinIsrPartitionCount',
      'OfflinePartitionsCount',
      'ActiveControllerCount',
      'LeaderCount per broker',
      'ISR changes and unclean elections (OneMinuteRate)',
      'Producer records',
      'Produce latency p99 (send to acknowledgement; 0: nothing acknowledged)',
      'Consumer lag',
    ])
  })

  it('adds per-broker utilisation, byte-rate and queue charts only with a broker type', () => {
    const capacity = {
      utilisation: { '1': 0.5, '2': 1.04 },
      queueMs: { '1': 0, '2': 70 },
      bytesInMiBps: { '1': 10, '2': 20 },
      bytesOutMiBps: { '1': 30, '2': 60 },
      replicationInMiBps: { '1': 20, '2': 10 },
      replicationOutMiBps: { '1': 20, '2': 20 },
    }
    const typed = [sample(0, { capacity })]
    const charts = chartDefinitions(typed)
    const utilisation = charts.find((c) => c.id === 'utilisation')!
    expect(utilisation.series.map((s) => s.label)).toEqual(['broker 1', 'broker 2'])
    expect(utilisation.series[1]!.value(typed[0]!)).toBe(104)
    expect(charts.find((c) => c.id === 'bytes-out')!.series[1]!.value(typed[0]!)).toBe(80)
    expect(charts.find((c) => c.id === 'queue')!.series[1]!.value(typed[0]!)).toBe(70)
    expect(chartDefinitions([sample(0)]).some((c) => c.id === 'utilisation')).toBe(false)
  })

  it('plots the meters’ OneMinuteRate, not their Count', () => {
    const meters = chartDefinitions([sample(0)]).find((c) => c.id === 'meters')!
    expect(meters.series.map((s) => s.label)).toEqual([
      'IsrShrinksPerSec',
      'IsrExpandsPerSec',
      'UncleanLeaderElectionsPerSec',
    ])
    const s = sample(5000, {
      IsrShrinksPerSec: { Count: 4, OneMinuteRate: 0.2 },
      UncleanLeaderElectionsPerSec: { Count: 1, OneMinuteRate: 0.016 },
    })
    expect(meters.series.map((d) => d.value(s))).toEqual([0.2, 0, 0.016])
  })

  it('cuts samples after nowMs', () => {
    const samples = [sample(0), sample(1000), sample(2000), sample(3000)]
    expect(countAtOrBefore(samples, 2000)).toBe(3)
    expect(countAtOrBefore(samples, 1999)).toBe(2)
    expect(countAtOrBefore([], 5)).toBe(0)
  })
})

describe('chartSummary', () => {
  it('summarises the latest and largest value', () => {
    expect(chartSummary('UnderReplicatedPartitions', [{ label: 'x', now: 2, max: 6 }])).toBe(
      'UnderReplicatedPartitions, now 2, max 6',
    )
    expect(
      chartSummary('LeaderCount per broker', [
        { label: 'broker 1', now: 3, max: 4 },
        { label: 'broker 2', now: 0, max: 3 },
      ]),
    ).toBe('LeaderCount per broker: broker 1 now 3, max 4; broker 2 now 0, max 3')
    expect(chartSummary('Consumer lag', [{ label: 'x', now: null, max: 0 }])).toBe(
      'Consumer lag, no samples yet',
    )
  })
})
