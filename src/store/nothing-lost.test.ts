/**
 * Nothing lost, in the store over a fake engine: a fault added at the live edge keeps the
 * scenario's later scripted faults; a fork in the past offers Undo, which brings the old future
 * back; a load that replaces unsaved work (a share link, a guided scenario) offers Undo, which
 * brings that work back with its faults, time and narration; saved work is offered, restored or
 * dismissed; and guided playback stops exactly on a narration checkpoint (at the live edge).
 */
import { describe, expect, it } from 'vitest'
import type { TimedFault } from '../engine/spec'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from './app-store'
import type { StorageLike } from './persist'
import { SAVED_WORK_KEY } from './persist'
import { hasUnsavedWork } from './work'

const crash3At8: TimedFault = { type: 'crashBroker', broker: 3, atMs: 8000 }

function store(faults: TimedFault[] = [], storage: StorageLike | null = null) {
  return createAppStore({
    engine: createFakeEngine(),
    spec: tinySpec(faults),
    freeze: true,
    storage,
  })
}

function memoryStorage(
  entries: Record<string, string> = {},
): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries))
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

describe('acting at the live edge', () => {
  it('keeps the scenario’s later scripted fault, which still fires, and shows no fork', () => {
    const s = store([crash3At8])
    s.getState().seek(3000)
    s.getState().inject({ type: 'crashBroker', broker: 1 })
    expect(s.getState().notice).toBeNull()
    expect(s.getState().recording).toEqual([
      { type: 'crashBroker', broker: 1, atMs: 3000 },
      crash3At8,
    ])
    s.getState().seek(9000)
    expect(s.getState().snapshot?.brokers.map((b) => b.status)).toEqual([
      'offline',
      'online',
      'offline',
    ])
  })
})

describe('Undo of a fork', () => {
  it('brings back the old future: its faults, horizon and markers, at the fork’s time', () => {
    const s = store([crash3At8])
    s.getState().seek(10_000)
    const before = { recording: s.getState().recording, markers: s.getState().markers }
    s.getState().seek(4000)
    s.getState().inject({ type: 'crashBroker', broker: 1 })
    expect(s.getState().notice?.undo).toBe('fork')
    expect(s.getState().recording).toHaveLength(1)
    s.getState().seek(6000)
    s.getState().undoFork()
    const state = s.getState()
    expect(state.simTimeMs).toBe(4000)
    expect(state.horizonMs).toBe(10_000)
    expect(state.recording).toEqual(before.recording)
    expect(state.markers).toEqual(before.markers)
    expect(state.notice).toEqual({
      tone: 'info',
      message: 'Undid the fork: back at 00:04.000 on the old future, with its 1 later fault.',
    })
  })

  it('says so, as an error, when there is no fork to undo', () => {
    const s = store()
    s.getState().undoFork()
    expect(s.getState().notice).toEqual({ tone: 'error', message: 'There is no fork to undo.' })
  })
})

describe('unsaved work', () => {
  it('is injected faults, discarded scripted faults or an edited scenario, not the time', () => {
    const spec = tinySpec([crash3At8])
    expect(hasUnsavedWork({ spec, recording: [crash3At8], edited: false })).toBe(false)
    expect(hasUnsavedWork({ spec, recording: [], edited: false })).toBe(true)
    const injected = [{ type: 'crashBroker', broker: 1, atMs: 10 } as TimedFault, crash3At8]
    expect(hasUnsavedWork({ spec, recording: injected, edited: false })).toBe(true)
    expect(hasUnsavedWork({ spec, recording: [crash3At8], edited: true })).toBe(true)
    // Key order does not make a scripted fault look like a new one.
    const reordered = { atMs: 8000, broker: 3, type: 'crashBroker' } as TimedFault
    expect(hasUnsavedWork({ spec, recording: [reordered], edited: false })).toBe(false)
  })
})

describe('Undo of a load that replaced unsaved work', () => {
  it('brings back the scenario, its faults, the time and the narration', () => {
    const s = store([crash3At8])
    const narration = { steps: [{ atMs: 0, title: 'Start', text: 'All in sync.' }] }
    s.getState().loadGuided('demo', 'Demo', tinySpec([crash3At8]), narration)
    s.getState().seek(5000)
    s.getState().inject({ type: 'crashBroker', broker: 2 })
    const recording = s.getState().recording
    s.getState().loadScenario(
      { ...tinySpec(), name: 'from a link' },
      { atMs: 1000, edited: false, undoable: true },
    )
    expect(s.getState().spec.name).toBe('from a link')
    expect(s.getState().notice).toEqual({
      tone: 'info',
      message:
        'Opened “from a link”. It replaced your unsaved work on “tiny”: Undo brings it back.',
      undo: 'load',
    })

    s.getState().undoLoad()
    const state = s.getState()
    expect(state.spec.name).toBe('tiny')
    expect(state.spec.faults).toEqual([crash3At8])
    expect(state.recording).toEqual(recording)
    expect(state.simTimeMs).toBe(5000)
    expect(state.guided?.generation).toBe(state.generation)
    expect(state.notice?.message).toBe('Brought back “tiny” at 00:05.000, with 1 recorded fault.')
    // Still unsaved work (the user's fault is not in the script), so the next load keeps it too.
    expect(hasUnsavedWork(state)).toBe(true)
  })

  it('offers no Undo when nothing unsaved was replaced', () => {
    const s = store()
    s.getState().seek(5000)
    const notice = { tone: 'info' as const, message: 'Opened the share link.' }
    s.getState().loadScenario(tinySpec(), { edited: false, undoable: true, notice })
    expect(s.getState().notice).toEqual(notice)
    s.getState().undoLoad()
    expect(s.getState().notice).toEqual(notice)
  })

  it('counts a scenario from the Scenario tab as the user’s work', () => {
    const s = store()
    s.getState().loadScenario({ ...tinySpec(), name: 'edited' })
    s.getState().loadScenario(tinySpec(), { edited: false, undoable: true })
    expect(s.getState().notice?.undo).toBe('load')
    s.getState().undoLoad()
    expect(s.getState().spec.name).toBe('edited')
    expect(s.getState().edited).toBe(true)
  })
})

describe('saved work', () => {
  const work = {
    spec: tinySpec([crash3At8]),
    recording: [{ type: 'crashBroker', broker: 1, atMs: 3000 } as TimedFault, crash3At8],
    atMs: 31_000,
    edited: false,
  }

  it('is offered, never restored by itself, and Restore brings back faults and time', () => {
    const s = store()
    s.getState().offerRestore(work, 'stored')
    expect(s.getState().restoreOffer?.userFaults).toBe(1)
    expect(s.getState().recording).toEqual([])
    s.getState().restoreSavedWork()
    const state = s.getState()
    expect(state.restoreOffer).toBeNull()
    expect(state.simTimeMs).toBe(31_000)
    expect(state.recording).toEqual(work.recording)
    expect(state.spec.faults).toEqual([crash3At8])
    expect(state.recordedScenario().faults).toEqual(work.recording)
    expect(state.notice?.message).toBe(
      'Restored your work: “tiny”, 1 recorded fault, at 00:31.000.',
    )
  })

  it('Dismiss forgets the saved copy, but not newer work saved since the offer', () => {
    const storage = memoryStorage({ [SAVED_WORK_KEY]: 'stored' })
    const s = store([], storage)
    s.getState().offerRestore(work, 'stored')
    s.getState().dismissSavedWork()
    expect(s.getState().restoreOffer).toBeNull()
    expect(storage.data.has(SAVED_WORK_KEY)).toBe(false)

    storage.data.set(SAVED_WORK_KEY, 'newer')
    s.getState().offerRestore(work, 'stored')
    s.getState().dismissSavedWork()
    expect(storage.data.get(SAVED_WORK_KEY)).toBe('newer')
  })
})

describe('guided playback at a narration checkpoint', () => {
  it('lands exactly on the checkpoint, at the live edge, so acting there forks nothing', () => {
    const s = store()
    const narration = {
      steps: [
        { atMs: 0, title: 'Start', text: 'All in sync.' },
        { atMs: 2500, title: 'Crash', text: 'Crash the leader.', checkpoint: true },
      ],
    }
    s.getState().loadGuided('demo', 'Demo', tinySpec([crash3At8]), narration)
    s.getState().setSpeed(100)
    s.getState().play()
    s.getState().tick(16)
    s.getState().tick(16)
    expect(s.getState().simTimeMs).toBe(2500)
    expect(s.getState().horizonMs).toBe(2500)
    s.getState().inject({ type: 'crashBroker', broker: 1 })
    expect(s.getState().notice).toBeNull()
    expect(s.getState().recording).toHaveLength(2)
  })
})
