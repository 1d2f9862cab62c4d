/**
 * Utilisation on broker cards (docs/capacity.md): the row is there only with a broker type and
 * makes room for itself in the layout; its words carry the number, the resource and
 * "overloaded", and the card's accessible name says the same with the queue and CPU estimate.
 */
import { describe, expect, it } from 'vitest'
import type { BrokerView } from '../engine/types'
import { brokerStatusText, capacityLabel, capacityText } from './labels'
import { LAYOUT, computeLayout } from './layout'

function broker(utilisation: number | null, over: Partial<BrokerView> = {}): BrokerView {
  return {
    id: 2,
    zone: 'use1-az2',
    status: 'online',
    fenced: false,
    session: null,
    isolatedFrom: [],
    fetchDelayMs: 0,
    isController: false,
    leaderCount: 4,
    partitionCount: 6,
    ...(utilisation === null
      ? {}
      : {
          capacity: {
            utilisation,
            bound: 'networkOut',
            ratios: { networkOut: utilisation },
            cpu: 0.61,
            bytesInMiBps: 23,
            bytesOutMiBps: 70,
            replicationInMiBps: 12,
            replicationOutMiBps: 23,
            catchupInMiBps: 0,
            catchupOutMiBps: 0,
            queueMs: utilisation > 1 ? 72 : 0,
          },
        }),
    ...over,
  }
}

describe('card words', () => {
  it('gives the number and the resource, and says overloaded above 100%', () => {
    expect(capacityText(broker(0.51))).toBe('51% net out')
    expect(capacityText(broker(1.0449))).toBe('104% net out · overloaded')
    expect(capacityText(broker(null))).toBe('')
    expect(capacityText(broker(0.4, { status: 'offline' }))).toBe('no traffic')
  })

  it('puts the queue on the status line and everything in the accessible name', () => {
    expect(brokerStatusText(broker(1.05))).toBe('online · queue 72 ms')
    expect(brokerStatusText(broker(0.5))).toBe('online')
    expect(capacityLabel(broker(1.05))).toBe(
      ', utilisation 105% of network out, overloaded, requests queue 72 ms, CPU estimate 61%',
    )
    expect(capacityLabel(broker(null))).toBe('')
  })
})

describe('layout', () => {
  const base = {
    width: 1200,
    zones: ['a'],
    brokers: [{ id: 1, zone: 'a' }],
    controllers: [],
    replicas: new Map([[1, ['t-0']]]),
  }

  it('adds the utilisation row to detailed and aggregated cards only with a broker type', () => {
    const plain = computeLayout({ ...base, detailed: 'all' })
    const typed = computeLayout({ ...base, detailed: 'all', capacity: true })
    expect(typed.brokers[0]!.height - plain.brokers[0]!.height).toBe(LAYOUT.capacityRow)
    expect(typed.chips[0]!.y - plain.chips[0]!.y).toBe(LAYOUT.capacityRow)
    const aggregated = computeLayout({ ...base, detailed: new Set(), capacity: true })
    expect(aggregated.brokers[0]!.height).toBe(LAYOUT.aggregatedHeight + LAYOUT.capacityRow)
  })
})
