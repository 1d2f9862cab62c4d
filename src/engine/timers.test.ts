/**
 * The timers the dashboard counts down, as the snapshot exposes them: a broker's session
 * (KRaft `broker.session.timeout.ms` since the controller's last heartbeat from it, ZooKeeper
 * `zookeeper.session.timeout.ms`), a follower's `lastCaughtUpTimeMs` against
 * `replica.lag.time.max.ms`, and a pending controller election. Each figure is checked against
 * what the engine then does: the fencing, the ISR shrink, the election.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'

function cluster(controller: 'kraft' | 'zookeeper' = 'kraft') {
  return TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 5, controller })
    .topic('orders', { partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] })
    .producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
}

describe('BrokerView.session (BrokerHeartbeatManager / ZooKeeper session)', () => {
  it('KRaft: a crashed broker keeps its session until broker.session.timeout.ms after its last heartbeat, then is fenced', () => {
    const c = cluster().runUntil(10_000)
    const before = c.broker(1).view().session
    expect(before).not.toBeNull()
    expect(before!.expiresAtMs - before!.lastHeartbeatMs).toBe(9_000)
    c.broker(1).crash()
    c.runFor(1)
    // The broker is down but not fenced: the partition's metadata still names it leader.
    const during = c.broker(1).view()
    expect(during.status).toBe('offline')
    expect(during.fenced).toBe(false)
    expect(c.partition('orders-0').leader).toBe(1)
    const expiresAt = during.session!.expiresAtMs
    expect(expiresAt).toBeGreaterThan(c.snapshot().nowMs)
    c.runUntil(30_000)
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)
    expect(fenced).toBeDefined()
    // Fenced at the first liveness check (every second) after the session ran out.
    expect(fenced!.atMs).toBeGreaterThan(expiresAt)
    expect(fenced!.atMs).toBeLessThanOrEqual(expiresAt + 1_000)
    expect(c.broker(1).view().session).toBeNull()
  })

  it('ZooKeeper: the session runs zookeeper.session.timeout.ms from its last renewal', () => {
    const c = cluster('zookeeper').runUntil(10_000)
    c.broker(2).crash()
    c.runFor(1)
    const session = c.broker(2).view().session
    expect(session).not.toBeNull()
    expect(session!.expiresAtMs - session!.lastHeartbeatMs).toBe(18_000)
    c.runUntil(40_000)
    const expired = c.events('BrokerSessionExpired').find((e) => e.broker === 2)
    expect(expired!.atMs).toBeGreaterThan(session!.expiresAtMs)
    expect(expired!.atMs).toBeLessThanOrEqual(session!.expiresAtMs + 1_000)
  })
})

describe('ReplicaView.lastCaughtUpMs (Partition.maybeShrinkIsr)', () => {
  it('stops advancing for a slowed follower, which leaves the ISR replica.lag.time.max.ms later', () => {
    const c = cluster().runUntil(10_000)
    const replica = () => c.partition('orders-0').replicaStates.find((r) => r.broker === 3)!
    expect(c.snapshot().nowMs - replica().lastCaughtUpMs!).toBeLessThan(1_000)
    expect(c.partition('orders-0').replicaStates.find((r) => r.broker === 1)!.lastCaughtUpMs).toBe(
      undefined,
    )
    c.broker(3).slow(60_000)
    c.runUntil(15_000)
    const caughtUp = replica().lastCaughtUpMs!
    expect(c.snapshot().nowMs - caughtUp).toBeGreaterThan(3_000)
    c.runUntil(60_000)
    const shrink = c.events('IsrShrunk').find((e) => e.removed.includes(3))
    expect(shrink).toBeDefined()
    expect(shrink!.atMs - caughtUp).toBeGreaterThan(30_000)
  })
})

describe('Snapshot.controllerElectionDueMs', () => {
  it('is the time of the next election while no controller is active, and null otherwise', () => {
    const c = cluster().runUntil(5_000)
    expect(c.snapshot().controllerElectionDueMs).toBeNull()
    const active = c.snapshot().activeController!
    c.inject({ type: 'crashController', controller: active })
    c.runFor(1)
    const due = c.snapshot().controllerElectionDueMs
    expect(c.snapshot().activeController).toBeNull()
    expect(due).not.toBeNull()
    c.runUntil(10_000)
    const elected = c.events('ControllerElected').filter((e) => e.atMs > 5_000)
    expect(elected[0]?.atMs).toBe(due)
    expect(c.snapshot().controllerElectionDueMs).toBeNull()
  })
})
