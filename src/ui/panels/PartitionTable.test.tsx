/**
 * Renders PartitionTable in jsdom with hand-built partitions and checks what a user sees: the
 * kafka-topics column headers, "none" for a missing leader, the Filter select, 200-row paging over
 * 10,000 partitions, keyboard-reachable selection, and the exact text the copy button sends to a
 * stubbed navigator.clipboard.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatDescribe } from './describe-format'
import { manyPartitions, partitionView } from './fixtures'
import { PartitionTable } from './PartitionTable'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const mixed = [
  partitionView({ partition: 0 }),
  partitionView({ partition: 1, isr: [1, 2] }),
  partitionView({ partition: 2, isr: [1] }),
  partitionView({ partition: 3, leader: -1, isr: [3] }),
]

function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup')
  return within(body!).queryAllByRole('row')
}

describe('PartitionTable', () => {
  it('shows the kafka-topics --describe column headers and Leader none', () => {
    render(<PartitionTable partitions={mixed} />)
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual([
      'Topic',
      'Partition',
      'Leader',
      'Replicas',
      'Isr',
      'Elr',
      'LastKnownElr',
      'Status',
    ])
    const offlineRow = bodyRows()[3]!
    expect(within(offlineRow).getByText('none')).toBeTruthy()
    expect(within(offlineRow).getByText('offline')).toBeTruthy()
  })

  it('filters by health with the labelled Filter select', () => {
    render(<PartitionTable partitions={mixed} />)
    const filter = screen.getByRole('combobox', { name: 'Filter' })
    fireEvent.change(filter, { target: { value: 'under-replicated' } })
    expect(bodyRows()).toHaveLength(3)
    fireEvent.change(filter, { target: { value: 'under-min-isr' } })
    expect(bodyRows()).toHaveLength(2)
    fireEvent.change(filter, { target: { value: 'offline' } })
    expect(bodyRows()).toHaveLength(1)
    fireEvent.change(filter, { target: { value: 'unavailable' } })
    expect(bodyRows()).toHaveLength(2)
    expect(screen.getByRole('option', { name: 'Unavailable for acks=all (2)' })).toBeTruthy()
  })

  it('pages 10,000 partitions 200 rows at a time', () => {
    render(<PartitionTable partitions={manyPartitions('big', 10_000)} />)
    expect(bodyRows()).toHaveLength(200)
    expect(screen.getByText('rows 1–200 of 10000')).toBeTruthy()
    const previous = screen.getByRole<HTMLButtonElement>('button', { name: 'Previous' })
    expect(previous.disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('rows 201–400 of 10000')).toBeTruthy()
    expect(within(bodyRows()[0]!).getAllByRole('cell')[1]!.textContent).toBe('200')
  })

  it('calls onSelectPartition from a keyboard-focusable button and marks the selection', () => {
    const onSelect = vi.fn()
    render(
      <PartitionTable
        partitions={mixed}
        onSelectPartition={onSelect}
        selected={{ topic: 'orders', partition: 2 }}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Select partition orders-1' }))
    expect(onSelect).toHaveBeenCalledWith('orders', 1)
    const chosen = screen.getByRole('button', { name: 'Select partition orders-2' })
    expect(chosen.getAttribute('aria-pressed')).toBe('true')
  })

  it('copies the describe text of the filtered rows and says Copied', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    render(<PartitionTable partitions={mixed} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy as kafka-topics output' }))
      await Promise.resolve()
    })
    expect(writeText).toHaveBeenCalledWith(formatDescribe(mixed))
    expect(screen.getByRole('status').textContent).toBe('Copied')

    fireEvent.change(screen.getByRole('combobox', { name: 'Filter' }), {
      target: { value: 'offline' },
    })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy as kafka-topics output' }))
      await Promise.resolve()
    })
    expect(writeText).toHaveBeenLastCalledWith(
      '\tTopic: orders\tPartition: 3\tLeader: none\tReplicas: 1,2,3\tIsr: 3\tElr: \tLastKnownElr: \n',
    )
  })

  it('falls back to a selectable text box without a clipboard', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    render(<PartitionTable partitions={mixed} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy as kafka-topics output' }))
      await Promise.resolve()
    })
    const box = screen.getByRole<HTMLTextAreaElement>('textbox')
    expect(box.value).toBe(formatDescribe(mixed))
  })
})
