/**
 * `<Term>` in jsdom: the word is a focusable button whose accessible description is the
 * definition; focus and hover show the term, definition and source; Escape and blur hide it, and
 * Escape handled by the definition does not reach the page's other Escape handlers.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GLOSSARY } from './glossary'
import { Term } from './Term'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Term', () => {
  it('is a focusable word described by its definition', () => {
    render(<Term id="isr">Isr</Term>)
    const word = screen.getByRole('button', { name: 'Isr' })
    expect(word).toHaveProperty('tabIndex', 0)
    expect(word.getAttribute('aria-describedby')).not.toBeNull()
    expect(
      screen.getByRole('button', { name: 'Isr', description: GLOSSARY.isr.definition }),
    ).toBeTruthy()
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('shows the term, definition and source on focus and hides on Escape', () => {
    render(<Term id="elr">Elr</Term>)
    const word = screen.getByRole('button', { name: 'Elr' })
    act(() => word.focus())
    const tip = screen.getByRole('tooltip')
    expect(tip.textContent).toContain(GLOSSARY.elr.term)
    expect(tip.textContent).toContain(GLOSSARY.elr.definition)
    expect(tip.textContent).toContain('KIP-966')
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    act(() => {
      word.dispatchEvent(escape)
    })
    expect(escape.defaultPrevented).toBe(true)
    expect(screen.queryByRole('tooltip')).toBeNull()
    expect(document.activeElement).toBe(word)
  })

  it('leaves Escape alone while closed', () => {
    render(<Term id="acks">acks</Term>)
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    document.body.dispatchEvent(escape)
    expect(escape.defaultPrevented).toBe(false)
  })

  it('hides on blur', () => {
    render(<Term id="acks">acks</Term>)
    const word = screen.getByRole('button', { name: 'acks' })
    act(() => word.focus())
    expect(screen.getByRole('tooltip')).toBeTruthy()
    act(() => word.blur())
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('shows on hover and hides a moment after the pointer leaves', () => {
    vi.useFakeTimers()
    render(<Term id="high-watermark">HW</Term>)
    const word = screen.getByRole('button', { name: 'HW' })
    fireEvent.mouseEnter(word)
    expect(screen.getByRole('tooltip').textContent).toContain('High watermark')
    fireEvent.mouseLeave(word)
    expect(screen.getByRole('tooltip')).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime(200)
    })
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('toggles on click, for touch screens', () => {
    render(<Term id="fenced">fenced</Term>)
    const word = screen.getByRole('button', { name: 'fenced' })
    fireEvent.click(word)
    expect(screen.getByRole('tooltip')).toBeTruthy()
    fireEvent.click(word)
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('keeps the popover inside a narrow viewport', () => {
    render(<Term id="controller">Controller</Term>)
    act(() => screen.getByRole('button', { name: 'Controller' }).focus())
    const tip = screen.getByRole('tooltip')
    const left = Number.parseFloat(tip.style.left)
    const width = Number.parseFloat(tip.style.width)
    expect(left).toBeGreaterThanOrEqual(8)
    expect(left + width).toBeLessThanOrEqual(window.innerWidth - 8)
  })
})
