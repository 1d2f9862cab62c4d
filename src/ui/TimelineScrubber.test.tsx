/**
 * The timeline in jsdom over a real store: its length label is the scenario's length (it read
 * 01:00 for 180 s and 600 s scenarios), and a running rolling restart shows its progress as text
 * on the track, with each window titled by its real start and end.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from '../store/app-store'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import { StoreContext } from './store-context'
import { TimelineMarks } from './TimelineMarks'
import { TimelineScrubber } from './TimelineScrubber'

afterEach(cleanup)

function mount(durationMs: number) {
  const store = createAppStore({
    engine: createFakeEngine(),
    spec: { ...tinySpec(), durationMs },
    freeze: true,
  })
  render(
    <StoreContext.Provider value={store}>
      <TimelineScrubber />
    </StoreContext.Provider>,
  )
  return store
}

describe('TimelineScrubber', () => {
  it('labels the track with the scenario’s length', () => {
    mount(180_000)
    expect(screen.getByText('03:00')).toBeTruthy()
    expect(screen.getByRole('slider', { name: 'Timeline' }).getAttribute('max')).toBe('180000')
    cleanup()
    mount(600_000)
    expect(screen.getByText('10:00')).toBeTruthy()
  })

  it('grows past the scenario’s length once the run goes beyond it', () => {
    const store = mount(60_000)
    act(() => store.getState().seek(100_000))
    expect(screen.getByText('02:00')).toBeTruthy()
    expect(screen.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuetext')).toBe(
      '01:40.000 of 02:00',
    )
  })

  it('shows a running rolling restart’s progress on the track', () => {
    const spec = {
      ...ordersOnThreeBrokers(11).spec,
      faults: [{ type: 'rollingRestart' as const, atMs: 10_000 }],
    }
    const store = createAppStore({ engine: { createSimulation, restoreSimulation }, spec })
    render(
      <StoreContext.Provider value={store}>
        <TimelineScrubber />
      </StoreContext.Provider>,
    )
    act(() => store.getState().seek(60_000))
    expect(screen.getByRole('status').textContent).toBe('↻ Rolling restart: broker 2 (2 of 3)')
    act(() => store.getState().seek(150_000))
    expect(screen.queryByRole('status')).toBeNull()
  })
})

describe('TimelineMarks', () => {
  it('titles a window with its start and end', () => {
    const { container } = render(
      <TimelineMarks
        extentMs={60_000}
        simTimeMs={30_000}
        horizonMs={30_000}
        markers={[]}
        windows={[{ startMs: 10_000, endMs: 20_000, kind: 'broker', label: 'Broker 1 down' }]}
      />,
    )
    expect(container.querySelector('rect.fault-window title')?.textContent).toBe(
      'Broker 1 down 00:10.000–00:20.000',
    )
  })
})
