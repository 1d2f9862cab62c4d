/**
 * AlterPartitionManager (core/src/main/scala/kafka/server/AlterPartitionManager.scala, 3.9) keeps
 * an unanswered AlterPartition and sends it as soon as the controller channel is up again; the
 * leader does not wait for its next periodic ISR check (every replica.lag.time.max.ms / 2). Here
 * the leader proposes a shrink while cut off from the controllers; once it can heartbeat again
 * the shrink is committed within one broker.heartbeat.interval.ms, not up to 15 s later.
 * Scenario test over the real engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../../test-support/test-cluster'

function build(): TestCluster {
  return TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 8 })
    .topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      'min.insync.replicas': 2,
      assignment: [[1, 2, 3]],
    })
    .producer('p1', 'orders', { acks: 1, recordsPerSecond: 100 })
}

describe('AlterPartitionManager: a pending ISR change is resent when the controller is back', () => {
  it('commits the shrink within a heartbeat of the leader reaching the controller again', () => {
    // Where the leader's ISR check proposes the shrink when nothing is cut.
    const first = build()
    first.runUntil(5_000)
    first.broker(3).slow(120_000)
    first.runUntil(90_000)
    const proposed = first.events('IsrShrunk').find((e) => e.removed.includes(3))
    expect(proposed?.by).toBe('leader')
    const at = proposed?.atMs ?? 0
    // The same run with the leader cut off from the controllers around that moment (for less
    // than broker.session.timeout.ms, so it is not fenced).
    const c = build()
    c.runUntil(5_000)
    c.broker(3).slow(120_000)
    c.runUntil(at - 500)
    c.broker(1).isolate(['controllers'])
    c.runUntil(at + 1_500)
    expect(c.partition('orders-0').isr).toContain(3)
    c.broker(1).heal()
    c.runUntil(at + 20_000)
    const shrunk = c.events('IsrShrunk').find((e) => e.removed.includes(3))
    expect(shrunk?.by).toBe('leader')
    expect(shrunk?.atMs).toBeGreaterThan(at + 1_500)
    expect(shrunk?.atMs).toBeLessThanOrEqual(at + 1_500 + 2_000)
  })
})
