/**
 * Renders EventLog in jsdom with hand-built events and checks the lines' text, the category
 * filter, seeking from a line's time, hiding events after nowMs, and that 100,000 events render
 * only the newest 500 lines with a count of the rest.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimEvent } from '../../engine/types'
import { EventLog } from './EventLog'

afterEach(cleanup)

const events: SimEvent[] = [
  { atMs: 1000, type: 'BrokerStopped', broker: 1, clean: false },
  {
    atMs: 1500,
    type: 'IsrShrunk',
    topic: 'orders',
    partition: 0,
    isr: [2, 3],
    removed: [1],
    by: 'controller',
  },
  {
    atMs: 2042,
    type: 'LeaderElected',
    topic: 'orders',
    partition: 0,
    leader: 2,
    leaderEpoch: 3,
    election: 'ONLINE',
    unclean: false,
  },
  { atMs: 9000, type: 'BrokerStarted', broker: 1 },
]

function lines() {
  return screen.queryAllByRole('listitem').map((li) => li.textContent)
}

describe('EventLog', () => {
  it('prints each event up to nowMs in Kafka terms, oldest first', () => {
    render(<EventLog events={events} nowMs={5000} />)
    expect(lines()).toEqual([
      '00:01.000  BrokerStopped  broker 1 stopped (unclean shutdown)',
      '00:01.500  IsrShrunk  orders-0 isr shrunk to [2,3], removed [1] (by controller)',
      '00:02.042  LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)',
    ])
    expect(screen.getByText('Showing all 3 matching events')).toBeTruthy()
  })

  it('filters by category', () => {
    render(<EventLog events={events} nowMs={5000} />)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Faults and brokers (1)' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'ISR and replicas (1)' }))
    expect(lines()).toEqual(['00:02.042  LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)'])
  })

  it('seeks to an event when its time is clicked', () => {
    const onSeek = vi.fn()
    render(<EventLog events={events} nowMs={5000} onSeek={onSeek} />)
    fireEvent.click(screen.getByRole('button', { name: 'Seek to 00:01.500' }))
    expect(onSeek).toHaveBeenCalledWith(1500)
  })

  it('renders only the newest 500 of 100,000 events and can show earlier ones', () => {
    const many: SimEvent[] = Array.from({ length: 100_000 }, (_, i) => ({
      atMs: i,
      type: 'BrokerFenced',
      broker: i,
    }))
    render(<EventLog events={many} nowMs={1_000_000} />)
    const list = screen.getByRole('list')
    expect(within(list).getAllByRole('listitem')).toHaveLength(500)
    expect(lines().at(-1)).toBe('01:39.999  BrokerFenced  broker 99999 fenced')
    expect(screen.getByText('Showing the last 500 of 100000 matching events')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show 500 earlier' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(1000)
  })
})
