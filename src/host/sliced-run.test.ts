/**
 * Long loads and seeks in pieces (issue 18), over the real engine: a seek done in pieces reaches
 * exactly the state of the same seek in one go (snapshot, events, markers, recording, horizon,
 * and the checkpoints a later seek back uses); stopping between pieces leaves a consistent
 * timeline at the time reached, from which the same future follows; the host core's Cancel keeps
 * the scenario that was loaded before a cancelled load, and a first load cancelled shows its
 * scenario at the time reached.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import type { TimedFault } from '../engine/spec'
import { TestCluster } from '../test-support/test-cluster'
import { createHostCore } from './core'
import type { HostMessage, HostUpdate } from './protocol'
import { createTimeline, type Timeline } from './timeline'

const FAULTS: TimedFault[] = [
  { atMs: 4_000, type: 'crashBroker', broker: 1 },
  { atMs: 9_500, type: 'stopZone', zone: 'use1-az2' },
  { atMs: 21_000, type: 'startZone', zone: 'use1-az2' },
  { atMs: 30_000, type: 'startBroker', broker: 1 },
]

function spec(faults: TimedFault[] = FAULTS) {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 2, seed: 9 })
  c.topic('orders', { partitions: 4, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
  return { ...c.spec, faults }
}

const ENGINE = { createSimulation, restoreSimulation }

/** The engine, counting the checkpoints taken of its simulations at each sim time. */
function countingEngine(taken: number[]) {
  return {
    restoreSimulation,
    createSimulation: (...args: Parameters<typeof createSimulation>) => {
      const sim = createSimulation(...args)
      const checkpoint = sim.checkpoint.bind(sim)
      sim.checkpoint = () => {
        taken.push(sim.nowMs())
        return checkpoint()
      }
      return sim
    },
  }
}

/** A timeline whose checkpoint spacing does not depend on how fast this machine clones state. */
function timeline(faults?: TimedFault[], taken: number[] = []): Timeline {
  return createTimeline(spec(faults), countingEngine(taken), {
    checkpointIntervalMs: 2_000,
    wallClockMs: () => 0,
  })
}

function state(t: Timeline) {
  return {
    nowMs: t.nowMs(),
    horizonMs: t.horizonMs(),
    snapshot: t.sim().snapshot(),
    events: t.sim().events(),
    clientLog: t.sim().clientLog(),
    markers: t.markers(),
    recording: t.recording(),
    applied: t.sim().faults(),
  }
}

/** Runs `run` one piece at a time (it pauses at every chance) and counts the pieces. */
function inPieces(run: { run: (shouldYield: () => boolean) => boolean }): number {
  let pieces = 1
  while (!run.run(() => true)) pieces += 1
  return pieces
}

describe('a seek in pieces', () => {
  it('reaches exactly the state of the same seek in one go', () => {
    const wholeCheckpoints: number[] = []
    const slicedCheckpoints: number[] = []
    const whole = timeline(FAULTS, wholeCheckpoints)
    whole.seek(45_000)
    const sliced = timeline(FAULTS, slicedCheckpoints)
    const pieces = inPieces(sliced.beginSeek(45_000))
    expect(pieces).toBeGreaterThan(20)
    expect(state(sliced)).toEqual(state(whole))
    expect(slicedCheckpoints).toEqual(wholeCheckpoints)
    // The same checkpoints too: a seek back replays from the same place to the same state.
    whole.seek(12_345)
    inPieces(sliced.beginSeek(12_345))
    expect(state(sliced)).toEqual(state(whole))
  })

  it('seeking back in pieces matches seeking back in one go', () => {
    const whole = timeline()
    const sliced = timeline()
    whole.seek(40_000)
    sliced.seek(40_000)
    whole.seek(15_000)
    inPieces(sliced.beginSeek(15_000))
    expect(state(sliced)).toEqual(state(whole))
  })

  it('stopped between pieces, stays consistent at the time reached, and the same future follows', () => {
    const t = timeline()
    const run = t.beginSeek(45_000)
    let pieces = 0
    // About a quarter of the way: past the crash at 4 s and the zone stop at 9.5 s.
    while (t.nowMs() < 11_000 && !run.run(() => true)) pieces += 1
    run.stop()
    const reached = t.nowMs()
    expect(pieces).toBeGreaterThan(0)
    expect(reached).toBeGreaterThan(9_500)
    expect(reached).toBeLessThan(45_000)
    // Every recorded fault due by then is applied and none later; the scrubber knows up to there.
    expect(
      t
        .sim()
        .faults()
        .map((f) => f.atMs),
    ).toEqual(FAULTS.filter((f) => f.atMs <= reached).map((f) => f.atMs))
    expect(t.recording()).toEqual(FAULTS)
    expect(t.horizonMs()).toBe(reached)
    expect(t.markers().every((m) => m.atMs <= reached)).toBe(true)
    expect(t.markers().some((m) => m.kind === 'fault')).toBe(true)
    // Going on from there ends where the seek in one go ends.
    const whole = timeline()
    whole.seek(45_000)
    t.seek(45_000)
    expect(t.sim().snapshot()).toEqual(whole.sim().snapshot())
    expect(t.sim().events()).toEqual(whole.sim().events())
    expect(t.markers()).toEqual(whole.markers())
  })
})

function updateOf(message: HostMessage | null): HostUpdate {
  if (message === null) throw new Error('the job is not done')
  if (message.kind !== 'update') throw new Error(message.message)
  return message.update
}

describe('host core: long requests as jobs', () => {
  it('a load to a late time runs in pieces, reports its progress and ends where one go ends', () => {
    const whole = createHostCore(ENGINE)
    const expected = updateOf(whole.handle({ type: 'load', spec: spec(), atMs: 40_000 }))
    const core = createHostCore(ENGINE)
    const job = core.begin({ type: 'load', spec: spec(), atMs: 40_000 })
    const seen: number[] = []
    let answer: HostMessage | null = null
    while ((answer = job.run(() => true)) === null) {
      const progress = job.progress()
      expect(progress).toMatchObject({ job: 'load', fromMs: 0, targetMs: 40_000 })
      seen.push(progress?.reachedMs ?? -1)
    }
    expect(seen.length).toBeGreaterThan(10)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(updateOf(answer)).toEqual(expected)
  })

  it('a cancelled load keeps the scenario loaded before it, unchanged', () => {
    const core = createHostCore(ENGINE)
    const first = updateOf(core.handle({ type: 'load', spec: spec([]), atMs: 5_000 }))
    expect(first.loaded).toBe(true)
    const job = core.begin({ type: 'load', spec: spec(), atMs: 3_600_000 })
    expect(job.run(() => true)).toBeNull()
    const { answer, keptPrevious } = job.cancel()
    expect(keptPrevious).toBe(true)
    const kept = updateOf(answer)
    expect(kept.loaded).toBeUndefined()
    expect(kept.simTimeMs).toBe(5_000)
    expect(kept.events.items).toEqual([])
    // The old timeline goes on as if nothing had happened.
    expect(updateOf(core.handle({ type: 'advance', targetMs: 6_000 })).simTimeMs).toBe(6_000)
  })

  it('a cancelled first load shows its scenario at the time reached', () => {
    const core = createHostCore(ENGINE)
    const job = core.begin({ type: 'load', spec: spec(), atMs: 3_600_000 })
    for (let i = 0; i < 30; i += 1) expect(job.run(() => true)).toBeNull()
    const reached = job.progress()?.reachedMs ?? 0
    const { answer, keptPrevious } = job.cancel()
    expect(keptPrevious).toBe(false)
    const update = updateOf(answer)
    expect(update.loaded).toBe(true)
    expect(update.simTimeMs).toBe(reached)
    expect(reached).toBeGreaterThan(0)
    expect(reached).toBeLessThan(3_600_000)
  })

  it('a cancelled seek stays at the time reached', () => {
    const core = createHostCore(ENGINE)
    core.handle({ type: 'load', spec: spec(), atMs: 0 })
    const job = core.begin({ type: 'seek', atMs: 3_600_000 })
    for (let i = 0; i < 30; i += 1) expect(job.run(() => true)).toBeNull()
    const reached = job.progress()?.reachedMs ?? 0
    const update = updateOf(job.cancel().answer)
    expect(update.simTimeMs).toBe(reached)
    expect(update.horizonMs).toBe(reached)
    expect(updateOf(core.handle({ type: 'step' })).simTimeMs).toBeGreaterThan(reached)
  })

  it('a load that fails leaves the scenario before it', () => {
    const core = createHostCore({
      createSimulation: (s, o) => {
        if (s.name === 'broken') throw new Error('cannot build this cluster')
        return createSimulation(s, o)
      },
    })
    core.handle({ type: 'load', spec: spec([]), atMs: 2_000 })
    const failed = core.handle({ type: 'load', spec: { ...spec(), name: 'broken' }, atMs: 0 })
    expect(failed).toEqual({ kind: 'error', message: 'cannot build this cluster' })
    expect(updateOf(core.handle({ type: 'advance', targetMs: 3_000 })).simTimeMs).toBe(3_000)
  })
})
