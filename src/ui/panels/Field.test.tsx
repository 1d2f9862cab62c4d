/**
 * Long config keys wrap only at their dots (a `<wbr>` after each, the text unchanged), and a grid
 * of fields is never narrower than its widest select's longest option.
 */
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigEditor } from './ConfigEditor'
import { breakAtDots, fieldGridStyle, longestLabel } from './Field'
import { recommendedSpec } from '../../analysis/test-helpers'

afterEach(cleanup)

describe('breakAtDots', () => {
  it('offers a line break after each dot and nowhere else', () => {
    const { container } = render(<span>{breakAtDots('unclean.leader.election.enable')}</span>)
    const span = container.querySelector('span')!
    expect(span.textContent).toBe('unclean.leader.election.enable')
    expect(span.innerHTML).toBe('unclean.<wbr>leader.<wbr>election.<wbr>enable')
  })

  it('leaves a label without dots alone', () => {
    expect(breakAtDots('Partitions')).toBe('Partitions')
  })
})

describe('fieldGridStyle', () => {
  it('sizes the columns for the longest option, within the grid, never below the minimum', () => {
    expect(fieldGridStyle(longestLabel(['broker default', 'false', 'true']))).toEqual({
      gridTemplateColumns:
        'repeat(auto-fill, minmax(min(100%, max(10rem, calc(14ch + 2.75rem))), 1fr))',
    })
    expect(fieldGridStyle(0, 14).gridTemplateColumns).toContain('max(14rem, calc(0ch + 2.75rem))')
    expect(longestLabel([])).toBe(0)
  })
})

describe('the configuration editor', () => {
  it('breaks every dotted label at its dots, keeping its accessible name', () => {
    render(<ConfigEditor spec={recommendedSpec()} onApply={() => {}} />)
    for (const key of [
      'unclean.leader.election.enable',
      'leader.replication.throttled.replicas',
      'min.insync.replicas',
    ]) {
      // The topic's field and, for unclean election, the broker default's checkbox too.
      for (const control of screen.getAllByLabelText(key)) {
        const label =
          control.closest('label') ?? document.querySelector(`label[for="${control.id}"]`)!
        expect(label.querySelectorAll('wbr')).toHaveLength(key.split('.').length - 1)
      }
    }
  })

  it('lays the topic and cluster fields on grids sized for their selects', () => {
    render(<ConfigEditor spec={recommendedSpec()} onApply={() => {}} />)
    const topic = screen.getByRole('group', { name: 'Topic 1: orders' })
    expect(topic.style.gridTemplateColumns).toContain('calc(14ch + 2.75rem)')
    const cluster = screen.getByRole('group', { name: 'Cluster' })
    // "ZooKeeper (Kafka 3.9 and earlier)", the controller mode's longest option.
    expect(cluster.style.gridTemplateColumns).toContain('calc(33ch + 2.75rem)')
  })
})
