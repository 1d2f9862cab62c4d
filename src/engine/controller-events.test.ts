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

describe('QuorumController.maybeScheduleNextBalancePartitionLeaders (KRaft auto leader rebalance)', () => {
  it('runs leader.imbalance.check.interval.seconds after partitions become imbalanced, not on a grid from t = 0', () => {
    const c = TestCluster.create({
      zones: 3,
      brokersPerZone: 1,
      seed: 12,
      config: {
        'auto.leader.rebalance.enable': true,
        'leader.imbalance.check.interval.seconds': 30,
      },
    })
      .topic('orders', {
        partitions: 3,
        replicationFactor: 3,
        assignment: [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ],
      })
      .producer('p1', 'orders', { acks: 1, recordsPerSecond: 100 })
    c.runUntil(40_000)
    c.broker(1).crash()
    c.runUntil(50_000)
    c.broker(1).start()
    c.runUntil(120_000)
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)
    const preferred = c.events('LeaderElected').filter((e) => e.election === 'PREFERRED')
    expect(fenced).toBeDefined()
    // The fencing made orders-0 imbalanced; broker 1 is back (unfenced) well before the run.
    expect(preferred.map((e) => [e.atMs, e.partition, e.leader])).toEqual([
      [(fenced?.atMs ?? 0) + 30_000, 0, 1],
    ])
  })
})
