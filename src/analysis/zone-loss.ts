/**
 * What each single-zone loss does to each topic, decided by the survivability matrix's own rules:
 * the same partition table (`partition-table.ts`) and the same per-partition outcome
 * (`partitionOutcome` in `survivability.ts`: clean election from the ISR, unclean only where the
 * topic enables it, acks=all refused below min(min.insync.replicas, replication factor)), with one
 * zone's brokers down. The matrix sums these outcomes over all topics; the advisor needs them per
 * topic, with an example partition, to say which topics a zone loss stops and why.
 *
 * A partition counts against a zone only when losing that zone makes it offline, or unwritable
 * with acks=all, and it was neither with nothing failed: an imported state can already be under
 * min ISR, and Kafka before 3.7 refuses every acks=all write to a topic whose min.insync.replicas
 * is above its replication factor (the advisor's `min-isr-above-rf` error says so).
 */
import type { BrokerId, SimulationSpec } from '../engine/spec'
import type { ZoneLossCount, ZoneLossExample } from './finding-messages'
import { buildPartitionTable, downArray, indexBrokers, IN_ISR } from './partition-table'
import { OFFLINE, UNWRITABLE, partitionOutcome, zonesOf } from './survivability'

/** A partition some single-zone loss stops. */
export interface StoppedPartition {
  /** Each zone whose loss stops it, in `zonesOf` order, and whether it is then offline. */
  zones: { zone: string; offline: boolean }[]
  /** What the first of those zones' loss does to it. */
  example: ZoneLossExample
}

export interface TopicZoneLoss {
  /** Every partition some single-zone loss stops, by partition number. */
  partitions: Map<number, StoppedPartition>
  /** Partitions that are offline or unwritable with nothing failed. */
  alreadyUnavailable: Set<number>
}

/**
 * For each topic of `spec` (same order), what each single-zone loss does to it.
 *
 * @example
 * const [orders] = zoneLossByTopic(spec)
 * for (const z of countByZone(zonesOf(spec), [...orders!.partitions.values()])) console.log(z)
 */
export function zoneLossByTopic(spec: SimulationSpec): TopicZoneLoss[] {
  const index = indexBrokers(spec)
  const table = buildPartitionTable(spec, index)
  const result: TopicZoneLoss[] = spec.topics.map(() => ({
    partitions: new Map(),
    alreadyUnavailable: new Set(),
  }))
  const down = downArray(index)
  const baseline = new Uint8Array(table.count)
  for (let p = 0; p < table.count; p++) {
    baseline[p] = partitionOutcome(table, p, down)
    if (baseline[p]! & (OFFLINE | UNWRITABLE)) {
      const t = table.topicOf[p]!
      result[t]!.alreadyUnavailable.add(p - table.topicStart[t]!)
    }
  }
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  const visited = new Uint8Array(table.count)
  for (const zone of zonesOf(spec)) {
    const failed = index.ids
      .filter((id) => zoneOf.get(id) === zone)
      .map((id) => index.indexOf.get(id)!)
    if (failed.length === 0) continue
    for (const b of failed) down[b] = 1
    visited.fill(0)
    for (const b of failed) {
      for (const p of table.partitionsOfBroker[b]!) {
        if (visited[p] === 1) continue
        visited[p] = 1
        if (baseline[p]! & (OFFLINE | UNWRITABLE)) continue
        const outcome = partitionOutcome(table, p, down)
        if ((outcome & (OFFLINE | UNWRITABLE)) === 0) continue
        const t = table.topicOf[p]!
        const partition = p - table.topicStart[t]!
        const offline = (outcome & OFFLINE) !== 0
        const stopped = result[t]!.partitions
        const entry = stopped.get(partition) ?? {
          zones: [],
          example: describe(p, partition, zone, offline),
        }
        entry.zones.push({ zone, offline })
        stopped.set(partition, entry)
      }
    }
    for (const b of failed) down[b] = 0
  }
  return result

  /** The partition's replicas in the failed zone and the in-sync ones outside it. */
  function describe(p: number, partition: number, zone: string, offline: boolean): ZoneLossExample {
    const brokers: BrokerId[] = []
    let inSyncLeft = 0
    for (let s = table.start[p]!; s < table.start[p + 1]!; s++) {
      const b = table.replica[s]!
      if (down[b] === 1 && b < index.ids.length) brokers.push(index.ids[b]!)
      else if (down[b] === 0 && table.eligibility[s] === IN_ISR) inSyncLeft++
    }
    return { partition, zone, brokers, inSyncLeft, offline }
  }
}

/** How many of `partitions` each zone's loss stops, for the zones that stop any, in `zones` order. */
export function countByZone(
  zones: readonly string[],
  partitions: readonly StoppedPartition[],
): ZoneLossCount[] {
  return zones.flatMap((zone) => {
    let offline = 0
    let unwritable = 0
    for (const stopped of partitions) {
      const hit = stopped.zones.find((z) => z.zone === zone)
      if (hit === undefined) continue
      if (hit.offline) offline++
      else unwritable++
    }
    return offline + unwritable === 0 ? [] : [{ zone, offline, unwritable }]
  })
}
