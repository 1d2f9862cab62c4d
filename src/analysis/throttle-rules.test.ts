/**
 * replication-throttle-starves: the listed partitions' live replication through a broker
 * against its throttle rate, as Kafka counts it (in-sync bytes too), with and without a list,
 * on each side, and its one-click fix.
 */
import { describe, expect, it } from 'vitest'
import type { ClusterConfig, SimulationSpec, TopicConfig } from '../engine/spec'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import { advise, applyFix } from './advisor'
import type { Finding } from './finding-messages'

const MIB = 1024 * 1024

/** 3 brokers, RF 3, 3 partitions; 2000 records/s of 1 KiB: ~0.65 MiB/s per partition. */
function spec(config: Partial<ClusterConfig>, lists: TopicConfig = {}): SimulationSpec {
  return ordersOnThreeBrokers(1, { recordsPerSecond: 2000 }, undefined, { config, lists }).spec
}

const starves = (s: SimulationSpec): Finding[] =>
  advise(s).filter((f) => f.id === 'replication-throttle-starves')

describe('replication-throttle-starves', () => {
  it('says nothing without a rate, or with a rate but no list (a rate alone throttles nothing)', () => {
    expect(starves(spec({}, { 'follower.replication.throttled.replicas': '*' }))).toEqual([])
    expect(starves(spec({ 'follower.replication.throttled.rate': MIB }))).toEqual([])
  })

  it('follower side: 2 followed partitions, 1.3 MiB/s live, against 1 MiB/s is an error', () => {
    const s = spec(
      { 'follower.replication.throttled.rate': MIB },
      { 'follower.replication.throttled.replicas': '*' },
    )
    const [f] = starves(s)
    expect(f?.severity).toBe('error')
    expect(f?.path).toBe('cluster.config["follower.replication.throttled.rate"]')
    expect(f?.params).toMatchObject({ side: 'follower', rate: MIB })
    const live = (2000 * 1024 * 2) / 3
    expect((f?.params as { liveBytesPerSecond: number }).liveBytesPerSecond).toBe(Math.round(live))
    // The fix: twice the live rate, in whole MiB/s; then nothing to say.
    const fixed = applyFix(s, f!.fix!.patch)
    expect(fixed.cluster.config['follower.replication.throttled.rate']).toBe(3 * MIB)
    expect(starves(fixed)).toEqual([])
  })

  it('leader side: each leader sends its partition to 2 followers, 1.3 MiB/s', () => {
    const s = spec(
      { 'leader.replication.throttled.rate': 1.5 * MIB },
      { 'leader.replication.throttled.replicas': '*' },
    )
    const [f] = starves(s)
    // 1.3 of 1.5 MiB/s: under the rate, above 80% of it.
    expect(f?.severity).toBe('warning')
    expect(f?.params).toMatchObject({ side: 'leader', ratio: 0.8681 })
  })

  it('counts only the listed replicas: "0:2" is one partition on one follower', () => {
    const s = spec(
      { 'follower.replication.throttled.rate': MIB },
      { 'follower.replication.throttled.replicas': '0:2' },
    )
    expect(starves(s)).toEqual([])
  })
})
