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
  HostProgress,
  HostUpdate,
  LogDelta,
  PartitionRef,
} from './protocol'
import { diffFailovers } from './failover-patch'
import { diffSnapshot } from './snapshot-patch'
import type { SlicedRun, Timeline } from './timeline'
import { createTimeline } from './timeline'

/**
 * A request being worked on, in pieces (a load that runs to a share link's time, a seek or an
 * advance); every other request is one piece. The worker runs a piece, posts the progress, and
 * looks at its messages (a Cancel) before the next.
 */
export interface HostJob {
  /** Works until done or until `shouldYield()` says to pause; the answer when done, else null. */
  run(shouldYield: () => boolean): HostMessage | null
  /** How far it has got; null for a request that is not a run through simulated time. */
  progress(): HostProgress | null
  /**
   * Stops it between pieces and answers with the state it leaves: a seek or advance stays at the
   * time reached; a load keeps the scenario that was loaded before it (`keptPrevious`), or, when
   * there was none, becomes the scenario at the time reached.
   */
  cancel(): { answer: HostMessage; keptPrevious: boolean }
}

function delta<T>(all: readonly T[], sent: number): LogDelta<T> {
  const from = Math.min(sent, all.length)
  return { from, items: all.slice(from) }
}

/** The requests made of a loaded timeline. */
type TimelineRequest = Exclude<HostRequest, { type: 'load' }>

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

  function newTimeline(request: Extract<HostRequest, { type: 'load' }>): Timeline {
    const simulation =
      typeof options.simulation === 'function'
        ? options.simulation(request.spec)
        : options.simulation
    return createTimeline(request.spec, engine, { ...options.timeline, simulation })
  }

  /** Makes `next` the timeline; the page gets everything afresh. */
  function adopt(next: Timeline): void {
    timeline = next
    sentRevision = -1
    sentSnapshot = null
    sentFailovers = []
    watched = null
    sent.events = 0
    sent.clientLog = 0
    sent.metrics = 0
  }

  function answer(make: () => HostUpdate): HostMessage {
    try {
      return { kind: 'update', update: make() }
    } catch (error) {
      return { kind: 'error', message: errorMessage(error) }
    }
  }

  /** A request done in one piece. */
  function oneShot(request: TimelineRequest): HostJob {
    return {
      run: () => answer(() => handle(request)),
      progress: () => null,
      cancel: () => ({ answer: answer(() => handle(request)), keptPrevious: false }),
    }
  }

  /**
   * A run through simulated time on `target` (the current timeline, or a load's new one, which
   * becomes current only when it arrives, or when a cancel finds no other to keep).
   */
  function slicedJob(
    kind: HostProgress['job'] | null,
    target: Timeline,
    start: (on: Timeline) => SlicedRun,
    loaded: boolean,
  ): HostJob {
    let run: SlicedRun | null = null
    const fail = (error: unknown): HostMessage => {
      run = null
      return { kind: 'error', message: errorMessage(error) }
    }
    const finish = (): HostMessage => {
      if (loaded) adopt(target)
      return answer(() => update(loaded ? { loaded: true } : {}))
    }
    return {
      run(shouldYield) {
        try {
          run ??= start(target)
          return run.run(shouldYield) ? finish() : null
        } catch (error) {
          // A load that fails leaves the scenario before it; a seek leaves the time it reached.
          return fail(error)
        }
      },
      progress() {
        if (kind === null) return null
        const reachedMs = target.nowMs()
        if (run === null) return { job: kind, fromMs: reachedMs, reachedMs, targetMs: reachedMs }
        return { job: kind, fromMs: run.fromMs, reachedMs, targetMs: run.targetMs }
      },
      cancel() {
        run?.stop()
        const keptPrevious = loaded && timeline !== null
        if (keptPrevious) return { answer: answer(() => update()), keptPrevious }
        return { answer: finish(), keptPrevious }
      },
    }
  }

  /** A run that is already at its target. */
  function stayAt(atMs: number): SlicedRun {
    return { fromMs: atMs, targetMs: atMs, run: () => true, stop: () => undefined }
  }

  /** Starts a request as a job (see HostJob): loads, seeks and advances run in pieces. */
  function begin(request: HostRequest): HostJob {
    if (request.type === 'load') {
      let next: Timeline
      try {
        next = newTimeline(request)
      } catch (error) {
        const failed: HostMessage = { kind: 'error', message: errorMessage(error) }
        return {
          run: () => failed,
          progress: () => null,
          cancel: () => ({ answer: failed, keptPrevious: true }),
        }
      }
      // A load at 0 shows the simulation as created, before its first events, as it always has
      // (a run to 0 would process them: the capacity figures then read as after the first send).
      const start = (on: Timeline): SlicedRun =>
        request.atMs > 0 ? on.beginAdvance(request.atMs) : stayAt(on.nowMs())
      return slicedJob('load', next, start, true)
    }
    const current = timeline
    if (current === null) return oneShot(request)
    if (request.type === 'seek')
      return slicedJob('seek', current, (on) => on.beginSeek(request.atMs), false)
    // Playback's advances run in pieces too, but a frame's worth of time reports no progress.
    if (request.type === 'advance')
      return slicedJob(null, current, (on) => on.beginAdvance(request.targetMs), false)
    return oneShot(request)
  }

  /** Every request but a load, in one go (`begin` runs loads). */
  function handle(request: TimelineRequest): HostUpdate {
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
      case 'undoFork': {
        const atMs = timeline.undoFork()
        if (atMs === null) throw new Error('There is no fork to undo.')
        const restoredFaults = timeline.recording().filter((fault) => fault.atMs > atMs).length
        return update({ forkUndone: { atMs, restoredFaults } })
      }
    }
  }

  return {
    /** Does a request to its end, in one go (the inline host, tests). */
    handle(request: HostRequest): HostMessage {
      return begin(request).run(() => false) ?? answer(() => update())
    },
    begin,
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
