/**
 * The Glossary tab in jsdom: every entry listed alphabetically with definition and source, and
 * the labelled search box filtering as you type, with a count and an empty state.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { GLOSSARY, glossaryEntries } from './glossary'
import { GlossaryPanel } from './GlossaryPanel'

afterEach(cleanup)

function terms(): string[] {
  return within(screen.getByRole('region', { name: 'Glossary' }))
    .queryAllByRole('term')
    .map((t) => t.textContent ?? '')
}

describe('GlossaryPanel', () => {
  it('lists every term alphabetically with its definition and source', () => {
    render(<GlossaryPanel />)
    const all = glossaryEntries()
    expect(terms()).toEqual(all.map((e) => e.term))
    expect(terms()).toEqual(
      [...terms()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    )
    const definitions = screen.getAllByRole('definition')
    expect(definitions).toHaveLength(all.length)
    const isr = all.findIndex((e) => e.id === 'isr')
    expect(definitions[isr]!.textContent).toContain(GLOSSARY.isr.definition)
    expect(definitions[isr]!.textContent).toContain('replica.lag.time.max.ms')
    expect(screen.getByRole('status').textContent).toBe(`${all.length} terms`)
  })

  it('filters by term, definition or source as you type', () => {
    render(<GlossaryPanel />)
    const search = screen.getByRole('searchbox', { name: 'Search the glossary' })
    fireEvent.change(search, { target: { value: 'kip-966' } })
    expect(terms()).toEqual(['ELR (eligible leader replicas)', 'LastKnownElr'])
    expect(screen.getByRole('status').textContent).toBe(`2 of ${glossaryEntries().length} terms`)
    fireEvent.change(search, { target: { value: 'High watermark' } })
    expect(terms()).toContain('High watermark (HW)')
    fireEvent.change(search, { target: { value: 'no such word' } })
    expect(terms()).toEqual([])
    expect(screen.getByText('No term matches “no such word”.')).toBeTruthy()
    fireEvent.change(search, { target: { value: '' } })
    expect(terms()).toHaveLength(glossaryEntries().length)
  })
})
