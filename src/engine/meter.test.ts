/**
 * Yammer meters as Kafka exposes them (IsrShrinksPerSec, IsrExpandsPerSec,
 * UncleanLeaderElectionsPerSec): Count and OneMinuteRate, ticked every 5 s (metrics-core 2.2.0
 * Meter and EWMA.oneMinuteEWMA).
 */
import { describe, expect, it } from 'vitest'
import { ONE_MINUTE_ALPHA, markMeter, newMeter, readMeter } from './meter'
import { TestCluster } from '../test-support/test-cluster'

const ALPHA = ONE_MINUTE_ALPHA

it('alpha is 1 − e^(−5/60), the one-minute EWMA of a 5 s tick', () => {
  // e^(−5/60) by its series, without Math.exp: Σ (−1/12)^k / k!.
  let term = 1
  let sum = 1
  for (let k = 1; k < 20; k++) {
    term *= -1 / 12 / k
    sum += term
  }
  expect(ALPHA).toBeCloseTo(1 - sum, 15)
})

describe('Yammer meter', () => {
  it('counts every mark and reports no rate before the first tick', () => {
    const m = newMeter(0)
    markMeter(m, 1_000)
    markMeter(m, 2_000, 2)
    expect(readMeter(m, 4_999)).toEqual({ Count: 3, OneMinuteRate: 0 })
  })

  it('sets the rate to the first interval’s instant rate, then moves it by alpha = 1 − e^(−5/60)', () => {
    const m = newMeter(0)
    for (let i = 0; i < 10; i++) markMeter(m, 100 * i)
    // First tick at 5 s: 10 marks / 5 s = 2 per second.
    expect(readMeter(m, 5_000).OneMinuteRate).toBeCloseTo(2, 12)
    // No marks in the next interval: the rate decays by (1 − alpha).
    expect(readMeter(m, 10_000).OneMinuteRate).toBeCloseTo(2 * (1 - ALPHA), 12)
    // Three more quiet ticks.
    expect(readMeter(m, 25_000).OneMinuteRate).toBeCloseTo(2 * (1 - ALPHA) ** 4, 12)
    expect(readMeter(m, 25_000).Count).toBe(10)
  })

  it('puts a mark at a tick boundary into the next interval (the tick runs first)', () => {
    const m = newMeter(0)
    markMeter(m, 5_000)
    // The first tick (5 s) saw no marks: the rate starts at 0 …
    expect(readMeter(m, 5_000).OneMinuteRate).toBe(0)
    // … and the second moves it alpha of the way to 1 mark / 5 s.
    expect(readMeter(m, 10_000).OneMinuteRate).toBeCloseTo(ALPHA * 0.2, 12)
  })

  it('reads the same whenever it is read (ticks are on a fixed grid from creation)', () => {
    const often = newMeter(0)
    const rarely = newMeter(0)
    const marks = [300, 4_900, 7_200, 7_300, 16_000, 31_000]
    for (const t of marks) {
      markMeter(often, t)
      markMeter(rarely, t)
    }
    for (let t = 0; t <= 60_000; t += 1_000) readMeter(often, t)
    expect(readMeter(rarely, 60_000)).toEqual(readMeter(often, 60_000))
  })
})

describe('IsrShrinksPerSec and IsrExpandsPerSec in the metric samples', () => {
  it('a slow follower leaves and rejoins the ISR: Count 1 each, and the one-minute rates decay', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 1 })
    c.topic('orders', { partitions: 1, replicationFactor: 3, 'min.insync.replicas': 2 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    const follower = c.partition('orders-0').replicas[1] as number
    c.broker(follower).slow(60_000)
    c.runFor(60_000)
    c.broker(follower).slow(0)
    c.runFor(30_000)
    const series = c.simulation.metricsSeries()
    const shrunk = c.events('IsrShrunk').filter((e) => e.by === 'leader')
    expect(shrunk).toHaveLength(1)
    const last = series.at(-1)!
    expect(last.IsrShrinksPerSec.Count).toBe(1)
    expect(last.IsrExpandsPerSec.Count).toBe(c.events('IsrExpanded').length)
    expect(last.IsrExpandsPerSec.Count).toBeGreaterThanOrEqual(1)
    // The first tick after the shrink reports it: 1 shrink in 5 s ⇒ a rate near 0.2 per second
    // (or the EWMA of it), never the per-sample 1.0 a one-second counter difference would show.
    const peak = Math.max(...series.map((s) => s.IsrShrinksPerSec.OneMinuteRate))
    expect(peak).toBeGreaterThan(0)
    expect(peak).toBeLessThanOrEqual(0.2 + 1e-12)
    // Rates are per second and decay while nothing happens.
    const shrinkAt = shrunk[0]!.atMs
    const later = series.filter((s) => s.atMs > shrinkAt + 10_000 && s.atMs < shrinkAt + 60_000)
    for (let i = 1; i < later.length; i++)
      expect(later[i]!.IsrShrinksPerSec.OneMinuteRate).toBeLessThanOrEqual(
        later[i - 1]!.IsrShrinksPerSec.OneMinuteRate,
      )
    expect(last.UncleanLeaderElectionsPerSec).toEqual({ Count: 0, OneMinuteRate: 0 })
  })
})
