/**
 * The scenario slice: the loaded scenario and `loadScenario`, which starts a fresh timeline (and
 * optionally runs it to a given time, as a share link asks).
 */
import type { SimulationSpec } from '../../engine/spec'
import type { Notice } from './simulation-slice'
import type { SliceCreator } from './types'

export interface LoadOptions {
  /** Run to this sim time after loading (a share link's `t`). */
  atMs?: number
  notice?: Notice | null
}

export interface ScenarioSlice {
  /** The scenario as loaded; its `faults` are the scenario's own script. */
  spec: SimulationSpec
  /** Goes up on every load, so views can drop layouts and caches of the previous scenario. */
  generation: number
  loadScenario: (spec: SimulationSpec, options?: LoadOptions) => void
  /** The scenario with the whole current recording as its fault script (what a share link holds). */
  recordedScenario: () => SimulationSpec
}

export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get, runtime) => ({
  spec: runtime.initialSpec,
  generation: 0,
  loadScenario(spec, options = {}) {
    runtime.carryMs = 0
    runtime.owedWallMs = 0
    set({
      spec,
      generation: get().generation + 1,
      playing: false,
      violation: null,
      notice: options.notice ?? null,
      selectedPartition: null,
      hoveredPartition: null,
      focusTopic: null,
      focusBroker: null,
    })
    runtime.host.send({ type: 'load', spec, atMs: options.atMs ?? 0 })
  },
  recordedScenario() {
    return { ...get().spec, faults: get().recording.slice() }
  },
})
