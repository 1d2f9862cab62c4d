/**
 * The buttons that keep work from being lost, in jsdom over a fake engine: the fork notice's Undo
 * (a button in the polite status, reachable by keyboard) brings the old future back and moves the
 * focus to the message that follows; a replacing load's Undo brings the work back; and the offer
 * of saved work says what it holds, restores only when asked, and Dismiss forgets the copy.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { TimedFault } from '../engine/spec'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from '../store/app-store'
import { SAVED_WORK_KEY, type StorageLike } from '../store/persist'
import { NoticeBar } from './NoticeBar'
import { RestoreOffer } from './RestoreOffer'
import { StoreContext } from './store-context'

afterEach(cleanup)

const scripted: TimedFault = { type: 'crashBroker', broker: 3, atMs: 8000 }

function mount(storage: StorageLike | null = null) {
  const store = createAppStore({
    engine: createFakeEngine(),
    spec: tinySpec([scripted]),
    freeze: false,
    storage,
  })
  render(
    <StoreContext.Provider value={store}>
      <NoticeBar />
      <RestoreOffer />
    </StoreContext.Provider>,
  )
  return store
}

describe('the fork notice', () => {
  it('offers Undo, which brings back the future the fork dropped', () => {
    const store = mount()
    act(() => store.getState().seek(10_000))
    act(() => store.getState().seek(4000))
    act(() => store.getState().inject({ type: 'crashBroker', broker: 1 }))
    const status = screen.getByRole('status')
    expect(status.textContent).toContain(
      'Forked a new future at 00:04.000: discarded 1 later fault.',
    )
    const undo = screen.getByRole('button', { name: 'Undo' })
    undo.focus()
    expect(document.activeElement).toBe(undo)
    fireEvent.click(undo)
    expect(store.getState().recording).toEqual([scripted])
    expect(store.getState().simTimeMs).toBe(4000)
    expect(screen.getByRole('status').textContent).toContain(
      'Undid the fork: back at 00:04.000 on the old future, with its 1 later fault.',
    )
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
    // The focus does not fall to the page when the Undo button goes.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss message' }))
  })

  it('offers no Undo on other messages', () => {
    const store = mount()
    act(() => store.getState().showNotice({ tone: 'info', message: 'Share link copied.' }))
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })
})

describe('a load over unsaved work', () => {
  it('offers Undo, which brings back the scenario, its faults and the time', () => {
    const store = mount()
    act(() => store.getState().seek(5000))
    act(() => store.getState().inject({ type: 'crashBroker', broker: 2 }))
    act(() =>
      store
        .getState()
        .loadScenario({ ...tinySpec(), name: 'pasted' }, { edited: false, undoable: true }),
    )
    expect(screen.getByRole('status').textContent).toContain(
      'It replaced your unsaved work on “tiny”: Undo brings it back.',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(store.getState().spec.name).toBe('tiny')
    expect(store.getState().simTimeMs).toBe(5000)
    expect(store.getState().recording).toHaveLength(2)
  })
})

describe('the offer of saved work', () => {
  const work = {
    spec: tinySpec([scripted]),
    recording: [{ type: 'crashBroker', broker: 1, atMs: 2000 } as TimedFault, scripted],
    atMs: 31_000,
    edited: false,
  }

  function memoryStorage(): StorageLike & { data: Map<string, string> } {
    const data = new Map([[SAVED_WORK_KEY, 'saved']])
    return {
      data,
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => void data.set(key, value),
      removeItem: (key) => void data.delete(key),
    }
  }

  it('says what it holds and restores it only when asked', () => {
    const store = mount()
    act(() => store.getState().offerRestore(work, 'saved'))
    const offer = screen.getByRole('status', {
      name: 'Restore your work: “tiny”, 1 recorded fault, at 00:31.000.',
    })
    expect(offer).toBeTruthy()
    expect(store.getState().simTimeMs).toBe(0)
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }))
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull()
    expect(store.getState().simTimeMs).toBe(31_000)
    expect(store.getState().recording).toEqual(work.recording)
    expect(screen.getByRole('status').textContent).toContain(
      'Restored your work: “tiny”, 1 recorded fault, at 00:31.000.',
    )
  })

  it('Dismiss closes it and forgets the saved copy', () => {
    const storage = memoryStorage()
    const store = mount(storage)
    act(() => store.getState().offerRestore(work, 'saved'))
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the saved work' }))
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull()
    expect(storage.data.has(SAVED_WORK_KEY)).toBe(false)
    expect(store.getState().simTimeMs).toBe(0)
  })
})
