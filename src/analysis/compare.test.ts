/**
 * The pure side of comparing two configurations: `applyChange` edits exactly one setting
 * everywhere it applies, changes are described and suggested, and the summary rows say which
 * configuration did better. The runs themselves are checked in `src/host/compare.test.ts`.
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
    ackedRecords: 100,
    failedRecords: 0,
    lostAckedRecords: 0,
    uncleanElections: 0,
    producerErrors: {},
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
      ['unwritable', 0, 0, 'same'],
      ['acked', 90, 100, 'B'],
      ['failed', 0, 0, 'same'],
      ['lost', 0, 0, 'same'],
      ['unclean', 0, 0, 'same'],
      ['error:NETWORK_EXCEPTION', 0, 2, 'A'],
      ['error:NOT_ENOUGH_REPLICAS', 4, 0, 'B'],
    ])
  })
})
