/**
 * The drill-down's text over a real `failureDetail`: 3 zones of 2 brokers (broker b in zone
 * ((b - 1) mod 3) + 1), RF 3 and min.insync.replicas 2, with orders-0 on brokers 1, 4 and 2, two
 * of them in use1-az1. Checks which topics and partitions are listed for each outcome and in what
 * order, the sentences, the caps, and the control plane's sentence.
 */
import { describe, expect, it } from 'vitest'
import { type FailureDetail, failureDetail, survivabilityMatrix } from '../../analysis/index'
import { buildSpec } from '../../analysis/test-helpers'
import { controlPlaneText, drillList, drillSummary, drillTopicText } from './drill-down'

const minIsr2 = { 'min.insync.replicas': 2 }
const spec = buildSpec({
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
  ],
})

describe('drillList', () => {
  it('lists the one partition a zone loss leaves unwritable, with its topic', () => {
    const list = drillList(failureDetail(spec, [1, 4]), 'unwritable')
    expect(list).toEqual({
      topics: [{ topic: 'orders', partitions: 4, count: 1, shown: ['orders-0'], more: 0 }],
      moreTopics: 0,
      total: 1,
      topicCount: 1,
    })
    expect(drillTopicText(list.topics[0]!, 'unwritable')).toBe(
      'orders: 1 of 4 partitions unwritable (acks=all)',
    )
    expect(drillSummary(list, 'unwritable')).toBe('1 partition in 1 topic unwritable (acks=all)')
    const single = drillList(failureDetail(spec, [1, 4]), 'singleCopy')
    expect(single.topics.map((t) => t.shown)).toEqual([['orders-0']])
    expect(drillTopicText(single.topics[0]!, 'singleCopy')).toBe(
      'orders: 1 of 4 partitions left with a single copy',
    )
  })

  it('puts the topic with the most partitions first and keeps each outcome apart', () => {
    // use1-az1 (brokers 1 and 4) and broker 2: orders-0 loses every replica; orders-1 keeps
    // broker 3 alone, as do payments-0 (1, 2, 3) and payments-1 (2, 3, 4).
    const detail = failureDetail(spec, [1, 2, 4])
    const unwritable = drillList(detail, 'unwritable')
    expect(unwritable.topics.map((t) => [t.topic, t.shown])).toEqual([
      ['payments', ['payments-0', 'payments-1']],
      ['orders', ['orders-1']],
    ])
    expect(drillSummary(unwritable, 'unwritable')).toBe(
      '3 partitions in 2 topics unwritable (acks=all)',
    )
    const offline = drillList(detail, 'offline')
    expect(offline.topics.map((t) => [t.topic, t.shown])).toEqual([['orders', ['orders-0']]])
    expect(drillList(detail, 'unclean').topics).toEqual([])
    // The matrix row says the same.
    const row = survivabilityMatrix(spec).failures.find((f) => f.name === 'use1-az1 + broker 2')!
    expect([row.offlinePartitions, row.unwritablePartitions]).toEqual([
      offline.total,
      unwritable.total,
    ])
  })

  it('caps the partitions per topic and the topics, counting the rest', () => {
    const detail: FailureDetail = {
      partitions: Array.from({ length: 130 }, (_, k) => ({
        topic: `t${k % 3}`,
        partition: k,
        offline: true,
        unwritable: false,
        singleCopy: false,
        uncleanRequired: false,
      })),
      topics: [0, 1, 2].map((t) => ({
        topic: `t${t}`,
        partitions: 2000,
        offline: t === 0 ? 44 : 43,
        unwritable: 0,
        singleCopy: 0,
        uncleanRequired: 0,
      })),
    }
    const list = drillList(detail, 'offline', 40, 2)
    expect(list.topics.map((t) => [t.topic, t.shown.length, t.more])).toEqual([
      ['t0', 40, 4],
      ['t1', 40, 3],
    ])
    expect(list.topics[0]!.shown.slice(0, 2)).toEqual(['t0-0', 't0-3'])
    expect([list.moreTopics, list.total, list.topicCount]).toEqual([1, 130, 3])
    expect(drillTopicText(list.topics[0]!, 'offline')).toBe('t0: 44 of 2,000 partitions offline')
  })
})

describe('controlPlaneText', () => {
  const twoInAz1 = buildSpec({
    zones: ['use1-az1', 'use1-az2'],
    controllerZones: ['use1-az1', 'use1-az1', 'use1-az2'],
  })
  const row = (name: string) => survivabilityMatrix(twoInAz1).failures.find((f) => f.name === name)!

  it('names the failed controller nodes and whether a majority remains', () => {
    expect(controlPlaneText(row('use1-az1'), 3)).toBe(
      'Controller nodes 1001, 1002 fail; 1 of 3 remain, no majority: no leader elections happen until the quorum returns, so partitions led by a failed broker stay leaderless.',
    )
    expect(controlPlaneText(row('use1-az2'), 3)).toBe(
      'Controller node 1003 fails; 2 of 3 remain, still a majority, so leader elections go on.',
    )
    expect(controlPlaneText(row('broker 1'), 3)).toBe(
      'No controller node fails: all 3 controller nodes keep the quorum.',
    )
  })
})
