/**
 * Saved work in local storage, over a fake storage and the real scenario writer and reader: the
 * scenario, its script, the user's faults and the time come back exactly; anything odd in storage
 * (not JSON, another version, too large, a damaged link, bad indexes) is ignored without a crash;
 * and storage that throws (private mode, a full quota) loses nothing and breaks nothing.
 */
import { describe, expect, it } from 'vitest'
import type { TimedFault } from '../engine/spec'
import { scenarioToJson } from '../scenario/export'
import { parseScenario } from '../scenario/validate'
import { DEFAULT_SCENARIO } from '../scenarios/default-scenario'
import {
  SAVED_WORK_KEY,
  SAVED_WORK_MAX_CHARS,
  type StorageLike,
  canonicalScenario,
  decodeSavedWork,
  differsFromDefault,
  encodeSavedWork,
  forgetSavedWork,
  readSavedWork,
  writeSavedWork,
} from './persist'
import type { Work } from './work'

const scripted: TimedFault = { type: 'crashBroker', broker: 4, atMs: 40_000 }
const injected: TimedFault = { type: 'crashBroker', broker: 1, atMs: 12_000 }

const work: Work = {
  spec: { ...DEFAULT_SCENARIO, faults: [scripted] },
  recording: [injected, scripted],
  atMs: 31_000,
  edited: false,
}

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

const throwing: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError')
  },
  setItem: () => {
    throw new DOMException('quota', 'QuotaExceededError')
  },
  removeItem: () => {
    throw new Error('SecurityError')
  },
}

function saved(): string {
  const text = encodeSavedWork(work, scenarioToJson)
  if (text === null) throw new Error('not encoded')
  return text
}

describe('saved work', () => {
  it('brings back the scenario, its own script, the user’s faults and the time', () => {
    const storage = memoryStorage()
    expect(writeSavedWork(storage, saved())).toBe(true)
    const read = readSavedWork(storage, parseScenario)
    expect(read?.text).toBe(storage.data.get(SAVED_WORK_KEY))
    expect(read?.work.atMs).toBe(31_000)
    expect(read?.work.edited).toBe(false)
    expect(read?.work.recording).toEqual([injected, scripted])
    expect(read?.work.spec.faults).toEqual([scripted])
    expect(canonicalScenario(read!.work.spec, scenarioToJson)).toBe(
      canonicalScenario(work.spec, scenarioToJson),
    )
  })

  it('ignores what is not a record of this version, saying why', () => {
    const record = JSON.parse(saved()) as Record<string, unknown>
    const cases: [string, string][] = [
      ['{"version":1,', 'it is not JSON'],
      ['[1,2]', 'it is not an object'],
      [JSON.stringify({ ...record, version: 0 }), 'its version is 0, not 1'],
      [JSON.stringify({ ...record, version: 2 }), 'its version is 2, not 1'],
      [JSON.stringify({ ...record, link: 42 }), 'it has no link'],
      [JSON.stringify({ ...record, edited: 'no' }), '"edited" is not a boolean'],
      [JSON.stringify({ ...record, scripted: [1, 1] }), '"scripted" is not a list'],
      [JSON.stringify({ ...record, scripted: [5] }), '"scripted" is not a list'],
      [JSON.stringify({ ...record, scripted: 'all' }), '"scripted" is not a list'],
      [JSON.stringify({ ...record, link: '#scenario=AAAA' }), 'The share link is damaged'],
      ['x'.repeat(SAVED_WORK_MAX_CHARS + 1), 'larger than'],
    ]
    for (const [text, reason] of cases) {
      const read = decodeSavedWork(text, parseScenario)
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.reason).toContain(reason)
    }
  })

  it('reads a bad record as no saved work, and leaves it in place', () => {
    const storage = memoryStorage()
    storage.data.set(SAVED_WORK_KEY, '{"version":9}')
    expect(readSavedWork(storage, parseScenario)).toBeNull()
    expect(storage.data.get(SAVED_WORK_KEY)).toBe('{"version":9}')
  })

  it('refuses to keep work larger than a share link may be', () => {
    const huge = 'x'.repeat(SAVED_WORK_MAX_CHARS)
    expect(encodeSavedWork(work, scenarioToJson, `#scenario=${huge}`)).toBeNull()
  })

  it('survives storage that throws or is missing: nothing read, write reports false', () => {
    expect(readSavedWork(throwing, parseScenario)).toBeNull()
    expect(writeSavedWork(throwing, saved())).toBe(false)
    expect(() => forgetSavedWork(throwing)).not.toThrow()
    expect(readSavedWork(null, parseScenario)).toBeNull()
    expect(writeSavedWork(null, saved())).toBe(false)
  })

  it('is worth offering only when it is more than the untouched default scenario', () => {
    const plain: Work = { spec: DEFAULT_SCENARIO, recording: [], atMs: 90_000, edited: true }
    expect(differsFromDefault(plain, DEFAULT_SCENARIO, scenarioToJson)).toBe(false)
    expect(differsFromDefault(work, DEFAULT_SCENARIO, scenarioToJson)).toBe(true)
    const renamed = { ...plain, spec: { ...DEFAULT_SCENARIO, name: 'Mine' } }
    expect(differsFromDefault(renamed, DEFAULT_SCENARIO, scenarioToJson)).toBe(true)
    // The default as read back from storage (config keys in the reader's order) is still it.
    const text = encodeSavedWork(plain, scenarioToJson)
    const read = decodeSavedWork(text!, parseScenario)
    expect(read.ok && differsFromDefault(read.work, DEFAULT_SCENARIO, scenarioToJson)).toBe(false)
  })
})
