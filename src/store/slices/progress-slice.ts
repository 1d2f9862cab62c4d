/**
 * The progress slice: how far the host has got with a long load or seek (a share link at
 * t = 24 h, a seek hours ahead), as the host reports it between pieces of work, and Cancel.
 *
 * What Cancel leaves: a seek stays at the simulated time it reached (that work is kept, and the
 * scrubber shows where it is); a load of a new scenario keeps the scenario that was open, the
 * user's work, and puts its spec back in the store (`loadScenario` had already switched to the new
 * one); the first load of the page, with nothing before it, shows its scenario at the time
 * reached. `connectProgress` wires a store to its host's reports.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { HostJobReport, HostProgress, SimulationHost } from '../../host/protocol'
import { formatSimTime } from '../../scenario/sim-time'
import { activeGuided } from './guided-slice'
import type { AppState, SliceCreator } from './types'

export interface ProgressSlice {
  /** The long load or seek the host is working on, as last reported; null when there is none. */
  hostProgress: HostProgress | null
  /** The generation when Cancel was pressed, until the host has answered it; else null. */
  cancelRequestedAt: number | null
  /**
   * Stops the long load or seek: a seek stays at the time reached, a load keeps the scenario that
   * was open. Does nothing when there is none, or the host cannot cancel (the inline host).
   * @example store.getState().cancelHostJob()
   */
  cancelHostJob: () => void
}

export const createProgressSlice: SliceCreator<ProgressSlice> = (set, get, runtime) => ({
  hostProgress: null,
  cancelRequestedAt: null,
  cancelHostJob() {
    const cancel = runtime.host.cancel
    if (get().hostProgress === null || cancel === undefined) return
    // A drag's seek waiting behind the cancelled one would carry on what Cancel stopped.
    runtime.pendingSeekMs = null
    set({ cancelRequestedAt: get().generation })
    cancel()
  },
})

/** The scenario fields a load replaces, as they were before the latest load. */
interface BeforeLoad {
  /** The generation of the load that replaced them. */
  generation: number
  state: Pick<AppState, 'spec' | 'edited' | 'guided'>
}

/** The notice after a cancel, saying what is on screen now. */
function cancelledNotice(
  report: Extract<HostJobReport, { kind: 'cancelled' }>,
  name: string,
  restoredName: string | null,
): string {
  const { reachedMs, targetMs } = report.progress
  const at = formatSimTime(reachedMs)
  if (report.progress.job === 'seek')
    return `Stopped at ${at} on the way to ${formatSimTime(targetMs)}: the simulation stays there.`
  if (restoredName !== null)
    return `Opening “${name}” was cancelled: “${restoredName}”, the scenario you had open, is still running.`
  if (report.keptPrevious) return `Opening “${name}” was cancelled.`
  return `Stopped at ${at} on the way to ${formatSimTime(targetMs)}: “${name}” is shown from there.`
}

/**
 * Applies one report. A cancelled load puts the previous scenario back only when it is the load
 * the user cancelled: no newer load was asked for since Cancel, and none waited behind it.
 */
function applyReport(
  store: StoreApi<AppState>,
  report: HostJobReport,
  before: BeforeLoad | null,
): void {
  const state = store.getState()
  if (report.kind === 'progress') {
    store.setState({ hostProgress: report.progress })
    return
  }
  if (report.kind === 'finished') {
    store.setState({ hostProgress: null, cancelRequestedAt: null })
    return
  }
  const restore =
    report.progress.job === 'load' &&
    report.keptPrevious &&
    !report.loadQueued &&
    state.cancelRequestedAt === state.generation &&
    before !== null &&
    before.generation === state.generation
      ? before.state
      : null
  const patch: Partial<AppState> = { hostProgress: null, cancelRequestedAt: null }
  if (restore !== null) {
    // A new generation, not the old number: views dropped their caches of the cancelled load.
    const generation = state.generation + 1
    Object.assign(patch, {
      spec: restore.spec,
      edited: restore.edited,
      generation,
      guided: restore.guided === null ? state.guided : { ...restore.guided, generation },
    })
  }
  const message = cancelledNotice(report, state.spec.name, restore?.spec.name ?? null)
  patch.notice = { tone: 'info', message }
  store.setState(patch)
}

/**
 * Connects a store to its host's reports on long requests, and remembers the scenario each load
 * replaces so that a cancelled load can put it back. A host without reports (the inline host,
 * which answers every request at once) needs nothing.
 *
 * @example
 * const store = createStore<AppState>()(...)
 * connectProgress(store, host)
 */
export function connectProgress(store: StoreApi<AppState>, host: SimulationHost): void {
  if (host.subscribeReports === undefined) return
  let before: BeforeLoad | null = null
  store.subscribe((state, previous) => {
    if (state.generation === previous.generation) return
    before = {
      generation: state.generation,
      state: { spec: previous.spec, edited: previous.edited, guided: activeGuided(previous) },
    }
  })
  host.subscribeReports((report) => applyReport(store, report, before))
}
