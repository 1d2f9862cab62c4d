/**
 * The scenario picker in jsdom: the "Scenarios" button opens a dialog listing every guided
 * scenario by title with its summary as description; choosing one calls onLoad with its id and
 * closes the dialog; Escape closes it and returns focus; loading and error states show. Entries
 * are listed under their group's heading (high availability, capacity, large clusters), and
 * "Open scenario file…" closes the dialog and asks for a file.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GuidedScenarioEntry } from '../../scenarios/index'
import { ScenarioPicker } from './ScenarioPicker'

afterEach(cleanup)

const entries: GuidedScenarioEntry[] = [
  {
    id: 'rf1-rolling-update',
    title: 'RF 1 during a rolling update',
    summary: 'Offline.',
    file: 'rf1-rolling-update.json',
  },
  {
    id: 'slow-follower',
    title: 'A slow follower',
    summary: 'Leaves the ISR.',
    file: 'slow-follower.json',
  },
]

describe('ScenarioPicker', () => {
  it('lists each scenario by title and summary and loads the chosen one', () => {
    const onLoad = vi.fn()
    const onOpen = vi.fn()
    render(<ScenarioPicker entries={entries} onLoad={onLoad} onOpen={onOpen} />)
    expect(screen.queryByRole('dialog')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    expect(onOpen).toHaveBeenCalledTimes(1)
    const dialog = screen.getByRole('dialog', { name: 'Guided scenarios' })
    const choices = within(dialog)
      .getAllByRole('listitem')
      .map((li) => within(li).getByRole('button'))
    expect(choices.map((b) => b.textContent)).toEqual([
      'RF 1 during a rolling updateOffline.',
      'A slow followerLeaves the ISR.',
    ])
    const slow = within(dialog).getByRole('button', { name: /A slow follower/ })
    const described = document.getElementById(slow.getAttribute('aria-describedby') ?? '')
    expect(described?.textContent).toBe('Leaves the ISR.')
    expect(document.activeElement).toBe(choices[0])
    fireEvent.click(slow)
    expect(onLoad).toHaveBeenCalledWith('slow-follower')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('closes on Escape and returns focus to the button', () => {
    render(<ScenarioPicker entries={entries} onLoad={vi.fn()} />)
    const opener = screen.getByRole('button', { name: 'Scenarios' })
    fireEvent.click(opener)
    expect(opener.getAttribute('aria-expanded')).toBe('true')
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('marks the loaded scenario', () => {
    render(<ScenarioPicker entries={entries} currentId="slow-follower" onLoad={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    expect(
      screen.getByRole('button', { name: /A slow follower/ }).getAttribute('aria-current'),
    ).toBe('true')
    expect(screen.getByText('(loaded)')).toBeTruthy()
  })

  it('shows loading and errors', () => {
    const { rerender } = render(<ScenarioPicker entries={null} onLoad={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    expect(screen.getByText('Loading scenarios…')).toBeTruthy()
    rerender(<ScenarioPicker entries={null} error="index.json: not JSON" onLoad={vi.fn()} />)
    expect(screen.getByRole('alert').textContent).toBe('index.json: not JSON')
  })

  it('lists each group under its heading, in group order, skipping empty groups', () => {
    const grouped: GuidedScenarioEntry[] = [
      { ...entries[0]!, group: 'guided' },
      {
        id: 'reference-cluster',
        title: 'Reference cluster',
        summary: '90 brokers.',
        file: 'clusters/reference-cluster.json',
        group: 'large',
      },
      {
        id: 'right-layout-wrong-size',
        title: 'The right layout, the wrong size',
        summary: 'Overloaded.',
        file: 'right-layout-wrong-size.json',
        group: 'capacity',
      },
      // No group: listed with the guided scenarios.
      entries[1]!,
    ]
    const onLoad = vi.fn()
    render(<ScenarioPicker entries={grouped} onLoad={onLoad} />)
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    const dialog = screen.getByRole('dialog', { name: 'Guided scenarios' })
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['High availability', 'Capacity', 'Large clusters'])
    const titles = (name: string) =>
      within(screen.getByRole('region', { name }))
        .getAllByRole('button')
        .map((b) => b.querySelector('span')?.firstChild?.textContent)
    expect(titles('High availability')).toEqual(['RF 1 during a rolling update', 'A slow follower'])
    expect(titles('Capacity')).toEqual(['The right layout, the wrong size'])
    expect(titles('Large clusters')).toEqual(['Reference cluster'])
    fireEvent.click(
      within(screen.getByRole('region', { name: 'Large clusters' })).getByRole('button', {
        name: /Reference cluster/,
      }),
    )
    expect(onLoad).toHaveBeenCalledWith('reference-cluster')

    cleanup()
    render(<ScenarioPicker entries={entries} onLoad={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'High availability',
    ])
  })

  it('offers "Open scenario file…", which closes the dialog and asks for a file', () => {
    const onOpenFile = vi.fn()
    const { rerender } = render(<ScenarioPicker entries={entries} onLoad={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }))
    expect(screen.queryByRole('button', { name: 'Open scenario file…' })).toBeNull()
    rerender(<ScenarioPicker entries={entries} onLoad={vi.fn()} onOpenFile={onOpenFile} />)
    fireEvent.click(screen.getByRole('button', { name: 'Open scenario file…' }))
    expect(onOpenFile).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Scenarios' }))
  })
})
