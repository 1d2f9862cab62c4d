/**
 * A workload for an imported cluster. `kafka-topics --describe` shows no clients, and a cluster
 * without clients shows no client impact when a broker or a zone fails, so the import can add,
 * for each topic, one `acks=all` producer and one consumer group of one member reading it.
 *
 * The default rate keeps the cluster far from saturation: 100 records/s a topic of 1 KiB
 * records, lowered so that the whole cluster takes at most 1 MiB/s of produce per broker. With
 * replication factor 3 and one group a topic, a broker then carries about 3 MiB/s in (produce
 * plus replication) and 3 MiB/s out (replication plus the group's reads), a fifth of the
 * smallest MSK broker's network baseline (kafka.t3.small, 0.128 Gbit/s ≈ 15 MiB/s; capacity/
 * broker-types.ts), so failures show what the clients feel rather than an overloaded broker.
 * Internal topics (names starting with "__", such as __consumer_offsets or MSK's
 * __amazon_msk_canary) get no clients.
 */
import { MAX_RECORD_BYTES, MAX_RECORDS_PER_SECOND } from './fields'
import { at, note } from './text'
import type { Problem, ScenarioClient } from './types'

export const WORKLOAD_RECORDS_PER_SECOND = 100
export const WORKLOAD_RECORD_BYTES = 1024
/** The most produce the default rate puts on the cluster, per broker. */
export const WORKLOAD_BUDGET_BYTES_PER_BROKER = 1048576

export interface WorkloadChoice {
  /** Each producer's rate; absent: `defaultRecordsPerSecond`. */
  recordsPerSecond?: number
  /** Absent: 1024. */
  recordBytes?: number
}

export interface Workload {
  topics: string[]
  recordsPerSecond: number
  recordBytes: number
  /** Whether the rate is the default (true) or chosen. */
  defaultRate: boolean
}

/** Topics that get clients: every topic but Kafka's and MSK's internal ones. */
export function workloadTopics(topics: readonly string[]): string[] {
  return topics.filter((name) => !name.startsWith('__'))
}

/**
 * The default records/s of each producer for `topics` topics on `brokers` brokers.
 *
 * @example
 * defaultRecordsPerSecond(3, 10, 1024) // 100
 * defaultRecordsPerSecond(3, 100, 1024) // 30: 3 MiB/s over 100 topics
 */
export function defaultRecordsPerSecond(
  brokers: number,
  topics: number,
  recordBytes: number,
): number {
  if (topics === 0) return WORKLOAD_RECORDS_PER_SECOND
  const budget = Math.max(1, brokers) * WORKLOAD_BUDGET_BYTES_PER_BROKER
  const fits = Math.floor(budget / (topics * Math.max(1, recordBytes)))
  return Math.max(1, Math.min(WORKLOAD_RECORDS_PER_SECOND, fits))
}

/** The workload for these topics and brokers. */
export function resolveWorkload(
  choice: WorkloadChoice,
  topics: readonly string[],
  brokers: number,
): Workload {
  const names = workloadTopics(topics)
  const recordBytes = choice.recordBytes ?? WORKLOAD_RECORD_BYTES
  const rate = choice.recordsPerSecond
  return {
    topics: names,
    recordBytes,
    recordsPerSecond: rate ?? defaultRecordsPerSecond(brokers, names.length, recordBytes),
    defaultRate: rate === undefined,
  }
}

/** Problems with a chosen rate or size, at `<root>.recordsPerSecond` / `.recordBytes`. */
export function checkWorkload(choice: WorkloadChoice, root = 'workload'): Problem[] {
  const problems: Problem[] = []
  const check = (key: keyof WorkloadChoice, min: number, max: number, what: string) => {
    const value = choice[key]
    if (value === undefined) return
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(note(at(root, key), `${what} must be a whole number from ${min} to ${max}`))
  }
  check('recordsPerSecond', 1, MAX_RECORDS_PER_SECOND, 'records/s')
  check('recordBytes', 1, MAX_RECORD_BYTES, 'the record size in bytes')
  return problems
}

/** A client id: `<topic>-<role>`, or `<role>-<n>` when that would be longer than ids may be. */
function clientId(topic: string, role: string, n: number, max: number): string {
  const id = `${topic}-${role}`
  return id.length <= max ? id : `${role}-${n}`
}

/**
 * The scenario's clients: per topic, producer `<topic>-producer` (acks=all) and consumer
 * `<topic>-consumer` in group `<topic>-group`, both with every broker as bootstrap server.
 */
export function workloadClients(workload: Workload): ScenarioClient[] {
  return workload.topics.flatMap((topic, i): ScenarioClient[] => [
    {
      kind: 'producer',
      id: clientId(topic, 'producer', i + 1, 200),
      topic,
      recordsPerSecond: workload.recordsPerSecond,
      ...(workload.recordBytes === WORKLOAD_RECORD_BYTES
        ? {}
        : { recordBytes: workload.recordBytes }),
      config: { acks: 'all' },
    },
    {
      kind: 'consumer',
      id: clientId(topic, 'consumer', i + 1, 200),
      topic,
      group: clientId(topic, 'group', i + 1, 249),
    },
  ])
}
