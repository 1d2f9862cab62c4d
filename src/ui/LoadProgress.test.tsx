/**
 * The progress of a long load or seek: nothing for the first half second (a normal seek does not
 * flash a panel); then a labelled progress bar with its values and its percentage in words, a
 * status line said once, and Cancel, which asks the store to stop and then reads "Cancelling…".
 * Before the first snapshot, "Starting the simulation…" holds the place.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from '../store/app-store'
import { LoadProgress, progressPercent, progressTime, SHOW_AFTER_MS } from './LoadProgress'
import { StoreContext } from './store-context'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function mount(starting = false) {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: false })
  const cancel = vi.fn(() => store.setState({ cancelRequestedAt: store.getState().generation }))
  store.setState({ cancelHostJob: cancel })
  render(
    <StoreContext.Provider value={store}>
      <LoadProgress starting={starting} />
    </StoreContext.Provider>,
  )
  return { store, cancel }
}

const DAY = 86_400_000

describe('LoadProgress', () => {
  it('writes hours, minutes and seconds, and whole percent', () => {
    expect(progressTime(750_500)).toBe('00:12:30')
    expect(progressTime(DAY)).toBe('24:00:00')
    expect(progressPercent({ job: 'seek', fromMs: 0, reachedMs: 750_500, targetMs: DAY })).toBe(0)
    expect(progressPercent({ job: 'seek', fromMs: 0, reachedMs: DAY / 2, targetMs: DAY })).toBe(50)
    expect(progressPercent({ job: 'seek', fromMs: 5, reachedMs: 5, targetMs: 5 })).toBe(100)
  })

  it('shows nothing for half a second, then the bar, its values and Cancel', () => {
    const { store, cancel } = mount()
    act(() => {
      store.setState({
        hostProgress: { job: 'seek', fromMs: 0, reachedMs: 750_500, targetMs: DAY },
      })
    })
    expect(screen.queryByRole('progressbar')).toBeNull()
    act(() => {
      vi.advanceTimersByTime(SHOW_AFTER_MS)
    })
    const bar = screen.getByRole('progressbar', { name: 'Simulating 00:12:30 of 24:00:00' })
    expect(bar.getAttribute('aria-valuemin')).toBe('0')
    expect(bar.getAttribute('aria-valuenow')).toBe('750500')
    expect(bar.getAttribute('aria-valuemax')).toBe(String(DAY))
    expect(bar.getAttribute('aria-valuetext')).toBe('00:12:30 of 24:00:00 simulated, 0%')
    expect(screen.getByRole('status').textContent).toBe(
      'Simulating to 24:00:00; this takes a while. Cancel stops at the time reached.',
    )
    // Progress moves the bar; the status line stays as it was said.
    act(() => {
      store.setState({
        hostProgress: { job: 'seek', fromMs: 0, reachedMs: DAY / 2, targetMs: DAY },
      })
    })
    expect(bar.getAttribute('aria-valuenow')).toBe(String(DAY / 2))
    expect(screen.getByText(/^50% · Going to 24:00:00\./)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(cancel).toHaveBeenCalledTimes(1)
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Cancelling…' })
    expect(button.disabled).toBe(true)
    act(() => {
      store.setState({ hostProgress: null, cancelRequestedAt: null })
    })
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('says the simulation is starting until the first load’s progress shows', () => {
    const { store } = mount(true)
    expect(screen.getByRole('status').textContent).toBe('Starting the simulation…')
    act(() => {
      store.setState({
        generation: 0,
        hostProgress: { job: 'load', fromMs: 0, reachedMs: 1_000, targetMs: DAY },
      })
    })
    expect(screen.getByRole('status').textContent).toBe('Starting the simulation…')
    act(() => {
      vi.advanceTimersByTime(SHOW_AFTER_MS)
    })
    expect(
      screen.getByRole('progressbar', { name: 'Simulating 00:00:01 of 24:00:00' }),
    ).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain(
      'Cancel shows the scenario from the time reached.',
    )
  })
})
