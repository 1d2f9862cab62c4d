/**
 * Replica assignment for new topics and partitions: Kafka's `AdminUtils.assignReplicasToBrokers`
 * (server-common/src/main/java/org/apache/kafka/admin/AdminUtils.java since 3.6, previously
 * core/src/main/scala/kafka/admin/AdminUtils.scala; docs/kafka-rules.md §3.1). The ZooKeeper
 * controller uses it to create topics; under KRaft only `kafka-reassign-partitions --generate`
 * does.
 *
 * The only difference from Kafka is the source of randomness: Kafka draws from a static
 * `java.util.Random`, we draw from the engine's seeded PRNG, so the same seed gives the same
 * assignment.
 */
import { nextInt, prngFromSeed } from '../prng'
import type { PrngState } from '../prng'

export interface BrokerWithRack {
  id: number
  rack: string
}

export interface BrokerMetadata {
  id: number
  /** `broker.rack`; `null` or absent when the broker has none. */
  rack?: string | null
}

/**
 * `AdminUtils.getRackAlternatedBrokerList`: brokers ordered so that consecutive entries sit in
 * different racks. Racks are taken in name order and brokers by id within a rack; the list then
 * takes one broker from each rack in turn, skipping racks that have run out.
 *
 * @example
 * getRackAlternatedBrokerList([
 *   { id: 0, rack: 'rack1' }, { id: 1, rack: 'rack3' }, { id: 2, rack: 'rack3' },
 *   { id: 3, rack: 'rack2' }, { id: 4, rack: 'rack2' }, { id: 5, rack: 'rack1' },
 * ]) // [0, 3, 1, 5, 4, 2]
 */
export function getRackAlternatedBrokerList(brokers: BrokerWithRack[]): number[] {
  // Kafka builds the inverse map from a `Map<Integer, String>`, so a repeated id counts once.
  const rackById = new Map<number, string>()
  for (const broker of brokers) rackById.set(broker.id, broker.rack)

  const brokersByRack = new Map<string, number[]>()
  for (const [id, rack] of rackById) {
    const list = brokersByRack.get(rack) ?? []
    list.push(id)
    brokersByRack.set(rack, list)
  }
  for (const list of brokersByRack.values()) list.sort((a, b) => a - b)
  // Java's `Arrays.sort(String[])` compares UTF-16 code units, as `<` does on JS strings.
  const racks = [...brokersByRack.keys()].sort(compareStrings)

  const result: number[] = []
  for (let round = 0; result.length < rackById.size; round++) {
    for (const rack of racks) {
      const id = brokersByRack.get(rack)?.[round]
      if (id !== undefined) result.push(id)
    }
  }
  return result
}

/**
 * `AdminUtils.assignReplicasToBrokers`: maps each new partition id to its replica list, the first
 * replica being the preferred leader.
 *
 * - Leaders go round-robin over the broker list from a start index, so they spread evenly.
 * - Followers follow the leader at a shift that grows by one each time the partition id wraps
 *   around the broker count, so a broker's followers are spread over the other brokers.
 * - If every broker has a rack, the list is rack-alternated first, and each further replica
 *   prefers a rack without a replica yet, until every rack has one.
 *
 * `fixedStartIndex` (default -1) fixes both the start index and the initial shift; when it is
 * negative, Kafka draws each of them independently at random, here with `nextInt(random, n)`
 * (which advances `random` in place). `startPartitionId` (default -1, meaning 0) is the first
 * partition id, used when adding partitions to a topic.
 *
 * @throws Error `InvalidPartitionsException: ...` if `nPartitions <= 0`;
 *   `InvalidReplicationFactorException: ...` if `replicationFactor <= 0` or exceeds the broker
 *   count; `AdminOperationException: ...` if some brokers have a rack and others do not.
 *
 * @example
 * assignReplicasToBrokers([0, 1, 2, 3, 4].map((id) => ({ id })), 10, 3, 0)
 * // Map { 0 => [0, 1, 2], 1 => [1, 2, 3], ..., 5 => [0, 2, 3], ..., 9 => [4, 1, 2] }
 */
export function assignReplicasToBrokers(
  brokers: BrokerMetadata[],
  nPartitions: number,
  replicationFactor: number,
  fixedStartIndex = -1,
  startPartitionId = -1,
  random?: PrngState,
): Map<number, number[]> {
  if (nPartitions <= 0) {
    throw new Error('InvalidPartitionsException: Number of partitions must be larger than 0.')
  }
  if (replicationFactor <= 0) {
    throw new Error('InvalidReplicationFactorException: Replication factor must be larger than 0.')
  }
  if (replicationFactor > brokers.length) {
    throw new Error(
      `InvalidReplicationFactorException: Replication factor: ${replicationFactor} larger than ` +
        `available brokers: ${brokers.length}.`,
    )
  }
  const spread = { fixedStartIndex, startPartitionId, random: random ?? prngFromSeed(0) }
  const racked = brokers.filter((b) => b.rack != null)
  if (racked.length === 0) {
    return assignRackUnaware(
      brokers.map((b) => b.id),
      nPartitions,
      replicationFactor,
      spread,
    )
  }
  if (racked.length < brokers.length) {
    throw new Error(
      'AdminOperationException: Not all brokers have rack information for replica rack aware ' +
        'assignment.',
    )
  }
  const withRacks = brokers.map((b) => ({ id: b.id, rack: b.rack as string }))
  return assignRackAware(withRacks, nPartitions, replicationFactor, spread)
}

interface Spread {
  fixedStartIndex: number
  startPartitionId: number
  random: PrngState
}

/**
 * The start index and the initial follower shift: both equal `fixedStartIndex` when it is set,
 * otherwise two independent draws, start index first, as in Kafka.
 */
function startingPoint(spread: Spread, brokerCount: number): { startIndex: number; shift: number } {
  if (spread.fixedStartIndex >= 0) {
    return { startIndex: spread.fixedStartIndex, shift: spread.fixedStartIndex }
  }
  const startIndex = nextInt(spread.random, brokerCount)
  const shift = nextInt(spread.random, brokerCount)
  return { startIndex, shift }
}

/** `AdminUtils.assignReplicasToBrokersRackUnaware`, over the brokers in the order given. */
function assignRackUnaware(
  brokerIds: number[],
  nPartitions: number,
  replicationFactor: number,
  spread: Spread,
): Map<number, number[]> {
  const n = brokerIds.length
  const result = new Map<number, number[]>()
  const { startIndex, shift: initialShift } = startingPoint(spread, n)
  let nextReplicaShift = initialShift
  let partitionId = Math.max(0, spread.startPartitionId)
  for (let i = 0; i < nPartitions; i++) {
    // Each time the partition ids wrap around the brokers, followers shift one broker further.
    if (partitionId > 0 && partitionId % n === 0) nextReplicaShift += 1
    const firstReplicaIndex = (partitionId + startIndex) % n
    const replicas = [at(brokerIds, firstReplicaIndex)]
    for (let j = 0; j < replicationFactor - 1; j++) {
      replicas.push(at(brokerIds, replicaIndex(firstReplicaIndex, nextReplicaShift, j, n)))
    }
    result.set(partitionId, replicas)
    partitionId += 1
  }
  return result
}

/**
 * `AdminUtils.assignReplicasToBrokersRackAware`. The leader is chosen as in the rack-unaware case,
 * over the rack-alternated list. Each follower is the next broker along the shifted sequence that
 * is on a rack without a replica (unless every rack has one) and has no replica itself (unless
 * every broker has one).
 */
function assignRackAware(
  brokers: BrokerWithRack[],
  nPartitions: number,
  replicationFactor: number,
  spread: Spread,
): Map<number, number[]> {
  const rackById = new Map<number, string>()
  for (const broker of brokers) rackById.set(broker.id, broker.rack)
  const numRacks = new Set(rackById.values()).size
  const arranged = getRackAlternatedBrokerList(brokers)
  const n = arranged.length
  const result = new Map<number, number[]>()
  const { startIndex, shift: initialShift } = startingPoint(spread, n)
  let nextReplicaShift = initialShift
  let partitionId = Math.max(0, spread.startPartitionId)
  for (let i = 0; i < nPartitions; i++) {
    if (partitionId > 0 && partitionId % n === 0) nextReplicaShift += 1
    const firstReplicaIndex = (partitionId + startIndex) % n
    const leader = at(arranged, firstReplicaIndex)
    const replicas = [leader]
    const racksWithReplicas = new Set([rackById.get(leader)])
    const brokersWithReplicas = new Set([leader])
    let k = 0
    for (let j = 0; j < replicationFactor - 1; j++) {
      for (;;) {
        // Within any n-1 consecutive steps every broker but the leader comes up, so each replica
        // is found in fewer than n steps.
        if (k >= (j + 1) * n) throw new Error('assignReplicasToBrokers: no broker accepted')
        const broker = at(
          arranged,
          replicaIndex(firstReplicaIndex, nextReplicaShift * numRacks, k, n),
        )
        const rack = rackById.get(broker)
        k += 1
        const rackOk = !racksWithReplicas.has(rack) || racksWithReplicas.size === numRacks
        const brokerOk = !brokersWithReplicas.has(broker) || brokersWithReplicas.size === n
        if (rackOk && brokerOk) {
          replicas.push(broker)
          racksWithReplicas.add(rack)
          brokersWithReplicas.add(broker)
          break
        }
      }
    }
    result.set(partitionId, replicas)
    partitionId += 1
  }
  return result
}

/**
 * `AdminUtils.replicaIndex`: the position of follower `j`, `1 + (shift + j) % (n - 1)` brokers
 * after the leader, so a follower never lands on the leader itself. Only called when n > 1
 * (a replication factor above 1 needs at least two brokers).
 */
function replicaIndex(firstReplicaIndex: number, shift: number, j: number, n: number): number {
  const offset = 1 + ((shift + j) % (n - 1))
  return (firstReplicaIndex + offset) % n
}

function at(list: number[], index: number): number {
  const value = list[index]
  if (value === undefined) throw new Error(`assignReplicasToBrokers: index ${index} out of range`)
  return value
}

function compareStrings(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}
