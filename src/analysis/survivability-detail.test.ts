/**
 * The drill-down behind the matrix's counts, in Kafka's terms: with RF 3, min.insync.replicas 2
 * and two replicas of a partition in one zone, losing that zone leaves the partition's ISR at 1
 * < 2, so acks=all writes fail (unwritable) on exactly those partitions; with RF 2 in two zones,
 * losing a zone leaves one copy. Properties: for every row of random layouts the detail's
 * partitions add up to the row's counts, and the topic roll-up counts a case for a topic exactly
 * when that row's detail lists an offline or unwritable partition of it.
 */
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { failureDetail, survivorLoads, topicRollup } from './survivability-detail'
import { survivabilityMatrix } from './survivability'
import { buildSpec, producer } from './test-helpers'
import { arbitrarySpec } from './arbitraries'

// Brokers 1, 4 in use1-az1; 2, 5 in use1-az2; 3, 6 in use1-az3 (test-helpers deal them in turn).
const sharedZone = buildSpec({
  brokersPerZone: 2,
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      // orders-0 has two replicas in use1-az1 (brokers 1 and 4); the others are one per zone.
      assignment: [
        [1, 4, 2],
        [2, 3, 1],
        [3, 1, 2],
      ],
    },
    {
      name: 'audit',
      partitions: 2,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2 },
      assignment: [
        [2, 3, 4],
        [3, 4, 5],
      ],
    },
  ],
})

describe('failureDetail', () => {
  it('names the partition whose ISR falls below min.insync.replicas when its shared zone fails', () => {
    const detail = failureDetail(sharedZone, [1, 4])
    expect(detail.partitions).toEqual([
      {
        topic: 'orders',
        partition: 0,
        offline: false,
        unwritable: true,
        singleCopy: true,
        uncleanRequired: false,
      },
    ])
    expect(detail.topics).toEqual([
      {
        topic: 'orders',
        partitions: 3,
        offline: 0,
        unwritable: 1,
        singleCopy: 1,
        uncleanRequired: 0,
      },
    ])
  })

  it('lists every partition that loses all its replicas as offline', () => {
    const detail = failureDetail(sharedZone, [2, 3, 4])
    const offline = detail.partitions
      .filter((p) => p.offline)
      .map((p) => `${p.topic}-${p.partition}`)
    expect(offline).toEqual(['audit-0'])
  })

  test.prop([arbitrarySpec])('adds up to the matrix row counts on every row', (spec) => {
    for (const row of survivabilityMatrix(spec).failures) {
      const { partitions } = failureDetail(spec, row.brokers)
      expect(partitions.filter((p) => p.offline).length).toBe(row.offlinePartitions)
      expect(partitions.filter((p) => p.unwritable).length).toBe(row.unwritablePartitions)
      expect(partitions.filter((p) => p.singleCopy).length).toBe(row.singleCopyPartitions)
      expect(partitions.filter((p) => p.uncleanRequired).length).toBe(row.uncleanElectionRequired)
    }
  })
})

describe('topicRollup', () => {
  it('counts, per topic, the zone losses that make it unwritable, with its worst case', () => {
    const rollup = topicRollup(sharedZone, survivabilityMatrix(sharedZone).failures)
    const orders = rollup.find((r) => r.topic === 'orders')!
    expect(orders.byKind.zone).toEqual({
      cases: 3,
      offlineCases: 0,
      unwritableCases: 1,
      uncleanCases: 0,
      worst: { name: 'use1-az1', offline: 0, unwritable: 1 },
    })
    expect(orders.byKind.broker.unwritableCases).toBe(0)
    const audit = rollup.find((r) => r.topic === 'audit')!
    expect(audit.byKind.zone.unwritableCases).toBe(0)
  })

  test.prop([arbitrarySpec])('agrees with each row’s detail', (spec) => {
    const failures = survivabilityMatrix(spec).failures
    const rollup = topicRollup(spec, failures)
    for (const [t, topic] of spec.topics.entries()) {
      const entry = rollup[t]!
      for (const kind of ['broker', 'zone', 'brokers', 'zone+broker'] as const) {
        const rows = failures.filter((f) => f.kind === kind)
        const details = rows.map((f) =>
          failureDetail(spec, f.brokers).partitions.filter((p) => p.topic === topic.name),
        )
        expect(entry.byKind[kind].cases).toBe(rows.length)
        expect(entry.byKind[kind].offlineCases).toBe(
          details.filter((d) => d.some((p) => p.offline)).length,
        )
        expect(entry.byKind[kind].unwritableCases).toBe(
          details.filter((d) => d.some((p) => p.unwritable)).length,
        )
        expect(entry.byKind[kind].uncleanCases).toBe(
          details.filter((d) => d.some((p) => p.uncleanRequired)).length,
        )
      }
    }
  })
})

describe('survivorLoads', () => {
  // 3 zones × 2 brokers on kafka.m5.large, 60 MiB/s of produce to orders at RF 3.
  const base = buildSpec({
    brokersPerZone: 2,
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
    clients: [{ ...producer('p', 'orders'), recordsPerSecond: 60 * 1024, recordBytes: 1024 }],
  })
  const spec = { ...base, cluster: { ...base.cluster, brokerType: 'kafka.m5.large' as const } }

  it('gives the busiest survivor and the overloaded count behind every matrix row', () => {
    for (const row of survivabilityMatrix(spec).failures) {
      const loads = survivorLoads(spec, row.brokers)!
      expect(loads.map((l) => l.id).sort()).toEqual(
        spec.cluster.brokers
          .map((b) => b.id)
          .filter((id) => !row.brokers.includes(id))
          .sort(),
      )
      expect(loads[0]?.utilisation ?? 0).toBeCloseTo(row.peakBrokerUtilisation ?? 0, 3)
      expect(loads.filter((l) => l.utilisation > 1).length).toBe(row.overloadedBrokers)
      expect(loads[0]?.boundLabel).toBeTruthy()
    }
  })

  it('is null without a broker type', () => {
    expect(survivorLoads(base, [1])).toBeNull()
  })
})
