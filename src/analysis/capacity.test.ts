/**
 * The static capacity model: broker limits per type, Kafka's per-broker byte rates
 * (BytesInPerSec, BytesOutPerSec, ReplicationBytesIn/OutPerSec) in the steady state and after a
 * failure moves leaderships, and, with fast-check, that the matrix's incremental figures equal a
 * naive recomputation for every row.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  capacityLimits,
  CPU_MIBPS_PER_VCPU,
  GBPS_IN_MIBPS,
  utilisationOf,
  emptyLoads,
  LOAD_FIELDS,
} from '../engine/capacity/model'
import type { SimulationSpec } from '../engine/spec'
import { createCapacityEvaluator } from './capacity'
import { buildPartitionTable, indexBrokers } from './partition-table'
import { survivabilityMatrix } from './survivability'
import { buildSpec, consumer, producer } from './test-helpers'

const MIB = 1048576

/** 3 zones × 2 brokers (1, 4 in the first zone), one topic of 6 partitions at RF 3. */
function sixBrokers(
  mibps: number,
  groups: number,
  brokerType: SimulationSpec['cluster']['brokerType'] | null = 'kafka.m5.large',
): SimulationSpec {
  const spec = buildSpec({
    brokersPerZone: 2,
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
    clients: [
      { ...producer('p', 'orders'), recordsPerSecond: mibps * 1024, recordBytes: 1024 },
      ...Array.from({ length: groups }, (_, g) => ({
        ...consumer(`c${g}`, 'orders', [1, 2, 3]),
        group: `g${g}`,
      })),
    ],
  })
  return { ...spec, cluster: { ...spec.cluster, ...(brokerType === null ? {} : { brokerType }) } }
}

function evaluator(spec: SimulationSpec) {
  const index = indexBrokers(spec)
  const e = createCapacityEvaluator(spec, buildPartitionTable(spec, index), index)
  if (e === null) throw new Error('no capacity model')
  return e
}

describe('capacityLimits', () => {
  it('resolves a Standard type to its baseline network, default volume throughput and vCPUs', () => {
    const limits = capacityLimits(sixBrokers(1, 0).cluster)!
    expect(limits.networkMiBps).toBeCloseTo(0.75 * GBPS_IN_MIBPS, 6)
    expect(limits.networkMiBps).toBeCloseTo(89.41, 2)
    expect(limits.volumeMiBps).toBe(250)
    expect(limits.vcpus).toBe(2)
    expect(limits.recommendedPartitions).toBe(1000)
    expect(limits.maxPartitions).toBe(1500)
  })

  it('takes provisioned storage throughput as the volume limit', () => {
    const spec = sixBrokers(1, 0, 'kafka.m5.4xlarge')
    spec.cluster.storage = { volumeGiB: 1000, provisionedThroughputMiBps: 593 }
    expect(capacityLimits(spec.cluster)!.volumeMiBps).toBe(593)
  })

  it('derives the CPU coefficient from express.m7g.large at 60% CPU on 2 vCPUs', () => {
    // (15.6 × 3 + 15.6 × 2 + 31.2) MBps = 109.2 MBps = 104.14 MiB/s at 60% of 2 vCPUs.
    expect(CPU_MIBPS_PER_VCPU).toBeCloseTo(109.2e6 / MIB / 0.6 / 2, 6)
    expect(CPU_MIBPS_PER_VCPU).toBeCloseTo(86.78, 2)
  })

  it('measures Express brokers against their sustained ingress and egress, with no volume', () => {
    const limits = capacityLimits(sixBrokers(1, 0, 'express.m7g.xlarge').cluster)!
    expect(limits.family).toBe('express')
    expect(limits.ingressMiBps).toBeCloseTo(31.2e6 / MIB, 6)
    expect(limits.egressMiBps).toBeCloseTo(62.5e6 / MIB, 6)
    expect(limits.volumeMiBps).toBeNull()
    expect(limits.networkMiBps).toBeNull()
  })

  it('uses a custom type’s own limits', () => {
    const spec = sixBrokers(1, 0, 'custom')
    spec.cluster.brokerLimits = { vcpus: 4, networkMiBps: 600 }
    const limits = capacityLimits(spec.cluster)!
    expect(limits).toMatchObject({ networkMiBps: 600, volumeMiBps: null, vcpus: 4 })
    expect(limits.cpuMiBps).toBeCloseTo(4 * CPU_MIBPS_PER_VCPU, 6)
  })

  it('has no model without a broker type', () => {
    expect(capacityLimits(sixBrokers(1, 0, null).cluster)).toBeNull()
    const row = survivabilityMatrix(sixBrokers(1, 0, null)).failures[0]!
    expect(row.peakBrokerUtilisation).toBeNull()
    expect(row.overloadedBrokers).toBeNull()
  })
})

describe('steady state', () => {
  it('gives every broker its leader share in, fan-out × that out, and RF − 1 replication', () => {
    // 60 MiB/s over 6 partitions, each broker leads one and follows two; three consumer groups.
    const e = evaluator(sixBrokers(60, 3))
    const brokers = e.brokers(e.baseline)
    expect(brokers).toHaveLength(6)
    for (const { capacity } of brokers) {
      expect(capacity.bytesInMiBps).toBeCloseTo(10, 9)
      expect(capacity.bytesOutMiBps).toBeCloseTo(30, 9)
      expect(capacity.replicationInMiBps).toBeCloseTo(20, 9)
      expect(capacity.replicationOutMiBps).toBeCloseTo(20, 9)
      expect(capacity.ratios.networkOut).toBeCloseTo(50 / (0.75 * GBPS_IN_MIBPS), 9)
      expect(capacity.ratios.volume).toBeCloseTo(30 / 250, 9)
      expect(capacity.cpu).toBeCloseTo(80 / (2 * CPU_MIBPS_PER_VCPU), 9)
      expect(capacity.bound).toBe('networkOut')
      expect(capacity.utilisation).toBe(capacity.ratios.networkOut)
    }
  })

  it('counts a group once however many members it has, and each assign() consumer', () => {
    const spec = sixBrokers(60, 1)
    spec.clients.push({ ...consumer('solo', 'orders', [1]) })
    spec.clients.push({ ...consumer('c0-again', 'orders', [1]), group: 'g0', members: 3 })
    const e = evaluator(spec)
    expect(e.brokers(e.baseline)[0]!.capacity.bytesOutMiBps).toBeCloseTo(20, 9)
  })
})

describe('after a failure', () => {
  it('moves a lost leadership to the next surviving replica, so survivors are not equal', () => {
    // Zone use1-az1 holds brokers 1 and 4. Partition 0 [1,2,3] moves to 2, partition 3 [4,5,6]
    // to 5: brokers 2 and 5 lead two partitions each, 3 and 6 keep one.
    const e = evaluator(sixBrokers(60, 3))
    const after = new Map(e.brokers(e.baseline, [1, 4]).map((b) => [b.id, b.capacity]))
    expect([...after.keys()]).toEqual([2, 3, 5, 6])
    const two = after.get(2)!
    expect(two.bytesInMiBps).toBeCloseTo(20, 9)
    expect(two.bytesOutMiBps).toBeCloseTo(60, 9)
    // It leads partitions 0 and 1, each with one live follower (3); follows partition 5 (led by 6).
    expect(two.replicationOutMiBps).toBeCloseTo(20, 9)
    expect(two.replicationInMiBps).toBeCloseTo(10, 9)
    expect(after.get(3)!.bytesInMiBps).toBeCloseTo(10, 9)
    const row = survivabilityMatrix(sixBrokers(60, 3)).failures.find((f) => f.name === 'use1-az1')!
    expect(row.peakBrokerUtilisation).toBeCloseTo(80 / (0.75 * GBPS_IN_MIBPS), 4)
    expect(row.overloadedBrokers).toBe(0)
  })

  it('counts brokers above their limit', () => {
    // 75 MiB/s: each survivor leading two partitions sends 75 + 25 = 100 MiB/s > 89.4.
    const row = survivabilityMatrix(sixBrokers(75, 3)).failures.find((f) => f.name === 'use1-az1')!
    expect(row.peakBrokerUtilisation!).toBeGreaterThan(1)
    expect(row.overloadedBrokers).toBe(2)
  })

  it('spreads an offline partition’s share over the topic’s partitions that keep a leader', () => {
    // RF 1: losing broker 1 takes partition 0 offline; producers move to the other five.
    const spec = buildSpec({
      brokersPerZone: 2,
      topics: [{ name: 't', partitions: 6, replicationFactor: 1 }],
      clients: [{ ...producer('p', 't'), recordsPerSecond: 60 * 1024, recordBytes: 1024 }],
    })
    spec.cluster.brokerType = 'kafka.m5.large'
    const e = evaluator(spec)
    const after = e.brokers(e.baseline, [1])
    expect(after.map((b) => b.id)).toEqual([2, 3, 4, 5, 6])
    for (const b of after) expect(b.capacity.bytesInMiBps).toBeCloseTo(12, 9)
  })
})

/** An independent, per-row recomputation of the busiest survivor. */
function naivePeak(spec: SimulationSpec, failed: number[]): { peak: number; overloaded: number } {
  const limits = capacityLimits(spec.cluster)!
  const alive = (id: number) =>
    !failed.includes(id) && spec.cluster.brokers.some((b) => b.id === id)
  const ids = spec.cluster.brokers.map((b) => b.id).sort((a, b) => a - b)
  const slot = new Map(ids.map((id, i) => [id, i]))
  const loads = emptyLoads(ids.length)
  for (const topic of spec.topics) {
    const mibps =
      spec.clients
        .filter((c) => c.kind === 'producer' && c.topic === topic.name)
        .reduce((sum, c) => sum + (c.kind === 'producer' ? c.recordsPerSecond * 1024 : 0), 0) / MIB
    const fanout = spec.clients.filter(
      (c) => c.kind === 'consumer' && c.topic === topic.name,
    ).length
    const leaders = topic.assignment.map((replicas) => {
      const preferred = replicas[0]!
      if (alive(preferred)) return preferred
      return replicas.find(alive) ?? -1
    })
    const online = leaders.filter((l) => l >= 0).length
    topic.assignment.forEach((replicas, p) => {
      const leader = leaders[p]!
      if (leader < 0 || online === 0) return
      const r = mibps / online
      const followers = replicas.filter((b) => b !== leader && alive(b))
      const at = slot.get(leader)! * LOAD_FIELDS
      loads[at]! += r
      loads[at + 1]! += r * fanout
      loads[at + 3]! += r * followers.length
      for (const f of followers) loads[slot.get(f)! * LOAD_FIELDS + 2]! += r
    })
  }
  let peak = 0
  let overloaded = 0
  ids.forEach((id, i) => {
    if (!alive(id)) return
    const u = utilisationOf(limits, loads, i)
    peak = Math.max(peak, u)
    if (u > 1) overloaded++
  })
  return { peak, overloaded }
}

const arbitrarySpec = fc
  .record({
    zoneCount: fc.integer({ min: 1, max: 3 }),
    perZone: fc.integer({ min: 1, max: 3 }),
    topics: fc.array(
      fc.record({
        partitions: fc.integer({ min: 1, max: 8 }),
        rf: fc.integer({ min: 1, max: 3 }),
        seeds: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
        mibps: fc.integer({ min: 0, max: 120 }),
        consumers: fc.nat(3),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    type: fc.constantFrom('kafka.m5.large', 'kafka.m7g.4xlarge', 'express.m7g.large' as const),
  })
  .map(({ zoneCount, perZone, topics, type }) => {
    const zones = ['az-a', 'az-b', 'az-c'].slice(0, zoneCount)
    const brokerCount = zoneCount * perZone
    const spec = buildSpec({
      zones,
      brokersPerZone: perZone,
      // Unclean election on: a partition with any surviving replica has a leader (the naive
      // oracle's rule), so the share movement is exercised without the ISR rules.
      config: { 'unclean.leader.election.enable': true },
      topics: topics.map((t, i) => ({
        name: `t${i}`,
        partitions: t.partitions,
        replicationFactor: Math.min(t.rf, brokerCount),
        assignment: Array.from({ length: t.partitions }, (_, p) => {
          const seed = t.seeds[p]!
          const ids = Array.from({ length: brokerCount }, (_, k) => k + 1)
          const rotated = [...ids.slice(seed % brokerCount), ...ids.slice(0, seed % brokerCount)]
          return (seed % 2 === 0 ? rotated : rotated.reverse()).slice(
            0,
            Math.min(t.rf, brokerCount),
          )
        }),
      })),
      clients: topics.flatMap((t, i) => [
        { ...producer(`p${i}`, `t${i}`), recordsPerSecond: t.mibps * 1024 },
        ...Array.from({ length: t.consumers }, (_, c) => consumer(`c${i}-${c}`, `t${i}`, [1])),
      ]),
    })
    spec.cluster.brokerType = type
    return spec
  })

describe('matrix capacity properties', () => {
  test.prop([arbitrarySpec])('matches a naive per-row recomputation', (spec) => {
    for (const row of survivabilityMatrix(spec).failures) {
      const expected = naivePeak(spec, row.brokers)
      expect(row.peakBrokerUtilisation).toBeCloseTo(expected.peak, 3)
      expect(row.overloadedBrokers).toBe(expected.overloaded)
    }
  })
})
