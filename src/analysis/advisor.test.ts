/**
 * Checks the advisor: for each rule, a hand-built spec where it fires (with its path and
 * severity) and one where it stays silent; the stable ordering; that the MSK-recommended layout
 * gets no findings; and that applying each suggested fix removes its finding without mutating the
 * input spec.
 */
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import type { Finding } from './advisor'
import { advise, applyFix, comparePaths } from './advisor'
import type { SpecInput } from './test-helpers'
import { buildSpec, consumer, producer, recommendedSpec } from './test-helpers'

function withId(spec: SimulationSpec, id: string): Finding[] {
  return advise(spec).filter((f) => f.id === id)
}

const topic = (replicationFactor: number, minIsr?: number, extra: object = {}) =>
  buildSpec({
    brokersPerZone: 2,
    topics: [
      {
        name: 'orders',
        partitions: 3,
        replicationFactor,
        config: minIsr === undefined ? {} : { 'min.insync.replicas': minIsr },
      },
    ],
    ...extra,
  })

describe('advise', () => {
  it('finds nothing in the MSK-recommended layout', () => {
    expect(advise(recommendedSpec())).toEqual([])
  })

  it('sorts by severity, then path with numeric indices, then id', () => {
    const spec = buildSpec({
      brokersPerZone: 2,
      topics: Array.from({ length: 11 }, (_, i) => ({
        name: `t${i}`,
        partitions: 1,
        replicationFactor: i === 10 ? 1 : 3,
      })),
      clients: [producer('p', 't0', { acks: 1 })],
    })
    const findings = advise(spec)
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const infos = findings.filter((f) => f.severity === 'info').map((f) => f.path)
    expect(infos.slice(0, 3)).toEqual([
      'topics[0].config["min.insync.replicas"]',
      'topics[1].config["min.insync.replicas"]',
      'topics[2].config["min.insync.replicas"]',
    ])
    expect(comparePaths('topics[2].x', 'topics[10].x')).toBeLessThan(0)
    expect(advise(spec)).toEqual(findings)
  })
})

describe('rf-1', () => {
  it('fires as an error for replication factor 1', () => {
    const [f] = withId(topic(1), 'rf-1')
    expect(f).toMatchObject({ severity: 'error', path: 'topics[0].replicationFactor' })
    expect(f!.message).toContain('rolling update')
    expect(f!.fix?.patch).toMatchObject({ op: 'setTopicReplicationFactor', replicationFactor: 3 })
  })

  it('is silent for replication factor 3', () => {
    expect(withId(topic(3, 2), 'rf-1')).toEqual([])
  })
})

describe('rf2-min-isr-1', () => {
  it('fires for RF 2 with min ISR 1, inherited from the cluster', () => {
    const [f] = withId(topic(2), 'rf2-min-isr-1')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'topics[0].config["min.insync.replicas"]',
    })
    expect(f!.message).toContain('inherited')
    expect(f!.fix?.patch.op).toBe('sequence')
  })

  it('is silent for RF 2 with min ISR 2, and for RF 3 with min ISR 1', () => {
    expect(withId(topic(2, 2), 'rf2-min-isr-1')).toEqual([])
    expect(withId(topic(3, 1), 'rf2-min-isr-1')).toEqual([])
  })
})

describe('min-isr-equals-rf', () => {
  it('fires when min ISR equals RF above 1', () => {
    const [f] = withId(topic(3, 3), 'min-isr-equals-rf')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'topics[0].config["min.insync.replicas"]',
    })
    expect(f!.message).toContain('NOT_ENOUGH_REPLICAS')
    expect(f!.fix?.patch).toMatchObject({ key: 'min.insync.replicas', value: 2 })
  })

  it('is silent for RF 1 with min ISR 1, for min ISR below RF, and for min ISR above RF', () => {
    expect(withId(topic(1, 1), 'min-isr-equals-rf')).toEqual([])
    expect(withId(topic(3, 2), 'min-isr-equals-rf')).toEqual([])
    expect(withId(topic(2, 3), 'min-isr-equals-rf')).toEqual([])
  })
})

describe('min-isr-above-rf', () => {
  it('warns from Kafka 3.7, where the leader caps min ISR at RF (Partition.effectiveMinIsr)', () => {
    for (const kafkaVersion of ['3.7', '3.9', '4.1'] as const) {
      const [f] = withId(topic(2, 3, { kafkaVersion }), 'min-isr-above-rf')
      expect(f).toMatchObject({
        severity: 'warning',
        path: 'topics[0].config["min.insync.replicas"]',
        params: { version: kafkaVersion, capped: true },
      })
      expect(f!.message).toContain(`Kafka ${kafkaVersion} caps the effective value at 2`)
      expect(f!.message).toContain('succeed only while all 2 replicas are in sync')
    }
  })

  it('is an error on Kafka 3.6, where every acks=all write fails with NOT_ENOUGH_REPLICAS', () => {
    const [f] = withId(topic(2, 3, { kafkaVersion: '3.6' }), 'min-isr-above-rf')
    expect(f).toMatchObject({ severity: 'error', params: { version: '3.6', capped: false } })
    expect(f!.message).toContain('every acks=all write fails with NOT_ENOUGH_REPLICAS')
    expect(f!.fix?.patch).toMatchObject({ key: 'min.insync.replicas', value: 1 })
  })

  it('reads a spec without kafkaVersion as 3.9', () => {
    expect(withId(topic(2, 3), 'min-isr-above-rf')[0]).toMatchObject({
      severity: 'warning',
      params: { version: '3.9', capped: true },
    })
  })

  it('fires for a cluster default above a topic RF', () => {
    const spec = topic(2, undefined, { config: { 'min.insync.replicas': 3 } })
    expect(withId(spec, 'min-isr-above-rf')).toHaveLength(1)
  })

  it('is silent when min ISR is at most RF', () => {
    expect(withId(topic(3, 3), 'min-isr-above-rf')).toEqual([])
    expect(withId(topic(3, 2), 'min-isr-above-rf')).toEqual([])
  })
})

describe('zookeeper-removed-in-4', () => {
  it('tells a ZooKeeper cluster on 3.x that 4.0 removed ZooKeeper (KIP-833)', () => {
    const [f] = withId(buildSpec({ controller: 'zookeeper' }), 'zookeeper-removed-in-4')
    expect(f).toMatchObject({ severity: 'info', path: 'cluster.controller' })
    expect(f!.message).toContain('Kafka 3.9; Kafka 4.0 removed ZooKeeper (KIP-833)')
    const old = withId(
      buildSpec({ controller: 'zookeeper', kafkaVersion: '3.6' }),
      'zookeeper-removed-in-4',
    )
    expect(old[0]!.message).toContain('which needs 3.9 first')
  })

  it('is silent for KRaft', () => {
    expect(withId(buildSpec({ kafkaVersion: '3.6' }), 'zookeeper-removed-in-4')).toEqual([])
  })
})

describe('elr-needs-unreleased-metadata-version', () => {
  const elr = { 'eligible.leader.replicas.enable': true }

  it('warns for ELR on Kafka 3.9, where it needs metadata version 4.0-IV0', () => {
    const [f] = withId(buildSpec({ config: elr }), 'elr-needs-unreleased-metadata-version')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'cluster.config["eligible.leader.replicas.enable"]',
    })
    expect(f!.message).toContain('a real cluster on it runs without ELR')
  })

  it('is silent on 4.0 and 4.1, and with ELR off', () => {
    for (const kafkaVersion of ['4.0', '4.1'] as const) {
      const spec = buildSpec({ config: elr, kafkaVersion })
      expect(withId(spec, 'elr-needs-unreleased-metadata-version')).toEqual([])
    }
    expect(withId(buildSpec(), 'elr-needs-unreleased-metadata-version')).toEqual([])
  })
})

describe('rf-above-zones', () => {
  it('fires for RF 3 on 2 zones and explains the min ISR consequence', () => {
    const spec = topic(3, 2, { zones: ['use1-az1', 'use1-az2'] })
    const [f] = withId(spec, 'rf-above-zones')
    expect(f).toMatchObject({ severity: 'warning', path: 'topics[0].replicationFactor' })
    expect(f!.message).toContain('leaves 1, below min.insync.replicas 2')
  })

  it('is silent for RF 3 on 3 zones', () => {
    expect(withId(topic(3, 2), 'rf-above-zones')).toEqual([])
  })
})

describe('replicas-share-zone', () => {
  const shared = () =>
    buildSpec({
      brokersPerZone: 2,
      topics: [
        {
          name: 'orders',
          partitions: 2,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          // Brokers 1 and 4 are both in use1-az1; partition 1 is fine.
          assignment: [
            [1, 4, 2],
            [2, 3, 4],
          ],
        },
      ],
    })

  it('fires with a count and an example partition', () => {
    const [f] = withId(shared(), 'replicas-share-zone')
    expect(f).toMatchObject({ severity: 'warning', path: 'topics[0].assignment' })
    expect(f!.message).toContain('1 of 2 partitions')
    expect(f!.message).toContain('orders-0 has brokers 1 and 4 in use1-az1')
    expect(f!.fix?.patch.op).toBe('reassign')
  })

  it('is silent when each zone holds one replica, and for RF 4 on 3 zones spread 2+1+1', () => {
    expect(withId(topic(3, 2), 'replicas-share-zone')).toEqual([])
    const rf4 = buildSpec({
      brokersPerZone: 2,
      topics: [{ name: 't', partitions: 1, replicationFactor: 4, assignment: [[1, 4, 2, 3]] }],
    })
    expect(withId(rf4, 'replicas-share-zone')).toEqual([])
  })
})

describe('single-zone', () => {
  it('fires as an error for a one-zone cluster', () => {
    const spec = buildSpec({ zones: ['use1-az1'], brokersPerZone: 3 })
    expect(withId(spec, 'single-zone')).toMatchObject([
      { severity: 'error', path: 'cluster.zones' },
    ])
  })

  it('fires when every broker sits in one of several zones', () => {
    const spec = buildSpec({ brokers: [1, 2, 3].map((id) => ({ id, zone: 'use1-az1' })) })
    const [f] = withId(spec, 'single-zone')
    expect(f!.message).toContain('Every broker is in use1-az1')
  })

  it('is silent for two zones', () => {
    expect(withId(buildSpec({ zones: ['a', 'b'] }), 'single-zone')).toEqual([])
  })
})

describe('unclean-election-enabled', () => {
  it('fires for the cluster default, naming the topics that inherit it', () => {
    const spec = topic(3, 2, { config: { 'unclean.leader.election.enable': true } })
    const [f] = withId(spec, 'unclean-election-enabled')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'cluster.config["unclean.leader.election.enable"]',
    })
    expect(f!.message).toContain('"orders"')
    expect(f!.fix?.patch).toEqual({
      op: 'setClusterConfig',
      key: 'unclean.leader.election.enable',
      value: false,
    })
  })

  it('fires for a topic override', () => {
    const spec = buildSpec({
      topics: [
        {
          name: 'orders',
          partitions: 1,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': true },
        },
      ],
    })
    expect(withId(spec, 'unclean-election-enabled')).toMatchObject([
      { path: 'topics[0].config["unclean.leader.election.enable"]' },
    ])
  })

  it('is silent when unclean election is disabled everywhere', () => {
    expect(withId(recommendedSpec(), 'unclean-election-enabled')).toEqual([])
  })
})

describe('acks-not-all', () => {
  const withProducer = (acks: -1 | 0 | 1) =>
    buildSpec({
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
      clients: [consumer('c', 'orders', [1, 2, 3]), producer('p', 'orders', { acks })],
    })

  it('fires for acks=1 and acks=0 at the producer acks path', () => {
    expect(withId(withProducer(1), 'acks-not-all')).toMatchObject([
      { severity: 'warning', path: 'clients[1].config.acks' },
    ])
    const [zero] = withId(withProducer(0), 'acks-not-all')
    expect(zero!.message).toContain('acks=0')
  })

  it('is silent for acks=all', () => {
    expect(withId(withProducer(-1), 'acks-not-all')).toEqual([])
  })
})

describe('bootstrap rules', () => {
  const withBootstrap = (servers: number[], extra: SpecInput = {}) =>
    buildSpec({ brokersPerZone: 2, clients: [consumer('c', 'orders', servers)], ...extra })

  it('bootstrap-single-broker fires for one listed broker', () => {
    const [f] = withId(withBootstrap([4]), 'bootstrap-single-broker')
    expect(f).toMatchObject({ severity: 'warning', path: 'clients[0].config["bootstrap.servers"]' })
    expect(f!.fix?.patch).toMatchObject({ key: 'bootstrap.servers', value: [4, 2, 3] })
    expect(withId(withBootstrap([4]), 'bootstrap-missing-zone')).toEqual([])
  })

  it('bootstrap-single-broker is silent for two brokers', () => {
    expect(withId(withBootstrap([1, 2]), 'bootstrap-single-broker')).toEqual([])
  })

  it('bootstrap-missing-zone fires as info when a zone is not covered', () => {
    const [f] = withId(withBootstrap([1, 2]), 'bootstrap-missing-zone')
    expect(f).toMatchObject({ severity: 'info', path: 'clients[0].config["bootstrap.servers"]' })
    expect(f!.message).toContain('use1-az3')
  })

  it('bootstrap-missing-zone is silent when every zone is covered', () => {
    expect(withId(withBootstrap([1, 5, 6]), 'bootstrap-missing-zone')).toEqual([])
  })
})

describe('brokers-not-multiple-of-zones', () => {
  it('fires for 4 brokers on 3 zones', () => {
    const spec = buildSpec({
      brokers: [1, 2, 3, 4].map((id) => ({ id, zone: `use1-az${((id - 1) % 3) + 1}` })),
    })
    const [f] = withId(spec, 'brokers-not-multiple-of-zones')
    expect(f).toMatchObject({ severity: 'warning', path: 'cluster.brokers' })
    expect(f!.message).toContain('use1-az1: 2, use1-az2: 1, use1-az3: 1')
  })

  it('fires for 6 brokers split 4+1+1', () => {
    const zones = ['use1-az1', 'use1-az1', 'use1-az1', 'use1-az1', 'use1-az2', 'use1-az3']
    const spec = buildSpec({ brokers: zones.map((zone, k) => ({ id: k + 1, zone })) })
    expect(withId(spec, 'brokers-not-multiple-of-zones')).toHaveLength(1)
  })

  it('is silent for 6 brokers on 3 zones', () => {
    expect(withId(buildSpec({ brokersPerZone: 2 }), 'brokers-not-multiple-of-zones')).toEqual([])
  })
})

describe('control-plane-majority-in-one-zone', () => {
  it('fires when 2 of 3 controllers share a zone', () => {
    const spec = buildSpec({
      zones: ['use1-az1', 'use1-az2'],
      controllerZones: ['use1-az1', 'use1-az2', 'use1-az1'],
    })
    const [f] = withId(spec, 'control-plane-majority-in-one-zone')
    expect(f).toMatchObject({ severity: 'error', path: 'cluster.controllers' })
    expect(f!.message).toContain('2 of 3 KRaft controller quorum voters are in use1-az1')
  })

  it('names ZooKeeper nodes in ZooKeeper mode', () => {
    const spec = buildSpec({ controller: 'zookeeper', controllerZones: ['use1-az1'] })
    const [f] = withId(spec, 'control-plane-majority-in-one-zone')
    expect(f!.message).toContain('ZooKeeper nodes')
  })

  it('is silent for one controller per zone', () => {
    expect(withId(recommendedSpec(), 'control-plane-majority-in-one-zone')).toEqual([])
  })
})

describe('min-isr-1-recommended-2', () => {
  it('fires as info for RF 3 with min ISR 1', () => {
    const [f] = withId(topic(3, 1), 'min-isr-1-recommended-2')
    expect(f).toMatchObject({ severity: 'info', path: 'topics[0].config["min.insync.replicas"]' })
    expect(f!.fix?.patch).toMatchObject({ key: 'min.insync.replicas', value: 2 })
  })

  it('is silent for RF 3 with min ISR 2 and for RF 2 with min ISR 1', () => {
    expect(withId(topic(3, 2), 'min-isr-1-recommended-2')).toEqual([])
    expect(withId(topic(2, 1), 'min-isr-1-recommended-2')).toEqual([])
  })
})

describe('applyFix', () => {
  /** A layout that breaks most rules at once, each with a fix. */
  const broken = () =>
    buildSpec({
      brokersPerZone: 2,
      config: { 'unclean.leader.election.enable': true },
      topics: [
        { name: 'single', partitions: 4, replicationFactor: 1 },
        { name: 'pair', partitions: 4, replicationFactor: 2 },
        {
          name: 'strict',
          partitions: 2,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 3 },
        },
        { name: 'over', partitions: 2, replicationFactor: 2, config: { 'min.insync.replicas': 4 } },
        {
          name: 'crowded',
          partitions: 2,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          assignment: [
            [1, 4, 2],
            [3, 6, 1],
          ],
          initial: [{ leader: 1, isr: [1, 4] }, null],
        },
      ],
      clients: [producer('p', 'single', { acks: 0, 'bootstrap.servers': [2] })],
    })

  it('removes each finding it fixes, and leaves the input untouched', () => {
    const spec = broken()
    const before = JSON.stringify(spec)
    const findings = advise(spec).filter((f) => f.fix !== undefined)
    expect(findings.map((f) => f.id).sort()).toEqual([
      'acks-not-all',
      'bootstrap-single-broker',
      'min-isr-above-rf',
      'min-isr-equals-rf',
      'replicas-share-zone',
      'rf-1',
      'rf2-min-isr-1',
      'unclean-election-enabled',
    ])
    for (const finding of findings) {
      const fixed = applyFix(spec, finding.fix!.patch)
      const again = advise(fixed).filter((f) => f.id === finding.id && f.path === finding.path)
      expect(again, `${finding.id} at ${finding.path}`).toEqual([])
    }
    expect(JSON.stringify(spec)).toBe(before)
  })

  it('drops imported partition state on reassignment and keeps the new RF consistent', () => {
    const spec = broken()
    const reassign = advise(spec).find((f) => f.id === 'replicas-share-zone')!.fix!.patch
    const crowded = applyFix(spec, reassign).topics.find((t) => t.name === 'crowded')!
    expect(crowded.initial).toBeUndefined()
    const raise = advise(spec).find((f) => f.id === 'rf-1')!.fix!.patch
    const single = applyFix(spec, raise).topics.find((t) => t.name === 'single')!
    expect(single.replicationFactor).toBe(3)
    expect(single.assignment.every((r) => r.length === 3 && new Set(r).size === 3)).toBe(true)
  })

  it('rejects an assignment that does not match the partitions and replication factor', () => {
    const spec = recommendedSpec()
    expect(() =>
      applyFix(spec, { op: 'reassign', topic: 'orders', assignment: [[1, 2, 3]] }),
    ).toThrow(/needs 6 lists of 3 distinct brokers/)
  })

  it('rejects unknown topics and clients, and acks on a consumer', () => {
    const spec = buildSpec({ clients: [consumer('c', 't', [1, 2, 3])] })
    expect(() =>
      applyFix(spec, { op: 'setTopicConfig', topic: 'nope', key: 'min.insync.replicas', value: 2 }),
    ).toThrow(/Unknown topic/)
    expect(() =>
      applyFix(spec, { op: 'setClientConfig', client: 'nope', key: 'acks', value: -1 }),
    ).toThrow(/Unknown client/)
    expect(() =>
      applyFix(spec, { op: 'setClientConfig', client: 'c', key: 'acks', value: -1 }),
    ).toThrow(/not a producer/)
  })
})
