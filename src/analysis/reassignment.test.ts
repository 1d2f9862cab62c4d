/**
 * Checks the zone-aware reassignment: replicas land in distinct zones (or spread evenly when RF
 * exceeds the zones), preferred leaders balance, well-placed partitions do not move, and the
 * kafka-reassign-partitions JSON has Kafka's shape. Specs are hand-built; a fast-check property
 * covers random layouts.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import { reassignmentJson, zoneAwareReassignment } from './reassignment'
import { buildSpec, recommendedSpec } from './test-helpers'

function zoneCounts(spec: SimulationSpec, replicas: number[]): number[] {
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  return spec.cluster.zones.map((z) => replicas.filter((r) => zoneOf.get(r) === z).length)
}

function crowdedSpec(partitions: number): SimulationSpec {
  // Every partition starts on brokers 1, 4 and 7, all in use1-az1.
  return buildSpec({
    brokersPerZone: 3,
    topics: [
      {
        name: 'orders',
        partitions,
        replicationFactor: 3,
        assignment: Array.from({ length: partitions }, () => [1, 4, 7]),
      },
    ],
  })
}

describe('zoneAwareReassignment', () => {
  it('puts the replicas of each partition in distinct zones', () => {
    const spec = crowdedSpec(9)
    for (const replicas of zoneAwareReassignment(spec, 'orders')) {
      expect(zoneCounts(spec, replicas)).toEqual([1, 1, 1])
      expect(new Set(replicas).size).toBe(3)
    }
  })

  it('balances preferred leaders and replicas over the brokers', () => {
    const spec = crowdedSpec(9)
    const assignment = zoneAwareReassignment(spec, 'orders')
    const leaders = new Map<number, number>()
    const replicas = new Map<number, number>()
    for (const r of assignment) {
      leaders.set(r[0]!, (leaders.get(r[0]!) ?? 0) + 1)
      for (const id of r) replicas.set(id, (replicas.get(id) ?? 0) + 1)
    }
    expect([...leaders.values()]).toEqual(Array<number>(9).fill(1))
    expect([...replicas.values()]).toEqual(Array<number>(9).fill(3))
  })

  it('leaves a well-placed assignment unchanged', () => {
    const spec = recommendedSpec()
    expect(zoneAwareReassignment(spec, 'orders')).toEqual(spec.topics[0]!.assignment)
  })

  it('keeps the existing replica when raising RF 1 to 3', () => {
    const spec = buildSpec({ topics: [{ name: 'logs', partitions: 3, replicationFactor: 1 }] })
    const assignment = zoneAwareReassignment(spec, 'logs', 3)
    assignment.forEach((replicas, p) => {
      expect(replicas).toContain(spec.topics[0]!.assignment[p]![0])
      expect(zoneCounts(spec, replicas)).toEqual([1, 1, 1])
    })
  })

  it('splits RF 3 over 2 zones as 2 + 1', () => {
    const spec = buildSpec({
      zones: ['use1-az1', 'use1-az2'],
      brokersPerZone: 2,
      topics: [{ name: 't', partitions: 4, replicationFactor: 3 }],
    })
    for (const replicas of zoneAwareReassignment(spec, 't')) {
      expect([...zoneCounts(spec, replicas)].sort()).toEqual([1, 2])
    }
  })

  it('rejects an unknown topic and a replication factor above the broker count', () => {
    const spec = recommendedSpec()
    expect(() => zoneAwareReassignment(spec, 'nope')).toThrow(/Unknown topic/)
    expect(() => zoneAwareReassignment(spec, 'orders', 7)).toThrow(RangeError)
  })

  test.prop([
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 5 }),
    fc.array(fc.nat(100), { minLength: 1, maxLength: 8 }),
  ])('spreads replicas as evenly as the zones allow', (zoneCount, perZone, rfWanted, seeds) => {
    const zones = ['a', 'b', 'c'].slice(0, zoneCount)
    const brokerCount = zoneCount * perZone
    const rf = Math.min(rfWanted, brokerCount)
    const spec = buildSpec({
      zones,
      brokersPerZone: perZone,
      topics: [
        {
          name: 't',
          partitions: seeds.length,
          replicationFactor: rf,
          assignment: seeds.map((s) =>
            Array.from({ length: rf }, (_, j) => ((s + j * (1 + (s % 3))) % brokerCount) + 1),
          ),
        },
      ],
    })
    for (const replicas of zoneAwareReassignment(spec, 't')) {
      expect(new Set(replicas).size).toBe(rf)
      const counts = zoneCounts(spec, replicas)
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
    }
  })
})

describe('reassignmentJson', () => {
  it("produces kafka-reassign-partitions' JSON for every partition", () => {
    const json = reassignmentJson(crowdedSpec(2))
    const parsed = JSON.parse(json) as {
      version: number
      partitions: { topic: string; partition: number; replicas: number[]; log_dirs: string[] }[]
    }
    expect(parsed.version).toBe(1)
    expect(parsed.partitions.map((p) => [p.topic, p.partition])).toEqual([
      ['orders', 0],
      ['orders', 1],
    ])
    for (const p of parsed.partitions) {
      expect(Object.keys(p)).toEqual(['topic', 'partition', 'replicas', 'log_dirs'])
      expect(p.log_dirs).toEqual(['any', 'any', 'any'])
    }
    expect(json.startsWith('{"version":1,"partitions":[{"topic":"orders","partition":0,')).toBe(
      true,
    )
  })

  it('limits the plan to the named topics', () => {
    const spec = buildSpec({
      topics: [
        { name: 'a', partitions: 1, replicationFactor: 3 },
        { name: 'b', partitions: 2, replicationFactor: 3 },
      ],
    })
    const parsed = JSON.parse(reassignmentJson(spec, ['b'])) as { partitions: { topic: string }[] }
    expect(parsed.partitions.map((p) => p.topic)).toEqual(['b', 'b'])
    expect(() => reassignmentJson(spec, ['zzz'])).toThrow(/Unknown topic/)
  })
})
