/**
 * The guided-scenario slice: the narration of the guided scenario that is loaded, tied to the
 * load (`generation`) that brought it, so any other load (share link, config editor, a fix)
 * retires it without this slice touching `loadScenario`.
 */
import type { SimulationSpec } from '../../engine/spec'
import type { ScenarioNarration } from '../../scenario/types'
import type { AppState, SliceCreator } from './types'

export interface GuidedScenario {
  id: string
  title: string
  narration: ScenarioNarration
  /** The scenario generation it was loaded as. */
  generation: number
}

export interface GuidedSlice {
  guided: GuidedScenario | null
  /**
   * Loads a guided scenario's spec (a fresh timeline) and keeps its narration beside it; unsaved
   * work it replaces can be brought back with `undoLoad`.
   */
  loadGuided: (
    id: string,
    title: string,
    spec: SimulationSpec,
    narration: ScenarioNarration,
  ) => void
  closeGuided: () => void
  /** Goes up each time something asks for the scenario picker (the recap's "Choose another"). */
  scenarioPickerRequests: number
  requestScenarioPicker: () => void
}

/** The narration to show: the guided scenario's, while it is still the loaded scenario. */
export function activeGuided(state: AppState): GuidedScenario | null {
  const guided = state.guided
  return guided !== null && guided.generation === state.generation ? guided : null
}

export const createGuidedSlice: SliceCreator<GuidedSlice> = (set, get) => ({
  guided: null,
  loadGuided(id, title, spec, narration) {
    // A guided scenario is as it came (not the user's edit); unsaved work it replaces is kept
    // for Undo, as a share link's is.
    get().loadScenario(spec, { edited: false, undoable: true })
    set({ guided: { id, title, narration, generation: get().generation } })
  },
  closeGuided() {
    set({ guided: null })
  },
  scenarioPickerRequests: 0,
  requestScenarioPicker() {
    set({ scenarioPickerRequests: get().scenarioPickerRequests + 1 })
  },
})
