/**
 * The host's core, without threads: requests in, messages out. It owns the timeline (and so the
 * mutable simulation) and sends each update as deltas and a snapshot patch. The worker runs
 * exactly this; the inline host calls it directly.
 */
import type { FailoverRecord } from '../engine/failovers'
import type { Snapshot } from '../engine/types'
import { runComparison } from './compare'
import type { EnginePort } from './engine-port'
import type {
  CompareMessage,
  CompareRequest,
  HostMessage,
  HostOptions,
  HostRequest,
  HostUpdate,
  LogDelta,
  PartitionRef,
} from './protocol'
import { diffFailovers } from './failover-patch'
import { diffSnapshot } from './snapshot-patch'
import type { Timeline } from './timeline'
import { createTimeline } from './timeline'

function delta<T>(all: readonly T[], sent: number): LogDelta<T> {
  const from = Math.min(sent, all.length)
  return { from, items: all.slice(from) }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The host's core, without threads: requests in, updates out. The worker runs exactly this. */
export function createHostCore(engine: EnginePort, options: HostOptions = {}) {
  let timeline: Timeline | null = null
  let sentRevision = -1
  let sentSnapshot: Snapshot | null = null
  const sent = { events: 0, clientLog: 0, metrics: 0 }
  // The records the page holds (failover-patch.ts sends only what changed).
  let sentFailovers: readonly FailoverRecord[] = []
  // The partition whose log picture rides on every update; recomputed each time (one partition).
  let watched: PartitionRef | null = null
  let sentWatch = false

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
    const diff = sentSnapshot === null ? null : diffSnapshot(sentSnapshot, snapshot)
    const patch = diff === null ? null : diff.patch
    sentSnapshot = diff === null ? snapshot : diff.sent
    const result: HostUpdate = {
      ...(patch === null ? { snapshot } : { patch }),
      simTimeMs: timeline.nowMs(),
      horizonMs: timeline.horizonMs(),
      events,
      clientLog,
      metrics,
      ...extra,
    }
    // The simulation caches its records, so an unchanged list is the same array.
    const failovers = sim.failovers()
    const failoverPatch =
      failovers === sentFailovers ? null : diffFailovers(sentFailovers, failovers)
    sentFailovers = failovers
    if (failoverPatch !== null) result.failovers = failoverPatch
    if (watched !== null) {
      result.partitionLog = sim.partitionLog(watched.topic, watched.partition)
      sentWatch = true
    } else if (sentWatch) {
      // Once, after the watch ends, so the store drops its copy.
      result.partitionLog = null
      sentWatch = false
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
      sentFailovers = []
      watched = null
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
      case 'watch':
        watched = request.partition === null ? null : { ...request.partition }
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
        return { kind: 'error', message: errorMessage(error) }
      }
    },
    /** Runs a comparison to its end; the timeline is untouched. */
    compare(request: CompareRequest, onProgress?: (atMs: number) => void): CompareMessage {
      try {
        return { kind: 'compared', comparison: runComparison(engine, request, onProgress) }
      } catch (error) {
        return { kind: 'error', message: errorMessage(error) }
      }
    },
  }
}
