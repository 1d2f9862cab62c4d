/**
 * The scenario picker in jsdom: the "Scenarios" button opens a dialog listing every guided
 * scenario by title with its summary as description; choosing one calls onLoad with its id and
 * closes the dialog; Escape closes it and returns focus; loading and error states show.
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
})
