/**
 * The mounted narration over a real store with the fake engine: loading a guided scenario shows
 * its narration, playback pauses exactly at the first checkpoint with that step shown, Next and
 * Back seek to step times, and loading any other scenario retires the narration.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ScenarioNarration } from '../../scenario/types'
import { createAppStore } from '../../store/app-store'
import { createFakeEngine, tinySpec } from '../../host/testing/fake-engine'
import { StoreContext } from '../store-context'
import { NarrationDock } from './NarrationDock'

afterEach(cleanup)

const narration: ScenarioNarration = {
  steps: [
    { atMs: 0, title: 'Steady state', text: 'All in sync.' },
    { atMs: 3_000, title: 'Broker 1 crashes', text: 'Its leaderships move.', checkpoint: true },
    { atMs: 8_000, title: 'Broker 1 returns', text: 'It catches up.', checkpoint: true },
  ],
  tryIt: 'Try min.insync.replicas=3.',
}

function mount() {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: true })
  render(
    <StoreContext.Provider value={store}>
      <NarrationDock />
    </StoreContext.Provider>,
  )
  return store
}

describe('NarrationDock', () => {
  it('pauses playback at the checkpoint and shows its step', () => {
    const store = mount()
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    const panel = screen.getByRole('region', { name: 'Narration' })
    expect(within(panel).getByRole('heading', { name: 'Steady state' })).toBeTruthy()
    expect(within(panel).getByText('Next pause at 00:03.000')).toBeTruthy()

    act(() => {
      store.getState().setSpeed(20)
      store.getState().play()
      for (let i = 0; i < 20; i++) store.getState().tick(16)
    })
    expect(store.getState().playing).toBe(false)
    expect(store.getState().simTimeMs).toBe(3_000)
    expect(within(panel).getByRole('heading', { name: 'Broker 1 crashes' })).toBeTruthy()

    // Playing on passes the honoured checkpoint and stops at the next one.
    act(() => {
      store.getState().play()
      for (let i = 0; i < 40; i++) store.getState().tick(16)
    })
    expect(store.getState().simTimeMs).toBe(8_000)
    expect(within(panel).getByText('Try min.insync.replicas=3.')).toBeTruthy()
  })

  it('seeks with Back and Next, and retires the narration on another load', () => {
    const store = mount()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    const panel = screen.getByRole('region', { name: 'Narration' })
    fireEvent.click(within(panel).getByRole('button', { name: 'Next' }))
    expect(store.getState().simTimeMs).toBe(3_000)
    fireEvent.click(within(panel).getByRole('button', { name: 'Next' }))
    expect(store.getState().simTimeMs).toBe(8_000)
    fireEvent.click(within(panel).getByRole('button', { name: 'Back' }))
    expect(store.getState().simTimeMs).toBe(3_000)
    expect(within(panel).getByRole('heading', { name: 'Broker 1 crashes' })).toBeTruthy()

    act(() => store.getState().loadScenario(tinySpec()))
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
  })

  it('closes on request', () => {
    const store = mount()
    act(() => store.getState().loadGuided('demo', 'Demo scenario', tinySpec(), narration))
    fireEvent.click(screen.getByRole('button', { name: 'Close narration' }))
    expect(screen.queryByRole('region', { name: 'Narration' })).toBeNull()
    expect(store.getState().guided).toBeNull()
  })
})
