/**
 * The consumer-group table: a row per group with its coordinator broker and partition, members
 * known of all, lag summed over its entries, and a group that cannot form saying why.
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientView, GroupView } from '../../engine/types'
import { GroupsTable } from './GroupsTable'

afterEach(cleanup)

const group = (over: Partial<GroupView> = {}): GroupView => ({
  name: 'orders-readers',
  topic: 'orders',
  state: 'Stable',
  generation: 2,
  coordinator: 1,
  offsetsPartition: 24,
  knownMembers: 1,
  leavingMembers: 0,
  members: 2,
  duplicates: 60,
  skipped: 0,
  ...over,
})

const consumer = (lag: number, name = 'orders-readers'): ClientView => ({
  kind: 'consumer',
  id: `reader-${lag}`,
  topic: 'orders',
  connected: true,
  alive: true,
  consumed: 100,
  lag,
  duplicates: 0,
  skipped: 0,
  group: name,
  members: [],
})

describe('GroupsTable', () => {
  it('renders nothing without a group', () => {
    const { container } = render(<GroupsTable groups={[]} clients={[]} />)
    expect(container.textContent).toBe('')
  })

  it('shows the coordinator, the members it knows and the lag of every entry of the group', () => {
    render(
      <GroupsTable
        groups={[group()]}
        clients={[consumer(20), consumer(10), consumer(999, 'other')]}
      />,
    )
    const row = screen.getByRole('row', { name: /^orders-readers/ })
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual([
      'Stable',
      '2',
      'broker 1 (__consumer_offsets-24)',
      '1 of 2',
      '30',
      '60',
      '0',
    ])
  })

  it('says why a group cannot form', () => {
    render(
      <GroupsTable
        groups={[group({ offsetsPartition: -1, coordinator: null, state: 'Empty', generation: 0 })]}
        clients={[]}
      />,
    )
    expect(screen.getByRole('row', { name: /^orders-readers/ }).textContent).toContain(
      'Cannot form: __consumer_offsets could not be created',
    )
  })
})
