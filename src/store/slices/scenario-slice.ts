/**
 * The scenario slice: the loaded scenario and `loadScenario`, which starts a fresh timeline (and
 * optionally runs it to a given time, as a share link asks, or replays a recording of its own, as
 * bringing back saved work does). A load that may replace the user's unsaved work (work.ts) can
 * keep it, and `undoLoad` brings it back.
 */
import type { SimulationSpec, TimedFault } from '../../engine/spec'
import { formatSimTime } from '../../scenario/sim-time'
import type { ReplacedWork } from '../runtime'
import { currentWork, hasUnsavedWork, userFaultCount } from '../work'
import { activeGuided } from './guided-slice'
import type { Notice } from './simulation-slice'
import type { AppState, SliceCreator } from './types'

export interface LoadOptions {
  /** Run to this sim time after loading (a share link's `t`). */
  atMs?: number
  notice?: Notice | null
  /**
   * The faults to replay instead of the scenario's own script: bringing back work keeps the
   * script (`spec.faults`) apart from the faults the user added.
   */
  recording?: readonly TimedFault[]
  /**
   * Whether the scenario is the user's own edit (work.ts, `hasUnsavedWork`). Default true: a load
   * that does not say it came from elsewhere is the Scenario tab, an advisor fix, an import or a
   * file. Share links and guided scenarios pass false.
   */
  edited?: boolean
  /**
   * Keep the work this load replaces, when it is unsaved, so that `undoLoad` can bring it back;
   * the notice then says so and offers Undo.
   */
  undoable?: boolean
}

export interface ScenarioSlice {
  /** The scenario as loaded; its `faults` are the scenario's own script. */
  spec: SimulationSpec
  /** Whether the loaded scenario is the user's own edit (see `LoadOptions.edited`). */
  edited: boolean
  /** Goes up on every load, so views can drop layouts and caches of the previous scenario. */
  generation: number
  loadScenario: (spec: SimulationSpec, options?: LoadOptions) => void
  /** The scenario with the whole current recording as its fault script (what a share link holds). */
  recordedScenario: () => SimulationSpec
  /** Brings back the unsaved work the latest undoable load replaced (its notice's Undo). */
  undoLoad: () => void
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The notice of a load that replaced unsaved work: what was opened, and that Undo is there. */
function replacedNotice(spec: SimulationSpec, notice: Notice | null, kept: ReplacedWork): Notice {
  const opened = notice?.message ?? `Opened “${spec.name}”.`
  return {
    tone: notice?.tone ?? 'info',
    message: `${opened} It replaced your unsaved work on “${kept.spec.name}”: Undo brings it back.`,
    undo: 'load',
  }
}

function keptWork(state: AppState): ReplacedWork {
  return { ...currentWork(state), guided: activeGuided(state) }
}

export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get, runtime) => ({
  spec: runtime.initialSpec,
  edited: false,
  generation: 0,
  loadScenario(spec, options = {}) {
    const state = get()
    const kept = options.undoable === true && hasUnsavedWork(state) ? keptWork(state) : null
    runtime.replacedWork = kept
    runtime.carryMs = 0
    runtime.owedWallMs = 0
    const notice = options.notice ?? null
    set({
      spec,
      edited: options.edited ?? true,
      generation: state.generation + 1,
      playing: false,
      violation: null,
      notice: kept === null ? notice : replacedNotice(spec, notice, kept),
      selectedPartition: null,
      hoveredPartition: null,
      focusTopic: null,
      focusBroker: null,
    })
    const recording = options.recording
    const hostSpec = recording === undefined ? spec : { ...spec, faults: recording.slice() }
    runtime.host.send({ type: 'load', spec: hostSpec, atMs: options.atMs ?? 0 })
  },
  recordedScenario() {
    return { ...get().spec, faults: get().recording.slice() }
  },
  undoLoad() {
    const work = runtime.replacedWork
    if (work === null) return
    const faults = plural(userFaultCount(work), 'recorded fault')
    get().loadScenario(work.spec, {
      atMs: work.atMs,
      recording: work.recording,
      edited: work.edited,
      notice: {
        tone: 'info',
        message: `Brought back “${work.spec.name}” at ${formatSimTime(work.atMs)}, with ${faults}.`,
      },
    })
    if (work.guided !== null) set({ guided: { ...work.guided, generation: get().generation } })
  },
})
