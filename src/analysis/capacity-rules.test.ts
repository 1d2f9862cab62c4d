/**
 * The advisor's capacity rules, each on a layout where it must fire and one where it must not,
 * and each one-click fix applied: the finding it answers is gone afterwards.
 */
import { describe, expect, it } from 'vitest'
import type { MskBrokerType } from '../engine/capacity/broker-type-names'
import type { SimulationSpec } from '../engine/spec'
import { advise, applyFix } from './advisor'
import type { Finding, FindingId } from './finding-messages'
import { loadGuidedScenario } from '../scenarios'
import { readGuidedFile } from '../scenarios/test-helpers'
import { buildSpec, consumer, producer } from './test-helpers'

/** 3 zones × 2 brokers, a topic of `partitions` at RF 3, `mibps` produced, `groups` reading. */
function layout(
  brokerType: MskBrokerType,
  mibps: number,
  groups: number,
  partitions = 6,
): SimulationSpec {
  const spec = buildSpec({
    brokersPerZone: 2,
    config: { 'min.insync.replicas': 2 },
    topics: [{ name: 'orders', partitions, replicationFactor: 3 }],
    clients: [
      { ...producer('p', 'orders'), recordsPerSecond: mibps * 1024, recordBytes: 1024 },
      ...Array.from({ length: groups }, (_, g) => ({
        ...consumer(`c${g}`, 'orders', [1, 2, 3]),
        group: `g${g}`,
      })),
    ],
  })
  spec.cluster.brokerType = brokerType
  return spec
}

function findings(spec: SimulationSpec, id: FindingId): Finding[] {
  return advise(spec).filter((f) => f.id === id)
}

function only(spec: SimulationSpec, id: FindingId): Finding {
  const found = findings(spec, id)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('headroom-zone-loss', () => {
  it('fires when a zone loss pushes a survivor past its limit, and names a type that fits', () => {
    // 75 MiB/s read by 3 groups: steady 62.5 MiB/s out per broker (70% of 89.4); after
    // use1-az1 brokers 2 and 5 lead two partitions each and send 75 + 25 = 100 MiB/s.
    const spec = layout('kafka.m5.large', 75, 3)
    const f = only(spec, 'headroom-zone-loss')
    expect(f).toMatchObject({
      severity: 'error',
      path: 'cluster.brokerType',
      params: {
        zone: 'use1-az1',
        broker: 2,
        resource: 'networkOut',
        overloaded: 2,
        perZone: 2,
        fitsPerZone: 3,
        fitsType: 'kafka.m5.xlarge',
      },
    })
    expect(f.params).toHaveProperty('peak', Math.round((100 / 89.4069) * 10000) / 10000)
    expect(f.message).toContain('broker 2 runs at 112% of its network bandwidth out')
    expect(f.fix?.label).toBe('Use kafka.m5.xlarge brokers')
    const fixed = applyFix(spec, f.fix!.patch)
    expect(fixed.cluster.brokerType).toBe('kafka.m5.xlarge')
    expect(findings(fixed, 'headroom-zone-loss')).toEqual([])
  })

  it('stays quiet when the survivors carry the zone loss', () => {
    expect(findings(layout('kafka.m5.large', 60, 3), 'headroom-zone-loss')).toEqual([])
  })

  it('says when no larger size of the line fits', () => {
    const f = only(layout('kafka.m5.large', 75 * 40, 3), 'headroom-zone-loss')
    expect(f.params).toMatchObject({ fitsType: null })
    expect(f.fix).toBeUndefined()
  })
})

describe('cpu-above-60', () => {
  it('fires above AWS’s 60% and suggests the next size that stays under it', () => {
    // 85 MiB/s, 3 groups: each broker handles 42.5 in and 70.8 out = 113.3 of 173.6 MiB/s.
    const spec = layout('kafka.m5.large', 85, 3)
    const f = only(spec, 'cpu-above-60')
    expect(f).toMatchObject({
      severity: 'warning',
      params: { brokers: 6, broker: 1, fitsType: 'kafka.m5.xlarge' },
    })
    expect((f.params as { cpu: number }).cpu).toBeCloseTo(0.6527, 3)
    expect(findings(applyFix(spec, f.fix!.patch), 'cpu-above-60')).toEqual([])
  })

  it('stays quiet at 55%', () => {
    expect(findings(layout('kafka.m5.large', 70, 3), 'cpu-above-60')).toEqual([])
  })
})

describe('partitions-per-broker', () => {
  it('warns above the recommended count and suggests a size recommended for it', () => {
    // 2100 partitions × RF 3 over 6 brokers: 1050 replicas each, above m5.large's 1000.
    const spec = layout('kafka.m5.large', 1, 0, 2100)
    const f = only(spec, 'partitions-per-broker')
    expect(f).toMatchObject({
      severity: 'warning',
      params: { partitions: 1050, brokers: 6, recommended: 1000, max: 1500, aboveMax: false },
    })
    expect(f.params).toMatchObject({ fitsType: 'kafka.m5.2xlarge' })
    expect(findings(applyFix(spec, f.fix!.patch), 'partitions-per-broker')).toEqual([])
  })

  it('is an error above the maximum, where MSK blocks configuration updates', () => {
    const f = only(layout('kafka.t3.small', 1, 0, 702), 'partitions-per-broker')
    expect(f).toMatchObject({ severity: 'error', params: { partitions: 351, aboveMax: true } })
    // t3.small grows into the m7g line.
    expect(f.params).toMatchObject({ fitsType: 'kafka.m7g.large' })
  })

  it('stays quiet at the recommended count', () => {
    expect(findings(layout('kafka.m5.large', 1, 0, 1998), 'partitions-per-broker')).toEqual([])
  })
})

describe('volume-throughput-ceiling', () => {
  it('is an error when a broker writes more than its volume takes, with a provisioning fix', () => {
    // 600 MiB/s at RF 3 over 6 brokers: each writes 100 of its own + 200 as a follower.
    const spec = layout('kafka.m5.4xlarge', 600, 0)
    spec.cluster.storage = { volumeGiB: 2000 }
    const f = only(spec, 'volume-throughput-ceiling')
    expect(f).toMatchObject({
      severity: 'error',
      path: 'cluster.storage',
      params: { writesMiBps: 300, ingressMiBps: 100, volumeMiBps: 250, provisionMax: 593 },
    })
    expect(f.fix?.label).toBe('Provision 380 MiB/s of storage throughput per broker')
    const fixed = applyFix(spec, f.fix!.patch)
    expect(fixed.cluster.storage).toEqual({ volumeGiB: 2000, provisionedThroughputMiBps: 380 })
    expect(findings(fixed, 'volume-throughput-ceiling')).toEqual([])
  })

  it('warns above 80% and has no fix on a size that cannot provision', () => {
    // 420 MiB/s: 210 MiB/s of writes per broker, 84% of 250.
    const f = only(layout('kafka.m5.large', 420, 0), 'volume-throughput-ceiling')
    expect(f).toMatchObject({ severity: 'warning', params: { provisionMax: null } })
    expect(f.fix).toBeUndefined()
  })

  it('has no volume to check on Express', () => {
    expect(findings(layout('express.m7g.large', 600, 0), 'volume-throughput-ceiling')).toEqual([])
  })
})

describe('express-fixed-settings', () => {
  it('names each fixed setting a spec breaks', () => {
    const spec = buildSpec({
      zones: ['a', 'b'],
      brokersPerZone: 2,
      topics: [{ name: 't', partitions: 2, replicationFactor: 2 }],
    })
    spec.cluster.brokerType = 'express.m7g.large'
    spec.cluster.storage = { volumeGiB: 100 }
    const found = findings(spec, 'express-fixed-settings')
    expect(found.map((f) => [f.path, (f.params as { setting: string }).setting])).toEqual([
      ['cluster.storage', 'storage'],
      ['cluster.zones', 'zones'],
      ['topics[0].config["min.insync.replicas"]', 'min.insync.replicas'],
      ['topics[0].replicationFactor', 'replicationFactor'],
    ])
    const minIsr = found.find((f) => f.path.includes('min.insync'))!
    expect(minIsr.fix?.label).toBe('Set min.insync.replicas to 2 for t')
  })

  it('finds nothing on an Express layout that keeps them', () => {
    const spec = layout('express.m7g.large', 1, 0)
    expect(findings(spec, 'express-fixed-settings')).toEqual([])
  })
})

describe('without a broker type', () => {
  it('runs no capacity rule', () => {
    const spec = layout('kafka.m5.large', 75 * 40, 3, 2100)
    delete spec.cluster.brokerType
    const ids = new Set(advise(spec).map((f) => f.id))
    for (const id of [
      'headroom-zone-loss',
      'cpu-above-60',
      'partitions-per-broker',
      'volume-throughput-ceiling',
    ] as const) {
      expect(ids.has(id)).toBe(false)
    }
  })
})

describe('the guided capacity scenarios', () => {
  it('right-layout-wrong-size: headroom-zone-loss fires, cpu-above-60 does not', () => {
    const { spec } = loadGuidedScenario('right-layout-wrong-size', readGuidedFile)
    const ids = advise(spec).map((f) => f.id)
    expect(ids).toContain('headroom-zone-loss')
    expect(ids).not.toContain('cpu-above-60')
    const f = only(spec, 'headroom-zone-loss')
    expect(f.params).toMatchObject({ resource: 'networkOut', fitsType: 'kafka.m5.xlarge' })
  })
})
