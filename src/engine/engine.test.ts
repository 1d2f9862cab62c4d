/**
 * Scenario tests over the real engine through the TestCluster DSL. Each test sets up a small
 * cluster, applies a fault and checks the outcome Kafka's rules predict (docs/kafka-rules.md).
 * Invariants are checked after every event; a violation throws and fails the test.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'

/**
 * orders-0 on brokers [1, 2, 3] (leader 1) with the given min ISR and an acks=all producer at
 * 100 records/s, after 5 s of steady state.
 */
function ordersOnBrokers123(minIsr: number) {
  const c = threeZones().topic('orders', {
    partitions: 1,
    replicationFactor: 3,
    'min.insync.replicas': minIsr,
    assignment: [[1, 2, 3]],
  })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
  return c.runFor(5_000)
}

function threeZones(seed = 7, extra: Parameters<typeof TestCluster.create>[0] = {}) {
  return TestCluster.create({ zones: 3, brokersPerZone: 1, seed, ...extra })
}

describe('steady state', () => {
  it('replicates every acknowledged record to the whole ISR and advances the high watermark', () => {
    const c = threeZones().topic('orders', {
      partitions: 3,
      replicationFactor: 3,
      'min.insync.replicas': 2,
    })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 300 })
    c.runFor(10_000)
    const p = c.producerView('p1')
    expect(p.acked).toBeGreaterThan(2500)
    expect(p.failed).toBe(0)
    expect(p.errors).toEqual({})
    for (const part of c.snapshot().partitions) {
      expect(part.isr).toEqual([1, 2, 3])
      expect(part.highWatermark).toBeGreaterThan(0)
      const leos = part.replicaStates.map((r) => r.logEndOffset)
      expect(Math.max(...leos) - Math.min(...leos)).toBeLessThanOrEqual(200)
    }
    expect(c.snapshot().durability.lostAckedRecords).toBe(0)
  })

  it('a consumer reads up to the high watermark and reports lag', () => {
    const c = threeZones().topic('orders', { partitions: 2, replicationFactor: 3 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 }).consumer('c1', 'orders')
    c.runFor(10_000)
    const consumer = c.snapshot().clients.find((x) => x.id === 'c1')
    expect(consumer?.kind).toBe('consumer')
    if (consumer?.kind !== 'consumer') return
    expect(consumer.consumed).toBeGreaterThan(800)
    expect(consumer.lag).toBeLessThan(100)
  })
})

/** Recounts lost and unavailable records by scanning every acknowledged batch (the slow way). */
function bruteForceDurability(c: TestCluster) {
  const state = c.simulation.checkpoint().state as {
    partitions: {
      leaderId: number
      replicas: number[]
      acked: { baseOffset: number; count: number; producer: number; baseSequence: number }[]
      replicaStates: {
        log: { batches: { baseOffset: number; producer: number; baseSequence: number }[] }
      }[]
    }[]
  }
  let lost = 0
  let unavailable = 0
  for (const part of state.partitions) {
    const slot = part.replicas.indexOf(part.leaderId)
    for (const { baseOffset: offset, count, producer, baseSequence: sequence } of part.acked) {
      if (slot < 0) {
        unavailable += count
        continue
      }
      const batch = part.replicaStates[slot]?.log.batches.find((b) => b.baseOffset === offset)
      if (batch === undefined || batch.producer !== producer || batch.baseSequence !== sequence)
        lost += count
    }
  }
  return { lost, unavailable }
}

describe('durability accounting', () => {
  it('incremental lost and unavailable counts equal a full scan of the acknowledged batches', () => {
    const c = threeZones(3).topic('orders', {
      partitions: 3,
      replicationFactor: 2,
      'unclean.leader.election.enable': true,
    })
    c.producer('p1', 'orders', { acks: 1, recordsPerSecond: 300 })
    c.runFor(5_000)
    c.broker(2).slow(8_000)
    c.runFor(10_000)
    c.broker(1).crash()
    c.runFor(20_000)
    c.broker(3).crash()
    c.runFor(15_000)
    const snap = c.snapshot()
    const expected = bruteForceDurability(c)
    expect(snap.durability.lostAckedRecords).toBe(expected.lost)
    expect(snap.durability.unavailableAckedRecords).toBe(expected.unavailable)
    expect(expected.lost + expected.unavailable).toBeGreaterThan(0)
    expect(c.producerView('p1').lostAcked).toBe(expected.lost)
  })
})

describe('high watermark on append', () => {
  it('RF 1 acks=all writes are acknowledged at once (appendRecordsToLeader moves the HW)', () => {
    const c = threeZones().topic('solo', { partitions: 1, replicationFactor: 1, assignment: [[1]] })
    c.producer('p1', 'solo', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    expect(c.producerView('p1').acked).toBeGreaterThan(400)
    expect(c.partition('solo-0').highWatermark).toBe(
      c.partition('solo-0').replicaStates[0]?.logEndOffset,
    )
  })
})

describe('high watermark to followers (KIP-227 fetch sessions)', () => {
  it('a response with data on one partition also carries the high watermarks of the others', () => {
    // Two partitions on the same leader and followers: the producer alternates between them every
    // 100 ms tick, so each fetch pair sees new data every 100 ms. A follower learns partition A's
    // new high watermark with the data for B (FetchSession includes every partition whose high
    // watermark changed); without that it would wait for A's own next data, 200 ms later.
    const c = threeZones().topic('pair', {
      partitions: 2,
      replicationFactor: 3,
      assignment: [
        [1, 2, 3],
        [1, 2, 3],
      ],
    })
    c.producer('p1', 'pair', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    const lagSince = new Map<string, number>()
    let longest = 0
    for (let t = 0; t < 3_000; t += 5) {
      c.runFor(5)
      for (const name of ['pair-0', 'pair-1']) {
        const view = c.partition(name)
        for (const r of view.replicaStates) {
          if (r.broker === view.leader) continue
          const key = `${name}@${r.broker}`
          if (r.highWatermark < view.highWatermark) {
            const since = lagSince.get(key) ?? t
            lagSince.set(key, since)
            longest = Math.max(longest, t - since)
          } else lagSince.delete(key)
        }
      }
    }
    expect(c.producerView('p1').acked).toBeGreaterThan(700)
    expect(longest).toBeLessThan(150)
  })
})

describe('KRaft broker failure', () => {
  it('fences a crashed leader within broker.session.timeout.ms and elects an ISR member (ONLINE)', () => {
    const c = ordersOnBrokers123(2)
    expect(c.partition('orders-0').leader).toBe(1)
    const crashAt = c.simulation.nowMs()
    c.broker(1).crash()
    c.runFor(15_000)
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)
    expect(fenced).toBeDefined()
    expect((fenced?.atMs ?? 0) - crashAt).toBeGreaterThan(7_000)
    expect((fenced?.atMs ?? 0) - crashAt).toBeLessThanOrEqual(10_000)
    const elected = c.events('LeaderElected').filter((e) => e.atMs >= crashAt)
    expect(elected).toHaveLength(1)
    expect(elected[0]).toMatchObject({
      leader: 2,
      leaderEpoch: 1,
      election: 'ONLINE',
      unclean: false,
    })
    expect(c.partition('orders-0').isr).toEqual([2, 3])
    // Controller-side removal is not counted as a leader-driven shrink.
    expect(c.events('IsrShrunk').at(-1)?.by).toBe('controller')
    c.runFor(20_000)
    const p = c.producerView('p1')
    // The process died on a live host: the connection is reset at once and every reconnect is
    // refused (NetworkClient logs it), while the batches wait in the accumulator without using
    // an attempt; they go to broker 2 once the metadata names it, about the fencing time later.
    const lines = c.simulation.clientLog().filter((l) => l.atMs >= crashAt)
    expect(lines[0]?.message).toBe('[Producer clientId=p1] Node 1 disconnected.')
    expect(
      lines.filter((l) =>
        l.message.includes('Connection to node 1 (b-1/10.0.1.1:9092) could not be established'),
      ).length,
    ).toBeGreaterThan(3)
    expect(p.errors['REQUEST_TIMED_OUT'] ?? 0).toBe(0)
    expect(p.latencyMs.max).toBeGreaterThan(7_000)
    expect(p.latencyMs.max).toBeLessThan(11_000)
    expect(p.lostAcked).toBe(0)
    expect(p.failed).toBe(0)
    expect(p.acked).toBeGreaterThan(3_000)
  })

  it('a restarted broker is unfenced, catches up and rejoins the ISR', () => {
    const c = ordersOnBrokers123(2)
    c.broker(3).crash()
    c.runFor(20_000)
    expect(c.partition('orders-0').isr).toEqual([1, 2])
    c.broker(3).start()
    c.runFor(20_000)
    expect(c.events('BrokerUnfenced').map((e) => e.broker)).toContain(3)
    expect(c.events('IsrExpanded').at(-1)?.added).toEqual([3])
    expect(c.partition('orders-0').isr).toEqual([1, 2, 3])
  })

  it('a leader cut off from the control plane is replaced and truncates its acks=1 writes on return', () => {
    const c = threeZones().topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      assignment: [[1, 2, 3]],
    })
    c.producer('p1', 'orders', { acks: 1, recordsPerSecond: 200 })
    c.runFor(5_000)
    c.broker(1).isolate(['controllers', 'brokers'])
    c.runFor(20_000)
    expect(c.partition('orders-0').leader).not.toBe(1)
    c.broker(1).heal()
    c.runFor(20_000)
    expect(c.events('ReplicaTruncated').some((e) => e.broker === 1)).toBe(true)
    // The zombie acknowledged acks=1 writes that the new leader never had.
    expect(c.snapshot().durability.lostAckedRecords).toBeGreaterThan(0)
  })
})

describe('ZooKeeper broker failure', () => {
  it('waits for zookeeper.session.timeout.ms, then runs an offline election that bumps the epoch', () => {
    const c = threeZones(7, { controller: 'zookeeper' }).topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      assignment: [[2, 3, 1]],
    })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    c.broker(2).crash()
    const crashAt = c.simulation.nowMs()
    c.runFor(30_000)
    const expired = c.events('BrokerSessionExpired').find((e) => e.broker === 2)
    // The session ends zookeeper.session.timeout.ms after the last ping (pings every timeout/3).
    expect((expired?.atMs ?? 0) - crashAt).toBeGreaterThanOrEqual(12_000)
    expect((expired?.atMs ?? 0) - crashAt).toBeLessThanOrEqual(19_000)
    const elected = c.events('LeaderElected').filter((e) => e.atMs >= crashAt)
    expect(elected[0]).toMatchObject({ leader: 3, unclean: false })
    expect(c.partition('orders-0').isr).toEqual([1, 3])
    expect(c.partition('orders-0').leaderEpoch).toBeGreaterThanOrEqual(1)
  })

  it('controller broker failure moves the controller role after its session expires', () => {
    const c = threeZones(7, { controller: 'zookeeper' }).topic('orders', {
      partitions: 1,
      replicationFactor: 3,
    })
    c.runFor(1_000)
    expect(c.snapshot().activeController).toBe(1)
    c.broker(1).crash()
    c.runFor(25_000)
    expect(c.events('ControllerElected').at(-1)?.controller).toBe(2)
  })
})

describe('ISR by replica.lag.time.max.ms', () => {
  it('a slow follower leaves the ISR after the lag time and rejoins once it catches up', () => {
    const c = ordersOnBrokers123(2)
    c.broker(3).slow(45_000)
    c.runFor(60_000)
    const shrink = c.events('IsrShrunk').find((e) => e.removed.includes(3))
    expect(shrink?.by).toBe('leader')
    expect(c.partition('orders-0').isr).toEqual([1, 2])
    c.inject({ type: 'unslowBroker', broker: 3 })
    c.runFor(60_000)
    expect(c.partition('orders-0').isr).toEqual([1, 2, 3])
  })
})

describe('min.insync.replicas and acks', () => {
  it('RF 3 with min ISR 3 refuses acks=all writes with NOT_ENOUGH_REPLICAS while one broker is down', () => {
    const c = ordersOnBrokers123(3)
    c.broker(3).shutdown()
    c.runFor(20_000)
    const p = c.producerView('p1')
    expect(p.errors['NOT_ENOUGH_REPLICAS']).toBeGreaterThan(0)
    expect(c.snapshot().metrics.UnderMinIsrPartitionCount).toBe(1)
    expect(c.snapshot().availability.unwritablePartitionMs).toBeGreaterThan(10_000)
  })

  it('acks=1 loses acknowledged records when a lagging in-sync follower takes over; acks=all does not', () => {
    const run = (acks: -1 | 1) => {
      const c = threeZones(3).topic('orders', {
        partitions: 1,
        replicationFactor: 2,
        assignment: [[1, 2]],
      })
      c.producer('p1', 'orders', { acks, recordsPerSecond: 200 })
      c.runFor(5_000)
      c.broker(2).slow(5_000)
      c.runFor(12_000)
      c.broker(1).crash()
      c.runFor(30_000)
      return c.snapshot().durability.lostAckedRecords
    }
    expect(run(1)).toBeGreaterThan(0)
    expect(run(-1)).toBe(0)
  })

  it('RF 2, min ISR 1: unclean election loses acknowledged records; clean election leaves the partition offline', () => {
    const run = (unclean: boolean) => {
      const c = TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 5 })
      c.topic('orders', {
        partitions: 1,
        replicationFactor: 2,
        'min.insync.replicas': 1,
        'unclean.leader.election.enable': unclean,
        assignment: [[1, 2]],
      })
      c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
      c.runFor(5_000)
      c.broker(2).slow(60_000)
      c.runFor(50_000)
      expect(c.partition('orders-0').isr).toEqual([1])
      c.broker(1).crash()
      c.runFor(30_000)
      return c
    }
    const uncleanRun = run(true)
    expect(uncleanRun.events('LeaderElected').at(-1)).toMatchObject({ leader: 2, unclean: true })
    expect(uncleanRun.snapshot().durability.lostAckedRecords).toBeGreaterThan(0)
    // ControllerStats' UncleanLeaderElectionsPerSec meter counts the one unclean election.
    expect(uncleanRun.snapshot().metrics.UncleanLeaderElectionsPerSec.Count).toBe(1)
    const cleanRun = run(false)
    expect(cleanRun.partition('orders-0').leader).toBe(-1)
    expect(cleanRun.partition('orders-0').isr).toEqual([1])
    expect(cleanRun.snapshot().durability.lostAckedRecords).toBe(0)
    expect(cleanRun.snapshot().durability.unavailableAckedRecords).toBeGreaterThan(0)
    expect(cleanRun.snapshot().metrics.OfflinePartitionsCount).toBe(1)
    expect(cleanRun.snapshot().metrics.UncleanLeaderElectionsPerSec.Count).toBe(0)
  })
})

describe('controlled shutdown of the last ISR member', () => {
  it('KRaft leaves the partition leaderless with ISR [b] and lets the broker stop', () => {
    const c = threeZones().topic('solo', { partitions: 1, replicationFactor: 1, assignment: [[2]] })
    c.runFor(2_000)
    c.broker(2).shutdown()
    c.runFor(1_000)
    expect(c.partition('solo-0')).toMatchObject({ leader: -1, isr: [2] })
    // Once every active broker has reported the change in a heartbeat (within
    // broker.heartbeat.interval.ms), the controller grants SHUTDOWN_NOW.
    c.runFor(2_000)
    expect(c.broker(2).view().status).toBe('offline')
  })

  it('ZooKeeper keeps the broker as leader, reports partitions remaining and retries', () => {
    const c = threeZones(7, { controller: 'zookeeper' }).topic('pair', {
      partitions: 1,
      replicationFactor: 2,
      assignment: [[2, 3]],
    })
    c.runFor(2_000)
    c.broker(3).crash()
    c.runFor(25_000)
    expect(c.partition('pair-0').isr).toEqual([2])
    c.broker(2).shutdown()
    c.runFor(1_000)
    const requested = c.events('ControlledShutdownRequested').filter((e) => e.broker === 2)
    expect(requested[0]?.remainingLeaders).toBe(1)
    expect(c.partition('pair-0').leader).toBe(2)
    c.runFor(20_000)
    expect(c.events('ControlledShutdownRequested').filter((e) => e.broker === 2).length).toBe(3)
    expect(c.broker(2).view().status).toBe('offline')
  })
})

describe('zone failures', () => {
  it('3 AZ, RF 3, min ISR 2, acks=all: losing a zone loses nothing and leaves no partition under min ISR', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 2, seed: 11 })
    c.topic('orders', { partitions: 6, replicationFactor: 3, 'min.insync.replicas': 2 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 200 })
    c.runFor(10_000)
    c.zone('use1-az1').stop()
    c.runFor(60_000)
    const snap = c.snapshot()
    expect(snap.metrics.UnderMinIsrPartitionCount).toBe(0)
    expect(snap.metrics.OfflinePartitionsCount).toBe(0)
    expect(snap.durability.lostAckedRecords).toBe(0)
    expect(snap.partitions.every((p) => p.isr.length === 2)).toBe(true)
    c.zone('use1-az1').start()
    c.runFor(60_000)
    expect(c.snapshot().partitions.every((p) => p.isr.length === 3)).toBe(true)
    expect(c.producerView('p1').failed).toBe(0)
  })

  it('2 AZ with controllers az1, az2, az1: losing az1 loses the quorum and no leader is elected', () => {
    const c = TestCluster.create({
      zones: 2,
      brokersPerZone: 1,
      seed: 2,
      controllerZones: [0, 1, 0],
    })
    c.topic('orders', {
      partitions: 2,
      replicationFactor: 2,
      assignment: [
        [1, 2],
        [2, 1],
      ],
    })
    c.runFor(5_000)
    c.zone('use1-az1').stop()
    c.runFor(30_000)
    expect(c.events('QuorumLost')).toHaveLength(1)
    expect(c.snapshot().activeController).toBeNull()
    expect(c.snapshot().metrics.ActiveControllerCount).toBe(0)
    expect(c.partition('orders-0').leader).toBe(1)
    expect(c.events('LeaderElected')).toHaveLength(0)
  })
})

describe('bootstrap.servers', () => {
  it('a client whose only bootstrap broker is down cannot connect', () => {
    const c = threeZones().topic('orders', { partitions: 1, replicationFactor: 3 })
    c.producer('p1', 'orders', { acks: -1, 'bootstrap.servers': [1] })
    c.producer('p2', 'orders', { acks: -1, 'bootstrap.servers': [1, 2, 3] })
    c.at(0, { type: 'crashBroker', broker: 1 })
    c.runFor(10_000)
    expect(c.producerView('p1').connected).toBe(false)
    expect(c.producerView('p1').acked).toBe(0)
    expect(c.events('ClientConnectFailed').some((e) => e.client === 'p1')).toBe(true)
    expect(c.producerView('p2').connected).toBe(true)
  })
})

describe('admin and automatic elections', () => {
  it('a preferred election moves leadership back to replicas[0] once it is in the ISR', () => {
    const c = threeZones().topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      assignment: [[1, 2, 3]],
    })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 50 })
    c.runFor(2_000)
    c.broker(1).crash()
    c.runFor(15_000)
    c.broker(1).start()
    c.runFor(20_000)
    expect(c.partition('orders-0').leader).not.toBe(1)
    expect(c.snapshot().metrics.PreferredReplicaImbalanceCount).toBe(1)
    c.inject({ type: 'electLeaders', election: 'PREFERRED' })
    c.runFor(1_000)
    expect(c.partition('orders-0').leader).toBe(1)
    expect(c.events('LeaderElected').at(-1)?.election).toBe('PREFERRED')
  })

  it('rolling restart goes one broker at a time and keeps UnderMinIsr at 0', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 4 })
    c.topic('orders', { partitions: 3, replicationFactor: 3, 'min.insync.replicas': 2 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    c.inject({ type: 'rollingRestart', restartMs: 10_000 })
    let maxUnderMin = 0
    for (let t = 0; t < 180; t++) {
      c.runFor(1_000)
      maxUnderMin = Math.max(maxUnderMin, c.snapshot().metrics.UnderMinIsrPartitionCount)
    }
    const steps = c.events('RollingRestartStep')
    expect(steps.filter((s) => s.step === 'done').map((s) => s.broker)).toEqual([1, 2, 3])
    expect(maxUnderMin).toBe(0)
    expect(c.producerView('p1').lostAcked).toBe(0)
    expect(c.producerView('p1').failed).toBe(0)
  })
})

describe('determinism and time travel', () => {
  const build = () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 2, seed: 99 })
    c.topic('orders', { partitions: 6, replicationFactor: 3, 'min.insync.replicas': 2 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 300 }).consumer('c1', 'orders')
    c.at(10_000, { type: 'stopZone', zone: 'use1-az2' })
    c.at(40_000, { type: 'startZone', zone: 'use1-az2' })
    return c
  }

  it('the same scenario and seed give byte-identical events and snapshots', () => {
    const a = build().runFor(90_000)
    const b = build().runFor(90_000)
    expect(JSON.stringify(a.simulation.events())).toBe(JSON.stringify(b.simulation.events()))
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()))
    expect(JSON.stringify(a.simulation.clientLog())).toBe(JSON.stringify(b.simulation.clientLog()))
  })

  it('fetch sessions keep their dirty sets sorted and free of duplicates (bounded work per round)', () => {
    const c = build().runFor(90_000)
    const state = c.simulation.checkpoint().state as {
      pairs: ({ dirtyFirst: number; dirty: number[]; partitions: number[] } | null)[]
    }
    for (const pair of state.pairs) {
      if (pair === null) continue
      // The set is its first member (-1: empty) and the larger rest.
      if (pair.dirtyFirst === -1) expect(pair.dirty).toEqual([])
      const dirty = pair.dirtyFirst === -1 ? [] : [pair.dirtyFirst, ...pair.dirty]
      for (let i = 1; i < dirty.length; i++)
        expect(dirty[i]).toBeGreaterThan(dirty[i - 1] as number)
      for (const p of dirty) expect(pair.partitions).toContain(p)
    }
  })

  it('a run restored from a checkpoint continues exactly like the original', async () => {
    const { restoreSimulation } = await import('./index')
    const a = build().runFor(20_000)
    const checkpoint = a.simulation.checkpoint()
    a.runFor(40_000)
    const b = restoreSimulation(a.spec, checkpoint)
    b.runUntil(60_000)
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
  })
})
