/**
 * The application store: one vanilla Zustand store built from slices (simulation, playback,
 * selection, scenario, guided, saved work). `main.tsx` creates the instance; tests create a fresh
 * one each.
 *
 * @example
 * const store = createAppStore({ engine: { createSimulation, restoreSimulation }, spec })
 * store.getState().play()
 * store.getState().tick(16)
 */
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { SimulationSpec } from '../engine/spec'
import type { EnginePort, HostOptions, SimulationHost } from '../host/index'
import { createInlineHost } from '../host/index'
import type { StoreRuntime } from './runtime'
import { createPlaybackSlice } from './slices/playback-slice'
import { createGuidedSlice } from './slices/guided-slice'
import { createScenarioSlice } from './slices/scenario-slice'
import { createSelectionSlice } from './slices/selection-slice'
import { createSimulationSlice } from './slices/simulation-slice'
import { createWorkSlice } from './slices/work-slice'
import { connectProgress, createProgressSlice } from './slices/progress-slice'
import type { StorageLike } from './persist'
import type { AppState } from './slices/types'

export type { AppState } from './slices/types'
export type AppStore = StoreApi<AppState>

export type AppStoreOptions = {
  spec: SimulationSpec
  /** Deep-freeze published snapshots; defaults to on in dev and test builds. */
  freeze?: boolean
  /** Run at this sim time after loading (a share link's `t`). */
  atMs?: number
  /** Where saved work is kept (persist.ts); default none. */
  storage?: StorageLike | null
} & ({ host: SimulationHost } | { engine: EnginePort; hostOptions?: HostOptions })

export function createAppStore(options: AppStoreOptions): AppStore {
  const host =
    'host' in options ? options.host : createInlineHost(options.engine, options.hostOptions)
  const runtime: StoreRuntime = {
    host,
    initialSpec: options.spec,
    freeze: options.freeze ?? import.meta.env.DEV,
    owedWallMs: 0,
    carryMs: 0,
    pendingSeekMs: null,
    storage: options.storage ?? null,
    replacedWork: null,
  }
  const store = createStore<AppState>()((set, get) => {
    const setState = (partial: Partial<AppState>) => set(partial)
    return {
      ...createSimulationSlice(setState, get, runtime),
      ...createPlaybackSlice(setState, get, runtime),
      ...createSelectionSlice(setState, get, runtime),
      ...createScenarioSlice(setState, get, runtime),
      ...createGuidedSlice(setState, get, runtime),
      ...createWorkSlice(setState, get, runtime),
      ...createProgressSlice(setState, get, runtime),
    }
  })
  host.subscribe((message) => store.getState().receive(message))
  connectProgress(store, host)
  host.send({ type: 'load', spec: options.spec, atMs: options.atMs ?? 0 })
  return store
}
