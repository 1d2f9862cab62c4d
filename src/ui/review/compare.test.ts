/**
 * The comparison of two configurations: `applyChange` edits exactly one setting everywhere it
 * applies, `compareRuns` runs both engines to the same time under the same fault script, and the
 * summary rows say which configuration did better. The run checks use guided scenarios whose
 * outcomes the guided-scenario tests already pin (acks=1 loses acknowledged records, unclean
 * election trades lost records for less offline time).
 */
import { describe, expect, it } from 'vitest'
import { buildSpec, producer, recommendedSpec } from '../../analysis/test-helpers'
import { loadGuidedScenario } from '../../scenarios/index'
import { readGuidedFile } from '../../scenarios/test-helpers'
import {
  applyChange,
  compareRuns,
  compareRunsInSlices,
  describeChange,
  type RunOutcome,
  suggestedChange,
  summarise,
} from './compare'

const guided = (id: string) => loadGuidedScenario(id, readGuidedFile).spec

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

describe('compareRuns', () => {
  it('acks=all keeps the records acks=1 loses when the leader crashes', () => {
    const spec = guided('acks1-vs-acks-all')
    const result = compareRuns(spec, applyChange(spec, { kind: 'acks', value: -1 }), 90_000)
    const lost = result.rows.find((r) => r.key === 'lost')!
    expect(lost.a).toBeGreaterThan(0)
    expect(lost.b).toBe(0)
    expect(lost.winner).toBe('B')
    expect(result.durationMs).toBe(90_000)
    expect(result.a.series.at(-1)!.atMs).toBe(90_000)
    expect(result.b.series.at(-1)!.atMs).toBe(90_000)
  })

  it('turning unclean election off loses nothing but stays offline longer', () => {
    const spec = guided('rf2-minisr1-two-az')
    const result = compareRuns(
      spec,
      applyChange(spec, { kind: 'unclean', enabled: false }),
      180_000,
    )
    const byKey = Object.fromEntries(result.rows.map((r) => [r.key, r]))
    expect(byKey['lost']).toMatchObject({ b: 0, winner: 'B' })
    expect(byKey['lost']!.a).toBeGreaterThan(0)
    expect(byKey['offline']!.winner).toBe('A')
    expect(byKey['unclean']).toMatchObject({ a: 1, b: 0 })
  })

  it('gives the same result in slices as in one go', async () => {
    const spec = guided('rf3-minisr3-patching')
    const variant = applyChange(spec, { kind: 'minIsr', value: 2 })
    const progress: number[] = []
    const sliced = await compareRunsInSlices(spec, variant, 60_000, {
      sliceMs: 25_000,
      onProgress: (atMs) => progress.push(atMs),
    })
    expect(progress).toEqual([25_000, 50_000, 60_000])
    expect(sliced).toEqual(compareRuns(spec, variant, 60_000))
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
