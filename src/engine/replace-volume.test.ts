/**
 * The `replaceVolume` fault: a broker's storage volume is replaced, so the broker stops uncleanly
 * and starts again with empty logs and empty leader epoch caches. Its replicas fetch everything
 * from their leaders and rejoin the ISR only once caught up (Partition.maybeExpandIsr); with the
 * capacity model the catch-up moves at the spare throughput, so it takes longer the more the
 * broker held. As the last ISR member, an empty replica is elected by the 3.9 KRaft controller
 * (its ISR still names it) and acknowledged records are lost without an unclean election; from
 * 4.0 with ELR, an unclean restart leaves the ISR and ELR at registration
 * (ReplicationControlManager.handleBrokerUncleanShutdown, KIP-966) and the ELR member, which shut
 * down cleanly, leads once back. (Had every other replica stopped uncleanly too, the ELR would be
 * empty and 4.x would elect the last known leader — the empty one — as an unclean election:
 * PartitionChangeBuilder.canElectLastKnownLeader.)
 * Scenario tests over the real engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { ordersOnThreeBrokers, TestCluster } from '../test-support/test-cluster'
import type { EngineState } from './state'
import type { KafkaVersion } from './versions'

function cluster(options: { brokerType?: boolean; seed?: number } = {}): TestCluster {
  return ordersOnThreeBrokers(
    options.seed ?? 3,
    { recordsPerSecond: 2000 },
    undefined,
    options.brokerType === true
      ? {
          brokerType: 'custom' as const,
          brokerLimits: { vcpus: 4, networkMiBps: 40, volumeThroughputMiBps: 40 },
        }
      : {},
  )
}

describe('replaceVolume', () => {
  it('empties every replica on the broker, which then fetches it all again and rejoins the ISR', () => {
    const c = cluster()
    c.runUntil(20_000)
    const before = c.partition('orders-1').replicaStates.find((r) => r.broker === 3)
    expect(before?.logEndOffset).toBeGreaterThan(0)
    c.inject({ type: 'replaceVolume', broker: 3 })
    const [replaced] = c.events('VolumeReplaced')
    expect(replaced).toMatchObject({ broker: 3, replicas: 3 })
    // Every record of its three replicas is to be fetched again.
    expect(replaced?.records).toBeGreaterThan(3 * (before?.logEndOffset ?? 0) * 0.5)
    const emptied = c.snapshot().partitions.map((p) => p.replicaStates.find((r) => r.broker === 3))
    expect(emptied.map((r) => r?.logEndOffset)).toEqual([0, 0, 0])
    expect(c.events('BrokerStopped').at(-1)).toMatchObject({ broker: 3, clean: false })
    c.runUntil(80_000)
    const snapshot = c.snapshot()
    for (const p of snapshot.partitions) {
      expect(p.isr).toEqual([1, 2, 3])
      const leader = p.replicaStates.find((r) => r.broker === p.leader)
      const mine = p.replicaStates.find((r) => r.broker === 3)
      expect(mine?.lag).toBeLessThan(1000)
      expect(mine?.logEndOffset).toBeGreaterThan((leader?.logEndOffset ?? 0) - 1000)
    }
    // It left the ISR (fenced as an unclean restart) and came back.
    expect(c.events('IsrShrunk').some((e) => e.removed.includes(3))).toBe(true)
    expect(c.events('IsrExpanded').some((e) => e.added.includes(3))).toBe(true)
    expect(snapshot.durability.lostAckedRecords).toBe(0)
  })

  it('with the capacity model, the re-replication moves no faster than the network limit', () => {
    const NETWORK_MIBPS = 40
    const rejoinAfter = (replaceAtMs: number) => {
      const c = cluster({ brokerType: true })
      c.runUntil(replaceAtMs)
      c.inject({ type: 'replaceVolume', broker: 3 })
      c.runUntil(replaceAtMs + 120_000)
      const back = c
        .events('IsrExpanded')
        .filter((e) => e.atMs > replaceAtMs && e.added.includes(3))
        .map((e) => e.atMs)
      expect(back).toHaveLength(3)
      const records = c.events('VolumeReplaced')[0]?.records ?? 0
      return { ms: Math.max(...back) - replaceAtMs, records }
    }
    // 30 s of 2000 records/s: ~58 MiB to fetch again, within the 9 s before the controller fences
    // the old incarnation (broker.session.timeout.ms), which bounds the rejoin instead.
    const short = rejoinAfter(30_000)
    expect(short.ms).toBeLessThan(12_000)
    // 240 s: ~470 MiB at most 40 MiB/s of network in.
    const long = rejoinAfter(240_000)
    const floorMs = ((long.records * 1024) / (NETWORK_MIBPS * 1024 * 1024)) * 1000
    expect(long.ms).toBeGreaterThanOrEqual(floorMs)
    expect(long.ms - short.ms).toBeGreaterThan(5_000)
  }, 60_000)

  describe('the last ISR member comes back empty', () => {
    const run = (kafkaVersion: KafkaVersion) => {
      const c = TestCluster.create({
        zones: 3,
        brokersPerZone: 1,
        seed: 5,
        kafkaVersion,
        config: { 'eligible.leader.replicas.enable': kafkaVersion === '4.1' },
      })
        .topic('orders', {
          partitions: 1,
          replicationFactor: 3,
          'min.insync.replicas': 2,
          assignment: [[3, 1, 2]],
        })
        .producer('p1', 'orders', { acks: -1, recordsPerSecond: 500 })
      c.runUntil(10_000)
      c.broker(1).crash()
      c.runUntil(25_000)
      // A clean shutdown: in 4.1 broker 2 stays an eligible leader replica (ELR).
      c.broker(2).shutdown()
      c.runUntil(40_000)
      expect(c.partition('orders-0').isr).toEqual([3])
      c.inject({ type: 'replaceVolume', broker: 3 })
      c.runUntil(70_000)
      c.broker(1).start()
      c.broker(2).start()
      c.runUntil(130_000)
      return c
    }

    it('3.9: the empty replica is elected cleanly and acknowledged records are lost', () => {
      const c = run('3.9')
      const elected = c.events('LeaderElected').filter((e) => e.atMs > 40_000)
      expect(elected[0]).toMatchObject({ leader: 3, unclean: false })
      // The others, back, truncate what they held to the empty leader's log.
      const truncated = c.events('ReplicaTruncated').filter((e) => e.atMs > 70_000)
      expect(truncated.map((e) => [e.broker, e.toOffset]).sort()).toEqual([
        [1, 0],
        [2, 0],
      ])
      expect(c.snapshot().durability.lostAckedRecords).toBeGreaterThan(0)
      // The election is remembered for the invariant checker, and the replica's log is the
      // partition's from then on (it is not "replaced" any more).
      const state = c.simulation.checkpoint().state as EngineState
      const part = state.partitions[0]!
      expect(part.emptyLeaderSinceEpoch).toBe(elected[0]!.leaderEpoch)
      expect(part.replicaStates[0]!.volumeReplaced).toBe(false)
    })

    it('4.1 with ELR: the unclean restart leaves the ISR and ELR, the ELR member leads, nothing is lost', () => {
      const c = run('4.1')
      const elr = c.events('ElrChanged').filter((e) => e.atMs > 40_000)
      expect(elr.at(-1)?.elr ?? []).not.toContain(3)
      const elected = c.events('LeaderElected').filter((e) => e.atMs > 40_000)
      expect(elected[0]).toMatchObject({ leader: 2, unclean: false })
      expect(c.snapshot().durability.lostAckedRecords).toBe(0)
    })
  })
})
