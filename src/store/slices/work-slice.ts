/**
 * The saved-work slice: the offer, on a visit without a share link, to bring back the work saved
 * in local storage on an earlier visit (persist.ts). Nothing is restored silently, and the saved
 * copy stays until the user restores it (it is then the current work, saved as such) or dismisses
 * the offer.
 */
import { formatSimTime } from '../../scenario/sim-time'
import { forgetSavedWork, SAVED_WORK_KEY } from '../persist'
import { type Work, userFaultCount } from '../work'
import type { SliceCreator } from './types'

export interface RestoreOffer {
  work: Work
  /** How many of its recorded faults the user added (the scenario's own script not counted). */
  userFaults: number
  /** The stored text it was read from: Dismiss forgets the saved copy only if it is still that. */
  storedText: string | null
}

export interface WorkSlice {
  restoreOffer: RestoreOffer | null
  /** Offers to bring back saved work (`storedText`: the record it was read from, if any). */
  offerRestore: (work: Work, storedText?: string | null) => void
  /** Loads the offered work (scenario, faults, time); unsaved work it replaces is kept for Undo. */
  restoreSavedWork: () => void
  /** Declines the offer and forgets the saved copy. */
  dismissSavedWork: () => void
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the saved work holds: "“Default …”, 2 recorded faults, at 00:31.000". */
function workSummary(offer: RestoreOffer): string {
  const faults = plural(offer.userFaults, 'recorded fault')
  return `“${offer.work.spec.name}”, ${faults}, at ${formatSimTime(offer.work.atMs)}`
}

/**
 * The offer as one sentence, for the banner and its label.
 * @example
 * restoreOfferText(offer) // "Restore your work: “Default …”, 2 recorded faults, at 00:31.000"
 */
export function restoreOfferText(offer: RestoreOffer): string {
  return `Restore your work: ${workSummary(offer)}`
}

export const createWorkSlice: SliceCreator<WorkSlice> = (set, get, runtime) => ({
  restoreOffer: null,
  offerRestore(work, storedText = null) {
    set({ restoreOffer: { work, userFaults: userFaultCount(work), storedText } })
  },
  restoreSavedWork() {
    const offer = get().restoreOffer
    if (offer === null) return
    set({ restoreOffer: null })
    const { work } = offer
    get().loadScenario(work.spec, {
      atMs: work.atMs,
      recording: work.recording,
      edited: work.edited,
      undoable: true,
      notice: {
        tone: 'info',
        message: `Restored your work: ${workSummary(offer)}.`,
      },
    })
  },
  dismissSavedWork() {
    const offer = get().restoreOffer
    if (offer === null) return
    set({ restoreOffer: null })
    // Work saved since the offer was made is newer work of the user's: keep it.
    let stored: string | null = null
    try {
      stored = runtime.storage?.getItem(SAVED_WORK_KEY) ?? null
    } catch {
      return
    }
    if (offer.storedText === null || stored === offer.storedText) forgetSavedWork(runtime.storage)
  },
})
