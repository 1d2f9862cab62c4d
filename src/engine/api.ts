/**
 * The public shape of a running simulation. `createSimulation(spec)` in `./index` returns one.
 * Everything it returns is plain data; the simulation itself is never put in reactive state.
 */
import type { Fault, SimulationSpec, TimedFault } from './spec'
import type { ClientLogLine, MetricsSample, SimEvent, Snapshot } from './types'
import type { FailoverRecord } from './failovers'
import type { PartitionLogView } from './log-view'

export interface Simulation {
  readonly spec: SimulationSpec
  /** Current simulated time in ms. */
  nowMs(): number
  /** Processes every event with `atMs <= targetMs`, then sets the clock to `targetMs`. */
  runUntil(targetMs: number): void
  /**
   * Advances to the next moment at which an event is logged (at most `limitMs` ahead, default
   * 60 s), and returns the new time. This is the UI's "Step".
   */
  step(limitMs?: number): number
  /**
   * Applies a fault or admin action now and records it (with the current time) in the fault
   * script, so a replay from the recording reproduces it.
   */
  inject(fault: Fault): void
  /** The faults applied or scheduled, in time order (the spec's script plus injections). */
  faults(): readonly TimedFault[]
  snapshot(): Snapshot
  /** The event log from index `from` on (default 0). */
  events(from?: number): readonly SimEvent[]
  /** Metric samples, one at least every `sampleIntervalMs` (1000). */
  metricsSeries(): readonly MetricsSample[]
  /** Producer and consumer log lines in Kafka's format, from index `from` on. */
  clientLog(from?: number): readonly ClientLogLine[]
  /** One record per fault applied so far: how long the clients' writes stalled (failovers.ts). */
  failovers(): FailoverRecord[]
  /**
   * The log picture of one partition (log-view.ts): each replica's recent batches with their
   * epochs, LEO and HW, truncated tails, lost acknowledged records and consumer positions. Null
   * for an unknown partition. Read-only, and computed only when called.
   */
  partitionLog(topic: string, partition: number): PartitionLogView | null
  /** A structured-cloneable copy of the whole state, for checkpoints (time travel). */
  checkpoint(): SimulationCheckpoint
}

/** Opaque plain data; pass it to `restoreSimulation`. */
export interface SimulationCheckpoint {
  readonly atMs: number
  readonly state: unknown
}

export interface SimulationOptions {
  /** Run `checkInvariants` after every event and log violations (default: false). */
  checkInvariants?: boolean
  /** Throw on the first invariant violation instead of logging it (tests). */
  throwOnViolation?: boolean
  /** Metric sample interval in ms (default 1000). */
  sampleIntervalMs?: number
  /**
   * Keep the messages in flight for the dashboard (`Snapshot.traffic`, traffic.ts), on clusters
   * of up to 12 brokers (default false: decoding every delivery made small runs ~1.3× slower, and
   * the CLI, the tests and comparisons never draw it).
   */
  traffic?: boolean
}
