/**
 * Capacity during a run: what brokers measure matches the static model in the steady state; a
 * zone loss that overloads the survivors queues requests (produce latency climbs, throughput is
 * capped at what they can carry); a returning broker catches up no faster than the spare
 * bandwidth allows; and none of it exists without a broker type.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../../test-support/test-cluster'
import { GBPS_IN_MIBPS } from './model'

const M5_LARGE_MIBPS = 0.75 * GBPS_IN_MIBPS

/** 3 zones × 2 kafka.m5.large, 12 partitions RF 3, `mibps` produced, read by 3 consumers. */
function cluster(mibps: number, brokerType: 'kafka.m5.large' | null = 'kafka.m5.large') {
  const c = TestCluster.create({
    zones: 3,
    brokersPerZone: 2,
    checkInvariants: false,
    ...(brokerType === null ? {} : { brokerType }),
  })
  c.topic('orders', { partitions: 12, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p', 'orders', { acks: -1, recordsPerSecond: mibps * 1024, recordBytes: 1024 })
  for (const id of ['c1', 'c2', 'c3']) c.consumer(id, 'orders')
  return c
}

describe('steady state', () => {
  it('measures each broker near the static model: 65% of network out at 70 MiB/s × 3 reads', () => {
    // Per broker: 70/6 in from producers, 3 × 70/6 to consumers, 2 × 70/6 to followers:
    // 58.3 MiB/s out of 89.4.
    const c = cluster(70).runFor(60_000)
    const expected = ((70 / 6) * 5) / M5_LARGE_MIBPS
    for (const b of c.snapshot().brokers) {
      expect(b.capacity!.utilisation).toBeGreaterThan(expected - 0.05)
      expect(b.capacity!.utilisation).toBeLessThan(expected + 0.05)
      expect(b.capacity!.bound).toBe('networkOut')
      expect(b.capacity!.queueMs).toBe(0)
    }
  })

  it('has no capacity figures without a broker type', () => {
    const snap = cluster(70, null).runFor(5_000).snapshot()
    expect(snap.brokers.every((b) => b.capacity === undefined)).toBe(true)
    expect(snap.capacity).toBeUndefined()
    expect(snap.metrics.capacity).toBeUndefined()
  })

  it('is deterministic', () => {
    const a = cluster(70).at(20_000, { type: 'stopZone', zone: 'use1-az1' }).runFor(60_000)
    const b = cluster(70).at(20_000, { type: 'stopZone', zone: 'use1-az1' }).runFor(60_000)
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()))
  })
})

describe('overload after a zone loss', () => {
  it('queues at the busiest survivors, so produce latency climbs and throughput is capped', () => {
    const run = (mibps: number) => {
      const c = cluster(mibps).at(30_000, { type: 'stopZone', zone: 'use1-az1' }).runFor(60_000)
      const before = c.producerView('p').acked
      c.runFor(120_000)
      const snap = c.snapshot()
      return {
        ackedPerSec: (c.producerView('p').acked - before) / 120,
        peakQueueMs: Math.max(...snap.capacity!.brokers.map((b) => b.peakQueueMs)),
        p50: c.producerView('p').latencyMs.p50!,
        busiest: Math.max(...snap.brokers.map((b) => b.capacity!.utilisation)),
      }
    }
    // 70 MiB/s: brokers 2 and 5 take over use1-az1's leaderships and need ~104% of their
    // network out. 45 MiB/s: the same brokers need 67%.
    const hot = run(70)
    const cool = run(45)
    expect(hot.busiest).toBeGreaterThan(0.95)
    expect(hot.peakQueueMs).toBeGreaterThan(50)
    expect(hot.ackedPerSec).toBeLessThan(70 * 1024 * 0.99)
    expect(hot.p50).toBeGreaterThan(cool.p50)
    expect(cool.peakQueueMs).toBe(0)
    expect(cool.busiest).toBeLessThan(0.8)
    expect(cool.ackedPerSec).toBeGreaterThan(45 * 1024 * 0.99)
  }, 60_000)
})

describe('catch-up', () => {
  /** Seconds from broker 1's restart until no partition is under-replicated. */
  function catchUpSeconds(brokerType: 'kafka.m5.large' | null): number {
    const c = cluster(40, brokerType)
      .at(10_000, { type: 'crashBroker', broker: 1 })
      .at(130_000, { type: 'startBroker', broker: 1 })
      .runFor(135_000)
    for (let t = 0; t < 300; t++) {
      c.runFor(1000)
      if (c.snapshot().metrics.UnderReplicatedPartitions === 0) return t + 1
    }
    return Infinity
  }

  it('is bounded by the spare bandwidth: a two-minute absence takes tens of seconds, not one', () => {
    // Broker 1 hosts 6 of the 12 partitions: 6 × 40/12 MiB/s × 120 s = 2400 MiB behind, which
    // it can take in no faster than its 89.4 MiB/s of network in: at least 27 s. Its leaders
    // each have only their spare network out (89.4 less the 33 MiB/s they already send).
    const bounded = catchUpSeconds('kafka.m5.large')
    const free = catchUpSeconds(null)
    expect(bounded).toBeGreaterThanOrEqual(Math.ceil(2400 / M5_LARGE_MIBPS))
    expect(bounded).toBeLessThan(300)
    expect(free).toBeLessThan(bounded / 4)
  }, 60_000)
})
