/**
 * The toolbar's Step button says what it does, and a polite status line explains a long step;
 * the status box is there before any message, so a message appearing moves nothing.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeEngine, tinySpec } from '../host/testing/fake-engine'
import { createAppStore } from '../store/app-store'
import { StoreContext } from './store-context'
import { Toolbar } from './Toolbar'

afterEach(cleanup)

function mount() {
  const store = createAppStore({ engine: createFakeEngine(), spec: tinySpec(), freeze: false })
  render(
    <StoreContext.Provider value={store}>
      <Toolbar />
    </StoreContext.Provider>,
  )
  return store
}

describe('Toolbar', () => {
  it('describes Step as running to the next event', () => {
    mount()
    const step = screen.getByRole('button', {
      name: 'Step',
      description: /^Run to the next event; on a quiet cluster that can be up to a minute ahead\.$/,
    })
    expect(step.getAttribute('title')).toBe('Run to the next event (→)')
    expect(step.getAttribute('aria-keyshortcuts')).toBe('ArrowRight')
  })

  it('keeps an empty polite status box until a step jumps far', () => {
    const store = mount()
    const status = screen.getByRole('status', { name: 'Last step' })
    expect(status.textContent).toBe('')
    // A one-second step (the fake engine's) needs no explanation.
    fireEvent.click(screen.getByRole('button', { name: 'Step' }))
    expect(store.getState().lastStep).not.toBeNull()
    expect(status.textContent).toBe('')
    act(() => store.setState({ lastStep: { fromMs: 74, toMs: 120_074, events: 1 } }))
    expect(screen.getByRole('status', { name: 'Last step' })).toBe(status)
    expect(status.textContent).toBe(
      'Stepped 02:00.000 ahead to the next event, at 02:00.074 (nothing happened in between).',
    )
    act(() => store.getState().play())
    expect(status.textContent).toBe('')
  })
})
