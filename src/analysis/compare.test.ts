/**
 * The pure side of comparing two designs: `applyChange` edits exactly one setting everywhere it
 * applies (the broker type too), changes are described and suggested, and the difference rows
 * say which design did better, leave a measure that does not apply to a run uncompared and mark
 * a stall still open at the end. The runs themselves are checked in `src/host/compare.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { applyChange, describeChange, type RunOutcome, suggestedChange, summarise } from './compare'
import { buildSpec, producer, recommendedSpec } from './test-helpers'

describe('applyChange', () => {
  const spec = buildSpec({
    brokersPerZone: 2,
    topics: [
      { name: 'orders', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
      {
        name: 'audit',
        partitions: 2,
        replicationFactor: 2,
        config: { 'unclean.leader.election.enable': false },
      },
    ],
    clients: [
      producer('p1', 'orders'),
      producer('p2', 'audit', { acks: 1, 'enable.idempotence': false }),
    ],
  })

  it('sets min.insync.replicas on every topic, nothing else', () => {
    const next = applyChange(spec, { kind: 'minIsr', value: 1 })
    expect(next.topics.map((t) => t.config['min.insync.replicas'])).toEqual([1, 1])
    expect(next.clients).toBe(spec.clients)
    expect(next.faults).toBe(spec.faults)
  })

  it('sets unclean election on the cluster and over topic overrides', () => {
    const next = applyChange(spec, { kind: 'unclean', enabled: true })
    expect(next.cluster.config['unclean.leader.election.enable']).toBe(true)
    expect(next.topics.map((t) => t.config['unclean.leader.election.enable'])).toEqual([true, true])
  })

  it('sets acks on producers, turning idempotence off below acks=all as Kafka does', () => {
    const one = applyChange(spec, { kind: 'acks', value: 1 })
    expect(
      one.clients.map(
        (c) => c.kind === 'producer' && [c.config.acks, c.config['enable.idempotence']],
      ),
    ).toEqual([
      [1, false],
      [1, false],
    ])
    const all = applyChange(spec, { kind: 'acks', value: -1 })
    expect(all.clients.map((c) => c.kind === 'producer' && c.config['enable.idempotence'])).toEqual(
      [true, false],
    )
  })

  it('changes the replication factor with zone-aware placement', () => {
    const next = applyChange(spec, { kind: 'rf', value: 3 })
    const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
    for (const topic of next.topics) {
      expect(topic.replicationFactor).toBe(3)
      expect(topic.assignment).toHaveLength(topic.partitions)
      for (const replicas of topic.assignment)
        expect(new Set(replicas.map((b) => zoneOf.get(b))).size).toBe(3)
    }
    expect(() => applyChange(spec, { kind: 'rf', value: 7 })).toThrow(/needs 1 to 6 brokers/)
  })

  it("changes the broker type on the cluster, as the advisor's fix does", () => {
    const next = applyChange(spec, { kind: 'brokerType', value: 'kafka.m7g.xlarge' })
    expect(next.cluster.brokerType).toBe('kafka.m7g.xlarge')
    expect(next.topics).toBe(spec.topics)
    expect(describeChange({ kind: 'brokerType', value: 'express.m7g.large' })).toBe(
      'broker type express.m7g.large on every broker',
    )
    expect(suggestedChange(spec, 'brokerType')).toEqual({
      kind: 'brokerType',
      value: 'kafka.m7g.large',
    })
    expect(suggestedChange(next, 'brokerType')).toEqual({
      kind: 'brokerType',
      value: 'kafka.m7g.2xlarge',
    })
  })

  it('describes and suggests changes', () => {
    expect(describeChange({ kind: 'acks', value: -1 })).toBe('acks=all on every producer')
    expect(describeChange({ kind: 'minIsr', value: 2 })).toBe(
      'min.insync.replicas=2 on every topic',
    )
    const recommended = recommendedSpec()
    expect(suggestedChange(recommended, 'minIsr')).toEqual({ kind: 'minIsr', value: 1 })
    expect(suggestedChange(recommended, 'unclean')).toEqual({ kind: 'unclean', enabled: true })
    expect(suggestedChange(recommended, 'acks')).toEqual({ kind: 'acks', value: 1 })
    expect(suggestedChange(recommended, 'rf')).toEqual({ kind: 'rf', value: 2 })
  })
})

describe('summarise', () => {
  const outcome = (over: Partial<RunOutcome>): RunOutcome => ({
    offlinePartitionMs: 0,
    unwritablePartitionMs: 0,
    clientUnwritablePartitionMs: 0,
    maxProduceStallMs: null,
    stallOngoing: false,
    producerLatencyP99Ms: 12,
    ackedRecords: 100,
    failedRecords: 0,
    lostAckedRecords: 0,
    uncleanElections: 0,
    producerErrors: {},
    brokerType: null,
    peakUtilisation: null,
    series: [],
    ...over,
  })

  it('lists every producer error type seen in either run and picks winners', () => {
    const result = summarise(
      outcome({ ackedRecords: 90, producerErrors: { NOT_ENOUGH_REPLICAS: 4 } }),
      outcome({ ackedRecords: 100, producerErrors: { NETWORK_EXCEPTION: 2 } }),
      1000,
    )
    expect(result.rows.map((r) => [r.key, r.a, r.b, r.winner])).toEqual([
      ['offline', 0, 0, 'same'],
      ['clientUnwritable', 0, 0, 'same'],
      ['unwritable', 0, 0, 'same'],
      ['stall', 0, 0, 'same'],
      ['p99', 12, 12, 'same'],
      ['acked', 90, 100, 'B'],
      ['failed', 0, 0, 'same'],
      ['lost', 0, 0, 'same'],
      ['unclean', 0, 0, 'same'],
      ['error:NETWORK_EXCEPTION', 0, 2, 'A'],
      ['error:NOT_ENOUGH_REPLICAS', 4, 0, 'B'],
    ])
  })

  it('says which design lost less availability, as clients felt it and as the metadata says', () => {
    const result = summarise(
      outcome({ unwritablePartitionMs: 38_000, clientUnwritablePartitionMs: 61_600 }),
      outcome({ unwritablePartitionMs: 0, clientUnwritablePartitionMs: 53_500 }),
      60_000,
    )
    const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]))
    expect(byKey['unwritable']).toMatchObject({ a: 38_000, b: 0, winner: 'B', unit: 'seconds' })
    expect(byKey['clientUnwritable']).toMatchObject({ winner: 'B', better: 'lower' })
  })

  it('counts a stall still open at the end as a lower bound, and no stall as none', () => {
    const result = summarise(
      outcome({ maxProduceStallMs: 50_000, stallOngoing: true }),
      outcome({ maxProduceStallMs: null }),
      60_000,
    )
    expect(result.rows.find((r) => r.key === 'stall')).toEqual({
      key: 'stall',
      label: 'Longest write stall after a fault',
      a: 50_000,
      b: 0,
      better: 'lower',
      winner: 'B',
      unit: 'seconds',
      atLeast: { a: true, b: false },
      missing: { b: 'no fault touched a produced partition' },
    })
  })

  it('calls two runs that both acknowledged nothing the same', () => {
    const none = outcome({ producerLatencyP99Ms: null })
    expect(summarise(none, none, 1000).rows.find((r) => r.key === 'p99')).toMatchObject({
      a: null,
      b: null,
      winner: 'same',
    })
  })

  it('leaves latency uncompared when a run acknowledged nothing', () => {
    const row = summarise(outcome({ producerLatencyP99Ms: null }), outcome({}), 1000).rows.find(
      (r) => r.key === 'p99',
    )
    expect(row).toMatchObject({
      a: null,
      b: 12,
      winner: 'n/a',
      missing: { a: 'nothing acknowledged' },
    })
  })

  it('compares peak utilisation only when a design has a broker type, naming the types', () => {
    expect(
      summarise(outcome({}), outcome({}), 1000).rows.some((r) => r.key === 'utilisation'),
    ).toBe(false)
    const typed = summarise(
      outcome({ brokerType: 'kafka.m7g.large', peakUtilisation: 1.3 }),
      outcome({ brokerType: 'kafka.m7g.xlarge', peakUtilisation: 0.65 }),
      1000,
    ).rows.find((r) => r.key === 'utilisation')
    expect(typed).toMatchObject({
      label: 'Peak broker utilisation (kafka.m7g.large vs kafka.m7g.xlarge)',
      winner: 'B',
      unit: 'percent',
    })
    const half = summarise(
      outcome({}),
      outcome({ brokerType: 'kafka.m7g.large', peakUtilisation: 0.5 }),
      1000,
    ).rows.find((r) => r.key === 'utilisation')
    expect(half).toMatchObject({ a: null, winner: 'n/a', missing: { a: 'no broker type' } })
  })
})
