/**
 * The log picture (log-view.ts) in Kafka's terms, over the real engine: the high watermark never
 * passes an ISR member's LEO, the uncommitted tail is [HW, leader LEO), a consumer reads below the
 * HW, and after an unclean election the returning old leader's cut-off tail is reported with its
 * LEO dropped to the divergence point (KIP-101 / KIP-279 truncation). Reading the view never
 * changes a run.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'
import type { PartitionLogView } from './log-view'
import { createTruncationIndex, updateTruncationIndex } from './log-view'
import type { SimEvent } from './types'

function healthy(seed = 3): TestCluster {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed })
  c.topic('orders', { partitions: 2, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 200 })
  c.consumer('c1', 'orders')
  return c
}

function view(c: TestCluster, partition = 0): PartitionLogView {
  const v = c.simulation.partitionLog('orders', partition)
  if (v === null) throw new Error('no view')
  return v
}

/** RF 2, min ISR 1, unclean elections on; broker 2 falls out of the ISR, then leader 1 crashes. */
function uncleanRun(): TestCluster {
  const c = TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 5 })
  c.topic('orders', {
    partitions: 1,
    replicationFactor: 2,
    'min.insync.replicas': 1,
    'unclean.leader.election.enable': true,
    assignment: [[1, 2]],
  })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
  c.consumer('c1', 'orders')
  c.runFor(5_000)
  c.broker(2).slow(60_000)
  c.runFor(50_000)
  c.broker(1).crash()
  c.runFor(30_000)
  return c
}

describe('partitionLogView', () => {
  it('HW ≤ every ISR member’s LEO; the uncommitted tail is [HW, leader LEO)', () => {
    const c = healthy()
    for (let i = 0; i < 20; i++) {
      c.runFor(537)
      const v = view(c)
      const leader = v.replicas.find((r) => r.broker === v.leader)
      expect(leader).toBeDefined()
      const leaderLeo = leader?.logEndOffset ?? 0
      for (const r of v.replicas.filter((x) => x.inIsr))
        expect(v.highWatermark).toBeLessThanOrEqual(r.logEndOffset)
      expect(v.highWatermark).toBeLessThanOrEqual(leaderLeo)
      // The window ends at the leader's LEO and holds the uncommitted tail whole.
      expect(v.window.to).toBe(leaderLeo)
      expect(v.window.from).toBeLessThanOrEqual(v.highWatermark)
      // The leader's batches tile the window without gaps, clipped at its left edge.
      const batches = leader?.batches ?? []
      expect(batches[0]?.baseOffset).toBe(v.window.from)
      for (let k = 1; k < batches.length; k++) {
        const prev = batches[k - 1] as { baseOffset: number; count: number }
        expect(batches[k]?.baseOffset).toBe(prev.baseOffset + prev.count)
      }
      const last = batches.at(-1)
      expect((last?.baseOffset ?? 0) + (last?.count ?? 0)).toBe(leaderLeo)
      // A consumer's position stays at or below the HW.
      for (const consumer of v.consumers)
        expect(consumer.position).toBeLessThanOrEqual(v.highWatermark)
    }
    const v = view(c)
    expect(v.consumers.map((x) => x.id)).toEqual(['c1'])
    expect(v.replicas.map((r) => r.broker).sort()).toEqual([1, 2, 3])
    expect(v.replicas.every((r) => r.online && r.inIsr && r.truncated.length === 0)).toBe(true)
    expect(v.lostAcked).toEqual([])
    expect(v.window.to - v.window.from).toBeGreaterThanOrEqual(60)
  })

  it('after an unclean election, marks the acknowledged records the new leader lacks', () => {
    const c = uncleanRun()
    expect(c.events('LeaderElected').at(-1)).toMatchObject({ leader: 2, unclean: true })
    const v = view(c)
    expect(v.leader).toBe(2)
    expect(v.lostAckedRecords).toBe(c.snapshot().durability.lostAckedRecords)
    expect(v.lostAckedRecords).toBeGreaterThan(0)
    expect(v.lostAcked.length).toBeGreaterThan(0)
    for (const range of v.lostAcked) {
      expect(range.baseOffset).toBeGreaterThanOrEqual(v.window.from)
      expect(range.baseOffset + range.count).toBeLessThanOrEqual(v.window.to)
    }
    const old = v.replicas.find((r) => r.broker === 1)
    // The crashed old leader holds a longer log in the old epoch, running past the window.
    expect(old).toMatchObject({ online: false, inIsr: false })
    expect(old?.logEndOffset).toBeGreaterThan(v.window.to)
    expect(old?.batches.every((b) => b.epoch === 0)).toBe(true)
    expect(v.replicas.find((r) => r.broker === 2)?.batches.at(-1)?.epoch).toBe(v.leaderEpoch)
  })

  it('shows the returning replica’s truncated tail, and its LEO drops to the divergence point', () => {
    const c = uncleanRun()
    const before = view(c).replicas.find((r) => r.broker === 1)?.logEndOffset ?? 0
    c.broker(1).start()
    const sim = c.simulation
    const truncated = (): SimEvent | undefined =>
      sim.events().find((e) => e.type === 'ReplicaTruncated' && e.broker === 1)
    for (let i = 0; i < 2_000 && truncated() === undefined; i++) sim.step(1_000)
    const event = truncated()
    expect(event).toBeDefined()
    if (event?.type !== 'ReplicaTruncated') return
    const v = view(c)
    const returning = v.replicas.find((r) => r.broker === 1)
    expect(returning?.truncated).toEqual([
      { fromOffset: before, toOffset: event.toOffset, atMs: event.atMs },
    ])
    expect(event.fromOffset).toBe(before)
    expect(returning?.logEndOffset).toBeLessThan(before)
    expect(returning?.highWatermark).toBeLessThanOrEqual(returning?.logEndOffset ?? 0)
    // Once it has caught up, the tail it cut is still reported.
    c.runFor(20_000)
    const later = view(c).replicas.find((r) => r.broker === 1)
    expect(later?.truncated).toHaveLength(1)
    expect(later?.inIsr).toBe(true)
  })

  it('answers null for an unknown topic or partition', () => {
    const c = healthy()
    expect(c.simulation.partitionLog('nope', 0)).toBeNull()
    expect(c.simulation.partitionLog('orders', 2)).toBeNull()
    expect(c.simulation.partitionLog('orders', -1)).toBeNull()
  })

  it('reading the view leaves the run byte-identical', () => {
    const quiet = healthy(11)
    const watched = healthy(11)
    for (let t = 0; t < 30; t++) {
      if (t === 10) {
        quiet.broker(1).crash()
        watched.broker(1).crash()
      }
      quiet.runFor(1_000)
      watched.runFor(1_000)
      watched.simulation.partitionLog('orders', 0)
      watched.simulation.partitionLog('orders', 1)
    }
    expect(JSON.stringify(watched.simulation.events())).toBe(
      JSON.stringify(quiet.simulation.events()),
    )
    expect(JSON.stringify(watched.snapshot())).toBe(JSON.stringify(quiet.snapshot()))
  })
})

describe('truncation index', () => {
  const truncation = (atMs: number, broker: number): SimEvent => ({
    atMs,
    type: 'ReplicaTruncated',
    topic: 'orders',
    partition: 0,
    broker,
    fromOffset: 100 + atMs,
    toOffset: atMs,
  })

  it('reads each event once and keeps the last few per replica', () => {
    const events: SimEvent[] = [truncation(1, 1), truncation(2, 2)]
    const index = updateTruncationIndex(createTruncationIndex(), events, 2)
    expect(index.scanned).toBe(2)
    events.push(truncation(3, 1), truncation(4, 1))
    updateTruncationIndex(index, events, 2)
    expect(index.scanned).toBe(4)
    expect(index.byReplica.get('orders\u00000\u00001')?.map((t) => t.atMs)).toEqual([3, 4])
    expect(index.byReplica.get('orders\u00000\u00002')).toEqual([
      { fromOffset: 102, toOffset: 2, atMs: 2 },
    ])
  })
})
