/**
 * The clients table: one row per process (a producer, a standalone consumer, each member of a
 * group), what it wrote or read, and a button that crashes or starts that very process.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClientView } from '../../engine/types'
import { ClientsTable } from './ClientsTable'

afterEach(cleanup)

const producer: ClientView = {
  kind: 'producer',
  id: 'orders-producer',
  topic: 'orders',
  acks: -1,
  connected: true,
  sent: 1210,
  acked: 1200,
  failed: 3,
  inFlight: 7,
  errors: {},
  lostAcked: 0,
  unavailableAcked: 0,
  lostAtCrash: 0,
  latencyMs: { p50: 4, p99: 9, p999: 8200, max: 8210 },
  alive: true,
}

const group: ClientView = {
  kind: 'consumer',
  id: 'readers',
  topic: 'orders',
  connected: true,
  alive: true,
  consumed: 900,
  lag: 0,
  duplicates: 0,
  skipped: 0,
  group: 'g',
  members: [
    { member: 0, clientId: 'readers-0', alive: true, partitions: [0, 1, 2], consumed: 500 },
    { member: 1, clientId: 'readers-1', alive: false, partitions: [], consumed: 400 },
  ],
}

const standalone: ClientView = {
  kind: 'consumer',
  id: 'audit',
  topic: 'orders',
  connected: true,
  alive: true,
  consumed: 12,
  lag: 3,
  duplicates: 0,
  skipped: 0,
}

describe('ClientsTable', () => {
  it('renders nothing without clients', () => {
    const { container } = render(<ClientsTable clients={[]} onFault={() => undefined} />)
    expect(container.textContent).toBe('')
  })

  it('has a row per process: the producer, each member of the group, the standalone consumer', () => {
    render(<ClientsTable clients={[producer, group, standalone]} onFault={() => undefined} />)
    const table = screen.getByRole('table')
    const names = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent)
    expect(names).toEqual([
      'orders-producerproducer → orders, acks=all',
      'readers-0member 1 of 2, group g → orders',
      'readers-1member 2 of 2, group g → orders',
      'auditconsumer → orders, no group',
    ])
    const cells = within(screen.getByRole('row', { name: /^orders-producer/ }))
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual([
      'running',
      'Crash orders-producer',
      '1200 acknowledged, 3 failed',
      'p99 9 ms, max 8.2 s',
      'all (sticky)',
    ])
    // A crashed member says so in words, not colour alone, and offers a start.
    const crashed = screen.getByRole('row', { name: /^readers-1/ })
    expect(within(crashed).getByText('✕ crashed')).toBeTruthy()
    expect(within(crashed).getByRole('button', { name: 'Start readers-1' })).toBeTruthy()
    expect(
      within(screen.getByRole('row', { name: /^readers-0/ })).getByRole('cell', {
        name: '0, 1, 2',
      }),
    ).toBeTruthy()
  })

  it('injects the fault of the process its button names', () => {
    const onFault = vi.fn()
    render(<ClientsTable clients={[producer, group, standalone]} onFault={onFault} />)
    fireEvent.click(screen.getByRole('button', { name: 'Crash readers-0' }))
    fireEvent.click(screen.getByRole('button', { name: 'Start readers-1' }))
    fireEvent.click(screen.getByRole('button', { name: 'Crash orders-producer' }))
    fireEvent.click(screen.getByRole('button', { name: 'Crash audit' }))
    expect(onFault.mock.calls).toEqual([
      [{ type: 'crashClient', client: 'readers', member: 0 }, 'readers-0'],
      [{ type: 'startClient', client: 'readers', member: 1 }, 'readers-1'],
      [{ type: 'crashClient', client: 'orders-producer' }, 'orders-producer'],
      [{ type: 'crashClient', client: 'audit' }, 'audit'],
    ])
  })
})
