/**
 * The last Step's jump, as the store records it for the toolbar: measured from the time before
 * the step to the time its answer reports, with the events logged at the stop; cleared by play,
 * seek and a load; left alone by answers to earlier requests still in flight.
 */
import { describe, expect, it } from 'vitest'
import { buildSpec } from '../../analysis/test-helpers'
import { createSimulation, restoreSimulation } from '../../engine/index'
import type { HostUpdate } from '../../host/index'
import { createFakeEngine, tinySpec } from '../../host/testing/fake-engine'
import { createAppStore } from '../app-store'
import { settleStep } from './playback-slice'

/** No clients, so nothing is logged for a minute at a time once the cluster has settled. */
function quietStore() {
  const spec = buildSpec({
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, config: {} }],
    clients: [],
  })
  return createAppStore({ engine: { createSimulation, restoreSimulation }, spec, freeze: true })
}

describe('lastStep', () => {
  it('is null before any step', () => {
    expect(quietStore().getState().lastStep).toBeNull()
  })

  it('records a short step that stopped at an event', () => {
    const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
    store.getState().step()
    const { lastStep, simTimeMs, stepPending } = store.getState()
    expect(stepPending).toBe(false)
    expect(lastStep).toEqual({ fromMs: 0, toMs: simTimeMs, events: lastStep!.events })
    expect(simTimeMs).toBe(1000)
  })

  it('records the whole jump of a step on a quiet cluster, and no events', () => {
    const store = quietStore()
    // The first steps see the cluster start up; later ones find nothing to stop at.
    let before = store.getState().simTimeMs
    for (let i = 0; i < 3; i++) {
      before = store.getState().simTimeMs
      store.getState().step()
    }
    const { lastStep, simTimeMs } = store.getState()
    expect(lastStep).toEqual({ fromMs: before, toMs: simTimeMs, events: 0 })
    expect(simTimeMs - before).toBeGreaterThan(1000)
  })

  it('is cleared by play and by seek', () => {
    const store = quietStore()
    store.getState().step()
    expect(store.getState().lastStep).not.toBeNull()
    store.getState().play()
    expect(store.getState().lastStep).toBeNull()
    store.getState().step()
    expect(store.getState().lastStep).not.toBeNull()
    store.getState().seek(0)
    expect(store.getState().lastStep).toBeNull()
  })
})

describe('settleStep', () => {
  const update = (simTimeMs: number, from: number, items: number): HostUpdate =>
    ({
      simTimeMs,
      horizonMs: simTimeMs,
      events: { from, items: Array.from({ length: items }, () => ({})) },
      clientLog: { from: 0, items: [] },
      metrics: { from: 0, items: [] },
    }) as unknown as HostUpdate
  const state = (stepPending: boolean) =>
    ({ stepPending, simTimeMs: 500, events: [{}, {}] }) as unknown as Parameters<
      typeof settleStep
    >[0]

  it('does nothing when no step is pending', () => {
    expect(settleStep(state(false), update(9000, 2, 1), false)).toEqual({})
  })

  it('waits while the host still has requests in hand (this answer is an earlier one)', () => {
    expect(settleStep(state(true), update(900, 2, 0), true)).toEqual({})
  })

  it('measures from the time before the answer and counts the new events', () => {
    expect(settleStep(state(true), update(60_500, 2, 3), false)).toEqual({
      stepPending: false,
      lastStep: { fromMs: 500, toMs: 60_500, events: 3 },
    })
  })

  it('is cancelled by a load', () => {
    const loaded = { ...update(0, 0, 0), loaded: true }
    expect(settleStep(state(true), loaded, true)).toEqual({ stepPending: false, lastStep: null })
  })
})
