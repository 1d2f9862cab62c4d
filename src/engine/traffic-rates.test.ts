/**
 * Traffic rates (traffic-rates.ts) in Kafka's terms: records produced to each leader per second
 * (MessagesInPerSec) add up to what the producer sends; with RF 3 each leader replicates every
 * record to its two followers (replication out twice, replication in on the followers); with one
 * broker per zone all of it crosses zones; a crashed broker's rates fall to zero once it is fenced
 * and its partitions are led elsewhere; the figures cover the last whole second, so they hold
 * still between snapshots in the same second; and any cluster size has them, unlike the messages.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster, ordersOnThreeBrokers } from '../test-support/test-cluster'
import { RATE_WINDOW_MS } from './traffic-rates'
import type { Snapshot, TrafficRates } from './types'

function ratesOf(s: Snapshot): TrafficRates {
  if (s.rates === undefined) throw new Error('no rates in the snapshot')
  return s.rates
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

describe('traffic rates', () => {
  it('adds up to the producer rate, with each record replicated to both followers', () => {
    const c = ordersOnThreeBrokers(3, { recordsPerSecond: 300 }).withTraffic().runFor(10_000)
    const rates = ratesOf(c.snapshot())
    expect(rates.windowMs).toBe(RATE_WINDOW_MS)
    const produced = sum(rates.brokers.map((b) => b.producedPerSec))
    expect(produced).toBeGreaterThan(300 * 0.8)
    expect(produced).toBeLessThan(300 * 1.2)
    // One partition led by each broker: each takes about a third.
    for (const b of rates.brokers) expect(b.producedPerSec).toBeGreaterThan(60)
    const out = sum(rates.brokers.map((b) => b.replicatedOutPerSec))
    const into = sum(rates.brokers.map((b) => b.replicatedInPerSec))
    expect(out).toBe(into)
    expect(out).toBeGreaterThan(2 * 300 * 0.8)
    expect(out).toBeLessThan(2 * 300 * 1.2)
    // One broker per zone: every replicated record crosses a zone.
    expect(sum(rates.crossZone.map((z) => z.recordsPerSec))).toBe(out)
    for (const z of rates.crossZone) expect(z.from).not.toBe(z.to)
  })

  it('holds still between snapshots in the same second', () => {
    const c = ordersOnThreeBrokers(5).withTraffic().runUntil(6_100)
    const first = JSON.stringify(ratesOf(c.snapshot()))
    c.runUntil(6_900)
    expect(JSON.stringify(ratesOf(c.snapshot()))).toBe(first)
    c.runUntil(7_100)
    expect(ratesOf(c.snapshot()).windowEndMs).toBe(7_000)
  })

  it('drops a crashed broker to zero once its partition is led elsewhere', () => {
    const c = ordersOnThreeBrokers(9).withTraffic().runFor(5_000)
    expect(
      ratesOf(c.snapshot()).brokers.find((b) => b.broker === 1)?.producedPerSec,
    ).toBeGreaterThan(0)
    c.broker(1).crash()
    c.runFor(20_000)
    const rates = ratesOf(c.snapshot())
    const one = rates.brokers.find((b) => b.broker === 1)
    expect(one?.producedPerSec).toBe(0)
    expect(one?.replicatedOutPerSec).toBe(0)
    expect(one?.replicatedInPerSec).toBe(0)
    // The producer's records now go to brokers 2 and 3.
    expect(sum(rates.brokers.map((b) => b.producedPerSec))).toBeGreaterThan(300 * 0.8)
  })

  it('is absent unless the simulation was asked for traffic', () => {
    expect(ordersOnThreeBrokers(1).runFor(3_000).snapshot().rates).toBeUndefined()
  })

  it('covers clusters too large for the messages', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 10, seed: 2 })
      .withTraffic()
      .topic('orders', { partitions: 30, replicationFactor: 3 })
      .producer('p1', 'orders', { acks: -1, recordsPerSecond: 600 })
      .runFor(8_000)
    const s = c.snapshot()
    expect(s.traffic).toBeUndefined()
    const rates = ratesOf(s)
    expect(rates.brokers).toHaveLength(30)
    expect(sum(rates.brokers.map((b) => b.producedPerSec))).toBeGreaterThan(600 * 0.8)
    // Rack-aware placement: each partition's replicas sit in three zones, so all replication
    // crosses zones, in all six directions.
    expect(rates.crossZone).toHaveLength(6)
  })
})
