/**
 * Partition.makeLeader (core/src/main/scala/kafka/cluster/Partition.scala, 3.9) runs for every
 * partition-epoch change a leader applies — an ISR-only change from the controller included — and
 * ends with `maybeIncrementLeaderHW` and, when the high watermark moved, `tryCompleteDelayedRequests`.
 * So when the controller removes a dead follower that was holding the high watermark back, the
 * leader's parked acks=all produces complete at once (at fencing, about
 * broker.session.timeout.ms after the crash), not at request.timeout.ms with REQUEST_TIMED_OUT;
 * and a newly elected leader alone in its ISR (min ISR 1) moves its high watermark to its log end.
 * Scenario tests over the real engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../../test-support/test-cluster'

describe('Partition.makeLeader: the high watermark after a controller-driven ISR change', () => {
  it('a leader whose follower crashed completes its parked acks=all produces at fencing, with no error', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 3 })
      .topic('orders', {
        partitions: 3,
        replicationFactor: 3,
        'min.insync.replicas': 2,
        assignment: [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ],
      })
      .producer('p1', 'orders', { acks: -1, recordsPerSecond: 300 })
    c.runUntil(20_000)
    c.broker(1).crash()
    c.runUntil(60_000)
    // orders-1 and orders-2 only had broker 1 as a follower.
    const timedOut = c
      .events('ProduceFailed')
      .filter((e) => e.error === 'REQUEST_TIMED_OUT' && e.partition !== 0)
    expect(timedOut).toEqual([])
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)
    expect(fenced).toBeDefined()
    // The removal of broker 1 from their ISRs advanced both high watermarks to the leaders' ends.
    for (const name of ['orders-1', 'orders-2']) {
      const part = c.partition(name)
      expect(part.isr).not.toContain(1)
      const leader = part.replicaStates.find((r) => r.broker === part.leader)
      expect(leader?.highWatermark).toBeGreaterThan(0)
    }
  })

  it('a newly elected leader alone in its ISR (min ISR 1) moves its high watermark to its log end at once', () => {
    const build = () =>
      TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 5 })
        .topic('solo', {
          partitions: 1,
          replicationFactor: 2,
          'min.insync.replicas': 1,
          assignment: [[1, 2]],
        })
        .producer('p1', 'solo', { acks: 1, recordsPerSecond: 200 })
    const first = build()
    first.runUntil(20_000)
    first.broker(1).crash()
    first.runUntil(40_000)
    const elected = first
      .events('LeaderElected')
      .find((e) => e.topic === 'solo' && e.leader === 2 && e.atMs > 20_000)
    expect(elected).toBeDefined()
    // The same run again, stopped in the very millisecond of the election.
    const c = build()
    c.runUntil(20_000)
    c.broker(1).crash()
    c.runUntil(elected?.atMs ?? 0)
    const part = c.partition('solo-0')
    expect(part.leader).toBe(2)
    expect(part.isr).toEqual([2])
    const leader = part.replicaStates.find((r) => r.broker === 2)
    expect(leader?.logEndOffset).toBeGreaterThan(0)
    expect(leader?.highWatermark).toBe(leader?.logEndOffset)
  })
})
