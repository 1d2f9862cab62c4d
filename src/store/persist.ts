/**
 * Saved work in the browser's local storage: the user's unsaved work (work.ts) kept across reloads
 * and visits, so closing the tab loses nothing. One versioned key holds a share link of the
 * scenario with its whole recording and the time (the address bar's form, so it is as compact and
 * as checked as a link) and which of the recorded faults are the scenario's own script.
 *
 * What is read back is untrusted input (another version of the app, an extension, a hand edit): it
 * goes through the share link's reader and the scenario reader, and anything odd is ignored
 * without a crash. Storage itself may be missing, full or refused (private mode): every call is
 * guarded, and a write that fails reports false.
 *
 * Simplification: a scripted fault that a fork discarded is not kept, so after a restore the
 * scenario's script is the scripted faults still in the recording.
 *
 * @example
 * const text = encodeSavedWork(currentWork(state), scenarioToJson)
 * if (text !== null) writeSavedWork(localStorage, text)
 * const saved = readSavedWork(localStorage, parseScenario)
 */
import type { SimulationSpec } from '../engine/spec'
import type { ParseScenario, SerializeScenario } from './share-link'
import { SHARE_LIMITS, decodeShareLink, encodeShareLink } from './share-link'
import { type Work, recordingIsScript, scriptedMask, sortedKeys } from './work'

/** The part of the Web Storage API used here, so tests can pass a fake. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const SAVED_WORK_KEY = 'kafka-ha-lab.saved-work'
/** Bumped when the record's shape changes; records of other versions are ignored. */
export const SAVED_WORK_VERSION = 1
/** The link's own limit plus room for the rest of the record; larger records are not kept. */
export const SAVED_WORK_MAX_CHARS = SHARE_LIMITS.encodedChars + 2 * SHARE_LIMITS.faults * 6 + 200

interface SavedRecord {
  version: number
  /** A share-link hash of the scenario with its whole recording as faults, and the time. */
  link: string
  /** Indexes of the link's faults that are the scenario's own script, ascending. */
  scripted: number[]
  edited: boolean
}

export type SavedWorkRead = { ok: true; work: Work } | { ok: false; reason: string }

/**
 * The text to store for `work`, or null when it is too large to keep (a link longer than a link
 * may be). `link` may pass an already encoded share link of the same work (the address bar's).
 */
export function encodeSavedWork(work: Work, serialize: SerializeScenario, link?: string) {
  const recorded: SimulationSpec = { ...work.spec, faults: work.recording.slice() }
  const hash = link ?? encodeShareLink(recorded, work.atMs, serialize)
  if (hash.length > SHARE_LIMITS.encodedChars) return null
  const mask = scriptedMask(work.spec.faults, work.recording)
  const record: SavedRecord = {
    version: SAVED_WORK_VERSION,
    link: hash,
    scripted: mask.flatMap((scripted, index) => (scripted ? [index] : [])),
    edited: work.edited,
  }
  const text = JSON.stringify(record)
  return text.length > SAVED_WORK_MAX_CHARS ? null : text
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function ascendingIndexes(value: unknown, length: number): value is number[] {
  if (!Array.isArray(value)) return false
  return value.every(
    (n, i) =>
      Number.isInteger(n) &&
      (n as number) >= 0 &&
      (n as number) < length &&
      (i === 0 || (n as number) > (value[i - 1] as number)),
  )
}

/** Reads a stored record back into work, checking everything; never throws. */
export function decodeSavedWork(text: string, parse: ParseScenario): SavedWorkRead {
  if (text.length > SAVED_WORK_MAX_CHARS) {
    return { ok: false, reason: `it is larger than ${SAVED_WORK_MAX_CHARS} characters` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'it is not JSON' }
  }
  if (!isRecord(raw)) return { ok: false, reason: 'it is not an object' }
  if (raw.version !== SAVED_WORK_VERSION) {
    return { ok: false, reason: `its version is ${JSON.stringify(raw.version)}, not 1` }
  }
  if (typeof raw.link !== 'string') return { ok: false, reason: 'it has no link' }
  if (typeof raw.edited !== 'boolean') return { ok: false, reason: '"edited" is not a boolean' }
  const link = decodeShareLink(raw.link, parse)
  if (!link.ok) return { ok: false, reason: link.message }
  const recording = link.spec.faults
  if (!ascendingIndexes(raw.scripted, recording.length)) {
    return { ok: false, reason: '"scripted" is not a list of the link’s fault indexes' }
  }
  const scripted = new Set(raw.scripted)
  const spec = { ...link.spec, faults: recording.filter((_, index) => scripted.has(index)) }
  return { ok: true, work: { spec, recording, atMs: link.atMs, edited: raw.edited } }
}

/**
 * The saved work and the text it was read from, or null when there is none, storage is
 * unavailable or the record is bad (ignored, and left where it is).
 */
export function readSavedWork(
  storage: StorageLike | null,
  parse: ParseScenario,
): { work: Work; text: string } | null {
  let text: string | null = null
  try {
    text = storage?.getItem(SAVED_WORK_KEY) ?? null
  } catch {
    return null
  }
  if (text === null) return null
  const read = decodeSavedWork(text, parse)
  return read.ok ? { work: read.work, text } : null
}

/**
 * Whether saved work is worth offering back: it is not simply `defaultSpec` as a visit without a
 * link shows it (the time alone does not count, nor the order of keys in a config).
 */
export function differsFromDefault(
  work: Work,
  defaultSpec: SimulationSpec,
  serialize: SerializeScenario,
): boolean {
  if (!recordingIsScript(work)) return true
  return canonicalScenario(work.spec, serialize) !== canonicalScenario(defaultSpec, serialize)
}

/**
 * A spec's scenario file with sorted keys: a spec read back from a file or link lists its
 * clients' configs in the reader's order, which the writer keeps.
 */
export function canonicalScenario(spec: SimulationSpec, serialize: SerializeScenario): string {
  return JSON.stringify(sortedKeys(JSON.parse(serialize(spec))))
}

/** Stores the text; false when storage refused it (quota, private mode) or is unavailable. */
export function writeSavedWork(storage: StorageLike | null, text: string): boolean {
  if (storage === null) return false
  try {
    storage.setItem(SAVED_WORK_KEY, text)
    return true
  } catch {
    return false
  }
}

export function forgetSavedWork(storage: StorageLike | null): void {
  try {
    storage?.removeItem(SAVED_WORK_KEY)
  } catch {
    // Nothing to do: storage that cannot be written holds nothing of ours either.
  }
}
