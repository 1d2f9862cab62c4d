/** The whole store state, as the union of its slices, and the slice-creator signature. */
import type { SimulationSlice } from './simulation-slice'
import type { PlaybackSlice } from './playback-slice'
import type { SelectionSlice } from './selection-slice'
import type { ScenarioSlice } from './scenario-slice'
import type { GuidedSlice } from './guided-slice'
import type { WorkSlice } from './work-slice'
import type { ProgressSlice } from './progress-slice'
import type { StoreRuntime } from '../runtime'

export type AppState = SimulationSlice &
  PlaybackSlice &
  SelectionSlice &
  ScenarioSlice &
  GuidedSlice &
  WorkSlice &
  ProgressSlice

export type SetState = (partial: Partial<AppState>) => void
export type GetState = () => AppState

export type SliceCreator<Slice> = (set: SetState, get: GetState, runtime: StoreRuntime) => Slice
