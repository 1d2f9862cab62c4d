/**
 * Replication throttles (KIP-73; broker/replication-quota.ts): a rate applies only to the replicas
 * its topic list names, both sides count every throttled partition's bytes, and only replicas not
 * in sync are held back. Scenario tests over the real engine (TestCluster): broker 3 is down for
 * 60 s while 2000 records/s of 1 KiB arrive (~117 MiB to fetch again), then restarts.
 */
import { describe, expect, it } from 'vitest'
import { ordersOnThreeBrokers } from '../../test-support/test-cluster'
import type { ClusterConfig } from '../spec'
import { parseThrottledReplicas } from './replication-quota'

const MIB = 1024 * 1024

function run(
  config: Partial<ClusterConfig>,
  lists: {
    'leader.replication.throttled.replicas'?: string
    'follower.replication.throttled.replicas'?: string
  } = {},
) {
  const c = ordersOnThreeBrokers(4, { recordsPerSecond: 2000 }, undefined, { config, lists })
  c.runUntil(10_000)
  c.broker(3).crash()
  c.runUntil(70_000)
  c.broker(3).start()
  c.runUntil(400_000)
  const rejoined = c
    .events('IsrExpanded')
    .filter((e) => e.atMs > 70_000 && e.added.includes(3))
    .map((e) => e.atMs - 70_000)
  return { c, rejoined, last: rejoined.length === 3 ? Math.max(...rejoined) : Infinity }
}

describe('throttled-replica lists', () => {
  it('read "*", "partition:broker" elements (spaces around them allowed) and nothing else', () => {
    expect(parseThrottledReplicas('*')).toBe('all')
    expect(parseThrottledReplicas(' 0:1, 1:2 , 2:3 ')).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ])
    expect(parseThrottledReplicas('')).toEqual([])
    // Kafka's element pattern ([0-9]+:[0-9]+)? admits empty elements, not inner spaces.
    expect(parseThrottledReplicas('0:1,')).toEqual([[0, 1]])
    expect(parseThrottledReplicas('0 : 1')).toBeNull()
    expect(parseThrottledReplicas('0-1')).toBeNull()
    expect(parseThrottledReplicas('*,0:1')).toBeNull()
  })
})

describe('replication throttles', () => {
  const free = run({})

  it('unthrottled, the restarted broker is back in every ISR within seconds of starting', () => {
    expect(free.last).toBeLessThan(10_000)
  })

  it('a rate without a throttled-replica list throttles nothing (the run is the same)', () => {
    const rateOnly = run({
      'follower.replication.throttled.rate': 4 * MIB,
      'leader.replication.throttled.rate': 4 * MIB,
    })
    expect(rateOnly.c.simulation.events()).toEqual(free.c.simulation.events())
  })

  it('a follower throttle of 4 MiB/s on every replica: catch-up moves at most at the rate', () => {
    const throttled = run(
      { 'follower.replication.throttled.rate': 4 * MIB },
      { 'follower.replication.throttled.replicas': '*' },
    )
    // ~117 MiB to fetch again; the live 2 MiB/s counts against the same quota.
    const backlogMiB = (60 * 2000 * 1024) / MIB
    expect(throttled.last).toBeGreaterThanOrEqual((backlogMiB / 4) * 1000)
    expect(throttled.last).toBeGreaterThan(4 * free.last)
    expect(throttled.c.snapshot().durability.lostAckedRecords).toBe(0)
  })

  it('only the listed replicas are throttled: "0:3" slows partition 0 alone', () => {
    const one = run(
      { 'follower.replication.throttled.rate': 1 * MIB },
      { 'follower.replication.throttled.replicas': '0:3' },
    )
    const p0 = one.c
      .events('IsrExpanded')
      .find((e) => e.atMs > 70_000 && e.partition === 0 && e.added.includes(3))
    const others = one.c
      .events('IsrExpanded')
      .filter((e) => e.atMs > 70_000 && e.partition !== 0 && e.added.includes(3))
    expect(others.map((e) => e.atMs - 70_000).every((ms) => ms < 10_000)).toBe(true)
    expect((p0?.atMs ?? Infinity) - 70_000).toBeGreaterThan(20_000)
  })

  it('a leader throttle below the live replication rate starves catch-up (in-sync bytes count)', () => {
    // Each leader sends ~0.65 MiB/s per partition to its in-sync follower, above 0.5 MiB/s.
    const starved = run(
      { 'leader.replication.throttled.rate': 0.5 * MIB },
      { 'leader.replication.throttled.replicas': '*' },
    )
    expect(starved.rejoined).toEqual([])
    expect(starved.c.partition('orders-0').isr).not.toContain(3)
    // In-sync replication is never held back: writes go on.
    expect(starved.c.snapshot().durability.lostAckedRecords).toBe(0)
    expect(starved.c.producerView('p1').acked).toBeGreaterThan(700_000)
  })
})
