/**
 * The offered workload of a scenario, per topic: the produce bytes its producers send and the
 * consumer fan-out that reads them (docs/capacity.md, "The model").
 */
import { DEFAULT_RECORD_BYTES, type SimulationSpec } from '../spec'

export interface TopicWorkload {
  /** Σ recordsPerSecond × recordBytes of the topic's producers, MiB/s. */
  produceMiBps: number
  /**
   * How many times each byte is read: one per consumer group (its members share the partitions)
   * plus one per consumer without a group (assign() reads every partition).
   */
  fanout: number
}

const MIB = 1048576

/** Each producer's average record size, indexed as the engine's producers (spec order). */
export function producerRecordBytes(spec: SimulationSpec): Float64Array {
  const producers = spec.clients.flatMap((c) => (c.kind === 'producer' ? [c] : []))
  return Float64Array.from(producers, (c) => c.recordBytes ?? DEFAULT_RECORD_BYTES)
}

/** A record batch's bytes: its producer's record size (-1: none, the default) × its records. */
export function batchBytesOf(recordBytes: Float64Array, producer: number, count: number): number {
  return (
    (producer >= 0 ? (recordBytes[producer] ?? DEFAULT_RECORD_BYTES) : DEFAULT_RECORD_BYTES) * count
  )
}

/** Every topic's workload by name; topics nobody uses are absent. */
export function topicWorkloads(spec: SimulationSpec): Map<string, TopicWorkload> {
  const workloads = new Map<string, TopicWorkload>()
  const of = (topic: string): TopicWorkload => {
    let w = workloads.get(topic)
    if (w === undefined) {
      w = { produceMiBps: 0, fanout: 0 }
      workloads.set(topic, w)
    }
    return w
  }
  const groups = new Set<string>()
  for (const client of spec.clients) {
    if (client.kind === 'producer') {
      of(client.topic).produceMiBps +=
        (client.recordsPerSecond * (client.recordBytes ?? DEFAULT_RECORD_BYTES)) / MIB
    } else if (client.group === undefined) {
      of(client.topic).fanout += 1
    } else {
      // JSON.stringify keeps the pair unambiguous whatever characters the names hold.
      const key = JSON.stringify([client.group, client.topic])
      if (groups.has(key)) continue
      groups.add(key)
      of(client.topic).fanout += 1
    }
  }
  return workloads
}
