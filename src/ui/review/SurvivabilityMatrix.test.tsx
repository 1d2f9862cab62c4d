/**
 * The survivability matrix in jsdom, over real reports: it starts on the failing or at-risk rows
 * and the filters change that; header clicks sort and set aria-sort; the grid renders only a
 * window of a 4,278-row list but tells screen readers the total (aria-rowcount, aria-rowindex);
 * the arrow keys, Page Down and End move the focused row, Enter opens its drill-down and Escape
 * closes it; a count opens the partitions behind it, whose names select a partition; "Inject" and
 * "Inject this failure" hand the failure to `onRunFailure`; the "By topic" view lists topics
 * failing first with their worst cases. jsdom has no layout, so the grid uses its fallback sizes
 * (36 px rows, 230 px of body).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type FailureOutcome,
  survivabilityMatrix,
  topicRollup,
  type TopicRollup,
} from '../../analysis/index'
import { buildSpec, consumer, producer } from '../../analysis/test-helpers'
import type { SimulationSpec } from '../../engine/spec'
import { SurvivabilityMatrix, type SurvivabilityMatrixProps } from './SurvivabilityMatrix'

afterEach(cleanup)

// 2 zones of 2 brokers, RF 3: every zone and pair failure hurts; single brokers do not.
const spec = buildSpec({
  zones: ['use1-az1', 'use1-az2'],
  brokersPerZone: 2,
  controllerZones: ['use1-az1', 'use1-az1', 'use1-az2'],
  topics: [
    { name: 'orders', partitions: 4, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
  ],
})

// 3 zones of 2 brokers (broker b in zone ((b - 1) mod 3) + 1); orders-0 has two replicas in
// use1-az1 (brokers 1 and 4), so losing that zone leaves it one copy and unwritable.
const minIsr2 = { 'min.insync.replicas': 2 }
const sharedZone = buildSpec({
  brokersPerZone: 2,
  topics: [
    {
      name: 'orders',
      partitions: 4,
      replicationFactor: 3,
      config: minIsr2,
      assignment: [
        [1, 4, 2],
        [2, 3, 4],
        [3, 4, 5],
        [4, 5, 6],
      ],
    },
    { name: 'payments', partitions: 2, replicationFactor: 3, config: minIsr2 },
    {
      name: 'audit',
      partitions: 1,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 1 },
      assignment: [[1, 2, 3]],
    },
  ],
})

function renderMatrix(
  s: SimulationSpec = spec,
  over: Partial<SurvivabilityMatrixProps> = {},
): SurvivabilityMatrixProps {
  const report = survivabilityMatrix(s)
  const props: SurvivabilityMatrixProps = {
    spec: s,
    failures: report.failures,
    topics: topicRollup(s, report.failures),
    assumption: report.assumption,
    onRunFailure: vi.fn(),
    onSelectPartition: vi.fn(),
    ...over,
  }
  render(<SurvivabilityMatrix {...props} />)
  return props
}

const grid = () => screen.getByRole('grid', { name: 'Failures' })
function bodyRows() {
  const [, body] = within(grid()).getAllByRole('rowgroup')
  return within(body!).getAllByRole('row')
}
const names = () => bodyRows().map((r) => within(r).getByRole('rowheader').textContent)
const rowNamed = (name: string) =>
  bodyRows().find(
    (r) =>
      r.getAttribute('data-row-index') !== null &&
      within(r).getByRole('rowheader').textContent === name,
  )!
const showRows = (value: string) =>
  fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value } })

describe('SurvivabilityMatrix: rows and filters', () => {
  it('starts on the failing or at-risk rows, with the assumptions folded away', () => {
    renderMatrix()
    // 4 brokers, 2 zones, 6 pairs, 4 zone-plus-broker rows: all but the single brokers fail.
    expect(screen.getByRole('combobox', { name: 'Rows' })).toHaveProperty('value', 'risk')
    expect(names()).toHaveLength(12)
    expect(names()).not.toContain('broker 1')
    expect(grid().getAttribute('aria-rowcount')).toBe('13')
    expect(screen.getByRole('status').textContent).toBe(
      'Showing 12 of 16 failures. ✖ 12 failing · ▲ 0 at risk · ✓ 4 with no effect',
    )
    const details = screen.getByText('Assumptions').closest('details')!
    expect(details.open).toBe(false)
    expect(details.textContent).toMatch(/Replicas in sync before the failure/)
  })

  it('shows all rows, only failing ones, or one kind, and says when a filter leaves none', () => {
    renderMatrix()
    showRows('all')
    expect(grid().getAttribute('aria-rowcount')).toBe('17')
    // The 230 px window with its overscan renders the first 15 of the 16.
    expect(bodyRows().map((r) => r.getAttribute('aria-rowindex'))).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 2)),
    )
    expect(names().slice(0, 5)).toEqual([
      'broker 1',
      'broker 2',
      'broker 3',
      'broker 4',
      'use1-az1',
    ])
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'zone' } })
    expect(names()).toEqual(['use1-az1', 'use1-az2'])
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), {
      target: { value: 'broker' },
    })
    showRows('failing')
    expect(screen.queryByRole('grid')).toBeNull()
    expect(screen.getByText('None of the 4 failures of this kind is failing (✖).')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show all rows' }))
    expect(names()).toEqual(['broker 1', 'broker 2', 'broker 3', 'broker 4'])
  })

  it('starts on all rows when no failure hurts', () => {
    // One broker in each of 4 zones and RF 4: any two failures leave two copies, and a zone
    // takes one of the 4 controller nodes with it.
    renderMatrix(
      buildSpec({
        zones: ['use1-az1', 'use1-az2', 'use1-az3', 'use1-az4'],
        topics: [{ name: 'logs', partitions: 3, replicationFactor: 4 }],
      }),
    )
    expect(screen.getByRole('combobox', { name: 'Rows' })).toHaveProperty('value', 'all')
  })

  it('sorts by a column on header click, toggling the direction', () => {
    renderMatrix()
    const header = screen.getByRole('columnheader', { name: /Control plane/ })
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    expect(names()[0]).toBe('use1-az1')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    expect(names().slice(-3)).toEqual(['use1-az1', 'use1-az1 + broker 2', 'use1-az1 + broker 4'])
    const offline = screen.getByRole('columnheader', { name: /Offline/ })
    fireEvent.click(within(offline).getByRole('button'))
    expect(offline.getAttribute('aria-sort')).toBe('descending')
    expect(header.getAttribute('aria-sort')).toBe('none')
    const counts = bodyRows().map((r) =>
      Number((within(r).getAllByRole('gridcell')[0]!.textContent ?? '').slice(2)),
    )
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(counts[0]).toBe(1)
  })

  it('reads each row as its failure and cells, in words and symbols', () => {
    renderMatrix()
    expect(rowNamed('use1-az1').getAttribute('aria-label')).toBe(
      'use1-az1: Offline ✓ 0, Unwritable (acks=all) ✖ 2, Single copy ▲ 2, Unclean election needed ✓ 0, Control plane ✖ lost',
    )
  })
})

describe('SurvivabilityMatrix: a long list', () => {
  // 4,278 rows as on the reference cluster; their content does not matter here.
  const many: FailureOutcome[] = Array.from({ length: 4278 }, (_, i) => ({
    kind: 'brokers',
    name: `brokers ${i}+${i + 1}`,
    brokers: [i, i + 1],
    controllers: [],
    offlinePartitions: 0,
    unwritablePartitions: i % 3,
    singleCopyPartitions: 0,
    uncleanElectionRequired: 0,
    controlPlaneLost: false,
    peakBrokerUtilisation: null,
    overloadedBrokers: null,
  }))
  const renderMany = () =>
    renderMatrix(spec, { failures: many, topics: [] as TopicRollup[], assumption: 'A.' })

  it('renders a window of rows and gives screen readers the total', () => {
    renderMany()
    showRows('all')
    expect(screen.getByRole('status').textContent).toMatch(/^Showing 4,278 of 4,278 failures\./)
    expect(grid().getAttribute('aria-rowcount')).toBe('4279')
    // 230 px of body shows rows 0 to 6; 8 more are rendered below.
    expect(names()).toHaveLength(15)
    const scroller = grid().parentElement!
    fireEvent.scroll(scroller, { target: { scrollTop: 36 * 4278 } })
    const indices = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')))
    expect(indices.at(-1)).toBe(4279)
    expect(names().at(-1)).toBe('brokers 4277+4278')
    expect(bodyRows().length).toBeLessThan(30)
    // The active row (the first) stays rendered, so it can keep focus.
    expect(indices[0]).toBe(2)
  })

  it('moves the focused row with the keys, scrolling it into view', () => {
    renderMany()
    showRows('all')
    const first = bodyRows()[0]!
    expect(first.tabIndex).toBe(0)
    expect(bodyRows()[1]!.tabIndex).toBe(-1)
    first.focus()
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3')
    expect(first.tabIndex).toBe(-1)
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' })
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('9')
    fireEvent.keyDown(document.activeElement!, { key: 'End' })
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^brokers 4277\+4278:/)
    expect(grid().parentElement!.scrollTop).toBe(36 * 4278 - 230)
    fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2')
    expect(grid().parentElement!.scrollTop).toBe(0)
    // → and ← walk the row's buttons (row 1 has a count button and Inject); only the active
    // row's buttons are in the Tab order.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' })
    const row = document.activeElement!
    fireEvent.keyDown(row, { key: 'ArrowRight' })
    expect(document.activeElement?.textContent).toBe('✖ 1')
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })
    expect(document.activeElement?.textContent).toBe('Inject ▶')
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(row)
    const [, active, third] = bodyRows()
    expect(active).toBe(row)
    expect(
      within(active!)
        .getAllByRole('button')
        .map((b) => b.tabIndex),
    ).toEqual([0, 0])
    expect(
      within(third!)
        .getAllByRole('button')
        .map((b) => b.tabIndex),
    ).toEqual([-1, -1])
  })
})

describe('SurvivabilityMatrix: drill-down and inject', () => {
  it('lists the partitions behind a count, and selects one', () => {
    const props = renderMatrix(sharedZone)
    const zone = rowNamed('use1-az1')
    fireEvent.click(within(zone).getByRole('button', { name: /^Unwritable \(acks=all\) ✖ 1/ }))
    const panel = screen.getByRole('region', { name: 'Failure detail' })
    expect(within(panel).getByRole('heading', { name: 'use1-az1' })).toBe(document.activeElement)
    expect(panel.textContent).toContain('Failed brokers: 1, 4')
    expect(panel.textContent).toContain('1 partition in 1 topic unwritable (acks=all)')
    expect(within(panel).getByRole('listitem').textContent).toBe(
      'orders: 1 of 4 partitions unwritable (acks=all) — orders-0',
    )
    fireEvent.click(within(panel).getByRole('button', { name: 'Single copy ▲ 1' }))
    expect(within(panel).getByRole('listitem').textContent).toBe(
      'orders: 1 of 4 partitions left with a single copy — orders-0',
    )
    fireEvent.click(within(panel).getByRole('button', { name: 'orders-0' }))
    expect(props.onSelectPartition).toHaveBeenCalledWith('orders-0')
    expect(within(panel).getByRole('status').textContent).toBe(
      'orders-0 is selected: the Partition panel shows its replicas.',
    )
    fireEvent.click(within(panel).getByRole('button', { name: 'Inject this failure' }))
    expect(props.onRunFailure).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'zone', name: 'use1-az1', brokers: [1, 4] }),
    )
  })

  it('opens a row with Enter on its worst outcome, and Escape brings focus back', () => {
    renderMatrix(sharedZone)
    const row = rowNamed('use1-az1 + broker 2')
    row.focus()
    fireEvent.keyDown(row, { key: 'Enter' })
    const panel = screen.getByRole('region', { name: 'Failure detail' })
    expect(document.activeElement).toBe(
      within(panel).getByRole('heading', { name: 'use1-az1 + broker 2' }),
    )
    expect(within(panel).getByRole('button', { name: 'Offline ✖ 1' }).ariaPressed).toBe('true')
    expect(within(panel).getByRole('listitem').textContent).toBe(
      'orders: 1 of 4 partitions offline — orders-0',
    )
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('region', { name: 'Failure detail' })).toBeNull()
    expect(document.activeElement).toBe(rowNamed('use1-az1 + broker 2'))
  })

  it('tells what the control plane loses', () => {
    renderMatrix()
    const zone = rowNamed('use1-az1')
    fireEvent.click(within(zone).getByRole('button', { name: /^Control plane ✖ lost/ }))
    expect(screen.getByRole('region', { name: 'Failure detail' }).textContent).toContain(
      'Controller nodes 1001, 1002 fail; 1 of 3 remain, no majority',
    )
  })

  it('injects from a row with its Inject button', () => {
    const props = renderMatrix()
    fireEvent.click(
      within(rowNamed('brokers 1+4')).getByRole('button', { name: 'Inject brokers 1+4' }),
    )
    expect(props.onRunFailure).toHaveBeenCalledTimes(1)
    expect(props.onRunFailure).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'brokers', name: 'brokers 1+4', brokers: [1, 4] }),
    )
    expect(screen.queryByRole('region', { name: 'Failure detail' })).toBeNull()
  })
})

describe('SurvivabilityMatrix: by topic', () => {
  it('lists topics failing first, with cases per class and a worst case that drills down', () => {
    renderMatrix(sharedZone)
    fireEvent.click(screen.getByRole('button', { name: 'By topic' }))
    expect(screen.queryByRole('combobox', { name: 'Rows' })).toBeNull()
    const table = screen.getByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'orders',
      'payments',
      'audit',
    ])
    const zone = within(rows[0]!).getAllByRole('cell')[2]!
    expect(zone.textContent).toBe(
      '✖ unwritable in 1 of 3 cases, offline in 0worst: use1-az1 (1 unwritable)',
    )
    expect(within(rows[2]!).getAllByRole('cell')[1]!.textContent).toBe('✓ writable in all 6 cases')
    const header = within(table).getByRole('columnheader', { name: /Topic/ })
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(within(zone).getByRole('button'))
    const panel = screen.getByRole('region', { name: 'Failure detail' })
    expect(within(panel).getByRole('heading').textContent).toBe('use1-az1')
    expect(within(panel).getByRole('listitem').textContent).toBe(
      'orders: 1 of 4 partitions unwritable (acks=all) — orders-0',
    )
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
    renderMatrix(typed)
    const peak = screen.getByRole('columnheader', { name: /Busiest survivor/ })
    expect(screen.getByRole('columnheader', { name: /Overloaded brokers/ })).toBeTruthy()
    fireEvent.click(within(peak).getByRole('button'))
    expect(peak.getAttribute('aria-sort')).toBe('descending')
    const worst = Math.max(
      ...survivabilityMatrix(typed).failures.map((f) => f.peakBrokerUtilisation!),
    )
    const top = bodyRows()[0]!
    const text = `✖ ${Math.round(worst * 100)}%`
    expect(within(top).getAllByRole('gridcell').at(-3)!.textContent).toBe(text)
    expect(top.getAttribute('aria-label')).toContain(`Busiest survivor ${text}`)
    // A single zone's loss: the two brokers that take its leaderships are at 112%, an overload,
    // so the row fails although every partition stays writable.
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'zone' } })
    const zone = rowNamed('use1-az1')
    expect(within(zone).getAllByRole('gridcell').at(-3)!.textContent).toBe('✖ 112%')
    expect(within(zone).getAllByRole('gridcell').at(-2)!.textContent).toBe('✖ 2')
  })

  it('drills from a capacity cell to the survivors behind it', () => {
    renderMatrix(typed)
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'zone' } })
    const zone = rowNamed('use1-az1')
    fireEvent.click(within(zone).getByRole('button', { name: /^Overloaded brokers ✖ 2: show/ }))
    const panel = screen.getByRole('region', { name: 'Failure detail' })
    expect(panel.textContent).toContain(
      "Survivors' load: the busiest at 112% of its limit; 2 overloaded.",
    )
    const items = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
    expect(items.filter((t) => t.endsWith('— overloaded'))).toHaveLength(2)
    expect(items[0]).toMatch(/^broker \d \(use1-az[23]\): 112% of network out — overloaded$/)
  })

  it('has no capacity columns without a broker type', () => {
    renderMatrix()
    expect(screen.queryByRole('columnheader', { name: /Busiest survivor/ })).toBeNull()
  })
})
