/**
 * Progress and Cancel in the store, over a host that runs the real core in slices as the worker
 * does (job-runner.ts), with its message loop turned by hand: a long seek shows its progress and
 * clears it when answered; Cancel on a seek stays at the time reached; Cancel on a load of a new
 * scenario keeps the scenario that was open, spec and all; a first load cancelled shows its
 * scenario from where it got to; a seek dragged to while the long one ran does not carry on.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../../engine/index'
import type { SimulationSpec } from '../../engine/spec'
import { createHostCore } from '../../host/core'
import { createJobRunner } from '../../host/job-runner'
import type { HostJobReport, HostMessage, SimulationHost } from '../../host/protocol'
import { TestCluster } from '../../test-support/test-cluster'
import { createAppStore } from '../app-store'

function spec(name: string): SimulationSpec {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 3 })
  c.topic('orders', { partitions: 2, replicationFactor: 3, 'min.insync.replicas': 2 })
  return { ...c.spec, name }
}

/** A worker-like host on this thread: requests run in slices when `turn` is called. */
function slicedHost() {
  const core = createHostCore({ createSimulation, restoreSimulation })
  const listeners = new Set<(message: HostMessage) => void>()
  const reportListeners = new Set<(report: HostJobReport) => void>()
  const tasks: (() => void)[] = []
  let clock = 0
  let nextId = 0
  let answered = 0
  let reporting: number | null = null
  const runner = createJobRunner({
    begin: (request) => core.begin(request),
    post: (data) => {
      if ('report' in data) {
        reporting = data.report.kind === 'progress' ? data.id : null
        for (const listener of reportListeners) listener(data.report)
        return
      }
      answered = data.id
      for (const listener of listeners) listener(data.message as HostMessage)
    },
    now: () => (clock += 1),
    schedule: (task) => tasks.push(task),
    sliceMs: 20,
  })
  const host: SimulationHost = {
    send(request) {
      nextId += 1
      runner.request(nextId, request)
    },
    compare: () => Promise.reject(new Error('not in this test')),
    busy: () => answered < nextId,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    subscribeReports(listener) {
      reportListeners.add(listener)
      return () => reportListeners.delete(listener)
    },
    cancel() {
      if (reporting !== null) runner.cancel(reporting)
    },
    dispose() {},
  }
  const turn = (times = 1) => {
    for (let i = 0; i < times; i += 1) tasks.shift()?.()
  }
  const drain = () => {
    while (tasks.length > 0) turn()
  }
  return { host, turn, drain }
}

describe('progress and Cancel', () => {
  it('shows a long seek’s progress while it runs and clears it when it is answered', () => {
    const { host, turn, drain } = slicedHost()
    const store = createAppStore({ host, spec: spec('Mine') })
    drain()
    store.getState().seek(600_000)
    turn(3)
    const progress = store.getState().hostProgress
    expect(progress).toMatchObject({ job: 'seek', fromMs: 0, targetMs: 600_000 })
    expect(progress?.reachedMs).toBeGreaterThan(0)
    drain()
    expect(store.getState().hostProgress).toBeNull()
    expect(store.getState().simTimeMs).toBe(600_000)
  })

  it('Cancel on a seek stays at the time reached, and a seek dragged to meanwhile is dropped', () => {
    const { host, turn, drain } = slicedHost()
    const store = createAppStore({ host, spec: spec('Mine') })
    drain()
    store.getState().seek(3_600_000)
    turn(3)
    // Asked for while the host is busy: it would run when the long seek answers.
    store.getState().seek(7_200_000)
    const reached = store.getState().hostProgress?.reachedMs ?? -1
    store.getState().cancelHostJob()
    drain()
    const state = store.getState()
    expect(state.hostProgress).toBeNull()
    expect(state.simTimeMs).toBeGreaterThanOrEqual(reached)
    expect(state.simTimeMs).toBeLessThan(3_600_000)
    expect(state.notice?.message).toMatch(/^Stopped at .* on the way to 60:00\.000/)
    expect(state.isHostBusy()).toBe(false)
  })

  it('Cancel on a load of a new scenario keeps the scenario that was open', () => {
    const { host, turn, drain } = slicedHost()
    const store = createAppStore({ host, spec: spec('Mine') })
    drain()
    store.getState().seek(4_000)
    drain()
    const before = store.getState()
    store.getState().loadScenario(spec('Linked'), { atMs: 3_600_000, edited: false })
    expect(store.getState().spec.name).toBe('Linked')
    turn(3)
    expect(store.getState().hostProgress?.job).toBe('load')
    store.getState().cancelHostJob()
    drain()
    const after = store.getState()
    expect(after.spec).toEqual(before.spec)
    expect(after.edited).toBe(before.edited)
    expect(after.generation).toBeGreaterThan(before.generation)
    expect(after.snapshot).toEqual(before.snapshot)
    expect(after.simTimeMs).toBe(4_000)
    expect(after.hostProgress).toBeNull()
    expect(after.notice?.message).toBe(
      'Opening “Linked” was cancelled: “Mine”, the scenario you had open, is still running.',
    )
    // And it still runs.
    store.getState().seek(5_000)
    drain()
    expect(store.getState().simTimeMs).toBe(5_000)
  })

  it('a first load cancelled shows its scenario from the time it reached', () => {
    const { host, turn, drain } = slicedHost()
    const store = createAppStore({ host, spec: spec('Linked'), atMs: 3_600_000 })
    turn(3)
    expect(store.getState().snapshot).toBeNull()
    store.getState().cancelHostJob()
    drain()
    const state = store.getState()
    expect(state.spec.name).toBe('Linked')
    expect(state.snapshot).not.toBeNull()
    expect(state.simTimeMs).toBeGreaterThan(0)
    expect(state.simTimeMs).toBeLessThan(3_600_000)
    expect(state.notice?.message).toMatch(/^Stopped at .*: “Linked” is shown from there\.$/)
  })

  it('does nothing without a long request, or on a host that cannot cancel', () => {
    const { host, drain } = slicedHost()
    const store = createAppStore({ host, spec: spec('Mine') })
    drain()
    store.getState().cancelHostJob()
    expect(store.getState().cancelRequestedAt).toBeNull()
    const inline = createAppStore({ engine: { createSimulation }, spec: spec('Inline') })
    inline.getState().seek(60_000)
    expect(inline.getState().hostProgress).toBeNull()
    expect(inline.getState().simTimeMs).toBe(60_000)
  })
})
