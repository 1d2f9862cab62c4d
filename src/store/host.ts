/**
 * Where the simulation runs. The store talks to a `SimulationHost` and receives `HostUpdate`s:
 * the inline host runs the timeline on the calling thread and answers synchronously (tests, and
 * the fallback when workers are unavailable); the worker host (`src/worker`) runs the same inline
 * host inside a Web Worker, so checkpoints of a large cluster never stall the page.
 *
 * Logs travel as deltas: `{ from, items }` means "keep the first `from` entries, then append
 * `items`". After a seek back the simulation's logs are shorter, and `from` truncates the copy.
 */
import type { SimulationOptions } from '../engine/api'
import type { Fault, SimulationSpec, TimedFault } from '../engine/spec'
import type {
  ClientLogLine,
  MetricsSample,
  PartitionView,
  SimEvent,
  Snapshot,
} from '../engine/types'
import type { EnginePort } from './engine-port'
import type { Timeline, TimelineMarker, TimelineOptions } from './timeline'
import { createTimeline } from './timeline'

export interface LogDelta<T> {
  from: number
  items: T[]
}

/**
 * A snapshot as the difference from the previous one: everything but the partitions, plus the
 * partitions that changed by index. A 10,000-partition snapshot costs the page tens of
 * milliseconds to receive whole; most updates change a few hundred partitions at most.
 */
export interface SnapshotPatch {
  base: Omit<Snapshot, 'partitions'>
  partitionCount: number
  changed: [number, PartitionView][]
}

export interface HostUpdate {
  /** A whole snapshot (after a load), or `patch` against the previous one. */
  snapshot?: Snapshot
  patch?: SnapshotPatch
  simTimeMs: number
  horizonMs: number
  /** Present when the recording or the markers changed. */
  timeline?: { recording: TimedFault[]; markers: TimelineMarker[] }
  events: LogDelta<SimEvent>
  clientLog: LogDelta<ClientLogLine>
  metrics: LogDelta<MetricsSample>
  /** Set when an injection in the past forked a new future. */
  fork?: { atMs: number; discardedFaults: number }
  /** A new scenario replaced the timeline. */
  loaded?: boolean
}

export type HostRequest =
  | { type: 'load'; spec: SimulationSpec; atMs: number }
  | { type: 'advance'; targetMs: number }
  | { type: 'step' }
  | { type: 'seek'; atMs: number }
  | { type: 'inject'; fault: Fault }

/** What a host reports: an update, or why a request failed (the state is then unchanged). */
export type HostMessage =
  { kind: 'update'; update: HostUpdate } | { kind: 'error'; message: string }

export interface SimulationHost {
  send(request: HostRequest): void
  /** True while a request is being processed (always false for the inline host). */
  busy(): boolean
  subscribe(listener: (message: HostMessage) => void): () => void
  dispose(): void
}

export interface HostOptions {
  /** Engine options, fixed or chosen per scenario (e.g. invariant checks only for small ones). */
  simulation?: SimulationOptions | ((spec: SimulationSpec) => SimulationOptions)
  timeline?: TimelineOptions
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false
  return true
}

function sameReplicas(a: PartitionView['replicaStates'], b: PartitionView['replicaStates']) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) {
    const r = a[i] as PartitionView['replicaStates'][number]
    const o = b[i] as PartitionView['replicaStates'][number]
    if (
      r.logEndOffset !== o.logEndOffset ||
      r.highWatermark !== o.highWatermark ||
      r.lag !== o.lag ||
      r.online !== o.online ||
      r.broker !== o.broker
    ) {
      return false
    }
  }
  return true
}

/**
 * Field-by-field equality of two views of one partition (cheaper than serialising them). Plain
 * loops, the fields that change most often first: this runs over every partition on every update.
 */
export function samePartition(a: PartitionView, b: PartitionView): boolean {
  return (
    a.highWatermark === b.highWatermark &&
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    a.partitionEpoch === b.partitionEpoch &&
    a.leaderRecoveryState === b.leaderRecoveryState &&
    a.minIsr === b.minIsr &&
    a.uncleanLeaderElectionEnable === b.uncleanLeaderElectionEnable &&
    sameReplicas(a.replicaStates, b.replicaStates) &&
    sameList(a.isr, b.isr) &&
    sameList(a.replicas, b.replicas) &&
    sameList(a.elr, b.elr) &&
    sameList(a.lastKnownElr, b.lastKnownElr)
  )
}

/** The patch from `previous` to `next`, or null when the partition list changed shape. */
export function diffSnapshot(previous: Snapshot, next: Snapshot): SnapshotPatch | null {
  if (previous.partitions.length !== next.partitions.length) return null
  const { partitions, ...base } = next
  const changed: [number, PartitionView][] = []
  for (let i = 0; i < partitions.length; i += 1) {
    const p = partitions[i] as PartitionView
    const before = previous.partitions[i]
    if (before === undefined || !samePartition(before, p)) changed.push([i, p])
  }
  return { base, partitionCount: partitions.length, changed }
}

/** Rebuilds a snapshot from the previous one and a patch, keeping unchanged partition objects. */
export function applyPatch(previous: Snapshot, patch: SnapshotPatch): Snapshot {
  if (previous.partitions.length !== patch.partitionCount) {
    throw new Error('snapshot patch does not fit the previous snapshot')
  }
  const partitions = previous.partitions.slice()
  for (const [index, view] of patch.changed) partitions[index] = view
  return { ...patch.base, partitions }
}

function delta<T>(all: readonly T[], sent: number): LogDelta<T> {
  const from = Math.min(sent, all.length)
  return { from, items: all.slice(from) }
}

/** The host's core, without threads: requests in, updates out. The worker runs exactly this. */
export function createHostCore(engine: EnginePort, options: HostOptions = {}) {
  let timeline: Timeline | null = null
  let sentRevision = -1
  let sentSnapshot: Snapshot | null = null
  const sent = { events: 0, clientLog: 0, metrics: 0 }

  function update(extra: Partial<HostUpdate> = {}): HostUpdate {
    if (timeline === null) throw new Error('no scenario loaded')
    const sim = timeline.sim()
    const events = delta(sim.events(), sent.events)
    const clientLog = delta(sim.clientLog(), sent.clientLog)
    const metrics = delta(sim.metricsSeries(), sent.metrics)
    sent.events = events.from + events.items.length
    sent.clientLog = clientLog.from + clientLog.items.length
    sent.metrics = metrics.from + metrics.items.length
    const snapshot = sim.snapshot()
    const patch = sentSnapshot === null ? null : diffSnapshot(sentSnapshot, snapshot)
    sentSnapshot = snapshot
    const result: HostUpdate = {
      ...(patch === null ? { snapshot } : { patch }),
      simTimeMs: timeline.nowMs(),
      horizonMs: timeline.horizonMs(),
      events,
      clientLog,
      metrics,
      ...extra,
    }
    if (timeline.revision() !== sentRevision) {
      sentRevision = timeline.revision()
      result.timeline = {
        recording: timeline.recording().slice(),
        markers: timeline.markers().slice(),
      }
    }
    return result
  }

  function handle(request: HostRequest): HostUpdate {
    if (request.type === 'load') {
      const simulation =
        typeof options.simulation === 'function'
          ? options.simulation(request.spec)
          : options.simulation
      timeline = createTimeline(request.spec, engine, { ...options.timeline, simulation })
      sentRevision = -1
      sentSnapshot = null
      sent.events = 0
      sent.clientLog = 0
      sent.metrics = 0
      if (request.atMs > 0) timeline.advance(request.atMs)
      return update({ loaded: true })
    }
    if (timeline === null) throw new Error('no scenario loaded')
    switch (request.type) {
      case 'advance':
        timeline.advance(request.targetMs)
        return update()
      case 'step':
        timeline.step()
        return update()
      case 'seek':
        timeline.seek(request.atMs)
        return update()
      case 'inject': {
        const result = timeline.inject(request.fault)
        return update(
          result.forkedAtMs === null
            ? {}
            : { fork: { atMs: result.forkedAtMs, discardedFaults: result.discardedFaults } },
        )
      }
    }
  }

  return {
    handle(request: HostRequest): HostMessage {
      try {
        return { kind: 'update', update: handle(request) }
      } catch (error) {
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}

/**
 * Runs the simulation on the calling thread and answers each request synchronously.
 * @example
 * const host = createInlineHost({ createSimulation, restoreSimulation })
 * host.subscribe((message) => console.log(message.kind))
 * host.send({ type: 'load', spec, atMs: 0 })
 */
export function createInlineHost(engine: EnginePort, options: HostOptions = {}): SimulationHost {
  const core = createHostCore(engine, options)
  const listeners = new Set<(message: HostMessage) => void>()
  return {
    send(request) {
      const message = core.handle(request)
      for (const listener of listeners) listener(message)
    },
    busy: () => false,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      listeners.clear()
    },
  }
}
