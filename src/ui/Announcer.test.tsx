/**
 * The live region over a real store: events that arrive while playing are announced politely,
 * at most once per interval, and a seek back (a shorter event log) announces nothing.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SimEvent } from '../engine/types'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from '../store/app-store'
import { Announcer } from './Announcer'
import { StoreContext } from './store-context'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function mount() {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: false })
  render(
    <StoreContext.Provider value={store}>
      <Announcer intervalMs={1000} />
    </StoreContext.Provider>,
  )
  return store
}

const fenced = (broker: number): SimEvent => ({ atMs: 1, type: 'BrokerFenced', broker })

describe('Announcer', () => {
  it('announces in a polite live region, rate-limited, with what happened in between', () => {
    const store = mount()
    const region = screen.getByRole('status', { name: 'Cluster announcements' })
    expect(region.getAttribute('aria-live')).toBe('polite')
    const base = store.getState().events
    act(() => store.setState({ events: [...base, fenced(1)] }))
    act(() => {
      vi.advanceTimersByTime(0)
    })
    expect(region.textContent).toBe('Broker 1 fenced.')
    // Two more within the interval come as one announcement, after it.
    act(() => store.setState({ events: [...base, fenced(1), fenced(2)] }))
    act(() => store.setState({ events: [...base, fenced(1), fenced(2), fenced(3)] }))
    act(() => {
      vi.advanceTimersByTime(500)
    })
    expect(region.textContent).toBe('Broker 1 fenced.')
    act(() => {
      vi.advanceTimersByTime(600)
    })
    expect(region.textContent).toBe('Brokers 2, 3 fenced.')
  })

  it('says nothing for a seek back', () => {
    const store = mount()
    const region = screen.getByRole('status', { name: 'Cluster announcements' })
    const base = store.getState().events
    act(() => store.setState({ events: [...base, fenced(1), fenced(2)] }))
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(region.textContent).toBe('Brokers 1, 2 fenced.')
    act(() => store.setState({ events: [...base, fenced(1)] }))
    act(() => {
      vi.advanceTimersByTime(5000)
    })
    expect(region.textContent).toBe('Brokers 1, 2 fenced.')
  })
})
