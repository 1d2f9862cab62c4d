/**
 * The export menu in jsdom: the Export button discloses the five export buttons; each builds its
 * file from the sources read at click time and hands it to `download`; failures are shown.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { recommendedSpec } from '../../analysis/test-helpers'
import { createSimulation } from '../../engine/index'
import type { ExportSources } from './export-kinds'
import { ExportMenu } from './ExportMenu'

afterEach(cleanup)

function sources(topology: SVGSVGElement | null = null): ExportSources {
  const spec = recommendedSpec()
  const sim = createSimulation(spec)
  sim.runUntil(5000)
  return {
    spec,
    recordedSpec: spec,
    snapshot: sim.snapshot(),
    metricsSeries: sim.metricsSeries(),
    events: sim.events(),
    faults: sim.faults(),
    shareUrl: () => Promise.resolve('https://lab.example/#scenario=x'),
    topology: () => topology,
  }
}

describe('ExportMenu', () => {
  it('lists the five exports behind the Export button', () => {
    render(<ExportMenu getSources={sources} download={vi.fn()} />)
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Export',
      'Export scenario JSON',
      'Export review (Markdown)',
      'Export SVG',
      'Export PNG',
      'Export metrics CSV',
    ])
  })

  it('downloads the scenario, the review, the CSV and the SVG', async () => {
    const download = vi.fn()
    document.body.innerHTML = '<svg width="30" height="20"><rect width="3"/></svg>'
    const svg = document.querySelector('svg')!
    render(<ExportMenu getSources={() => sources(svg)} download={download} />)
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    for (const label of [
      'Export scenario JSON',
      'Export review (Markdown)',
      'Export metrics CSV',
      'Export SVG',
    ]) {
      fireEvent.click(screen.getByRole('button', { name: label }))
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved /))
    }
    await waitFor(() => expect(download).toHaveBeenCalledTimes(4))
    const files = download.mock.calls.map(([file]) => file as { name: string; data: string })
    expect(files.map((f) => f.name)).toEqual([
      'test-layout.json',
      'test-layout-review.md',
      'test-layout-metrics.csv',
      'test-layout-topology.svg',
    ])
    expect(JSON.parse(files[0]!.data)).toMatchObject({ version: 1, name: 'test layout' })
    expect(files[1]!.data).toContain('<https://lab.example/#scenario=x>')
    expect(files[2]!.data.trimEnd().split('\n')).toHaveLength(sources().metricsSeries.length + 1)
    expect(files[3]!.data.startsWith('<svg')).toBe(true)
  })

  it('tells assistive technology whether the panel is open and which element it controls', () => {
    render(<ExportMenu getSources={sources} download={vi.fn()} />)
    const toggle = screen.getByRole('button', { name: 'Export' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(toggle.hasAttribute('aria-controls')).toBe(false)
    // A disclosure of plain buttons, not an arrow-key menu.
    expect(toggle.hasAttribute('aria-haspopup')).toBe(false)
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const group = screen.getByRole('group', { name: 'Export' })
    expect(toggle.getAttribute('aria-controls')).toBe(group.id)
    expect(group.id).not.toBe('')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull()
  })

  it('closes on Escape from inside the panel and returns focus to the toggle', () => {
    render(<ExportMenu getSources={sources} download={vi.fn()} />)
    const toggle = screen.getByRole('button', { name: 'Export' })
    fireEvent.click(toggle)
    const item = screen.getByRole('button', { name: 'Export SVG' })
    item.focus()
    expect(document.activeElement).toBe(item)
    fireEvent.keyDown(item, { key: 'Escape' })
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull()
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle)
  })

  it('closes on Escape pressed on the toggle itself', () => {
    render(<ExportMenu getSources={sources} download={vi.fn()} />)
    const toggle = screen.getByRole('button', { name: 'Export' })
    fireEvent.click(toggle)
    toggle.focus()
    fireEvent.keyDown(toggle, { key: 'Escape' })
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull()
    expect(document.activeElement).toBe(toggle)
  })

  it('closes when the pointer goes down outside it, but not inside', () => {
    render(
      <div>
        <p>elsewhere</p>
        <ExportMenu getSources={sources} download={vi.fn()} />
      </div>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Export PNG' }))
    expect(screen.getByRole('group', { name: 'Export' })).toBeTruthy()
    fireEvent.pointerDown(screen.getByText('elsewhere'))
    expect(screen.queryByRole('group', { name: 'Export' })).toBeNull()
  })

  it('shows why an export failed', async () => {
    render(<ExportMenu getSources={() => sources(null)} download={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export SVG' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Export failed: The topology is not on the page',
      ),
    )
  })
})
