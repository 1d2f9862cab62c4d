/**
 * Work budgets: the hard limits of the scenario format, and the line between a normal run and a
 * long one. Every number a file gives multiplies into work somewhere (a partition is replicas,
 * fetch sessions and metrics; a simulated second is a metrics sample and every timer of every
 * replica), and a mistyped or hostile file could otherwise ask for a year of simulated time or a
 * million partitions and take the machine's memory with it. The reader refuses anything past
 * these limits before any simulation work (validate.ts, budget-check.ts, json.ts), with a
 * problem naming the field and the limit; docs/scenario-format.md ("Work budgets") lists them
 * with what the largest admitted run costs.
 *
 * The limits admit every shipped scenario with room to spare (the largest, the reference
 * cluster, has 10,000 partitions, 30,000 replicas and 600 s) and Amazon MSK's real sizes: 30
 * brokers of its larger Standard types at the 4,000 partitions per broker (replicas included)
 * MSK recommends (capacity/broker-types.ts) hold 120,000 replicas.
 *
 * Pure: no clock, no I/O. The CLI and the browser call the same functions.
 */
import type { SimulationSpec } from '../engine/spec'

/** The longest text the reader parses: 16 MiB (characters; the CLI reads at most this many bytes). */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024
/** The longest string anywhere in a scenario's JSON: the longest any field takes (description). */
export const MAX_STRING_CHARS = 100_000
/** The longest object key: every key of the format is a field name, a config key or a partition. */
export const MAX_KEY_CHARS = 200
/** The longest name: zones, client ids, the scenario's name (topic names follow Kafka's 249). */
export const MAX_NAME_CHARS = 200
/** 24 hours of simulated time: a metrics sample a second makes about 100 MB an hour. */
export const MAX_DURATION_MS = 86_400_000
/** Partitions over all topics, __consumer_offsets included. */
export const MAX_TOTAL_PARTITIONS = 50_000
/** Replicas over all topics: partitions × replication factor. */
export const MAX_TOTAL_REPLICAS = 150_000
export const MAX_FAULTS = 10_000
/** Client instances: each producer, and each member of a consumer (1 without a group). */
export const MAX_CLIENTS = 1_000
/** Records per second over all producers (each producer's own limit is the same). */
export const MAX_TOTAL_RECORDS_PER_SECOND = 1_000_000
export const MAX_NARRATION_STEPS = 1_000
/** Items of a list of names or ids (a broker id list can name each broker once at most). */
export const MAX_LIST_ITEMS = 1_000
/** Problems of one kind a reader reports; past it, one more line says how many were left out. */
export const MAX_PROBLEMS_PER_CODE = 100

/**
 * The work of a simulated second, in units: each replica, broker and client instance is one
 * (they own the timers, fetches and batches that make the events), and every second costs
 * 1,000 more on its own (a metrics sample and the timers even the smallest cluster has). With
 * it the limit costs about the same at both ends, measured on the CLI (docs/scenario-format.md,
 * "Work budgets"): 24 h of a 3-broker cluster (87.5 million units) took 4.3 s of CPU and 567 MiB,
 * 650 s of 150,000 replicas on 90 brokers (98 million) 8 s and 1,138 MiB.
 */
export const WORK_SECOND_BASE = 1_000
/**
 * Above this, `run` and `analyze` ask for --allow-long-run. The largest shipped scenario, the
 * reference cluster's 600 s (18,672,000 units), runs in about 5 s of CPU and 327 MiB.
 */
export const LONG_RUN_WORK = 20_000_000
/** The hard limit of a run's work: 5 × LONG_RUN_WORK (docs/scenario-format.md has its cost). */
export const MAX_RUN_WORK = 100_000_000
/**
 * Above this many failure cases × replicas the survivability matrix takes more than about 10 s
 * (the reference cluster's 4,368 cases × 30,000 replicas take about 1 s).
 */
export const LONG_MATRIX_WORK = 1_000_000_000

/** What a run simulates, in the quantities the budgets count. */
export interface RunSize {
  durationMs: number
  partitions: number
  replicas: number
  brokers: number
  /** Client instances: producers, and each member of a consumer. */
  clients: number
}

/** The client instances of a client list: a consumer with a group runs `members` of them. */
export function clientInstances(
  clients: readonly { kind?: string; group?: string; members?: number }[],
): number {
  let count = 0
  for (const c of clients)
    count += c.kind === 'consumer' && c.group !== undefined ? (c.members ?? 1) : 1
  return count
}

/** The size of a normalised spec (its topics include __consumer_offsets when groups need it). */
export function specSize(spec: SimulationSpec, durationMs = spec.durationMs): RunSize {
  let partitions = 0
  let replicas = 0
  for (const topic of spec.topics) {
    partitions += topic.partitions
    replicas += topic.partitions * topic.replicationFactor
  }
  return {
    durationMs,
    partitions,
    replicas,
    brokers: spec.cluster.brokers.length,
    clients: clientInstances(spec.clients),
  }
}

/** Simulated seconds × (WORK_SECOND_BASE + replicas + brokers + client instances). */
export function runWork(size: RunSize): number {
  const seconds = Math.ceil(size.durationMs / 1000)
  return seconds * (WORK_SECOND_BASE + size.replicas + size.brokers + size.clients)
}

/** 1234567 → "1,234,567": fixed separators, not the locale's, so every reader sees the same. */
export function thousands(n: number): string {
  const [whole = '', fraction] = String(n).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

/** 4_200_000 → "1 h 10 min", 90_000 → "1 min 30 s", 500 → "500 ms": for people, not parsing. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const totalSeconds = Math.floor(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const parts: string[] = []
  if (hours > 0) parts.push(`${thousands(hours)} h`)
  if (minutes > 0) parts.push(`${minutes} min`)
  if (seconds > 0 && hours === 0) parts.push(`${seconds} s`)
  return parts.length === 0 ? `${totalSeconds} s` : parts.join(' ')
}

function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`
}

/** "24 h of 9 replicas on 3 brokers with 1 client": what a work figure is made of. */
export function sizeText(size: Omit<RunSize, 'partitions'>): string {
  return (
    `${durationText(size.durationMs)} of ${plural(size.replicas, 'replica')} on ` +
    `${plural(size.brokers, 'broker')} with ${plural(size.clients, 'client')}`
  )
}

/**
 * Why a run of this spec is long, or undefined when it is not: its work (runWork) is above
 * LONG_RUN_WORK. The CLI refuses a long run without --allow-long-run and shows progress with it;
 * the page may warn before it plays one to the end.
 *
 * @example
 * longRunReason(spec) // undefined, or 'it simulates 24 h of 9 replicas on 3 brokers with 1 client: 87,537,600 units of work (simulated seconds × (1,000 + replicas + brokers + clients)), above the 20,000,000 of a normal run'
 */
export function longRunReason(
  spec: SimulationSpec,
  durationMs = spec.durationMs,
): string | undefined {
  const size = specSize(spec, durationMs)
  const work = runWork(size)
  if (work <= LONG_RUN_WORK) return undefined
  return `it simulates ${sizeText(size)}: ${workText(work)}, above the ${thousands(LONG_RUN_WORK)} of a normal run`
}

/** "87,537,600 units of work (simulated seconds × (1,000 + replicas + brokers + clients))". */
export function workText(work: number): string {
  return `${thousands(work)} units of work (simulated seconds × (${thousands(WORK_SECOND_BASE)} + replicas + brokers + clients))`
}

/**
 * Why the design review's client runs (`clientRunMs` of simulated time in all) are long, or
 * undefined: their work is above LONG_RUN_WORK.
 */
export function longClientRunsReason(
  spec: SimulationSpec,
  clientRunMs: number,
): string | undefined {
  const size = specSize(spec, clientRunMs)
  const work = runWork(size)
  if (clientRunMs === 0 || work <= LONG_RUN_WORK) return undefined
  return `its client runs simulate ${sizeText(size)} in all: ${workText(work)}, above the ${thousands(LONG_RUN_WORK)} of a normal run`
}

/**
 * Why the survivability matrix of this spec is long, or undefined: its failure cases (every
 * single broker, zone, broker pair and zone plus broker) times its replicas are above
 * LONG_MATRIX_WORK.
 */
export function longMatrixReason(spec: SimulationSpec): string | undefined {
  const { brokers: b, replicas } = specSize(spec)
  const zones = spec.cluster.zones.length
  const cases = b + zones + (b * (b - 1)) / 2 + zones * b
  const matrix = cases * replicas
  if (matrix <= LONG_MATRIX_WORK) return undefined
  return `its survivability matrix has ${plural(cases, 'failure case')} over ${plural(replicas, 'replica')}: ${thousands(matrix)} case-replicas, above the ${thousands(LONG_MATRIX_WORK)} of a normal review`
}
