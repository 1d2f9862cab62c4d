/**
 * Checks replica assignment against Kafka's own tests, restated: the exact maps of
 * AdminTest.testReplicaAssignment (rack-unaware) and
 * AdminRackAwareTest.testGetRackAlternatedBrokerListAndAssignReplicasToBrokers (rack-aware), and
 * the distribution checks of AdminRackAwareTest via a port of RackAwareTest's
 * checkReplicaDistribution. Cases that Kafka runs with a random start are run here over many PRNG
 * seeds. A fast-check property covers random broker sets with racks.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nextInt, nextUint32, prngFromSeed } from '../prng'
import { assignReplicasToBrokers, getRackAlternatedBrokerList } from './assignment'

type RackMap = Record<number, string>

/** RackAwareTest.toBrokerMetadata: brokers sorted by id, each with its rack. */
function toBrokerMetadata(rackMap: RackMap): { id: number; rack: string }[] {
  return Object.entries(rackMap)
    .map(([id, rack]) => ({ id: Number(id), rack }))
    .sort((a, b) => a.id - b.id)
}

function rackOf(rackMap: RackMap, broker: number): string {
  const rack = rackMap[broker]
  if (rack === undefined) throw new Error(`no rack for broker ${broker}`)
  return rack
}

function countBy(values: number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

/** A port of RackAwareTest.checkReplicaDistribution. */
function checkReplicaDistribution(
  assignment: Map<number, number[]>,
  rackMap: RackMap,
  numBrokers: number,
  numPartitions: number,
  replicationFactor: number,
  verify: { rackAware?: boolean; leaders?: boolean; replicas?: boolean } = {},
): void {
  const { rackAware = true, leaders = true, replicas = true } = verify
  expect(assignment.size).toBe(numPartitions)
  for (const brokers of assignment.values()) {
    expect(new Set(brokers).size, 'one replica per broker per partition').toBe(brokers.length)
    expect(brokers.length).toBe(replicationFactor)
  }
  if (rackAware) {
    for (const brokers of assignment.values()) {
      const racks = new Set(brokers.map((b) => rackOf(rackMap, b)))
      expect(racks.size, 'replicas of a partition on distinct racks').toBe(replicationFactor)
    }
  }
  if (leaders) {
    const leaderCount = countBy([...assignment.values()].map((brokers) => brokers[0] as number))
    expect(leaderCount.size, 'every broker leads').toBe(numBrokers)
    for (const count of leaderCount.values()) expect(count).toBe(numPartitions / numBrokers)
  }
  if (replicas) {
    const replicaCount = countBy([...assignment.values()].flat())
    expect(replicaCount.size).toBe(numBrokers)
    for (const count of replicaCount.values()) {
      expect(count).toBe((numPartitions * replicationFactor) / numBrokers)
    }
  }
}

const SEEDS = Array.from({ length: 25 }, (_, i) => i)

describe('getRackAlternatedBrokerList', () => {
  const rackMap: RackMap = {
    0: 'rack1',
    1: 'rack3',
    2: 'rack3',
    3: 'rack2',
    4: 'rack2',
    5: 'rack1',
  }

  it('alternates racks in name order, brokers by id (AdminRackAwareTest)', () => {
    expect(getRackAlternatedBrokerList(toBrokerMetadata(rackMap))).toEqual([0, 3, 1, 5, 4, 2])
  })

  it('skips a rack once it runs out of brokers (AdminRackAwareTest, without broker 5)', () => {
    const without5 = toBrokerMetadata(rackMap).filter((b) => b.id !== 5)
    expect(getRackAlternatedBrokerList(without5)).toEqual([0, 3, 1, 4, 2])
  })

  it('does not depend on the input order (the AdminUtils Javadoc example)', () => {
    const brokers = [8, 0, 4, 6, 2, 7, 1, 5, 3].map((id) => ({
      id,
      rack: ['rack1', 'rack2', 'rack3'][Math.floor(id / 3)] as string,
    }))
    expect(getRackAlternatedBrokerList(brokers)).toEqual([0, 3, 6, 1, 4, 7, 2, 5, 8])
  })
})

describe('assignReplicasToBrokers: rack-unaware', () => {
  const fiveBrokers = [0, 1, 2, 3, 4].map((id) => ({ id }))

  it('AdminTest.testReplicaAssignment: 5 brokers, 10 partitions, RF 3, fixed start 0', () => {
    const expected = new Map([
      [0, [0, 1, 2]],
      [1, [1, 2, 3]],
      [2, [2, 3, 4]],
      [3, [3, 4, 0]],
      [4, [4, 0, 1]],
      [5, [0, 2, 3]],
      [6, [1, 3, 4]],
      [7, [2, 4, 0]],
      [8, [3, 0, 1]],
      [9, [4, 1, 2]],
    ])
    expect(assignReplicasToBrokers(fiveBrokers, 10, 3, 0)).toEqual(expected)
  })

  it('treats rack: null like no rack', () => {
    const nullRacks = fiveBrokers.map((b) => ({ ...b, rack: null }))
    expect(assignReplicasToBrokers(nullRacks, 10, 3, 0)).toEqual(
      assignReplicasToBrokers(fiveBrokers, 10, 3, 0),
    )
  })

  it('uses the brokers in the order given', () => {
    const reversed = [4, 3, 2, 1, 0].map((id) => ({ id }))
    expect(assignReplicasToBrokers(reversed, 2, 2, 0)).toEqual(
      new Map([
        [0, [4, 3]],
        [1, [3, 2]],
      ]),
    )
  })

  it('numbers partitions from startPartitionId', () => {
    const assignment = assignReplicasToBrokers(fiveBrokers, 3, 2, 0, 7)
    expect([...assignment.keys()]).toEqual([7, 8, 9])
    // Partition 7 leads on broker (7 + 0) % 5 = 2.
    expect(assignment.get(7)?.[0]).toBe(2)
  })

  it('draws the start index, then an independent follower shift, from the PRNG', () => {
    for (const seed of SEEDS) {
      const expectedDraws = prngFromSeed(seed)
      const startIndex = nextInt(expectedDraws, 5)
      const shift = nextInt(expectedDraws, 5)
      const random = prngFromSeed(seed)
      const assignment = assignReplicasToBrokers(fiveBrokers, 1, 2, -1, -1, random)
      expect(assignment.get(0)).toEqual([startIndex, (startIndex + 1 + (shift % 4)) % 5])
      // Exactly two draws were made.
      expect(nextUint32(random)).toBe(nextUint32(expectedDraws))
    }
  })

  it('makes no draw when fixedStartIndex is set', () => {
    const random = prngFromSeed(3)
    assignReplicasToBrokers(fiveBrokers, 4, 3, 1, -1, random)
    expect(random).toEqual(prngFromSeed(3))
  })

  it('defaults to prngFromSeed(0) and is deterministic', () => {
    expect(assignReplicasToBrokers(fiveBrokers, 10, 3)).toEqual(
      assignReplicasToBrokers(fiveBrokers, 10, 3, -1, -1, prngFromSeed(0)),
    )
  })

  it('spreads leaders and replicas evenly for every random start', () => {
    for (const seed of SEEDS) {
      const assignment = assignReplicasToBrokers(fiveBrokers, 10, 3, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, {}, 5, 10, 3, { rackAware: false })
    }
  })
})

describe('assignReplicasToBrokers: errors', () => {
  const fiveBrokers = [0, 1, 2, 3, 4].map((id) => ({ id }))
  const cases = [
    {
      name: '0 partitions',
      brokers: fiveBrokers,
      n: 0,
      rf: 1,
      error: /^InvalidPartitionsException: /,
    },
    {
      name: '-1 partitions',
      brokers: fiveBrokers,
      n: -1,
      rf: 1,
      error: /^InvalidPartitionsException: /,
    },
    {
      name: 'replication factor 0',
      brokers: fiveBrokers,
      n: 10,
      rf: 0,
      error: /^InvalidReplicationFactorException: Replication factor must be larger than 0\.$/,
    },
    {
      name: 'replication factor above the broker count',
      brokers: fiveBrokers,
      n: 10,
      rf: 6,
      error:
        /^InvalidReplicationFactorException: Replication factor: 6 larger than available brokers: 5\.$/,
    },
    {
      name: 'some but not all brokers have a rack',
      brokers: [{ id: 0, rack: 'a' }, { id: 1 }, { id: 2, rack: null }],
      n: 3,
      rf: 2,
      error: /^AdminOperationException: Not all brokers have rack information/,
    },
  ]
  it.each(cases)('throws for $name', ({ brokers, n, rf, error }) => {
    expect(() => assignReplicasToBrokers(brokers, n, rf, 0)).toThrow(error)
  })
})

describe('assignReplicasToBrokers: rack-aware (AdminRackAwareTest)', () => {
  const sixBrokersThreeRacks: RackMap = {
    0: 'rack1',
    1: 'rack2',
    2: 'rack2',
    3: 'rack3',
    4: 'rack3',
    5: 'rack1',
  }

  it('testGetRackAlternatedBrokerListAndAssignReplicasToBrokers: the exact map', () => {
    const rackMap: RackMap = {
      0: 'rack1',
      1: 'rack3',
      2: 'rack3',
      3: 'rack2',
      4: 'rack2',
      5: 'rack1',
    }
    const expected = new Map([
      [0, [0, 3, 1]],
      [1, [3, 1, 5]],
      [2, [1, 5, 4]],
      [3, [5, 4, 2]],
      [4, [4, 2, 0]],
      [5, [2, 0, 3]],
      // The second round shifts the followers: 0, 4, 2 rather than 0, 3, 1 again.
      [6, [0, 4, 2]],
    ])
    expect(assignReplicasToBrokers(toBrokerMetadata(rackMap), 7, 3, 0, 0)).toEqual(expected)
  })

  it('testAssignmentWithRackAware: fixed start 2', () => {
    const assignment = assignReplicasToBrokers(toBrokerMetadata(sixBrokersThreeRacks), 6, 3, 2, 0)
    checkReplicaDistribution(assignment, sixBrokersThreeRacks, 6, 6, 3)
  })

  it('testAssignmentWithRackAwareWithRandomStartIndex', () => {
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(sixBrokersThreeRacks)
      const assignment = assignReplicasToBrokers(brokers, 6, 3, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, sixBrokersThreeRacks, 6, 6, 3)
    }
  })

  it('testAssignmentWithRackAwareWithUnevenReplicas: 13 partitions, racks still distinct', () => {
    const assignment = assignReplicasToBrokers(toBrokerMetadata(sixBrokersThreeRacks), 13, 3, 0, 0)
    checkReplicaDistribution(assignment, sixBrokersThreeRacks, 6, 13, 3, {
      leaders: false,
      replicas: false,
    })
  })

  it('testAssignmentWithRackAwareWithUnevenRacks: racks of 3, 1 and 2 brokers', () => {
    const unevenRacks: RackMap = {
      0: 'rack1',
      1: 'rack1',
      2: 'rack2',
      3: 'rack3',
      4: 'rack3',
      5: 'rack1',
    }
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(unevenRacks)
      const assignment = assignReplicasToBrokers(brokers, 12, 3, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, unevenRacks, 6, 12, 3, { replicas: false })
    }
  })

  it('testAssignmentWith2ReplicasRackAware: 12 partitions, RF 2', () => {
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(sixBrokersThreeRacks)
      const assignment = assignReplicasToBrokers(brokers, 12, 2, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, sixBrokersThreeRacks, 6, 12, 2)
    }
  })

  it('testRackAwareExpansion: partitions 12..23 on brokers 6..11', () => {
    const rackMap: RackMap = {
      6: 'rack1',
      7: 'rack2',
      8: 'rack2',
      9: 'rack3',
      10: 'rack3',
      11: 'rack1',
    }
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(rackMap)
      const assignment = assignReplicasToBrokers(brokers, 12, 2, -1, 12, prngFromSeed(seed))
      expect([...assignment.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i))
      checkReplicaDistribution(assignment, rackMap, 6, 12, 2)
    }
  })

  it('testAssignmentWith2ReplicasRackAwareWith6Partitions', () => {
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(sixBrokersThreeRacks)
      const assignment = assignReplicasToBrokers(brokers, 6, 2, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, sixBrokersThreeRacks, 6, 6, 2)
    }
  })

  it('testAssignmentWith2ReplicasRackAwareWith6PartitionsAnd3Brokers', () => {
    const rackMap: RackMap = { 0: 'rack1', 1: 'rack2', 4: 'rack3' }
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(rackMap)
      const assignment = assignReplicasToBrokers(brokers, 3, 2, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, rackMap, 3, 3, 2)
    }
  })

  it('testLargeNumberPartitionsAssignment: 96 partitions on 12 brokers', () => {
    const rackMap: RackMap = {
      0: 'rack1',
      1: 'rack2',
      2: 'rack2',
      3: 'rack3',
      4: 'rack3',
      5: 'rack1',
      6: 'rack1',
      7: 'rack2',
      8: 'rack2',
      9: 'rack3',
      10: 'rack1',
      11: 'rack3',
    }
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(rackMap)
      const assignment = assignReplicasToBrokers(brokers, 96, 3, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, rackMap, 12, 96, 3)
    }
  })

  const twoOfRack2: RackMap = {
    0: 'rack1',
    1: 'rack2',
    2: 'rack2',
    3: 'rack3',
    4: 'rack3',
    5: 'rack2',
  }

  it('testMoreReplicasThanRacks: RF 5 on 3 racks covers all 3 racks', () => {
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(twoOfRack2)
      const assignment = assignReplicasToBrokers(brokers, 6, 5, -1, -1, prngFromSeed(seed))
      for (const replicas of assignment.values()) {
        expect(replicas).toHaveLength(5)
        expect(new Set(replicas.map((b) => rackOf(twoOfRack2, b))).size).toBe(3)
      }
    }
  })

  it('testLessReplicasThanRacks: RF 2 on 3 racks uses 2 racks', () => {
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(twoOfRack2)
      const assignment = assignReplicasToBrokers(brokers, 6, 2, -1, -1, prngFromSeed(seed))
      for (const replicas of assignment.values()) {
        expect(replicas).toHaveLength(2)
        expect(new Set(replicas.map((b) => rackOf(twoOfRack2, b))).size).toBe(2)
      }
    }
  })

  it('testSingleRack: one rack, every broker leads once', () => {
    const oneRack: RackMap = {
      0: 'rack1',
      1: 'rack1',
      2: 'rack1',
      3: 'rack1',
      4: 'rack1',
      5: 'rack1',
    }
    for (const seed of SEEDS) {
      const brokers = toBrokerMetadata(oneRack)
      const assignment = assignReplicasToBrokers(brokers, 6, 3, -1, -1, prngFromSeed(seed))
      checkReplicaDistribution(assignment, oneRack, 6, 6, 3, { rackAware: false, replicas: false })
      for (const replicas of assignment.values()) {
        expect(new Set(replicas.map((b) => rackOf(oneRack, b))).size).toBe(1)
      }
    }
  })

  it('testSkipBrokerWithReplicaAlreadyAssigned: RF 4 over racks a, b, c, a, a', () => {
    const rackInfo: RackMap = { 0: 'a', 1: 'b', 2: 'c', 3: 'a', 4: 'a' }
    const assignment = assignReplicasToBrokers(toBrokerMetadata(rackInfo), 6, 4, 2)
    checkReplicaDistribution(assignment, rackInfo, 5, 6, 4, {
      rackAware: false,
      leaders: false,
      replicas: false,
    })
  })
})

describe('assignReplicasToBrokers: properties', () => {
  const racked = fc
    .record({
      ids: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
      rackPicks: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }),
      nPartitions: fc.integer({ min: 1, max: 40 }),
      rfSeed: fc.nat(),
      fixedStartIndex: fc.integer({ min: -1, max: 15 }),
      startPartitionId: fc.integer({ min: -1, max: 30 }),
      seed: fc.integer(),
    })
    .map((c) => ({
      ...c,
      brokers: c.ids.map((id, i) => ({ id, rack: `rack-${c.rackPicks[i] ?? 0}` })),
      replicationFactor: 1 + (c.rfSeed % c.ids.length),
    }))

  it('gives every partition rf distinct brokers spanning min(rf, #racks) racks', () => {
    fc.assert(
      fc.property(racked, (c) => {
        const rackById = new Map(c.brokers.map((b) => [b.id, b.rack]))
        const numRacks = new Set(rackById.values()).size
        const assignment = assignReplicasToBrokers(
          c.brokers,
          c.nPartitions,
          c.replicationFactor,
          c.fixedStartIndex,
          c.startPartitionId,
          prngFromSeed(c.seed),
        )
        const first = Math.max(0, c.startPartitionId)
        expect([...assignment.keys()]).toEqual(
          Array.from({ length: c.nPartitions }, (_, i) => first + i),
        )
        for (const replicas of assignment.values()) {
          expect(replicas).toHaveLength(c.replicationFactor)
          expect(new Set(replicas).size).toBe(c.replicationFactor)
          for (const b of replicas) expect(rackById.has(b)).toBe(true)
          const racks = new Set(replicas.map((b) => rackById.get(b)))
          expect(racks.size).toBe(Math.min(c.replicationFactor, numRacks))
        }
        // Leaders go round-robin, so no broker leads more than one partition more than another.
        const leaders = countBy([...assignment.values()].map((r) => r[0] as number))
        const most = Math.max(...leaders.values())
        const least = leaders.size < c.brokers.length ? 0 : Math.min(...leaders.values())
        expect(most - least).toBeLessThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
  })

  it('without racks, gives every partition rf distinct brokers', () => {
    fc.assert(
      fc.property(racked, (c) => {
        const brokers = c.brokers.map((b) => ({ id: b.id }))
        const assignment = assignReplicasToBrokers(
          brokers,
          c.nPartitions,
          c.replicationFactor,
          c.fixedStartIndex,
          c.startPartitionId,
          prngFromSeed(c.seed),
        )
        expect(assignment.size).toBe(c.nPartitions)
        for (const replicas of assignment.values()) {
          expect(new Set(replicas).size).toBe(c.replicationFactor)
        }
      }),
      { numRuns: 300 },
    )
  })
})
