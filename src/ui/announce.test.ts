import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../engine/types'
import { announcementFor } from './announce'

const elected = (partition: number, leader: number, extra: Partial<SimEvent> = {}): SimEvent =>
  ({
    atMs: 9_000,
    type: 'LeaderElected',
    topic: 'orders',
    partition,
    leader,
    leaderEpoch: 1,
    election: 'OFFLINE',
    unclean: false,
    ...extra,
  }) as SimEvent

describe('announcementFor', () => {
  it('says the fencing, then the elections with their kind, then the ISR changes', () => {
    const events: SimEvent[] = [
      { atMs: 9_000, type: 'BrokerFenced', broker: 1 },
      elected(0, 2),
      elected(4, 5, { unclean: true }),
      {
        atMs: 9_000,
        type: 'IsrShrunk',
        topic: 'orders',
        partition: 0,
        isr: [2, 3],
        removed: [1],
        by: 'leader',
      },
    ]
    expect(announcementFor(events)).toBe(
      'Broker 1 fenced. 2 leaders elected: orders-0: broker 2 (clean), orders-4: broker 5 (unclean). ISR shrank on 1 partition.',
    )
  })

  it('summarises long runs and leaves out Kafka-internal topics', () => {
    const events = [0, 1, 2, 3, 4].map((p) => elected(p, 2))
    events.push({ ...(elected(7, 3) as object), topic: '__consumer_offsets' } as SimEvent)
    expect(announcementFor(events)).toBe(
      '5 leaders elected: orders-0: broker 2 (clean), orders-1: broker 2 (clean), orders-2: broker 2 (clean) and 2 more.',
    )
  })

  it('names controller changes and is silent when nothing it announces happened', () => {
    expect(
      announcementFor([
        { atMs: 1, type: 'ControllerResigned', controller: 1001 },
        { atMs: 2, type: 'ControllerElected', controller: 1002 },
      ]),
    ).toBe('Controller 1001 is no longer active. Controller 1002 is now the active controller.')
    expect(announcementFor([{ atMs: 1, type: 'BrokerStarted', broker: 1 }])).toBeNull()
    expect(announcementFor([])).toBeNull()
  })
})
