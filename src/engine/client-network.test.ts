/**
 * The Java client's network layer: ExponentialBackoff's arithmetic, and where a producer sends
 * its metadata request after a zone stop (NetworkClient.leastLoadedNode and
 * DefaultMetadataUpdater.maybeUpdate in Kafka 3.9), checked over the real engine.
 */
import { describe, expect, it } from 'vitest'
import { exponentialBackoff } from './client-network'
import { prngFromSeed } from './prng'
import { TestCluster } from '../test-support/test-cluster'

describe('exponentialBackoff (ExponentialBackoff with multiplier 2, jitter 0.2)', () => {
  it('doubles from the initial value and stays within 20 % jitter', () => {
    const prng = prngFromSeed(3)
    for (let attempts = 0; attempts < 5; attempts++) {
      const term = 50 * 2 ** attempts
      for (let i = 0; i < 50; i++) {
        const v = exponentialBackoff(prng, 50, 1_000, attempts)
        expect(v).toBeGreaterThanOrEqual(Math.floor(term * 0.8))
        expect(v).toBeLessThan(Math.ceil(term * 1.2))
      }
    }
  })

  it('never goes above the maximum, however many attempts failed', () => {
    const prng = prngFromSeed(4)
    const values = Array.from({ length: 200 }, () => exponentialBackoff(prng, 50, 1_000, 40))
    expect(Math.max(...values)).toBe(1_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(800)
  })

  it('is the constant initial value when the maximum is not above it (Kafka: expMax 0)', () => {
    const prng = prngFromSeed(5)
    expect(exponentialBackoff(prng, 100, 100, 7)).toBe(100)
    expect(exponentialBackoff(prng, 500, 100, 0)).toBe(100)
  })
})

/**
 * 3 zones × 2 brokers (1 and 4 in use1-az1, 2 and 5 in use1-az2, 3 and 6 in use1-az3), `orders`
 * at RF 3 with min ISR 2 and the given assignment, an acks=all producer bootstrapping from 1, 2
 * and 3; use1-az1 stops at 10 s, so the controller fences 1 and 4 at about 22 s and the
 * partitions they led move to a leader whose ISR is that leader alone.
 */
function zoneStop(assignment: number[][]): TestCluster {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 2, seed: 1 })
    .topic('orders', { partitions: 3, replicationFactor: 3, 'min.insync.replicas': 2, assignment })
    .producer('checkout', 'orders', {
      acks: -1,
      recordsPerSecond: 10,
      'bootstrap.servers': [1, 2, 3],
    })
  c.at(10_000, { type: 'stopZone', zone: 'use1-az1' })
  return c.runUntil(140_000)
}

function firstAt(c: TestCluster, error: string): number {
  return c.events('ProduceFailed').find((e) => e.error === error)?.atMs ?? -1
}

/** Each "Expiring N record(s) for orders-P:M ms has passed since batch creation" line's M. */
function expiredAgesMs(c: TestCluster): number[] {
  return c.simulation
    .clientLog()
    .map((l) => /Expiring \d+ record\(s\) for orders-\d+:(\d+) ms has passed/.exec(l.message))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]))
}

describe('the metadata update after a zone stop (leastLoadedNode, DefaultMetadataUpdater)', () => {
  it('with a ready connection to a live broker, learns the new leaders at the request timeout and gets NOT_ENOUGH_REPLICAS', () => {
    // orders-2 is led by broker 2, so the producer holds a ready connection to a live broker:
    // leastLoadedNode picks it once the requests to 1 and 4 time out.
    const c = zoneStop([
      [1, 4, 2],
      [4, 1, 3],
      [2, 4, 5],
    ])
    const timedOut = firstAt(c, 'REQUEST_TIMED_OUT')
    expect(timedOut).toBeGreaterThanOrEqual(40_000)
    const notEnough = firstAt(c, 'NOT_ENOUGH_REPLICAS')
    expect(notEnough).toBeGreaterThanOrEqual(timedOut)
    expect(notEnough - timedOut).toBeLessThan(1_000)
    // Below min ISR the retries go on until delivery.timeout.ms, and no earlier.
    const ages = expiredAgesMs(c)
    expect(ages.length).toBeGreaterThan(0)
    for (const age of ages) expect(age).toBeGreaterThanOrEqual(120_000)
  })

  it('with every connection in the stopped zone, waits while a connection to a dead leader is set up (isAnyNodeConnecting)', () => {
    // Kafka 3.9: leastLoadedNode prefers a node whose connection is being prepared to one never
    // tried (KAFKA-8376), and maybeUpdate sends nothing while any connection is being set up.
    // The Sender's NetworkClient.ready starts a new attempt to each known leader (1 and 4) once
    // its reconnect backoff (at most 1 s) passes, and each attempt lasts
    // socket.connection.setup.timeout.ms (10 s, growing to 30 s): a live broker is asked only
    // when both leaders happen to be between attempts. With this seed that never happens
    // before delivery.timeout.ms.
    const c = zoneStop([
      [1, 4, 2],
      [4, 1, 3],
      [1, 4, 5],
    ])
    const setupTimeouts = c.simulation
      .clientLog()
      .filter((l) => l.message.includes('due to socket connection setup timeout'))
    expect(setupTimeouts.some((l) => l.message.includes('from node 1 '))).toBe(true)
    expect(setupTimeouts.some((l) => l.message.includes('from node 4 '))).toBe(true)
    // So the new leaders are never learned and no NOT_ENOUGH_REPLICAS comes back; the records
    // wait until delivery.timeout.ms.
    expect(firstAt(c, 'NOT_ENOUGH_REPLICAS')).toBe(-1)
    const ages = expiredAgesMs(c)
    expect(ages.length).toBeGreaterThan(0)
    for (const age of ages) expect(age).toBeGreaterThanOrEqual(120_000)
  })
})
