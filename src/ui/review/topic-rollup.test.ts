/**
 * The "By topic" view's helpers over a real `topicRollup`: 3 zones of 2 brokers; audit (RF 3,
 * min.insync.replicas 1, one replica per zone) survives every row; orders (RF 3, min ISR 2) has
 * orders-0 on brokers 1, 4 and 2, two of them in use1-az1; payments (RF 3, min ISR 2) is spread.
 * Checks the default order (failing topics first), sorting by each kind of column, and the cell
 * text with its worst case.
 */
import { describe, expect, it } from 'vitest'
import { survivabilityMatrix, topicRollup, type TopicClassRollup } from '../../analysis/index'
import { buildSpec } from '../../analysis/test-helpers'
import { classCell, nextRollupSort, sortRollups, topicFails } from './topic-rollup'

const minIsr2 = { 'min.insync.replicas': 2 }
const spec = buildSpec({
  brokersPerZone: 2,
  topics: [
    {
      name: 'audit',
      partitions: 1,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 1 },
      assignment: [[1, 2, 3]],
    },
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
  ],
})
const rollups = topicRollup(spec, survivabilityMatrix(spec).failures)
const named = (topic: string) => rollups.find((r) => r.topic === topic)!
const order = (sorted: { topic: string }[]) => sorted.map((r) => r.topic)

describe('sortRollups', () => {
  it('puts failing topics first, the most failing cases first, unsorted', () => {
    expect(order(rollups)).toEqual(['audit', 'orders', 'payments'])
    expect(topicFails(named('audit'))).toBe(false)
    // orders is offline in one case, payments in none.
    expect(order(sortRollups(rollups, null))).toEqual(['orders', 'payments', 'audit'])
  })

  it('sorts a class worst first, then the other way; names A to Z first', () => {
    const pairs = nextRollupSort(null, 'brokers')
    expect(pairs).toEqual({ column: 'brokers', direction: 'descending' })
    expect(order(sortRollups(rollups, pairs))).toEqual(['orders', 'payments', 'audit'])
    expect(order(sortRollups(rollups, nextRollupSort(pairs, 'brokers')))).toEqual([
      'audit',
      'payments',
      'orders',
    ])
    const byName = nextRollupSort(pairs, 'topic')
    expect(byName.direction).toBe('ascending')
    expect(order(sortRollups(rollups, byName))).toEqual(['audit', 'orders', 'payments'])
    expect(order(sortRollups(rollups, nextRollupSort(byName, 'topic')))).toEqual([
      'payments',
      'orders',
      'audit',
    ])
    const partitions = nextRollupSort(null, 'partitions')
    expect(order(sortRollups(rollups, partitions))).toEqual(['orders', 'payments', 'audit'])
    // A single zone: only orders fails (in use1-az1); the others tie and keep the spec's order.
    expect(order(sortRollups(rollups, nextRollupSort(null, 'zone')))).toEqual([
      'orders',
      'audit',
      'payments',
    ])
  })
})

describe('classCell', () => {
  it('says in how many cases the topic fails, and its worst case', () => {
    expect(classCell(named('orders').byKind.zone)).toEqual({
      status: 'bad',
      text: '✖ unwritable in 1 of 3 cases, offline in 0',
      worst: { name: 'use1-az1', text: '1 unwritable' },
    })
    expect(classCell(named('orders').byKind['zone+broker'])).toEqual({
      status: 'bad',
      text: '✖ unwritable in 11 of 12 cases, offline in 1',
      worst: { name: 'use1-az1 + broker 2', text: '1 offline, 1 unwritable' },
    })
  })

  it('is ✓ when no case fails, and says when a class has no cases', () => {
    expect(classCell(named('audit').byKind.brokers)).toEqual({
      status: 'ok',
      text: '✓ writable in all 15 cases',
      worst: null,
    })
    const none: TopicClassRollup = {
      cases: 0,
      offlineCases: 0,
      unwritableCases: 0,
      uncleanCases: 0,
      worst: null,
    }
    expect(classCell(none)).toEqual({ status: 'none', text: 'no cases', worst: null })
    expect(classCell({ ...none, cases: 4005, uncleanCases: 2 }).text).toBe(
      '✖ unwritable in 0 of 4,005 cases, offline in 0, unclean election needed in 2',
    )
  })
})
