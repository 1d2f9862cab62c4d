/**
 * The application store: one vanilla Zustand store built from four slices (simulation, playback,
 * selection, scenario). `main.tsx` creates the instance; tests create a fresh one each.
 *
 * @example
 * const store = createAppStore({ engine: { createSimulation, restoreSimulation }, spec })
 * store.getState().play()
 * store.getState().tick(16)
 */
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { SimulationSpec } from '../engine/spec'
import type { EnginePort } from './engine-port'
import { createRuntime } from './runtime'
import type { TimelineOptions } from './timeline'
import { createPlaybackSlice } from './slices/playback-slice'
import { createScenarioSlice } from './slices/scenario-slice'
import { createSelectionSlice } from './slices/selection-slice'
import { createSimulationSlice } from './slices/simulation-slice'
import type { AppState } from './slices/types'

export type { AppState } from './slices/types'
export type AppStore = StoreApi<AppState>

export interface AppStoreOptions {
  engine: EnginePort
  spec: SimulationSpec
  timeline?: TimelineOptions
  /** Deep-freeze published snapshots; defaults to on in dev and test builds. */
  freeze?: boolean
}

export function createAppStore(options: AppStoreOptions): AppStore {
  const freeze = options.freeze ?? import.meta.env.DEV
  const runtime = createRuntime(options.engine, options.spec, options.timeline ?? {}, freeze)
  return createStore<AppState>()((set, get) => {
    const setState = (partial: Partial<AppState>) => set(partial)
    return {
      ...createSimulationSlice(setState, get, runtime),
      ...createPlaybackSlice(setState, get, runtime),
      ...createSelectionSlice(setState, get, runtime),
      ...createScenarioSlice(setState, get, runtime),
    }
  })
}
