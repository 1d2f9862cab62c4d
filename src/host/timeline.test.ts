/**
 * The time machine over a fake engine: scripted faults apply when the clock reaches them, seeking
 * back restores a checkpoint and replays the recording, acting at the live edge keeps the faults
 * scripted for later, acting in the past forks and the fork can be undone, and markers are
 * neither lost nor duplicated by a replay.
 */
import { describe, expect, it } from 'vitest'
import { createFakeEngine, tinySpec } from './testing/fake-engine'
import { createTimeline } from './timeline'

describe('createTimeline', () => {
  it('applies scripted faults when the clock reaches them', () => {
    const timeline = createTimeline(
      tinySpec([{ type: 'crashBroker', broker: 2, atMs: 2500 }]),
      createFakeEngine(),
    )
    timeline.advance(2000)
    expect(timeline.sim().faults()).toEqual([])
    timeline.advance(3000)
    expect(timeline.sim().faults()).toEqual([{ type: 'crashBroker', broker: 2, atMs: 2500 }])
    expect(timeline.horizonMs()).toBe(3000)
  })

  it('hands the engine a spec without faults so checkpoints hold only the past', () => {
    const timeline = createTimeline(
      tinySpec([{ type: 'crashBroker', broker: 2, atMs: 2500 }]),
      createFakeEngine(),
    )
    expect(timeline.spec.faults).toEqual([])
    expect(timeline.recording()).toHaveLength(1)
  })

  it('spreads a long jump ahead over a few checkpoints, not one per interval', () => {
    const engine = createFakeEngine()
    let checkpoints = 0
    const counting = {
      ...engine,
      createSimulation: (...args: Parameters<typeof engine.createSimulation>) => {
        const sim = engine.createSimulation(...args)
        const checkpoint = sim.checkpoint.bind(sim)
        sim.checkpoint = () => {
          checkpoints += 1
          return checkpoint()
        }
        return sim
      },
    }
    const timeline = createTimeline(tinySpec(), counting, { checkpointIntervalMs: 1000 })
    // An hour ahead at a 1 s interval would be 3,600 checkpoints.
    timeline.seek(3_600_000)
    expect(timeline.nowMs()).toBe(3_600_000)
    expect(checkpoints).toBeGreaterThan(0)
    expect(checkpoints).toBeLessThanOrEqual(17)
    // Small steps still checkpoint every interval.
    checkpoints = 0
    for (let t = 3_601_000; t <= 3_610_000; t += 500) timeline.advance(t)
    expect(checkpoints).toBeGreaterThanOrEqual(9)
  })

  it('seeks back from the latest checkpoint and replays recorded faults', () => {
    const engine = createFakeEngine()
    const timeline = createTimeline(tinySpec(), engine, { checkpointIntervalMs: 1000 })
    timeline.advance(4000)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    timeline.advance(10_000)
    timeline.seek(6500)
    expect(engine.restored).toBe(1)
    expect(timeline.nowMs()).toBe(6500)
    expect(timeline.horizonMs()).toBe(10_000)
    expect(timeline.sim().faults()).toEqual([{ type: 'crashBroker', broker: 1, atMs: 4000 }])
    timeline.seek(3000)
    expect(timeline.sim().faults()).toEqual([])
    timeline.advance(5000)
    expect(timeline.sim().faults()).toEqual([{ type: 'crashBroker', broker: 1, atMs: 4000 }])
  })

  it('replays from time 0 when the engine cannot restore checkpoints', () => {
    const engine = createFakeEngine()
    delete engine.restoreSimulation
    const timeline = createTimeline(tinySpec(), engine)
    timeline.advance(9000)
    timeline.seek(4000)
    expect(engine.created).toBe(2)
    expect(timeline.nowMs()).toBe(4000)
  })

  it('forks when acting in the past: later faults are discarded', () => {
    const timeline = createTimeline(tinySpec(), createFakeEngine(), { checkpointIntervalMs: 1000 })
    timeline.advance(3000)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    timeline.advance(8000)
    timeline.inject({ type: 'startBroker', broker: 1 })
    timeline.seek(5000)
    const result = timeline.inject({ type: 'crashBroker', broker: 3 })
    expect(result).toEqual({ forkedAtMs: 5000, discardedFaults: 1 })
    expect(timeline.horizonMs()).toBe(5000)
    expect(timeline.recording()).toEqual([
      { type: 'crashBroker', broker: 1, atMs: 3000 },
      { type: 'crashBroker', broker: 3, atMs: 5000 },
    ])
    timeline.advance(9000)
    expect(
      timeline
        .sim()
        .faults()
        .map((fault) => fault.type),
    ).toEqual(['crashBroker', 'crashBroker'])
  })

  it('does not fork when acting at the horizon', () => {
    const timeline = createTimeline(tinySpec(), createFakeEngine())
    timeline.advance(3000)
    expect(timeline.inject({ type: 'crashBroker', broker: 1 })).toEqual({
      forkedAtMs: null,
      discardedFaults: 0,
    })
  })

  it('keeps the scenario’s later scripted faults when acting at the live edge', () => {
    const timeline = createTimeline(
      tinySpec([{ type: 'crashBroker', broker: 2, atMs: 8000 }]),
      createFakeEngine(),
      { checkpointIntervalMs: 1000 },
    )
    timeline.advance(3000)
    expect(timeline.inject({ type: 'crashBroker', broker: 1 })).toEqual({
      forkedAtMs: null,
      discardedFaults: 0,
    })
    expect(timeline.recording()).toEqual([
      { type: 'crashBroker', broker: 1, atMs: 3000 },
      { type: 'crashBroker', broker: 2, atMs: 8000 },
    ])
    timeline.advance(9000)
    expect(timeline.sim().faults()).toEqual([
      { type: 'crashBroker', broker: 1, atMs: 3000 },
      { type: 'crashBroker', broker: 2, atMs: 8000 },
    ])
  })

  it('replays a fault added at the live edge exactly: seeking back over it and on again', () => {
    const timeline = createTimeline(
      tinySpec([{ type: 'crashBroker', broker: 2, atMs: 8000 }]),
      createFakeEngine(),
      { checkpointIntervalMs: 1000 },
    )
    timeline.advance(3500)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    timeline.advance(12_000)
    const events = timeline.sim().events()
    const markers = timeline.markers()
    timeline.seek(1200)
    expect(timeline.sim().faults()).toEqual([])
    timeline.seek(12_000)
    expect(timeline.sim().events()).toEqual(events)
    expect(timeline.markers()).toEqual(markers)
    expect(timeline.recording()).toHaveLength(2)
  })

  it('undoes a fork: the old recording, horizon and markers are back, at the fork’s time', () => {
    const engine = createFakeEngine()
    const timeline = createTimeline(tinySpec(), engine, { checkpointIntervalMs: 1000 })
    timeline.advance(3000)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    timeline.advance(8000)
    timeline.inject({ type: 'startBroker', broker: 1 })
    timeline.advance(10_000)
    const recording = timeline.recording()
    const markers = timeline.markers()
    timeline.seek(5000)
    timeline.inject({ type: 'crashBroker', broker: 3 })
    timeline.advance(6000)
    timeline.inject({ type: 'crashBroker', broker: 2 })
    expect(timeline.canUndoFork()).toBe(true)

    expect(timeline.undoFork()).toBe(5000)
    expect(timeline.nowMs()).toBe(5000)
    expect(timeline.horizonMs()).toBe(10_000)
    expect(timeline.recording()).toEqual(recording)
    expect(timeline.markers()).toEqual(markers)
    expect(timeline.sim().faults()).toEqual([{ type: 'crashBroker', broker: 1, atMs: 3000 }])
    // The original future replays: the restart at 8 s happens again, from a kept checkpoint.
    const restored = engine.restored
    timeline.seek(9000)
    expect(
      timeline
        .sim()
        .faults()
        .map((fault) => fault.type),
    ).toEqual(['crashBroker', 'startBroker'])
    timeline.seek(7000)
    expect(engine.restored).toBe(restored + 1)
    expect(timeline.canUndoFork()).toBe(false)
    expect(timeline.undoFork()).toBeNull()
  })

  it('has nothing to undo before a fork, nor after acting at the live edge', () => {
    const timeline = createTimeline(tinySpec(), createFakeEngine())
    expect(timeline.undoFork()).toBeNull()
    timeline.advance(3000)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    expect(timeline.canUndoFork()).toBe(false)
    expect(timeline.undoFork()).toBeNull()
    expect(timeline.recording()).toHaveLength(1)
  })

  it('keeps one set of markers across a seek and replay, and drops them past a fork', () => {
    const timeline = createTimeline(tinySpec(), createFakeEngine(), { checkpointIntervalMs: 1000 })
    timeline.advance(2000)
    timeline.inject({ type: 'crashBroker', broker: 1 })
    timeline.advance(5000)
    const before = timeline.markers().map((marker) => [marker.atMs, marker.kind])
    expect(before).toEqual([
      [1000, 'election'],
      [2000, 'election'],
      [2000, 'fault'],
      [3000, 'election'],
      [4000, 'election'],
      [5000, 'election'],
    ])
    timeline.seek(1500)
    timeline.advance(5000)
    expect(timeline.markers().map((marker) => [marker.atMs, marker.kind])).toEqual(before)
    timeline.seek(2500)
    timeline.inject({ type: 'crashBroker', broker: 2 })
    expect(timeline.markers().map((marker) => [marker.atMs, marker.kind])).toEqual([
      [1000, 'election'],
      [2000, 'election'],
      [2000, 'fault'],
      [2500, 'fault'],
    ])
  })

  it('steps to the next event but stops at the next recorded fault', () => {
    const timeline = createTimeline(
      tinySpec([{ type: 'crashBroker', broker: 2, atMs: 400 }]),
      createFakeEngine(),
    )
    expect(timeline.step()).toBe(400)
    expect(timeline.sim().faults()).toHaveLength(1)
    expect(timeline.step()).toBe(1000)
  })

  it('spaces checkpoints further apart when they are expensive', () => {
    const engine = createFakeEngine()
    let wall = 0
    const sim = engine.createSimulation.bind(engine)
    engine.createSimulation = (spec, options) => {
      const created = sim(spec, options)
      const checkpoint = created.checkpoint.bind(created)
      created.checkpoint = () => {
        wall += 500
        return checkpoint()
      }
      return created
    }
    const timeline = createTimeline(tinySpec(), engine, {
      checkpointIntervalMs: 1000,
      wallClockMs: () => wall,
    })
    timeline.advance(60_000)
    // At 1 s, then 500 ms × 40 = 20 s apart: 21 s, 41 s.
    expect(wall).toBe(1500)
  })

  it('thins checkpoints beyond the cap', () => {
    const engine = createFakeEngine()
    const timeline = createTimeline(tinySpec(), engine, {
      checkpointIntervalMs: 1000,
      maxCheckpoints: 4,
    })
    timeline.advance(20_000)
    timeline.seek(19_500)
    expect(engine.restored).toBe(1)
    expect(timeline.nowMs()).toBe(19_500)
  })
})
