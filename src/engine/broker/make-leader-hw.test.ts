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
import { TestCluster, ordersOnThreeBrokers } from '../../test-support/test-cluster'

describe('Partition.makeLeader: the high watermark after a controller-driven ISR change', () => {
  it('a leader whose follower crashed completes its parked acks=all produces at fencing, with no error', () => {
    const c = ordersOnThreeBrokers(3)
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
    // The same run again: the high watermarks of orders-1 and orders-2 move in the very
    // millisecond broker 1 is fenced and leaves their ISRs.
    const again = ordersOnThreeBrokers(3)
    again.runUntil(20_000)
    again.broker(1).crash()
    const fencedAt = fenced?.atMs ?? 0
    again.runUntil(fencedAt - 1)
    const before = ['orders-1', 'orders-2'].map((n) => again.partition(n).highWatermark)
    again.runUntil(fencedAt)
    const after = ['orders-1', 'orders-2'].map((n) => again.partition(n).highWatermark)
    expect(after[0]).toBeGreaterThan(before[0] ?? 0)
    expect(after[1]).toBeGreaterThan(before[1] ?? 0)
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

  it('a live follower outside the ISR does not hold the new leader back early in a run (its caught-up time is long ago)', () => {
    const build = () =>
      TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 9 })
        .topic('t', {
          partitions: 1,
          replicationFactor: 3,
          'min.insync.replicas': 1,
          assignment: [[1, 2, 3]],
        })
        .producer('p1', 't', { acks: 1, recordsPerSecond: 200 })
    const script = (c: TestCluster, untilMs: number) => {
      c.runUntil(1_000)
      c.broker(3).crash()
      c.runUntil(12_000)
      c.broker(3).start()
      c.broker(3).slow(20_000)
      c.runUntil(18_000)
      c.broker(1).shutdown()
      c.runUntil(untilMs)
    }
    const first = build()
    script(first, 29_000)
    const elected = first.events('LeaderElected').find((e) => e.leader === 2 && e.atMs >= 18_000)
    expect(elected).toBeDefined()
    const c = build()
    script(c, elected?.atMs ?? 0)
    const part = c.partition('t-0')
    expect(part.leader).toBe(2)
    expect(part.isr).not.toContain(3)
    const leader = part.replicaStates.find((r) => r.broker === 2)
    const follower = part.replicaStates.find((r) => r.broker === 3)
    expect(follower?.online).toBe(true)
    expect(follower?.logEndOffset).toBeLessThan(leader?.logEndOffset ?? 0)
    expect(leader?.highWatermark).toBe(leader?.logEndOffset)
  })

  it("ZooKeeper: a leader re-elected in a new epoch keeps its followers' log end offsets, so the high watermark moves at the ISR change", () => {
    // ZooKeeper's controller removes a dead follower with a leader-epoch bump
    // (LeaderAndIsr.newLeaderAndIsr), so the surviving leader goes through makeLeader again with
    // isNewLeader false: Replica.resetReplicaState keeps the live follower's log end offset.
    const build = () =>
      TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 4, controller: 'zookeeper' })
        .topic('orders', {
          partitions: 1,
          replicationFactor: 3,
          'min.insync.replicas': 2,
          assignment: [[1, 2, 3]],
        })
        .producer('p1', 'orders', { acks: -1, recordsPerSecond: 300 })
    const first = build()
    first.runUntil(20_000)
    first.broker(3).crash()
    first.runUntil(60_000)
    const shrunk = first.events('IsrShrunk').find((e) => e.removed.includes(3))
    expect(shrunk?.by).toBe('controller')
    const at = shrunk?.atMs ?? 0
    const c = build()
    c.runUntil(20_000)
    c.broker(3).crash()
    c.runUntil(at - 1)
    const before = c.partition('orders-0').highWatermark
    c.runUntil(at)
    const part = c.partition('orders-0')
    expect(part.leader).toBe(1)
    expect(part.isr).toEqual([1, 2])
    expect(part.highWatermark).toBeGreaterThan(before)
    expect(first.events('ProduceFailed').filter((e) => e.error === 'REQUEST_TIMED_OUT')).toEqual([])
  })
})
