/**
 * What the controller's event log says about a registration change: only what changed. After an
 * unclean election the new leader is the whole ISR (PartitionChangeBuilder with
 * Election.UNCLEAN); the log says so with LeaderElected (unclean) and the shrink of the old ISR,
 * and no IsrExpanded "adding" the leader, which no follower did. Scenario tests over the real
 * engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'

describe('commitPartitionChange: the events of an unclean election', () => {
  it('logs LeaderElected (unclean) and IsrShrunk, and no IsrExpanded for the new leader', () => {
    const c = TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 11 })
      .topic('t', {
        partitions: 1,
        replicationFactor: 2,
        'min.insync.replicas': 1,
        'unclean.leader.election.enable': true,
        assignment: [[1, 2]],
      })
      .producer('p1', 't', { acks: 1, recordsPerSecond: 100 })
    c.runUntil(5_000)
    // Broker 2 falls behind for longer than replica.lag.time.max.ms and leaves the ISR; then the
    // only ISR member dies.
    c.broker(2).slow(60_000)
    c.runUntil(50_000)
    expect(c.partition('t-0').isr).toEqual([1])
    c.broker(1).crash()
    c.runUntil(120_000)
    const elected = c.events('LeaderElected').filter((e) => e.unclean)
    expect(elected.map((e) => e.leader)).toEqual([2])
    const at = elected[0]?.atMs ?? -1
    expect(c.events('IsrShrunk').some((e) => e.atMs === at && e.removed.includes(1))).toBe(true)
    expect(c.events('IsrExpanded').filter((e) => e.atMs === at)).toEqual([])
    expect(c.partition('t-0').isr).toEqual([2])
  })
})
