/**
 * Checks the advisor: for each rule, a hand-built spec where it fires (with its path and
 * severity, named in Kafka's terms: replicas, zones, ISR against min.insync.replicas) and one
 * where it stays silent; that the zone-loss error agrees with the survivability matrix; the stable ordering; that the MSK-recommended layout
 * gets no findings; and that applying each suggested fix removes its finding without mutating the
 * input spec.
 */
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import type { Finding } from './advisor'
import { advise, applyFix, comparePaths } from './advisor'
import type { SpecInput } from './test-helpers'
import { buildSpec, consumer, producer, recommendedSpec } from './test-helpers'
import { survivabilityMatrix } from './survivability'

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
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.path)
    expect(warnings.slice(0, 4)).toEqual([
      'clients[0].config.acks',
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

  it('notes (info: a real cluster ignores the setting) ELR on Kafka 3.9, which needs metadata version 4.0-IV0', () => {
    const [f] = withId(buildSpec({ config: elr }), 'elr-needs-unreleased-metadata-version')
    expect(f).toMatchObject({
      severity: 'info',
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
  it('warns for RF 3 on 2 zones with min ISR 1: losing the zone with 2 replicas leaves 1 >= 1', () => {
    const spec = topic(3, 1, { zones: ['use1-az1', 'use1-az2'] })
    const [f] = withId(spec, 'rf-above-zones')
    expect(f).toMatchObject({ severity: 'warning', path: 'topics[0].replicationFactor' })
    expect(f!.message).toContain('losing it leaves 1.')
    expect(withId(spec, 'zone-loss-unavailable')).toEqual([])
  })

  it('warns for RF 4 on 3 zones spread 2+1+1 with min ISR 2: a zone loss leaves 2 >= 2', () => {
    const spec = buildSpec({
      brokersPerZone: 2,
      topics: [
        {
          name: 't',
          partitions: 1,
          replicationFactor: 4,
          config: { 'min.insync.replicas': 2 },
          assignment: [[1, 4, 2, 3]],
        },
      ],
    })
    expect(withId(spec, 'rf-above-zones')).toMatchObject([{ severity: 'warning' }])
    expect(withId(spec, 'zone-loss-unavailable')).toEqual([])
    expect(withId(spec, 'replicas-share-zone')).toEqual([])
  })

  it('gives way to the zone-loss error for RF 3 on 2 zones with min ISR 2', () => {
    const spec = topic(3, 2, { zones: ['use1-az1', 'use1-az2'] })
    expect(withId(spec, 'rf-above-zones')).toEqual([])
    expect(withId(spec, 'zone-loss-unavailable')).toMatchObject([{ severity: 'error' }])
  })

  it('is silent for RF 3 on 3 zones', () => {
    expect(withId(topic(3, 2), 'rf-above-zones')).toEqual([])
  })
})

/** Brokers 1..6 dealt over use1-az1..az3: 1 and 4 in az1, 2 and 5 in az2, 3 and 6 in az3. */
const sixBrokers = (topics: NonNullable<SpecInput['topics']>, extra: SpecInput = {}) =>
  buildSpec({ brokersPerZone: 2, topics, ...extra })

/** Partition 0 on [1,4,2] (brokers 1 and 4 in use1-az1); partition 1 on [2,3,4], one per zone. */
const crowded = (minIsr: number | undefined, extra: SpecInput = {}) =>
  sixBrokers(
    [
      {
        name: 'orders',
        partitions: 2,
        replicationFactor: 3,
        config: minIsr === undefined ? {} : { 'min.insync.replicas': minIsr },
        assignment: [
          [1, 4, 2],
          [2, 3, 4],
        ],
      },
    ],
    extra,
  )

/** The findings a zone loss makes errors: zone-loss-unavailable and replicas-share-zone errors. */
function zoneErrors(spec: SimulationSpec): Finding[] {
  return advise(spec).filter(
    (f) =>
      f.severity === 'error' &&
      (f.id === 'zone-loss-unavailable' || f.id === 'replicas-share-zone'),
  )
}

describe('replicas-share-zone', () => {
  it('RF 3, min.insync.replicas 2, replicas [1,4,2] with brokers 1 and 4 in use1-az1: losing use1-az1 leaves ISR 1 < 2, an error', () => {
    const spec = crowded(2)
    const [f] = withId(spec, 'replicas-share-zone')
    expect(f).toMatchObject({
      severity: 'error',
      path: 'topics[0].assignment',
      params: {
        topic: 'orders',
        shared: 1,
        partitions: 2,
        stopped: 1,
        minIsr: 2,
        zones: [{ zone: 'use1-az1', offline: 0, unwritable: 1 }],
        stoppedExample: {
          partition: 0,
          zone: 'use1-az1',
          brokers: [1, 4],
          inSyncLeft: 1,
          offline: false,
        },
      },
    })
    expect(f!.message).toContain('Losing one zone stops 1 of 2 partitions of "orders"')
    expect(f!.message).toContain('orders-0 has brokers 1 and 4 in use1-az1')
    expect(f!.message).toContain('leaves 1 in-sync replica, below min.insync.replicas 2')
    expect(f!.message).toContain('NOT_ENOUGH_REPLICAS')
    // One cause, one finding: the zone loss is not reported again.
    expect(withId(spec, 'zone-loss-unavailable')).toEqual([])
    expect(f!.fix?.patch.op).toBe('reassign')
    const fixed = applyFix(spec, f!.fix!.patch)
    expect(withId(fixed, 'replicas-share-zone')).toEqual([])
    expect(zoneErrors(fixed)).toEqual([])
  })

  it('RF 3, min.insync.replicas 1, replicas [1,4,2]: losing use1-az1 leaves ISR 1 >= 1, a warning', () => {
    const [f] = withId(crowded(1), 'replicas-share-zone')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'topics[0].assignment',
      params: { shared: 1, stopped: 0, zones: [], stoppedExample: null },
    })
    expect(f!.message).toContain('1 of 2 partitions')
    expect(f!.message).toContain('orders-0 has brokers 1 and 4 in use1-az1')
    expect(f!.message).toContain('acks=all writes continue')
    expect(f!.fix?.patch.op).toBe('reassign')
  })

  it('reads min.insync.replicas as the topic override, else the cluster config, else the default 1', () => {
    // Cluster min.insync.replicas 2, no override: losing use1-az1 leaves ISR 1 < 2.
    const inherited = crowded(undefined, { config: { 'min.insync.replicas': 2 } })
    expect(withId(inherited, 'replicas-share-zone')).toMatchObject([
      { severity: 'error', params: { minIsr: 2 } },
    ])
    // Cluster 2, topic override 1: ISR 1 >= 1.
    const overridden = crowded(1, { config: { 'min.insync.replicas': 2 } })
    expect(withId(overridden, 'replicas-share-zone')).toMatchObject([{ severity: 'warning' }])
    // Neither: Kafka's default min.insync.replicas 1.
    expect(withId(crowded(undefined), 'replicas-share-zone')).toMatchObject([
      { severity: 'warning', params: { minIsr: 1 } },
    ])
  })

  it('RF 2, replicas [1,4] both in use1-az1: losing use1-az1 leaves no replica, the partition offline', () => {
    const spec = sixBrokers([
      {
        name: 'pairs',
        partitions: 2,
        replicationFactor: 2,
        assignment: [
          [1, 4],
          [2, 3],
        ],
      },
    ])
    const [f] = withId(spec, 'replicas-share-zone')
    expect(f).toMatchObject({
      severity: 'error',
      params: {
        stopped: 1,
        zones: [{ zone: 'use1-az1', offline: 1, unwritable: 0 }],
        stoppedExample: { partition: 0, brokers: [1, 4], inSyncLeft: 0, offline: true },
      },
    })
    expect(f!.message).toContain('no leader can be elected')
  })

  it('counts every shared partition, and says how many of them stay writable', () => {
    // min ISR 2: [1,4,2] and [3,6,2] lose 2 replicas with use1-az1 and use1-az3; RF 4 on
    // [1,4,2,5] loses 2 of 4 with either zone and keeps 2 >= 2.
    const spec = sixBrokers([
      {
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: { 'min.insync.replicas': 2 },
        assignment: [
          [1, 4, 2],
          [3, 6, 2],
          [1, 2, 3],
        ],
      },
      {
        name: 'wide',
        partitions: 1,
        replicationFactor: 4,
        config: { 'min.insync.replicas': 2 },
        assignment: [[1, 4, 2, 5]],
      },
    ])
    expect(withId(spec, 'replicas-share-zone')).toMatchObject([
      {
        severity: 'error',
        path: 'topics[0].assignment',
        params: {
          shared: 2,
          stopped: 2,
          zones: [
            { zone: 'use1-az1', unwritable: 1 },
            { zone: 'use1-az3', unwritable: 1 },
          ],
        },
      },
      { severity: 'warning', path: 'topics[1].assignment', params: { shared: 1, stopped: 0 } },
    ])
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

describe('zone-loss-unavailable', () => {
  it('RF 3, min.insync.replicas 3 = RF, one replica per zone: losing any zone leaves ISR 2 < 3', () => {
    const spec = topic(3, 3)
    const [f] = withId(spec, 'zone-loss-unavailable')
    expect(f).toMatchObject({
      severity: 'error',
      path: 'topics[0].config["min.insync.replicas"]',
      params: {
        affected: 3,
        minIsr: 3,
        cause: 'min-isr-equals-rf',
        zones: ['use1-az1', 'use1-az2', 'use1-az3'].map((zone) => ({
          zone,
          offline: 0,
          unwritable: 3,
        })),
        example: { partition: 0, zone: 'use1-az1', brokers: [1], inSyncLeft: 2, offline: false },
      },
    })
    expect(f!.message).toContain('leaves 2 in-sync replicas, below min.insync.replicas 3')
    // What one broker down does stays its own warning.
    expect(withId(spec, 'min-isr-equals-rf')).toMatchObject([{ severity: 'warning' }])
    expect(f!.fix?.patch).toMatchObject({ key: 'min.insync.replicas', value: 2 })
    expect(zoneErrors(applyFix(spec, f!.fix!.patch))).toEqual([])
  })

  it('min.insync.replicas 3 from the cluster config on RF 3 counts too; a topic override of 2 clears it', () => {
    const inherited = topic(3, undefined, { config: { 'min.insync.replicas': 3 } })
    expect(withId(inherited, 'zone-loss-unavailable')).toMatchObject([{ params: { minIsr: 3 } }])
    const overridden = topic(3, 2, { config: { 'min.insync.replicas': 3 } })
    expect(withId(overridden, 'zone-loss-unavailable')).toEqual([])
  })

  it('RF 3 on 2 zones, min.insync.replicas 2: the zone with 2 replicas leaves ISR 1 < 2', () => {
    // Brokers 1 and 3 in use1-az1, 2 and 4 in use1-az2; partitions [1,2,3], [2,3,4], [3,4,1].
    const spec = topic(3, 2, { zones: ['use1-az1', 'use1-az2'] })
    const [f] = withId(spec, 'zone-loss-unavailable')
    expect(f).toMatchObject({
      severity: 'error',
      path: 'topics[0].replicationFactor',
      params: {
        affected: 3,
        cause: 'rf-above-zones',
        zones: [
          { zone: 'use1-az1', offline: 0, unwritable: 2 },
          { zone: 'use1-az2', offline: 0, unwritable: 1 },
        ],
        example: { partition: 0, zone: 'use1-az1', brokers: [1, 3], inSyncLeft: 1 },
      },
    })
    expect(f!.fix).toBeUndefined()
    expect(withId(spec, 'rf-above-zones')).toEqual([])
  })

  it('RF 4 on 3 zones spread 2+1+1 with min.insync.replicas 3: losing the zone with 2 leaves ISR 2 < 3', () => {
    const spec = sixBrokers([
      {
        name: 't',
        partitions: 1,
        replicationFactor: 4,
        config: { 'min.insync.replicas': 3 },
        assignment: [[1, 4, 2, 3]],
      },
    ])
    expect(withId(spec, 'zone-loss-unavailable')).toMatchObject([
      { params: { cause: 'rf-above-zones', zones: [{ zone: 'use1-az1', unwritable: 1 }] } },
    ])
    expect(withId(spec, 'rf-above-zones')).toEqual([])
  })

  it('imported ISR [1,2] of replicas [1,2,3], min.insync.replicas 2: losing use1-az1 or use1-az2 leaves ISR 1 < 2', () => {
    const spec = buildSpec({
      topics: [
        {
          name: 'imported',
          partitions: 1,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          assignment: [[1, 2, 3]],
          initial: [{ leader: 1, isr: [1, 2] }],
        },
      ],
    })
    expect(withId(spec, 'zone-loss-unavailable')).toMatchObject([
      {
        path: 'topics[0].initial',
        params: {
          cause: 'isr-state',
          zones: [
            { zone: 'use1-az1', unwritable: 1 },
            { zone: 'use1-az2', unwritable: 1 },
          ],
        },
      },
    ])
  })

  it('leaves what is already stopped, RF 1 and a one-zone cluster to their own errors', () => {
    // Kafka 3.6 refuses every acks=all write with min.insync.replicas 3 above RF 2.
    const refused = topic(2, 3, { kafkaVersion: '3.6' })
    expect(zoneErrors(refused)).toEqual([])
    expect(withId(refused, 'min-isr-above-rf')).toMatchObject([{ severity: 'error' }])
    expect(zoneErrors(topic(1))).toEqual([])
    expect(withId(topic(1), 'rf-1')).toMatchObject([{ severity: 'error' }])
    const oneZone = buildSpec({
      zones: ['use1-az1'],
      brokersPerZone: 3,
      topics: [
        { name: 'o', partitions: 1, replicationFactor: 3, config: { 'min.insync.replicas': 2 } },
      ],
    })
    expect(zoneErrors(oneZone)).toEqual([])
    expect(withId(oneZone, 'single-zone')).toMatchObject([{ severity: 'error' }])
  })

  it('is silent for the MSK-recommended layout', () => {
    expect(zoneErrors(recommendedSpec())).toEqual([])
  })

  it('agrees with the survivability matrix: the zone errors add up to each zone row', () => {
    const spec = sixBrokers(
      [
        {
          name: 'a',
          partitions: 3,
          replicationFactor: 3,
          assignment: [
            [1, 4, 2],
            [2, 5, 3],
            [3, 1, 2],
          ],
        },
        {
          name: 'b',
          partitions: 2,
          replicationFactor: 2,
          assignment: [
            [1, 4],
            [5, 6],
          ],
        },
        { name: 'c', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 3 } },
      ],
      { config: { 'min.insync.replicas': 2 } },
    )
    const findings = zoneErrors(spec)
    expect(findings.map((f) => `${f.id} ${f.path}`)).toEqual([
      'replicas-share-zone topics[0].assignment',
      'replicas-share-zone topics[1].assignment',
      // b-1 on [5,6], one per zone, with min ISR 2 = RF 2: any zone loss leaves ISR 1 < 2.
      'zone-loss-unavailable topics[1].config["min.insync.replicas"]',
      'zone-loss-unavailable topics[2].config["min.insync.replicas"]',
    ])
    const zoneCounts = findings.flatMap((f) =>
      f.id === 'zone-loss-unavailable' || f.id === 'replicas-share-zone' ? f.params.zones : [],
    )
    const rows = survivabilityMatrix(spec).failures.filter((f) => f.kind === 'zone')
    expect(rows.some((row) => row.unwritablePartitions > 0)).toBe(true)
    for (const row of rows) {
      const counts = zoneCounts.filter((z) => z.zone === row.name)
      expect(
        counts.reduce((n, z) => n + z.offline, 0),
        row.name,
      ).toBe(row.offlinePartitions)
      expect(
        counts.reduce((n, z) => n + z.unwritable, 0),
        row.name,
      ).toBe(row.unwritablePartitions)
    }
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

  it('bootstrap-missing-zone is info when the listed brokers span two zones: any zone loss leaves one', () => {
    const [f] = withId(withBootstrap([1, 2]), 'bootstrap-missing-zone')
    expect(f).toMatchObject({ severity: 'info', path: 'clients[0].config["bootstrap.servers"]' })
    expect(f!.message).toContain('use1-az3')
    expect(f!.message).toContain('any single zone loss still leaves a broker it lists')
  })

  it('bootstrap-missing-zone warns when every listed broker is in one zone: losing it stops connecting', () => {
    // Brokers 1 and 4 are both in use1-az1.
    const [f] = withId(withBootstrap([1, 4]), 'bootstrap-missing-zone')
    expect(f).toMatchObject({ severity: 'warning', params: { listedZones: ['use1-az1'] } })
    expect(f!.message).toContain('every broker it lists is in use1-az1')
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
  it('warns for RF 3 with min ISR 1: one replica alone can acknowledge an acks=all write', () => {
    const [f] = withId(topic(3, 1), 'min-isr-1-recommended-2')
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'topics[0].config["min.insync.replicas"]',
    })
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
    expect(findings.map((f) => `${f.id} ${f.fix!.code}`).sort()).toEqual([
      'acks-not-all set-acks-all',
      'bootstrap-single-broker bootstrap-per-zone',
      'min-isr-above-rf set-min-isr',
      'min-isr-equals-rf set-min-isr',
      // "crowded" loses acks=all writes with use1-az1 or use1-az3; "strict" (min ISR 3 = RF 3)
      // and "over" (min ISR 4, capped at RF 2) with any zone.
      'replicas-share-zone reassign-zones',
      'rf-1 raise-replication',
      'rf2-min-isr-1 raise-replication',
      'unclean-election-enabled disable-unclean-cluster',
      'zone-loss-unavailable set-min-isr',
      'zone-loss-unavailable set-min-isr',
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
    const reassign = advise(spec).find((f) => f.fix?.code === 'reassign-zones')!.fix!.patch
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
