/**
 * Checks the import's workload: the default rate (100 records/s a topic, lowered to keep the
 * cluster at 1 MiB/s of produce per broker), one acks=all producer and one consumer group per
 * topic with readable ids, internal topics left out, and problems for a rate or size the scenario
 * format does not take.
 */
import { describe, expect, it } from 'vitest'
import {
  checkWorkload,
  defaultRecordsPerSecond,
  resolveWorkload,
  workloadClients,
} from './import-workload'
import { renderProblem } from './messages'

describe('the default rate', () => {
  it.each([
    [3, 10, 1024, 100],
    [3, 100, 1024, 30],
    [90, 2000, 1024, 46],
    [3, 10, 1048576, 1],
    [3, 0, 1024, 100],
  ])('%i brokers, %i topics, %i-byte records: %i records/s', (brokers, topics, bytes, rate) => {
    expect(defaultRecordsPerSecond(brokers, topics, bytes)).toBe(rate)
  })

  it('keeps the cluster within 1 MiB/s of produce per broker, or at 1 record/s', () => {
    for (const [brokers, topics] of [
      [3, 1],
      [3, 500],
      [6, 60],
      [90, 900],
    ] as const) {
      const rate = defaultRecordsPerSecond(brokers, topics, 1024)
      expect(rate * topics * 1024).toBeLessThanOrEqual(brokers * 1048576)
    }
  })
})

describe('workloadClients', () => {
  it('gives each topic but the internal ones a producer and a consumer group', () => {
    const workload = resolveWorkload(
      {},
      ['orders', '__consumer_offsets', '__amazon_msk_canary', 'payments'],
      3,
    )
    expect(workload).toEqual({
      topics: ['orders', 'payments'],
      recordsPerSecond: 100,
      recordBytes: 1024,
      defaultRate: true,
    })
    expect(workloadClients(workload)).toEqual([
      {
        kind: 'producer',
        id: 'orders-producer',
        topic: 'orders',
        recordsPerSecond: 100,
        config: { acks: 'all' },
      },
      { kind: 'consumer', id: 'orders-consumer', topic: 'orders', group: 'orders-group' },
      {
        kind: 'producer',
        id: 'payments-producer',
        topic: 'payments',
        recordsPerSecond: 100,
        config: { acks: 'all' },
      },
      { kind: 'consumer', id: 'payments-consumer', topic: 'payments', group: 'payments-group' },
    ])
  })

  it('writes a chosen record size, and short ids for very long topic names', () => {
    const long = 'x'.repeat(249)
    const clients = workloadClients(
      resolveWorkload({ recordsPerSecond: 5, recordBytes: 200 }, [long], 3),
    )
    expect(clients.map((c) => c.id)).toEqual(['producer-1', 'consumer-1'])
    expect(clients[0]).toMatchObject({ recordsPerSecond: 5, recordBytes: 200 })
    expect(clients[1]).toMatchObject({ group: 'group-1' })
  })
})

describe('checkWorkload', () => {
  it('accepts the defaults and rejects what the format does not take', () => {
    expect(checkWorkload({})).toEqual([])
    const problems = checkWorkload({ recordsPerSecond: 0, recordBytes: 2_000_000 })
    expect(problems.map((p) => `${p.path}: ${renderProblem(p)}`)).toEqual([
      'workload.recordsPerSecond: records/s must be a whole number from 1 to 1000000',
      'workload.recordBytes: the record size in bytes must be a whole number from 1 to 1048588',
    ])
  })
})
