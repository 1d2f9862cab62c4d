/**
 * The store over a fake engine: ticks turn wall time × speed into sim time (carrying fractions),
 * nothing advances while paused, step and seek publish, injecting in the past forks with a notice,
 * invariant violations halt playback, loading a scenario starts a fresh timeline, published
 * snapshots are frozen, log copies follow seeks, and a busy host defers ticks.
 */
import { describe, expect, it } from 'vitest'
import { createAppStore } from './app-store'
import type { HostMessage, HostRequest, SimulationHost } from '../host/index'
import { createHostCore } from '../host/index'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'

function freshStore() {
  return createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
}

describe('createAppStore', () => {
  it('starts paused at time 0 with a published snapshot', () => {
    const state = freshStore().getState()
    expect(state.playing).toBe(false)
    expect(state.simTimeMs).toBe(0)
    expect(state.snapshot?.brokers).toHaveLength(3)
    expect(state.spec.name).toBe('tiny')
  })

  it('advances by wall time × speed while playing, carrying fractions', () => {
    const store = freshStore()
    store.getState().tick(100)
    expect(store.getState().simTimeMs).toBe(0)
    store.getState().play()
    store.getState().setSpeed(0.25)
    store.getState().tick(10)
    store.getState().tick(10)
    expect(store.getState().simTimeMs).toBe(5)
    store.getState().setSpeed(100)
    store.getState().tick(16)
    expect(store.getState().simTimeMs).toBe(1605)
  })

  it('caps one frame at 250 ms of wall time and clamps the speed', () => {
    const store = freshStore()
    store.getState().play()
    store.getState().setSpeed(1000)
    expect(store.getState().speed).toBe(100)
    store.getState().tick(10_000)
    expect(store.getState().simTimeMs).toBe(25_000)
  })

  it('steps to the next event and pauses', () => {
    const store = freshStore()
    store.getState().play()
    store.getState().step()
    expect(store.getState().playing).toBe(false)
    expect(store.getState().simTimeMs).toBe(1000)
  })

  it('publishes a new snapshot object once per tick, frozen', () => {
    const store = freshStore()
    const seen: unknown[] = []
    store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) seen.push(state.snapshot)
    })
    store.getState().play()
    store.getState().tick(16)
    expect(seen).toHaveLength(1)
    expect(Object.isFrozen(store.getState().snapshot?.brokers[0])).toBe(true)
  })

  it('records injected faults and forks with a notice when acting in the past', () => {
    const store = freshStore()
    const state = () => store.getState()
    state().seek(2000)
    state().inject({ type: 'crashBroker', broker: 1 })
    expect(state().snapshot?.brokers[0]?.status).toBe('offline')
    expect(state().notice).toBeNull()
    state().seek(6000)
    state().inject({ type: 'startBroker', broker: 1 })
    state().seek(3000)
    expect(state().recording).toHaveLength(2)
    expect(state().horizonMs).toBe(6000)
    state().inject({ type: 'crashBroker', broker: 2 })
    expect(state().recording.map((fault) => fault.atMs)).toEqual([2000, 3000])
    expect(state().notice).toEqual({
      tone: 'info',
      message:
        'Forked a new future at 00:03.000: discarded 1 later fault. Undo brings the old future back.',
      undo: 'fork',
    })
    expect(state().recordedScenario().faults).toHaveLength(2)
  })

  it('halts playback on an invariant violation until acknowledged', () => {
    const engine = createFakeEngine()
    const create = engine.createSimulation.bind(engine)
    engine.createSimulation = (spec, options) => {
      const sim = create(spec, options)
      const events = sim.events.bind(sim)
      sim.events = (from = 0) =>
        [...events(0), { atMs: 0, type: 'InvariantViolated' as const, message: 'HW > LEO' }].slice(
          from,
        )
      return sim
    }
    const store = createAppStore({ engine, spec: tinySpec() })
    store.getState().play()
    store.getState().tick(16)
    expect(store.getState().violation).toEqual({ atMs: 0, message: 'HW > LEO' })
    expect(store.getState().playing).toBe(false)
    store.getState().play()
    expect(store.getState().playing).toBe(false)
    store.getState().acknowledgeViolation()
    store.getState().play()
    expect(store.getState().playing).toBe(true)
  })

  it('loads a scenario into a fresh timeline, optionally running to a time', () => {
    const store = freshStore()
    store.getState().selectPartition('orders-0')
    store.getState().seek(5000)
    store.getState().loadScenario({ ...tinySpec(), name: 'other' }, { atMs: 1234 })
    const state = store.getState()
    expect(state.spec.name).toBe('other')
    expect(state.simTimeMs).toBe(1234)
    expect(state.horizonMs).toBe(1234)
    expect(state.selectedPartition).toBeNull()
  })

  it('toggles the selected partition and drill-down focus', () => {
    const store = freshStore()
    store.getState().selectPartition('orders-0')
    expect(store.getState().selectedPartition).toBe('orders-0')
    store.getState().selectPartition('orders-0')
    expect(store.getState().selectedPartition).toBeNull()
    store.getState().focusOnBroker(3)
    store.getState().focusOnTopic('orders')
    expect([store.getState().focusBroker, store.getState().focusTopic]).toEqual([3, 'orders'])
  })
})

describe('log copies and a busy host', () => {
  it('appends new events and truncates them after a seek back', () => {
    const store = freshStore()
    store.getState().seek(5000)
    expect(store.getState().events.map((e) => e.atMs)).toEqual([1000, 2000, 3000, 4000, 5000])
    const before = store.getState().events
    store.getState().seek(2500)
    expect(store.getState().events.map((e) => e.atMs)).toEqual([1000, 2000])
    store.getState().seek(3000)
    expect(store.getState().events.map((e) => e.atMs)).toEqual([1000, 2000, 3000])
    expect(before).toHaveLength(5)
  })

  it('does not stack requests while the host is busy, and owes at most 250 ms', () => {
    const core = createHostCore(createFakeEngine())
    const queued: HostRequest[] = []
    const listeners: ((message: HostMessage) => void)[] = []
    const host: SimulationHost = {
      send: (request) => void queued.push(request),
      compare: () => Promise.reject(new Error('no comparisons in this test')),
      busy: () => queued.length > 0,
      subscribe: (listener) => {
        listeners.push(listener)
        return () => undefined
      },
      dispose: () => undefined,
    }
    const flush = () => {
      for (const request of queued.splice(0)) {
        const message = core.handle(request)
        listeners.forEach((listener) => listener(message))
      }
    }
    const store = createAppStore({ host, spec: tinySpec() })
    expect(store.getState().snapshot).toBeNull()
    flush()
    store.getState().play()
    store.getState().tick(16)
    expect(queued).toEqual([{ type: 'advance', targetMs: 16 }])
    for (let i = 0; i < 30; i += 1) store.getState().tick(16)
    expect(queued).toHaveLength(1)
    flush()
    store.getState().tick(16)
    expect(queued).toEqual([{ type: 'advance', targetMs: 16 + 250 }])
  })

  it('coalesces seeks asked for while the host is busy into the latest one', () => {
    const core = createHostCore(createFakeEngine())
    const queued: HostRequest[] = []
    let listener: (message: HostMessage) => void = () => undefined
    const host: SimulationHost = {
      send: (request) => void queued.push(request),
      compare: () => Promise.reject(new Error('no comparisons in this test')),
      busy: () => queued.length > 0,
      subscribe: (l) => {
        listener = l
        return () => undefined
      },
      dispose: () => undefined,
    }
    const store = createAppStore({ host, spec: tinySpec() })
    store.getState().seek(1000)
    store.getState().seek(2000)
    store.getState().seek(3000)
    expect(queued.map((r) => r.type)).toEqual(['load'])
    listener(core.handle(queued.shift() as HostRequest))
    expect(queued).toEqual([{ type: 'seek', atMs: 3000 }])
  })

  it('runs a comparison in the host without touching the timeline', async () => {
    const store = freshStore()
    store.getState().seek(2000)
    const before = store.getState()
    const progress: number[] = []
    const comparison = await store
      .getState()
      .runComparison(
        { specA: tinySpec(), specB: tinySpec(), durationMs: 3000, sliceMs: 2000 },
        { onProgress: (atMs) => progress.push(atMs) },
      )
    expect(progress).toEqual([2000, 3000])
    expect(comparison.durationMs).toBe(3000)
    expect(comparison.rows.every((r) => r.winner === 'same')).toBe(true)
    expect(store.getState()).toBe(before)
  })

  it('shows a host error as a notice and pauses', () => {
    const store = freshStore()
    store.getState().play()
    store.getState().receive({ kind: 'error', message: 'unknown broker 9' })
    expect(store.getState().playing).toBe(false)
    expect(store.getState().notice).toEqual({ tone: 'error', message: 'unknown broker 9' })
  })
})
