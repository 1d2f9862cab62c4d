/**
 * The browser's side of keeping the user's work (store/autosave.ts, store/persist.ts): the address
 * bar, local storage, timers and the page's hide events wired to the store, the offer of saved
 * work on a visit without a link, and opening a share link pasted into the address bar without
 * losing unsaved work. The scenario writer and reader load on demand, as the share links' do, so
 * a plain visit does not pay for them in its initial JavaScript.
 */
import type { SimulationSpec } from '../engine/spec'
import { formatSimTime } from '../scenario/sim-time'
import type { AppStore } from '../store/app-store'
import { type Autosave, startAutosave } from '../store/autosave'
import {
  SAVED_WORK_KEY,
  differsFromDefault,
  readSavedWork,
  type StorageLike,
} from '../store/persist'
import type { DecodedLink } from '../store/share-link'

/** The page's local storage, or null where even reading the property throws (privacy settings). */
export function pageStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** Replaces the hash in place: no history entry, and (unlike `location.hash =`) no `hashchange`. */
function replaceHash(hash: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`)
}

/** Resolves once the store has published its first snapshot. */
function firstSnapshot(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().snapshot !== null) return resolve()
    const unsubscribe = store.subscribe((state) => {
      if (state.snapshot === null) return
      unsubscribe()
      resolve()
    })
  })
}

/**
 * Starts writing the work to the address bar and `storage` as it changes; resolves once the
 * scenario writer has loaded. `link` is the share link the page opened with, if any.
 */
export async function keepWork(
  store: AppStore,
  options: { storage: StorageLike | null; defaultSpec: SimulationSpec; link: string | null },
): Promise<Autosave> {
  // After the first picture: the writer's chunk must not compete with the first paint.
  await firstSnapshot(store)
  const { scenarioToJson } = await import('../scenario/export')
  const autosave = startAutosave(store, {
    serialize: scenarioToJson,
    storage: options.storage,
    readHash: () => location.hash,
    writeHash: replaceHash,
    defaultSpec: options.defaultSpec,
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    nowMs: () => performance.now(),
  })
  if (options.link !== null) autosave.adoptLink(store.getState().spec, options.link)
  window.addEventListener('pagehide', () => autosave.flush())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') autosave.flush()
  })
  return autosave
}

/** Whether anything is saved at all (so a first visit loads no reader for nothing). */
function hasSavedWork(storage: StorageLike): boolean {
  try {
    return storage.getItem(SAVED_WORK_KEY) !== null
  } catch {
    return false
  }
}

/** Offers the work saved on an earlier visit, when there is some worth offering. */
export async function offerSavedWork(
  store: AppStore,
  storage: StorageLike | null,
  defaultSpec: SimulationSpec,
): Promise<void> {
  if (storage === null || !hasSavedWork(storage)) return
  const [{ parseScenario }, { scenarioToJson }] = await Promise.all([
    import('../scenario/validate'),
    import('../scenario/export'),
  ])
  const saved = readSavedWork(storage, parseScenario)
  if (saved === null || !differsFromDefault(saved.work, defaultSpec, scenarioToJson)) return
  store.getState().offerRestore(saved.work, saved.text)
}

/**
 * Opens a valid share link that arrived in the address bar. Unsaved work it replaces is kept:
 * the notice offers Undo (the same answer guided scenarios get; files ask first, in
 * ReplaceConfirm, because a file may not be at hand again).
 */
export function openPastedLink(
  store: AppStore,
  link: Extract<DecodedLink, { ok: true }>,
  hash: string,
  autosave: Autosave | null,
): void {
  store.getState().loadScenario(link.spec, {
    atMs: link.atMs,
    edited: false,
    undoable: true,
    notice: {
      tone: 'info',
      message: `Opened the share link “${link.spec.name}” at ${formatSimTime(link.atMs)}.`,
    },
  })
  autosave?.adoptLink(link.spec, hash)
}
