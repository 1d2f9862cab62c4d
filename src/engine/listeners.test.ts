/**
 * When a restarted broker accepts connections. KRaft: BrokerServer.startup (3.9) waits for the
 * controller to unfence the new incarnation ("the broker to be unfenced") before
 * `socketServer.enableRequestProcessing`, so until then no client and no follower can reach it,
 * although it already applies metadata and fetches as a follower itself. A broker restarted
 * before its old session is fenced is therefore not a leader anyone can use: its partitions wait
 * for the controller to fence the old incarnation and elect another leader.
 * Scenario tests over the real engine (TestCluster), invariants checked after every event.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'

function build(controller: 'kraft' | 'zookeeper'): TestCluster {
  return TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 11, controller })
    .topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      'min.insync.replicas': 2,
      assignment: [[1, 2, 3]],
    })
    .producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
}

/** When the producer logged that a connection to node 1 could not be established. */
function refusals(c: TestCluster): number[] {
  return c.simulation
    .clientLog()
    .filter((l) => l.message.includes('Connection to node 1 ('))
    .map((l) => l.atMs)
}

describe('a broker restarted before its old session is fenced', () => {
  it('KRaft: serves no produce or fetch until unfenced; writes resume once another broker leads', () => {
    const c = build('kraft')
    c.runUntil(10_000)
    c.broker(1).crash()
    c.runUntil(10_200)
    c.broker(1).start()
    // Ready again (5 s of startup), registered only once the old incarnation is fenced.
    c.runUntil(16_000)
    expect(c.broker(1).view().status).toBe('online')
    const ackedAt16 = c.partition('orders-0').highWatermark
    c.runUntil(18_500)
    // Still the registered leader, but nothing reaches it: the high watermark has not moved.
    expect(c.partition('orders-0').leader).toBe(1)
    expect(c.partition('orders-0').highWatermark).toBe(ackedAt16)
    c.runUntil(40_000)
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)
    const moved = c.events('LeaderElected').find((e) => e.atMs > 10_000)
    expect(moved?.leader).not.toBe(1)
    expect(moved?.atMs).toBe(fenced?.atMs)
    // No record was acknowledged by broker 1 between the crash and the election.
    expect(c.partition('orders-0').highWatermark).toBeGreaterThan(ackedAt16)
    // The producer's reconnects to it are refused while it runs (NetworkClient's WARN line).
    const refused = refusals(c).filter((atMs) => atMs > 15_200 && atMs < (fenced?.atMs ?? 0))
    expect(refused.length).toBeGreaterThan(0)
    expect(c.snapshot().durability.lostAckedRecords).toBe(0)
  })

  it('ZooKeeper: listens once started (the controller handles the bounce)', () => {
    const c = build('zookeeper')
    c.runUntil(10_000)
    c.broker(1).crash()
    c.runUntil(10_200)
    c.broker(1).start()
    c.runUntil(40_000)
    expect(refusals(c).filter((atMs) => atMs > 15_300)).toEqual([])
  })
})
