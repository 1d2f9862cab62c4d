/**
 * The incident lane over a real store and the real engine: broker 1, leader of orders-0, crashes
 * at 20 s. Before the fencing the lane shows only the fault; after it, the fencing, the ISR
 * shrink and the clean election share one mark, then "writes resumed"; every mark is a button
 * named by its sentence, with a tooltip on hover and focus (Escape dismisses it), and a click
 * pauses and seeks there. Below the track, the incident's recap.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { createAppStore } from '../store/app-store'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import { IncidentLane } from './IncidentLane'
import { StoreContext } from './store-context'

afterEach(cleanup)

function mount() {
  const spec = {
    ...ordersOnThreeBrokers(11).spec,
    durationMs: 60_000,
    faults: [{ type: 'crashBroker' as const, broker: 1, atMs: 20_000 }],
  }
  const store = createAppStore({ engine: { createSimulation, restoreSimulation }, spec })
  render(
    <StoreContext.Provider value={store}>
      <IncidentLane />
    </StoreContext.Provider>,
  )
  return store
}

describe('IncidentLane', () => {
  it('says so before any incident', () => {
    mount()
    const lane = screen.getByRole('region', { name: 'Incident timeline' })
    expect(within(lane).getByText(/None yet/)).toBeTruthy()
    expect(within(lane).queryAllByRole('button')).toEqual([])
  })

  it('shows only the fault while the broker is not fenced yet, and a stalled recap', async () => {
    const store = mount()
    act(() => store.getState().seek(24_000))
    const lane = screen.getByRole('region', { name: 'Incident timeline' })
    await waitFor(() => expect(within(lane).getAllByRole('button')).toHaveLength(1))
    expect(within(lane).getByRole('button', { name: /00:20\.0 broker 1 crashed/ })).toBeTruthy()
    expect(
      within(lane).getByText(/clients have not written to orders-0 since 00:20\.0/),
    ).toBeTruthy()
    expect(within(lane).getByText(/writes not resumed yet/)).toBeTruthy()
  })

  it('marks the fencing and election, labels them in text and recaps the outcome', async () => {
    const store = mount()
    act(() => store.getState().seek(40_000))
    const lane = screen.getByRole('region', { name: 'Incident timeline' })
    await waitFor(() => expect(within(lane).getAllByRole('button')).toHaveLength(3))
    const [fault, fenced, resumed] = within(lane).getAllByRole('button')
    expect(fault?.textContent).toBe('⚡broker 1 crashed')
    expect(fenced?.textContent).toBe('⊘fenced · ISR shrunk · elected')
    expect(resumed?.textContent).toBe('✓writes resumed')
    expect(fenced?.getAttribute('aria-label')).toMatch(
      /fenced broker 1: no heartbeat within broker\.session\.timeout\.ms; .*broker 2 elected leader of orders-0 \(clean, ONLINE\)\. Seek here$/,
    )
    expect(within(lane).getByText(/0 acknowledged records lost/)).toBeTruthy()
    expect(within(lane).getByText(/broker 1 fenced, broker 2 elected \(clean\)/)).toBeTruthy()
  })

  it('shows the sentence on hover and focus, dismisses it with Escape, and seeks on click', async () => {
    const store = mount()
    act(() => store.getState().seek(40_000))
    const lane = screen.getByRole('region', { name: 'Incident timeline' })
    await waitFor(() => expect(within(lane).getAllByRole('button')).toHaveLength(3))
    const fault = within(lane).getByRole('button', { name: /broker 1 crashed/ })
    fireEvent.mouseEnter(fault)
    expect(screen.getByRole('tooltip').textContent).toBe('00:20.0 broker 1 crashed')
    fireEvent.mouseLeave(fault)
    expect(screen.queryByRole('tooltip')).toBeNull()
    act(() => fault.focus())
    expect(fault.getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id)
    fireEvent.keyDown(fault, { key: 'Escape' })
    expect(screen.queryByRole('tooltip')).toBeNull()

    act(() => store.getState().play())
    fireEvent.click(within(lane).getByRole('button', { name: /writes resumed/ }))
    const record = store.getState().failovers[0]
    expect(store.getState().playing).toBe(false)
    expect(record?.recoveredAtMs).not.toBeNull()
    expect(store.getState().simTimeMs).toBe(record?.recoveredAtMs)
  })
})
