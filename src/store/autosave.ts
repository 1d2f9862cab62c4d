/**
 * Keeps the current work as you go, so a reload or a later visit loses nothing:
 *
 * - the address bar holds a share link of the scenario, its recording and the time (replaced in
 *   place, so there is no history entry and no `hashchange`); other hash parameters such as
 *   `embed=1` stay. A link longer than a link may be is not written: the last one that fitted
 *   stays, and local storage carries the work;
 * - local storage holds the user's unsaved work (work.ts, persist.ts), and only that, so merely
 *   visiting someone's link never overwrites what was saved before.
 *
 * Writes are coalesced: at most once a second while playing, and shortly after a pause, seek,
 * fault or load; never once a frame. A share link is encoded again only when the scenario or the
 * recording changed (a large cluster's takes tens of milliseconds); the time alone is a cheap
 * `t=` change. Nothing is written while the host is still answering a load (the store's scenario
 * and recording would not yet belong together). Timers, the clock, the address bar and storage
 * are passed in, so this module needs no DOM and tests drive it with fakes.
 *
 * @example
 * const autosave = startAutosave(store, { serialize: scenarioToJson, storage, ... })
 * window.addEventListener('pagehide', () => autosave.flush())
 */
import type { SimulationSpec } from '../engine/spec'
import type { AppStore } from './app-store'
import { encodeSavedWork, type StorageLike, writeSavedWork } from './persist'
import type { SerializeScenario } from './share-link'
import { SHARE_LIMITS, encodeShareLink, hashWithoutLink } from './share-link'
import type { AppState } from './slices/types'
import { type Work, currentWork, hasUnsavedWork, recordingIsScript } from './work'

export interface AutosavePorts {
  serialize: SerializeScenario
  /** Where saved work is kept; null when it is not (an embedded view must not overwrite it). */
  storage: StorageLike | null
  /** The address bar's hash ('' or '#…'). */
  readHash: () => string
  /** Replaces the address bar's hash ('' removes it) without a history entry or `hashchange`. */
  writeHash: (hash: string) => void
  /** What a visit without a link shows: nothing to keep while it is untouched at 00:00. */
  defaultSpec: SimulationSpec
  setTimer: (run: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  /** Wall-clock milliseconds, for the once-a-second limit. */
  nowMs: () => number
}

export interface Autosave {
  /** Writes now (the page is being hidden or closed); skipped while a load is unanswered. */
  flush: () => void
  stop: () => void
  /** Whether this autosave last wrote `hash` (a `hashchange` to it is not a new link). */
  wrote: (hash: string) => boolean
  /** `hash` is the link `spec` was loaded from: reused while the recording is the script. */
  adoptLink: (spec: SimulationSpec, hash: string) => void
  /**
   * Leaves the address bar alone until the returned function is called: a link the user put
   * there is being read, and must neither be replaced before it opens nor put back after it is
   * refused and cleared. Storage is still written.
   */
  hold: () => () => void
}

/** While playing, the address bar and storage are written at most this often. */
export const AUTOSAVE_PLAYING_INTERVAL_MS = 1000
/** After a pause, seek, fault or load; a scrubber drag's seeks coalesce into one write. */
export const AUTOSAVE_SETTLE_MS = 150
/** How soon to try again while the host is still answering. */
export const AUTOSAVE_RETRY_MS = 100

/** The fields whose change is worth a write (not the snapshot's every frame, nor selections). */
function changed(state: AppState, previous: AppState): boolean {
  return (
    state.spec !== previous.spec ||
    state.recording !== previous.recording ||
    state.simTimeMs !== previous.simTimeMs ||
    state.playing !== previous.playing ||
    state.edited !== previous.edited ||
    (state.snapshot === null) !== (previous.snapshot === null)
  )
}

/** A link's scenario and seed, without its time: `#scenario=…&seed=…`. */
function linkPart(hash: string, spec: SimulationSpec): string | null {
  const scenario = new URLSearchParams(hash.replace(/^#/, '')).get('scenario')
  return scenario === null || scenario === '' ? null : `#scenario=${scenario}&seed=${spec.seed}`
}

export function startAutosave(store: AppStore, ports: AutosavePorts): Autosave {
  let timer: unknown = null
  let dueAtMs = 0
  let lastFlushMs = -Infinity
  let lastWritten: string | null = null
  let lastStored: string | null = null
  let adopted: { spec: SimulationSpec; part: string } | null = null
  let cached: { spec: SimulationSpec; recording: string; part: string } | null = null
  let holds = 0

  /** The work's link without its time, encoded again only when the scenario or faults changed. */
  function encodedPart(work: Work): string {
    if (adopted !== null && adopted.spec === work.spec && recordingIsScript(work)) {
      return adopted.part
    }
    const recording = JSON.stringify(work.recording)
    if (cached !== null && cached.spec === work.spec && cached.recording === recording) {
      return cached.part
    }
    const spec = { ...work.spec, faults: work.recording.slice() }
    const full = encodeShareLink(spec, 0, ports.serialize)
    const part = full.slice(0, full.lastIndexOf('&t='))
    cached = { spec: work.spec, recording, part }
    return part
  }

  function pristine(work: Work): boolean {
    return (
      work.spec === ports.defaultSpec && !work.edited && work.atMs === 0 && recordingIsScript(work)
    )
  }

  function writeAddress(work: Work, link: string): void {
    if (holds > 0) return
    const current = ports.readHash()
    const others = hashWithoutLink(current)
    let next: string
    if (pristine(work)) {
      // A visit without a link shows exactly this: take out a link of ours that is now stale.
      if (current !== lastWritten || current === others) return
      next = others
    } else {
      next = others === '' ? link : `${link}&${others.slice(1)}`
      if (next.length > SHARE_LIMITS.encodedChars) return
    }
    lastWritten = next
    if (next !== current) ports.writeHash(next)
  }

  function writeStorage(work: Work, link: string): void {
    if (ports.storage === null || !hasUnsavedWork(work)) return
    const text = encodeSavedWork(work, ports.serialize, link)
    if (text === null || text === lastStored) return
    if (writeSavedWork(ports.storage, text)) lastStored = text
  }

  function flush(): void {
    if (timer !== null) ports.clearTimer(timer)
    timer = null
    const state = store.getState()
    if (state.snapshot === null || state.isHostBusy()) {
      schedule(AUTOSAVE_RETRY_MS)
      return
    }
    lastFlushMs = ports.nowMs()
    const work = currentWork(state)
    const link = `${encodedPart(work)}&t=${Math.max(0, Math.round(work.atMs))}`
    writeAddress(work, link)
    writeStorage(work, link)
  }

  function schedule(delayMs: number): void {
    const due = ports.nowMs() + delayMs
    if (timer !== null && dueAtMs <= due) return
    if (timer !== null) ports.clearTimer(timer)
    dueAtMs = due
    timer = ports.setTimer(flush, delayMs)
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!changed(state, previous)) return
    const sinceMs = ports.nowMs() - lastFlushMs
    schedule(
      state.playing
        ? Math.max(AUTOSAVE_SETTLE_MS, AUTOSAVE_PLAYING_INTERVAL_MS - sinceMs)
        : AUTOSAVE_SETTLE_MS,
    )
  })
  schedule(AUTOSAVE_SETTLE_MS)

  return {
    flush,
    stop() {
      unsubscribe()
      if (timer !== null) ports.clearTimer(timer)
      timer = null
    },
    wrote: (hash) => lastWritten !== null && hash === lastWritten,
    adoptLink(spec, hash) {
      const part = linkPart(hash, spec)
      adopted = part === null ? null : { spec, part }
    },
    hold() {
      holds += 1
      let released = false
      return () => {
        if (released) return
        released = true
        holds -= 1
      }
    },
  }
}
