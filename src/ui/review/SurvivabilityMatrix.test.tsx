/**
 * The survivability matrix in jsdom: header clicks sort and set aria-sort, cells read as symbols
 * and counts, the kind filter narrows rows, pages cap the DOM, and a row click or Enter hands
 * that failure to `onRunFailure`.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildSpec, consumer, producer } from '../../analysis/test-helpers'
import { survivabilityMatrix } from '../../analysis/index'
import { SurvivabilityMatrix } from './SurvivabilityMatrix'

afterEach(cleanup)

const spec = buildSpec({
  zones: ['use1-az1', 'use1-az2'],
  brokersPerZone: 2,
  controllerZones: ['use1-az1', 'use1-az1', 'use1-az2'],
  topics: [
    { name: 'orders', partitions: 4, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
  ],
})

function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup')
  return within(body!).getAllByRole('row')
}

function firstCells() {
  return bodyRows().map((r) =>
    within(r)
      .getByRole('rowheader')
      .textContent?.replace(/\s*inject ▶$/, ''),
  )
}

describe('SurvivabilityMatrix', () => {
  it('shows every failure with text symbols and the assumption', () => {
    render(<SurvivabilityMatrix spec={spec} onRunFailure={vi.fn()} />)
    expect(screen.getByText(/^Replicas in sync before the failure/)).toBeTruthy()
    // 4 brokers, 2 zones, 6 pairs, each zone with each of the 2 brokers elsewhere.
    expect(bodyRows()).toHaveLength(16)
    const zone1 = bodyRows().find((r) =>
      r.getAttribute('aria-label')?.startsWith('Inject failure: use1-az1 ('),
    )!
    expect(within(zone1).getAllByRole('cell').at(-1)!.textContent).toBe('✖ lost')
    expect(zone1.getAttribute('aria-label')).toMatch(
      /^Inject failure: use1-az1 \(Offline . \d+, .*, Control plane ✖ lost\)$/,
    )
    expect(screen.getAllByRole('columnheader').map((h) => h.getAttribute('aria-sort'))).toEqual(
      Array(6).fill('none'),
    )
  })

  it('sorts by a column on header click, toggling the direction', () => {
    render(<SurvivabilityMatrix spec={spec} onRunFailure={vi.fn()} />)
    const header = screen.getByRole('columnheader', { name: /Control plane/ })
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    expect(firstCells()[0]).toBe('use1-az1')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    expect(firstCells().at(-1)).toMatch(/^use1-az1/)
    const offline = screen.getByRole('columnheader', { name: /Offline/ })
    fireEvent.click(within(offline).getByRole('button'))
    expect(offline.getAttribute('aria-sort')).toBe('descending')
    expect(header.getAttribute('aria-sort')).toBe('none')
    const counts = bodyRows().map((r) =>
      Number((within(r).getAllByRole('cell')[0]!.textContent ?? '').slice(2)),
    )
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('filters by kind and pages long lists', () => {
    render(<SurvivabilityMatrix spec={spec} onRunFailure={vi.fn()} pageSize={5} />)
    expect(bodyRows()).toHaveLength(5)
    expect(screen.getByText('Rows 1–5 of 16')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }))
    expect(screen.getByText('Rows 6–10 of 16')).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'zone' } })
    expect(firstCells()).toEqual(['use1-az1', 'use1-az2'])
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull()
  })

  it('hands a clicked row, or one chosen with Enter, to onRunFailure', () => {
    const onRunFailure = vi.fn()
    render(<SurvivabilityMatrix spec={spec} onRunFailure={onRunFailure} />)
    const row = bodyRows().find((r) =>
      r.getAttribute('aria-label')?.startsWith('Inject failure: broker 3 ('),
    )!
    fireEvent.click(row)
    expect(onRunFailure).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'broker', name: 'broker 3', brokers: [3] }),
    )
    const zone = bodyRows().find((r) =>
      r.getAttribute('aria-label')?.startsWith('Inject failure: use1-az2 ('),
    )!
    fireEvent.keyDown(zone, { key: 'Enter' })
    expect(onRunFailure).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'zone', name: 'use1-az2' }),
    )
    fireEvent.keyDown(zone, { key: 'a' })
    expect(onRunFailure).toHaveBeenCalledTimes(2)
    expect(zone.tabIndex).toBe(0)
  })
})

describe('SurvivabilityMatrix with a broker type', () => {
  // 3 zones × 2 kafka.m5.large, 6 partitions at RF 3, 75 MiB/s read by 3 consumers: a zone loss
  // puts two survivors at 100 MiB/s out, 112% of their 89.4 MiB/s (analysis/capacity-rules.test).
  const typed = buildSpec({
    brokersPerZone: 2,
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3 }],
    clients: [
      { ...producer('p', 'orders'), recordsPerSecond: 75 * 1024, recordBytes: 1024 },
      consumer('c1', 'orders', [1]),
      consumer('c2', 'orders', [1]),
      consumer('c3', 'orders', [1]),
    ],
  })
  typed.cluster.brokerType = 'kafka.m5.large'

  it('adds sortable busiest-survivor and overloaded columns, in words and symbols', () => {
    render(<SurvivabilityMatrix spec={typed} onRunFailure={vi.fn()} />)
    const peak = screen.getByRole('columnheader', { name: /Busiest survivor/ })
    expect(screen.getByRole('columnheader', { name: /Overloaded brokers/ })).toBeTruthy()
    fireEvent.click(within(peak).getByRole('button'))
    expect(peak.getAttribute('aria-sort')).toBe('descending')
    // The worst row first: a broker pair (two zones' worth of leaderships on one survivor).
    const worst = Math.max(
      ...survivabilityMatrix(typed).failures.map((f) => f.peakBrokerUtilisation!),
    )
    const top = bodyRows()[0]!
    const text = `✖ ${Math.round(worst * 100)}%`
    expect(within(top).getAllByRole('cell').at(-2)!.textContent).toBe(text)
    expect(top.getAttribute('aria-label')).toContain(`Busiest survivor ${text}`)
    // A single zone's loss: the two brokers that take its leaderships are at 112%.
    const zone = bodyRows().find((r) =>
      /^use1-az1\s*inject/.test(within(r).getByRole('rowheader').textContent),
    )
    expect(within(zone!).getAllByRole('cell').at(-2)!.textContent).toBe('✖ 112%')
    expect(within(zone!).getAllByRole('cell').at(-1)!.textContent).toBe('✖ 2')
  })

  it('has no capacity columns without a broker type', () => {
    render(<SurvivabilityMatrix spec={spec} onRunFailure={vi.fn()} />)
    expect(screen.queryByRole('columnheader', { name: /Busiest survivor/ })).toBeNull()
  })
})
