/**
 * The traffic view (traffic.ts) in Kafka's terms, over the real engine: every message it lists is
 * in flight at the snapshot's time, fetches go follower → leader and their responses back,
 * produce requests go to the partition's leader, an acks=all produce whose followers cannot fetch
 * waits in the leader's purgatory until the producer's request.timeout.ms, and a cluster above
 * TRAFFIC_MAX_BROKERS carries no traffic at all. Each test samples snapshots at many instants.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from './index'
import { parseScenario } from '../scenario'
import { TestCluster, ordersOnThreeBrokers } from '../test-support/test-cluster'
import { TRAFFIC_MAX_BROKERS } from './traffic'
import type { NodeRef, Snapshot, TrafficMessage } from './types'

function brokerOf(ref: NodeRef): number {
  if (!('broker' in ref)) throw new Error(`expected a broker, got client ${ref.client}`)
  return ref.broker
}

/** Snapshots every `stepMs` over `spanMs`. */
function sample(c: TestCluster, spanMs: number, stepMs: number): Snapshot[] {
  const out: Snapshot[] = []
  for (let t = 0; t < spanMs; t += stepMs) out.push(c.runFor(stepMs).snapshot())
  return out
}

describe('traffic in flight', () => {
  it('lists only messages sent at or before now and delivered after it', () => {
    const c = ordersOnThreeBrokers(7).withTraffic().consumer('c1', 'orders').runFor(3000)
    const snapshots = sample(c, 2000, 7)
    const messages = snapshots.flatMap((s) => s.traffic?.messages ?? [])
    expect(messages.length).toBeGreaterThan(20)
    for (const s of snapshots) {
      for (const m of s.traffic?.messages ?? []) {
        expect(m.sentMs).toBeLessThanOrEqual(s.nowMs)
        expect(m.atMs).toBeGreaterThan(s.nowMs)
      }
    }
    const kinds = new Set(messages.map((m) => m.kind))
    for (const kind of ['produce', 'produceResponse', 'fetch', 'fetchResponse'] as const)
      expect(kinds).toContain(kind)
  })

  it('sends fetches from a follower to the leader and the responses back', () => {
    const c = ordersOnThreeBrokers(11).withTraffic().runFor(3000)
    let seen = 0
    for (const s of sample(c, 2000, 3)) {
      for (const m of s.traffic?.messages ?? []) {
        if (m.kind !== 'fetch' && m.kind !== 'fetchResponse') continue
        const [follower, leader] =
          m.kind === 'fetch'
            ? [brokerOf(m.from), brokerOf(m.to)]
            : [brokerOf(m.to), brokerOf(m.from)]
        // Some partition led by `leader` has a replica on `follower` (a fetcher per source broker).
        const led = s.partitions.filter((p) => p.leader === leader && p.replicas.includes(follower))
        expect(led.length, `${m.kind} ${follower}⇄${leader}`).toBeGreaterThan(0)
        expect(follower).not.toBe(leader)
        seen++
      }
    }
    expect(seen).toBeGreaterThan(10)
  })

  it('sends produce requests from the producer to the partition leader, acks back', () => {
    const c = ordersOnThreeBrokers(3).withTraffic().runFor(3000)
    const isProduce = (m: TrafficMessage) => m.kind === 'produce' || m.kind === 'produceResponse'
    let seen = 0
    for (const s of sample(c, 3000, 2)) {
      for (const m of (s.traffic?.messages ?? []).filter(isProduce)) {
        const [client, broker] = m.kind === 'produce' ? [m.from, m.to] : [m.to, m.from]
        expect(client).toEqual({ client: 'p1' })
        const part = s.partitions.find((p) => p.topic === m.topic && p.partition === m.partition)
        expect(part?.leader).toBe(brokerOf(broker))
        if (m.kind === 'produceResponse') expect(m.error).toBeUndefined()
        seen++
      }
    }
    expect(seen).toBeGreaterThan(5)
  })

  it('shows a consumer group member talking to its coordinator', () => {
    const parsed = parseScenario(
      JSON.stringify({
        version: 1,
        name: 'groups',
        seed: 3,
        durationMs: 60_000,
        cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 1 },
        topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
        clients: [{ kind: 'consumer', id: 'readers', topic: 'orders', group: 'g', members: 2 }],
      }),
    )
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '))
    const sim = createSimulation(parsed.spec, { traffic: true })
    const group: TrafficMessage[] = []
    for (let t = 1; t < 12_000; t += 1) {
      sim.runUntil(t)
      const s = sim.snapshot()
      const coordinator = s.groups[0]?.coordinator
      for (const m of s.traffic?.messages ?? []) {
        if (m.kind !== 'group' && m.kind !== 'groupResponse') continue
        group.push(m)
        const [client, broker] = m.kind === 'group' ? [m.from, m.to] : [m.to, m.from]
        expect(client).toEqual({ client: 'readers' })
        // Every group request but FindCoordinator goes to the coordinator.
        if (m.api !== 'FindCoordinator') expect(brokerOf(broker)).toBe(coordinator)
      }
    }
    // group.initial.rebalance.delay.ms (3 s) passes before the join completes, then heartbeats.
    expect([...new Set(group.map((m) => m.api))]).toEqual(
      expect.arrayContaining(['FindCoordinator', 'JoinGroup', 'SyncGroup', 'Heartbeat']),
    )
  })
})

describe('requests waiting at the leader', () => {
  it('parks an acks=all produce until request.timeout.ms when the followers cannot fetch', () => {
    const c = ordersOnThreeBrokers(7, { 'request.timeout.ms': 5000 }).withTraffic().runFor(5000)
    // Brokers 2 and 3 stay in the ISR of orders-0 (led by broker 1) for replica.lag.time.max.ms,
    // 30 s, but cannot fetch: its high watermark stands still and acks=all requests wait.
    c.broker(2).isolate(['brokers'])
    c.broker(3).isolate(['brokers'])
    c.runFor(500)
    const first = c
      .snapshot()
      .traffic?.parked.find((p) => p.kind === 'produce' && p.broker === 1 && p.partition === 0)
    expect(first).toBeDefined()
    if (first === undefined) return
    expect(first.producer).toBe('p1')
    expect(first.timeoutAtMs - first.sinceMs).toBe(5000)
    expect(first.requiredOffset).toBeGreaterThan(first.highWatermark ?? Infinity)
    const same = (s: Snapshot) =>
      s.traffic?.parked.some(
        (p) => p.kind === 'produce' && p.partition === 0 && p.sinceMs === first.sinceMs,
      ) ?? false
    expect(c.producerView('p1').errors.REQUEST_TIMED_OUT ?? 0).toBe(0)
    // Still waiting just before its timeout...
    c.runUntil(first.timeoutAtMs - 50)
    expect(same(c.snapshot())).toBe(true)
    expect(c.partition('orders-0').isr).toEqual([1, 2, 3])
    // ...and gone once the producer's tick sees request.timeout.ms passed: REQUEST_TIMED_OUT.
    c.runUntil(first.timeoutAtMs + 150)
    expect(same(c.snapshot())).toBe(false)
    expect(c.producerView('p1').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
  })

  it('shows a follower fetch parked at its leader for replica.fetch.wait.max.ms', () => {
    // No producer: every follower's fetch waits at its leader (DelayedFetch).
    const c = TestCluster.create({ seed: 2 })
      .withTraffic()
      .topic('orders', { partitions: 3, replicationFactor: 3 })
      .runFor(4000)
    const parked = c.snapshot().traffic?.parked.filter((p) => p.kind === 'fetch') ?? []
    // Three leaders, two followers each.
    expect(parked).toHaveLength(6)
    for (const p of parked) {
      expect(p.follower).not.toBe(p.broker)
      expect(p.timeoutAtMs - p.sinceMs).toBe(500)
      expect(p.sinceMs).toBeLessThanOrEqual(c.snapshot().nowMs)
    }
  })
})

describe('cost and determinism', () => {
  it('carries no traffic unless the simulation is asked for it (the CLI and tests do not pay)', () => {
    const c = ordersOnThreeBrokers(9).runFor(2003)
    expect(c.snapshot().traffic).toBeUndefined()
  })

  it(`carries no traffic above ${TRAFFIC_MAX_BROKERS} brokers`, () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 5, seed: 1 })
      .withTraffic()
      .topic('orders', { partitions: 6, replicationFactor: 3 })
      .producer('p1', 'orders', { acks: -1 })
      .runFor(2000)
    expect(c.snapshot().traffic).toBeUndefined()
  })

  it('gives a restored checkpoint the same traffic as the run it came from', () => {
    const c = ordersOnThreeBrokers(9).withTraffic().runFor(2003)
    const checkpoint = c.simulation.checkpoint()
    const restored = restoreSimulation(c.spec, checkpoint, { traffic: true })
    for (const delta of [0, 1, 5, 13, 101]) {
      c.runUntil(2003 + delta)
      restored.runUntil(2003 + delta)
      expect(restored.snapshot().traffic).toEqual(c.snapshot().traffic)
    }
  })
})
